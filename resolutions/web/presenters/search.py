"""The search page's parts: the hits and groups as flat dicts, the filter chips, the facets, and the links
that change one parameter of the search."""

from __future__ import annotations

from urllib.parse import urlencode

from django.utils import translation
from django.utils.translation import gettext_noop

from resolutions.models import Paragraph
from resolutions.reference.bodies import BODIES
from resolutions.reference.permalinks import paragraph_url
from resolutions.search import execute, record
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
    "adoption": lambda value: {"adoption": value},
    "sponsor": lambda value: {"sponsor": value},
    "sdg": lambda value: {"sdg": value},
    "subject": lambda value: {"subject": value},
    "vote": lambda value: {"vote": value},
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
    "adoption": gettext_noop("Adopted"),
    "sponsor": gettext_noop("Sponsor"),
    "sdg": gettext_noop("Sustainable Development Goal"),
    "subject": gettext_noop("Subject"),
    "vote": gettext_noop("Its vote"),
}
# The filters whose values are named from the archive's records (``selectors.record.record_names``), and the
# kind of name each one needs.
NAMED_FILTERS = {"voter": "state", "sponsor": "state", "sdg": "sdg", "subject": "subject"}
RECORD_FILTERS = ("adoption", "voter", "vote", "sponsor", "sdg", "subject")


def search_url(params: list[tuple[str, str]], **changes) -> str:
    """The search URL with ``changes`` applied (None removes a parameter); the page resets."""
    kept = [(name, value) for name, value in params if name != "page" and name not in changes]
    return "?" + urlencode(kept + [(name, value) for name, value in changes.items() if value is not None])


def page_url(params: list[tuple[str, str]], page: int) -> str:
    """The search URL at another page."""
    return "?" + urlencode([(name, value) for name, value in params if name != "page"] + [("page", page)])


def filter_label(name: str, value, names: dict | None = None) -> str:
    """A filter's value as people read it: the body's name, the paragraph kind's, a state's, an SDG's or a
    subject's (from ``names``, as ``selectors.record.record_names`` gives them)."""
    if name == "body":
        return BODIES[value].name if value in BODIES else value
    if name == "kind":
        return dict(Paragraph.KIND_CHOICES).get(value, value)
    if name == "language":
        return dict(LANGUAGE_CHOICES).get(value, value)
    if name == "adoption":
        return dict(record.ADOPTIONS).get(value, value)
    if name == "vote":
        return record.VOTE_LABELS.get(value, value)
    if name in NAMED_FILTERS:
        return (names or {}).get((NAMED_FILTERS[name], str(value)), str(value))
    return str(value)


def names_wanted(active_filters: dict, results: execute.Results | None) -> dict[str, set[str]]:
    """The codes, SDG numbers and subject addresses the page shows, as ``record_names`` takes them."""
    wanted = {"state_codes": set(), "goal_numbers": set(), "subject_slugs": set()}
    keyword = {"state": "state_codes", "sdg": "goal_numbers", "subject": "subject_slugs"}
    for name, value in active_filters.items():
        if name in NAMED_FILTERS:
            wanted[keyword[NAMED_FILTERS[name]]].add(str(value))
    if results is not None:
        for name in ("sponsor", "sdg", "subject"):
            wanted[keyword[NAMED_FILTERS[name]]].update(value for value, _ in results.facets.get(name, []))
    return wanted


def filter_title(name: str) -> str:
    """'Adopted from (year)' for 'year_from'."""
    return ParagraphSearchFilter.base_filters[name].label


def chips(params: list[tuple[str, str]], active_filters: dict, names: dict | None = None) -> list[dict]:
    """The filters in force, each with the URL of the search without it (a state's vote goes with the state)."""
    return [
        {
            "label": f"{filter_title(name)}: {filter_label(name, value, names)}",
            "remove_url": search_url(params, **{name: None}, **({"vote": None} if name == "voter" else {})),
        }
        for name, value in active_filters.items()
    ]


def facets(params: list[tuple[str, str]], results: execute.Results, names: dict | None = None) -> list[dict]:
    """Each facet with values, each value with its count and the URL of the search narrowed to it."""
    return [_facet(params, name, values, names) for name, values in results.facets.items() if values]


def _facet(params: list[tuple[str, str]], name: str, values: list[tuple[str, int]], names: dict | None) -> dict:
    # The query string without this facet's parameters is built once; each value appends its own.
    base = search_url(params, **dict.fromkeys(FACET_PARAMETERS[name]("")))
    separator = "&" if len(base) > 1 else ""
    return {
        "title": _facet_title(params, name, names),
        "values": [
            {
                "label": filter_label(name, value, names),
                "count": f"{count:,}",
                "url": base + separator + urlencode(FACET_PARAMETERS[name](value)),
            }
            for value, count in values
        ],
    }


def _facet_title(params: list[tuple[str, str]], name: str, names: dict | None) -> str:
    if name == "vote":  # only shown when a state is chosen: "Vote of France"
        voter = dict(params).get("voter", "").upper()
        return f"Vote of {filter_label('voter', voter, names)}"
    return FACET_TITLES[name]


def record_form(
    active_filters: dict, states: list[tuple[str, str]], goals: list[tuple[str, str]], names: dict | None = None
) -> dict:
    """The search form's record filters: their choices and what is chosen (a subject shown by its name)."""
    subject = active_filters.get("subject", "")
    return {
        "open": any(name in active_filters for name in RECORD_FILTERS),
        "adoptions": record.ADOPTIONS,
        "votes": list(record.VOTE_LABELS.items()),
        "states": states,
        "goals": goals,
        "chosen": {name: str(active_filters.get(name, "")) for name in RECORD_FILTERS},
        "subject_text": filter_label("subject", subject, names) if subject else "",
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
