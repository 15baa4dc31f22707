"""The document pages: the address dispatch, a resolution, a paragraph, and the earlier text of a retired
paragraph address.

Each answers at its canonical address only (``resolutions.web.addresses``):
any other spelling is redirected there, an unknown one gets a helpful 404.
"""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode

from resolutions.api import selectors as api_selectors
from resolutions.api.documents import LanguageNotHeld, paragraph_json, resolution_json
from resolutions.exports.akn import MEDIA_TYPE as AKN_MEDIA_TYPE
from resolutions.exports.akn import paragraph_akn, resolution_akn
from resolutions.exports.cited import cited
from resolutions.exports.styles import un_style_in
from resolutions.models import Paragraph, Resolution
from resolutions.reference import permalinks
from resolutions.web.addresses import (
    SUFFIXES,
    Address,
    canonical_path,
    interpret,
    permanent_redirect,
    preferred_format,
    read_address,
    split_suffix,
)
from resolutions.web.languages import ENGLISH, TextLanguage, current_text_language, text_path
from resolutions.web.presenters.citations import citation_link, cited_by, cited_range
from resolutions.web.presenters.cite_box import cite_box
from resolutions.web.presenters.footnotes import marker_places, shown_footnotes
from resolutions.web.presenters.json_ld import json_ld_script, legislation_json_ld, paragraph_json_ld
from resolutions.web.presenters.languages import (
    alternates,
    chosen_language,
    held_languages,
    opening_formula,
    paragraph_in_languages,
)
from resolutions.web.presenters.paragraphs import shown_paragraphs
from resolutions.web.presenters.resolutions import (
    adopted_text,
    official_url,
    resolution_description,
    text_as_of,
    text_description,
)
from resolutions.web.presenters.series import series_entries
from resolutions.web.presenters.votes import adoption
from resolutions.web.selectors import record
from resolutions.web.selectors.citations import (
    citation_list,
    citation_list_in_paragraph,
    citing_list,
    citing_whole_count,
)
from resolutions.web.selectors.cited import paragraph_get
from resolutions.web.selectors.footnotes import footnote_list, footnote_places
from resolutions.web.selectors.languages import (
    expression_get,
    languages_held,
    paragraph_in_every_language,
    paragraph_list_in,
    with_titles_shown,
)
from resolutions.web.selectors.paragraphs import (
    paragraph_address_held,
    paragraph_history,
    paragraph_list,
    paragraph_retired,
)
from resolutions.web.selectors.resolutions import resolution_find, resolution_get, resolution_sources
from resolutions.web.selectors.series import series_list, series_missing
from resolutions.web.views.cite import not_found, paragraph_not_found
from resolutions.web.views.exports import cited_file
from resolutions.web.views.lineage import paragraph_lineage_context

MAX_THROUGH_LENGTH = 40  # characters of ``?through=`` read


# ---------------------------------------------------------------- the address dispatch


def document(request, rest):
    """A resolution or paragraph by its address, as HTML or in the format its suffix (``.json``, ``.akn.xml``,
    ``.bib``, ``.ris``) or Accept header asks for; other spellings redirect, unknown ones get a helpful 404."""
    rest, suffix = split_suffix(rest)
    address = read_address(rest)
    resolution = resolution_get(symbol=address.symbol_text)
    if resolution is None:
        resolution, address = _interpreted(rest, address)
    elif request.path == canonical_path(resolution, address.key, suffix):
        fmt = SUFFIXES[suffix] if suffix else preferred_format(request)
        return _vary_on_accept(_represented(request, resolution, address.key, fmt), suffix)
    if resolution is None:
        return not_found(request, rest)
    if address.key and not paragraph_address_held(resolution=resolution, key=address.key):
        return paragraph_not_found(request, resolution, address.key_text or address.key)
    return permanent_redirect(request, canonical_path(resolution, address.key, suffix))


def _represented(request, resolution: Resolution, key: str, fmt: str):
    """The resolution (or its paragraph ``key``) in ``fmt``: its page, its JSON, its AKN, its BibTeX or RIS."""
    if fmt == "html":
        return paragraph_detail(request, resolution, key) if key else resolution_detail(request, resolution)
    if fmt == "json":
        return _json(request, resolution, key)
    if fmt == "akn":
        return _akn(resolution, key)
    return _citation(request, resolution, key, fmt)


def _akn(resolution: Resolution, key: str):
    """The resolution as Akoma Ntoso, or its paragraph ``key`` as a portion of it; a 404 in JSON for a key no
    paragraph holds now."""
    if not key:
        return HttpResponse(resolution_akn(resolution), content_type=f"{AKN_MEDIA_TYPE}; charset=utf-8")
    paragraph = paragraph_get(resolution=resolution, key=key)
    if paragraph is None:
        return JsonResponse({"errors": [f"{resolution.symbol} has no paragraph {key} now."]}, status=404)
    return HttpResponse(paragraph_akn(resolution, paragraph), content_type=f"{AKN_MEDIA_TYPE}; charset=utf-8")


def _citation(request, resolution: Resolution, key: str, extension: str):
    """The citation file (BibTeX, RIS) of the resolution or its paragraph in the address's language, as its
    ``cite.`` link gives it; a 404 in JSON for a key no paragraph holds now (the client asked for data)."""
    if key and paragraph_get(resolution=resolution, key=key) is None:
        return JsonResponse({"errors": [f"{resolution.symbol} has no paragraph {key} now."]}, status=404)
    return cited_file(request, resolution, key, extension)


def _json(request, resolution: Resolution, key: str):
    """The API's JSON of the resolution or paragraph; a 404 in JSON for a key no paragraph holds now."""
    language = current_text_language()
    language = language if language in languages_held(resolution=resolution) else ENGLISH
    if not key:
        return JsonResponse(resolution_json(request, resolution, language))
    paragraph = api_selectors.paragraph_get(resolution, key) or api_selectors.paragraph_get(resolution, key, language)
    if paragraph is None:
        return JsonResponse({"errors": [f"{resolution.symbol} has no paragraph {key} now."]}, status=404)
    try:
        return JsonResponse(paragraph_json(request, paragraph, language))
    except LanguageNotHeld:  # a paragraph the address's language lacks: the English, which says its language
        return JsonResponse(paragraph_json(request, paragraph))


def _vary_on_accept(response, suffix: str):
    """An address without a suffix answers by Accept: caches must keep its formats apart."""
    if not suffix:
        patch_vary_headers(response, ["Accept"])
    return response


def _interpreted(rest: str, address: Address) -> tuple[Resolution | None, Address]:
    """The resolution a spelling that is not canonical names, and the address read with its key."""
    found = interpret(rest, address)
    if found is None:
        return None, address
    symbol, key = found
    return resolution_find(symbol=symbol), Address(address.symbol_text, key, address.key_text)


# ---------------------------------------------------------------- a resolution


def _languages(request, resolution: Resolution) -> dict:
    """The language the page's text is in (the address's, when held), the languages held, and the notice when
    the one asked for is not held."""
    held = languages_held(resolution=resolution)
    wanted = current_text_language()
    shown = chosen_language(wanted, held)
    return {
        "text_language": TextLanguage(shown),
        "held_languages": held_languages(request, held, shown),
        "language_alternates": alternates(request, held),
        "missing_language": TextLanguage(wanted) if wanted != shown else None,
        "english_url": request.build_absolute_uri(text_path(request.path, ENGLISH)),
        "held_codes": held,
    }


def _text_title(resolution: Resolution, language: str) -> str:
    if language == resolution.language:
        return resolution.title
    expression = expression_get(resolution=resolution, language=language)
    return expression.title if expression else resolution.title


def _description(resolution: Resolution, language: str, url: str) -> str:
    """'General Assembly resolution 70/126 of 17 December 2015' as the text's language cites it."""
    if language == ENGLISH:
        return resolution_description(resolution)
    return un_style_in(cited(resolution, url), language)


def resolution_detail(request, resolution: Resolution):
    """A resolution as printed, with its footnotes, the resolutions citing it, and its series; the text in the
    address's language when the archive holds it."""
    url = request.build_absolute_uri(permalinks.resolution_url(resolution.symbol))
    sources = resolution_sources(resolution=resolution)
    earlier, later = _series(resolution)
    languages = _languages(request, resolution)
    language = languages["text_language"].code
    if languages["missing_language"] is not None:
        url = languages["english_url"]  # the text shown is the English one: its address is the canonical one
    return render(
        request,
        "resolutions/resolution_detail.html",
        {
            "resolution": resolution,
            "adopted_text": adopted_text(resolution),
            **languages,
            "text_title": _text_title(resolution, language),
            "opening_formula": opening_formula(resolution, language),
            "side_by_side_url": _side_by_side_url(resolution, languages["held_codes"], language),
            **_resolution_text(resolution, language),
            "cited_by": _cited_by(citing_list(resolution=resolution)),
            "earlier": earlier,
            "later": later,
            "official_url": official_url(resolution.symbol),
            "sources": sources,
            "text_as_of": text_as_of(resolution, sources),
            "json_ld": json_ld_script(
                legislation_json_ld(resolution, url, _text_title(resolution, language), language)
            ),
            "canonical_url": url,
            "share_title": f"{resolution.symbol}: {_text_title(resolution, language)}",
            "description": _description(resolution, language, url),
            "cite_box": cite_box(resolution, "", url),
            **_record(resolution),
        },
    )


def _record(resolution: Resolution) -> dict:
    """How it was adopted and every state's vote; its sponsors, SDGs and subjects."""
    return {
        "adoption": adoption(resolution, record.vote_list(resolution=resolution)),
        "sponsors": record.sponsor_list(resolution=resolution),
        "goals": record.goal_list(resolution=resolution),
        "subjects": record.subject_list(resolution=resolution),
    }


def _side_by_side_url(resolution: Resolution, held: list[str], language: str) -> str | None:
    """The side-by-side page of this language and another held one (English, or the first other), or None."""
    others = [code for code in held if code != language]
    if not others:
        return None
    other = ENGLISH if ENGLISH in others else others[0]
    base = reverse("side-by-side", kwargs={"rest": permalinks.symbol_to_path_segment(resolution.symbol)})
    return f"{base}?{urlencode({'left': language, 'right': other})}"


def _resolution_text(resolution: Resolution, language: str = ENGLISH) -> dict:
    """The paragraphs as printed and the notes, markers and citation links laid over both, in ``language``."""
    if language == ENGLISH:
        paragraphs = paragraph_list(resolution=resolution)
    else:
        paragraphs = paragraph_list_in(resolution=resolution, language=language)
    footnotes = footnote_list(resolution=resolution, language=language)
    citations = citation_list(resolution=resolution, language=language)
    places = marker_places(footnotes, footnote_places(footnotes=footnotes))
    return {
        "paragraphs": shown_paragraphs(resolution, paragraphs, footnotes, citations, places),
        "footnotes": shown_footnotes(resolution, footnotes, citations, places, paragraphs),
    }


def _series(resolution: Resolution):
    """The series before and after the resolution, the ones the archive does not hold included."""
    same_title = series_list(resolution=resolution)
    missing = series_missing(resolution=resolution, member_ids=[resolution.pk, *(other.pk for other in same_title)])
    return series_entries(resolution, same_title, missing)


# ---------------------------------------------------------------- a paragraph


def paragraph_detail(request, resolution: Resolution, key: str):
    """One paragraph: its text, neighbours, footnotes, citations both ways, and citations ready to copy; the text
    in the address's language when held, and the paragraph in every language held with its own citation."""
    languages = _languages(request, resolution)
    language = languages["text_language"].code
    aligned = paragraph_in_every_language(resolution=resolution, key=key)
    if language not in aligned and ENGLISH in aligned:
        language = ENGLISH
        languages.update(text_language=TextLanguage(ENGLISH), missing_language=TextLanguage(current_text_language()))
    if language == ENGLISH:
        paragraphs = paragraph_list(resolution=resolution)
    else:
        paragraphs = paragraph_list_in(resolution=resolution, language=language)
    index = next((i for i, item in enumerate(paragraphs) if item.key == key), None)
    if index is None:
        english_keys = {item.key for item in paragraph_list(resolution=resolution)}
        return earlier_paragraph(request, resolution, key, english_keys)
    paragraph = paragraphs[index]
    text = _paragraph_text(resolution, paragraph, paragraphs, language)
    permalink = request.build_absolute_uri(text["shown"].url)
    if languages["missing_language"] is not None:
        languages["held_languages"] = held_languages(request, languages["held_codes"], language)
        permalink = languages["english_url"]
    return render(
        request,
        "resolutions/paragraph_detail.html",
        {
            "resolution": resolution,
            "adopted_text": adopted_text(resolution),
            **languages,
            "text_title": _text_title(resolution, language),
            "in_languages": paragraph_in_languages(request, resolution, key, aligned, languages["held_codes"]),
            "paragraph": paragraph,
            **text,
            **_neighbours(resolution, paragraphs, index),
            "cited_range": cited_range(resolution, paragraphs, index, _through(request)),
            "earlier_versions": paragraph_history(resolution=resolution, key=key),
            **paragraph_lineage_context(paragraph),
            "cited_by": _cited_by(citing_list(resolution=resolution, key=key)),
            "cited_as_whole": citing_whole_count(resolution=resolution),
            "cite_box": cite_box(resolution, key, permalink),
            "canonical_url": permalink,
            "share_title": f"{resolution.symbol}, {text['shown'].title.lower()}: {_text_title(resolution, language)}",
            "description": text_description(paragraph.text),
            "json_ld": _paragraph_json_ld(request, resolution, paragraph, text["shown"].title, permalink),
        },
    )


def _paragraph_text(
    resolution: Resolution, paragraph: Paragraph, paragraphs: list[Paragraph], language: str = ENGLISH
) -> dict:
    """The paragraph as printed, the notes printed in it, and the documents it cites."""
    footnotes = footnote_list(resolution=resolution, paragraph=paragraph, language=language)
    citations = citation_list_in_paragraph(paragraph=paragraph, footnotes=footnotes)
    places = marker_places(footnotes, footnote_places(footnotes=footnotes))
    return {
        "shown": shown_paragraphs(resolution, [paragraph], footnotes, citations, places)[0],
        "footnotes": shown_footnotes(resolution, footnotes, citations, places, paragraphs, here=paragraph),
        "citations": [(citation, citation_link(citation)) for citation in citations],
    }


def _neighbours(resolution: Resolution, paragraphs: list[Paragraph], index: int) -> dict:
    """The paragraphs before and after, as printed without notes or links (None at either end)."""
    before, after = paragraphs[index - 1 : index], paragraphs[index + 1 : index + 2]
    previous, following = (shown_paragraphs(resolution, side, [], [])[0] if side else None for side in (before, after))
    return {"previous": previous, "following": following}


def _through(request) -> str:
    """The key a cited range ends at (``?through=``, set by /cite/ for "paras. 3–5"), or ""."""
    return request.GET.get("through", "").strip()[:MAX_THROUGH_LENGTH]


def _paragraph_json_ld(request, resolution: Resolution, paragraph: Paragraph, title: str, permalink: str):
    address = request.build_absolute_uri(permalinks.resolution_url(resolution.symbol))
    language = paragraph.language
    whole = legislation_json_ld(resolution, address, _text_title(resolution, language), language)
    return json_ld_script(paragraph_json_ld(resolution, paragraph, title, permalink, whole))


# ---------------------------------------------------------------- an earlier text


def earlier_paragraph(request, resolution: Resolution, key: str, live_keys: set[str]):
    """An address an import retired: 301 to the key its text moved to, else its last text, dated, with a notice."""
    moved_to, version = paragraph_retired(resolution=resolution, key=key, live_keys=live_keys)
    if moved_to:
        return permanent_redirect(request, permalinks.paragraph_url(resolution.symbol, moved_to))
    if version is None:
        return paragraph_not_found(request, resolution, key)
    return render(
        request,
        "resolutions/paragraph_earlier.html",
        {
            "resolution": resolution,
            "adopted_text": adopted_text(resolution),
            "key": key,
            "title": permalinks.paragraph_title(key),
            "version": version,
            "canonical_url": request.build_absolute_uri(permalinks.paragraph_url(resolution.symbol, key)),
            "description": text_description(version.text),
        },
    )


def _cited_by(citations) -> list[dict]:
    """The citing resolutions, their titles in the page's language where the archive holds it."""
    citations = list(citations)
    with_titles_shown(citation.resolution for citation in citations)
    return cited_by(citations)
