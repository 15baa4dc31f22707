"""A resolution's and a paragraph's JSON, read and serialized: what the API's detail views and the permalinks'
``application/json`` answers both return.

Either is given in one of the languages the archive holds the resolution in (``?language=fr`` on the API;
the address's prefix on a permalink): the title, paragraphs and footnotes of that language, the page
addresses under its prefix. Both list every language held with its addresses (``languages``). Citations and
votes belong to the work and are the same in every language.
"""

from __future__ import annotations

from django.utils import translation

from resolutions.api import selectors
from resolutions.api.serializers import ParagraphSerializer, ResolutionSerializer, api_path
from resolutions.models import Expression, Paragraph, Resolution
from resolutions.reference import permalinks
from resolutions.reference.languages.official import ENGLISH, OFFICIAL_LANGUAGES
from resolutions.web.languages import NATIVE_NAMES, interface_code


class LanguageNotHeld(LookupError):
    """The archive does not hold the resolution in the language asked for."""


def languages_offered(request, resolution: Resolution, key: str = "") -> list[dict]:
    """Every language the archive holds the resolution in, in the UN's order, with its page and JSON here."""
    offered = []
    for code in Expression.objects.languages_of(resolution):
        with translation.override(interface_code(code)):
            page = (
                permalinks.paragraph_url(resolution.symbol, key)
                if key
                else permalinks.resolution_url(resolution.symbol)
            )
        api = api_path(resolution.symbol, f"paragraphs/{key}/" if key else "")
        api += "" if code == ENGLISH else f"?language={code}"
        offered.append(
            {
                "language": code,
                "name": OFFICIAL_LANGUAGES[code],
                "native_name": NATIVE_NAMES[code],
                "url": _absolute(request, page),
                "api_url": _absolute(request, api),
            }
        )
    return offered


def resolution_json(request, resolution: Resolution, language: str = ENGLISH) -> dict:
    """The whole resolution in ``language``: record, paragraphs, footnotes, citations, votes, links and the
    languages held. ``LanguageNotHeld`` when the archive has no text of it in ``language``."""
    expression = Expression.objects.filter(resolution=resolution, language=language).first()
    if expression is None and language != ENGLISH:
        raise LanguageNotHeld(language)
    whole = selectors.resolution_whole(resolution, language)
    if expression is not None:
        whole.title, whole.language = expression.title, language  # shown, never saved
    with translation.override(interface_code(language)):
        context = {"request": request, "languages": languages_offered(request, resolution)}
        return ResolutionSerializer(whole, context=context).data


def paragraph_json(request, paragraph: Paragraph, language: str = ENGLISH) -> dict:
    """One paragraph in ``language`` (``paragraph`` is its English row, or any language's) with the notes printed
    in it, what it cites, what cites it, and the languages held. ``LanguageNotHeld`` when there is no paragraph
    of its key in ``language``."""
    resolution = paragraph.resolution
    english = paragraph  # what it cites is read in English
    if language != paragraph.language:
        found = (
            Paragraph.all_languages.select_related("parent", "resolution__body")
            .filter(resolution=resolution, key=paragraph.key, language=language)
            .first()
        )
        if found is None:
            raise LanguageNotHeld(language)
        paragraph = found
    if language != ENGLISH:
        expression = Expression.objects.filter(resolution=resolution, language=language).first()
        if expression is not None:
            resolution.title = expression.title  # shown, never saved
        paragraph.resolution = resolution
    context = {
        "request": request,
        "footnotes": selectors.footnotes_in_paragraph(paragraph),
        "cites": selectors.citations_in_paragraph(english),
        "cited_by": selectors.citations_received(resolution, paragraph.key).order_by("resolution__symbol", "start"),
        "languages": languages_offered(request, resolution, paragraph.key),
    }
    with translation.override(interface_code(language)):
        return ParagraphSerializer(paragraph, context=context).data


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path
