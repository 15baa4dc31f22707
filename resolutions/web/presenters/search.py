"""The search page's parts: the hits and groups as flat dicts, the filter chips, the facets, and the links
that change one parameter of the search."""

from __future__ import annotations

from urllib.parse import urlencode

from django.utils import translation
from django.utils.translation import gettext_noop

from resolutions.models import Paragraph
from resolutions.reference.bodies import BODIES
from resolutions.reference.permalinks import paragraph_url
from resolutions.search import execute
from resolutions.search.filters import LANGUAGE_CHOICES, ParagraphSearchFilter
from resolutions.web.languages import TextLanguage, interface_code

# How a facet's value becomes filter parameters.
FACET_PARAMETERS = {
    "language": lambda value: {"language": value},
    "body": lambda value: {"body": value},
    "session": lambda value: {"session": value},
    "year": lambda value: {"year_from": value, "year_to": value},
    "committee": lambda value: {"committee": value},
    "kind": lambda value: {"kind": value},
    "opening": lambda value: {"opening": value},
}
# Marked for translation; the template translates them in the page's language.
FACET_TITLES = {
    "language": gettext_noop("Language"),
    "body": gettext_noop("Body"),
    "session": gettext_noop("Session"),
    "year": gettext_noop("Year"),
    "committee": gettext_noop("Committee"),
    "kind": gettext_noop("Paragraph"),
    "opening": gettext_noop("Opening phrase"),
}


def search_url(params: list[tuple[str, str]], **changes) -> str:
    """The search URL with ``changes`` applied (None removes a parameter); the page resets."""
    kept = [(name, value) for name, value in params if name != "page" and name not in changes]
    return "?" + urlencode(kept + [(name, value) for name, value in changes.items() if value is not None])


def page_url(params: list[tuple[str, str]], page: int) -> str:
    """The search URL at another page."""
    return "?" + urlencode([(name, value) for name, value in params if name != "page"] + [("page", page)])


def filter_label(name: str, value) -> str:
    """A filter's value as people read it: the body's name, the paragraph kind's."""
    if name == "body":
        return BODIES[value].name if value in BODIES else value
    if name == "kind":
        return dict(Paragraph.KIND_CHOICES).get(value, value)
    if name == "language":
        return dict(LANGUAGE_CHOICES).get(value, value)
    return str(value)


def filter_title(name: str) -> str:
    """'Adopted from (year)' for 'year_from'."""
    return ParagraphSearchFilter.base_filters[name].label


def chips(params: list[tuple[str, str]], active_filters: dict) -> list[dict]:
    """The filters in force, each with the URL of the search without it."""
    return [
        {
            "label": f"{filter_title(name)}: {filter_label(name, value)}",
            "remove_url": search_url(params, **{name: None}),
        }
        for name, value in active_filters.items()
    ]


def facets(params: list[tuple[str, str]], results: execute.Results) -> list[dict]:
    """Each facet with values, each value with its count and the URL of the search narrowed to it."""
    return [_facet(params, name, values) for name, values in results.facets.items() if values]


def _facet(params: list[tuple[str, str]], name: str, values: list[tuple[str, int]]) -> dict:
    # The query string without this facet's parameters is built once; each value appends its own.
    base = search_url(params, **dict.fromkeys(FACET_PARAMETERS[name]("")))
    separator = "&" if len(base) > 1 else ""
    return {
        "title": FACET_TITLES[name],
        "values": [
            {
                "label": filter_label(name, value),
                "count": f"{count:,}",
                "url": base + separator + urlencode(FACET_PARAMETERS[name](value)),
            }
            for value, count in values
        ],
    }


def hit_context(hit: execute.Hit, aligned: dict | None = None) -> dict:
    """What the page shows of a hit, as a flat dict: the hit's JSON, and the names and dates as printed. Flat,
    so that the template reads each value with one lookup (twenty hits of a dozen values each, on every search).
    ``aligned``: the same paragraphs in the language asked to be shown beside, by (resolution id, key)."""
    shown = (aligned or {}).get((hit.resolution.pk, hit.paragraph.key)) if hit.paragraph else None
    return {
        **hit.as_json(),
        "body_name": hit.resolution.body.name,
        "adopted_text": hit.adopted_text,
        "text_language": TextLanguage(hit.language),
        "aligned": shown,
    }


def aligned_context(paragraphs, language: str) -> dict:
    """The paragraphs shown beside the hits, by (resolution id, key): their text, language and address."""
    with translation.override(interface_code(language)):
        return {
            (paragraph.resolution_id, paragraph.key): {
                "text": paragraph.text,
                "language": TextLanguage(language),
                "url": paragraph_url(paragraph.resolution.symbol, paragraph.key),
            }
            for paragraph in paragraphs
        }


def group_context(group: execute.Group, aligned: dict | None = None) -> dict:
    """What the page shows of a resolution's hits, as a flat dict."""
    resolution = group.resolution
    return {
        "url": group.url,
        "symbol": resolution.symbol,
        "title": resolution.title,
        "body_name": resolution.body.name,
        "adopted_text": group.hits[0].adopted_text,
        "total": group.total,
        "hits": [hit_context(hit, aligned) for hit in group.hits],
    }
