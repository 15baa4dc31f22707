"""The reading side of the archive: home, browse by body and session, resolution and paragraph pages.

Symbols and paragraph keys become URLs as ``resolutions.web.permalinks`` says;
any other spelling of a resolution or paragraph address is answered with a
permanent redirect to the canonical one, built from the symbol we hold (so a
redirect never leaves the site).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Subquery
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.dateformat import format as format_date

from resolutions.citations.pinpoints import loose_key
from resolutions.citations.references import parse_reference
from resolutions.citations.symbols import normalize_symbol
from resolutions.models import (
    Body,
    Citation,
    Footnote,
    FootnoteReference,
    Paragraph,
    ParagraphVersion,
    Resolution,
    ResolutionSource,
)
from resolutions.reference.bodies import BODIES, body_for_symbol
from resolutions.reference.dates import MONTHS_PATTERN
from resolutions.web import permalinks
from resolutions.web.filters import ResolutionFilter, resolution_rows
from resolutions.web.rendering import Link, Marker, annotate, json_ld_script, quoted_citation

PAGE_SIZE = 50
MAX_EARLIER_VERSIONS = 20  # earlier texts listed on a paragraph's page, latest first
UNDOCS = "https://undocs.org/"


# ---------------------------------------------------------------- browse


def bodies_with_counts():
    return Body.objects.annotate(
        resolution_count=Count("resolutions"),
        first_adopted=Min("resolutions__adopted_on"),
        last_adopted=Max("resolutions__adopted_on"),
        session_count=Count("resolutions__session", distinct=True),
    )


def home(request):
    """What the archive holds, per body, with the search and citation boxes."""
    bodies = bodies_with_counts().filter(resolution_count__gt=0)
    latest = resolution_rows().filter(adopted_on__isnull=False).order_by("-adopted_on", "-symbol")[:8]
    return render(
        request,
        "resolutions/home.html",
        {
            "bodies": bodies,
            "latest": latest,
            "resolution_count": sum(body.resolution_count for body in bodies),
            "paragraph_count": Paragraph.objects.count(),
        },
    )


def body_list(request):
    """Every body the archive knows, with its counts and years."""
    return render(request, "resolutions/body_list.html", {"bodies": bodies_with_counts()})


def body_detail(request, code):
    """A body's sessions, newest first, each with its number of resolutions and years."""
    body = get_object_or_404(Body, code=code)
    sessions = Resolution.objects.filter(body=body).sessions()
    return render(request, "resolutions/body_detail.html", {"body": body, "sessions": sessions})


def session_detail(request, code, session):
    """One session's resolutions: the resolution list with body and session fixed."""
    body = get_object_or_404(Body, code=code)
    label = Resolution.objects.filter(body=body, session=session).values_list("session_label", flat=True).first()
    if label is None:
        return render(
            request,
            "resolutions/message.html",
            {
                "title": "No such session",
                "message": f"The archive holds no resolution of the {body.name} from a session “{session}”.",
                "back": (reverse("body-detail", args=[body.code]), f"Sessions of the {body.name}"),
            },
            status=404,
        )
    data = request.GET.copy()
    data["body"], data["session"] = body.code, session
    return _resolution_list(request, data, {"body": body, "session_label": label, "session": session})


def resolution_list(request):
    """All resolutions, filtered by body, session, years, committee and title; sorted; paginated."""
    return _resolution_list(request, request.GET, {})


def _resolution_list(request, data, context):
    filterset = ResolutionFilter(data, queryset=resolution_rows())
    context = {**context, "filter": filterset}
    if not filterset.is_valid():
        return render(request, "resolutions/resolution_list.html", {**context, "invalid": True}, status=400)
    paginator = Paginator(filterset.qs, PAGE_SIZE)
    page_number = request.GET.get("page") or 1
    try:
        page = paginator.page(page_number)
    except InvalidPage:
        context["page_error"] = (
            f"There is no page “{str(page_number)[:20]}” of this list: "
            f"it has {paginator.num_pages} page{'s' if paginator.num_pages != 1 else ''}."
        )
        return render(request, "resolutions/resolution_list.html", context, status=404)
    return render(request, "resolutions/resolution_list.html", {**context, "page": page, "paginator": paginator})


# ---------------------------------------------------------------- addresses


@dataclass(frozen=True)
class Address:
    """What a request path names: a symbol as written, and a paragraph key if one is named."""

    symbol_text: str
    key: str  # canonical spelling ("op5"), or ""
    key_text: str  # as written ("para.5"), or ""


def read_address(rest: str) -> Address:
    segments = rest.strip("/").split("/")
    key = key_text = ""
    if len(segments) > 1:
        loose = loose_key(segments[-1])
        if loose:
            key, key_text = loose, segments[-1]
            segments = segments[:-1]
    return Address(permalinks.path_segment_to_symbol("/".join(segments)), key, key_text)


def interpret(rest: str, address: Address) -> tuple[str, str] | None:
    """(symbol, key) for a spelling that is not canonical: lower case, dashes, '70/126', 'para. 5'."""
    symbol = normalize_symbol(address.symbol_text)
    if symbol:
        return symbol, address.key
    reference = parse_reference(permalinks.path_segment_to_symbol(rest))
    if reference:
        return reference.symbol, address.key or reference.paragraph_key
    return None


def document(request, rest):
    """A resolution or paragraph by its address; other spellings redirect, unknown ones get a helpful 404."""
    address = read_address(rest)
    resolution = Resolution.objects.select_related("body").filter(symbol=address.symbol_text).first()
    if resolution is not None:
        canonical = _canonical_path(resolution, address.key)
        if request.path == canonical:
            if not address.key:
                return resolution_detail(request, resolution)
            return paragraph_detail(request, resolution, address.key)
    else:
        found = interpret(rest, address)
        if found is not None:
            resolution = Resolution.objects.select_related("body").by_symbol(found[0]).first()
            address = Address(address.symbol_text, found[1], address.key_text)
    if resolution is None:
        return not_found(request, rest)
    if address.key and not _address_held(resolution, address.key):
        return paragraph_not_found(request, resolution, address.key_text or address.key)
    return _permanent_redirect(request, _canonical_path(resolution, address.key))


def _address_held(resolution: Resolution, key: str) -> bool:
    """Does the key name a paragraph, now or before an import replaced it (its address answers for ever)?"""
    return (
        resolution.paragraphs.filter(key=key).exists()
        or ParagraphVersion.objects.filter(resolution=resolution, key=key).exists()
    )


def _canonical_path(resolution: Resolution, key: str) -> str:
    if key:
        return permalinks.paragraph_url(resolution.symbol, key)
    return permalinks.resolution_url(resolution.symbol)


def _permanent_redirect(request, path: str):
    """Only ever to a path of this site: ``path`` is built by reverse() from a symbol we hold."""
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"refusing to redirect off-site: {path!r}")
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)


def cite(request):
    """Resolve a free-text citation ("paragraph 5 of resolution 70/126") to its permalink."""
    query = request.GET.get("q", "").strip()
    body = request.GET.get("body", "GA")
    if body not in BODIES:
        body = "GA"
    context = {"query": query, "body_code": body, "bodies": BODIES.values()}
    if not query:
        return render(request, "resolutions/cite.html", context)
    reference = parse_reference(query, context_body=body) if len(query) <= 300 else None
    if reference is None:
        context["error"] = (
            "This does not read as a citation of a UN document. Try “A/RES/70/126, para. 5” or “resolution 70/126”."
        )
        return render(request, "resolutions/cite.html", context, status=400)
    resolution = Resolution.objects.by_symbol(reference.symbol).first()
    if resolution is None:
        context.update(
            error=f"The archive does not hold {reference.symbol}.",
            official=UNDOCS + quote(reference.symbol),
            symbol=reference.symbol,
            nearest=nearest_resolutions(reference.symbol),
        )
        return render(request, "resolutions/cite.html", context, status=404)
    wanted = [key for key in (reference.paragraph_key, reference.last_key) if key]
    held = set(resolution.paragraphs.filter(key__in=wanted).values_list("key", flat=True))
    if reference.paragraph_key and reference.paragraph_key not in held:
        return paragraph_not_found(request, resolution, reference.paragraph_key)
    location = _canonical_path(resolution, reference.paragraph_key)
    if reference.last_key in held:  # "paras. 3–5": the first, with the range noted on its page
        location += "?" + urlencode({"through": reference.last_key})
    return HttpResponseRedirect(location)


# ---------------------------------------------------------------- not found


def nearest_resolutions(text: str, limit: int = 8) -> list[Resolution]:
    """Resolutions whose symbol is closest to ``text``: same session or same number, else title words."""
    numbers = re.findall(r"\d+", text)
    rows = Resolution.objects.only("symbol", "title", "adopted_on", "committee")
    if numbers:
        near = Q(number__endswith=f"/{numbers[-1]}") | Q(session=numbers[-1])
        if len(numbers) > 1:
            near |= Q(session=numbers[-2])
        candidates = list(rows.filter(near).order_by("-session_sort")[:300])
    else:
        words = list(re.findall(r"\w{4,}", text))[:4]
        if not words:
            return []
        title = Q()
        for word in words:
            title &= Q(title__icontains=word)
        candidates = list(rows.filter(title)[:300])
    wanted = text.upper()
    candidates.sort(key=lambda item: -difflib.SequenceMatcher(None, wanted, item.symbol.upper()).ratio())
    return candidates[:limit]


def not_found(request, rest: str):
    """Unknown address: say so, offer the search and the nearest symbols."""
    asked = permalinks.path_segment_to_symbol(rest)[:120]
    symbol = normalize_symbol(asked)
    return render(
        request,
        "resolutions/not_found.html",
        {
            "asked": asked,
            "nearest": nearest_resolutions(asked),
            "search_query": asked,
            "official": UNDOCS + quote(symbol) if symbol else "",
        },
        status=404,
    )


def paragraph_not_found(request, resolution: Resolution, key: str):
    keys = list(resolution.paragraphs.order_by("order").values_list("key", flat=True))
    nearest = difflib.get_close_matches(key.lower(), keys, n=6, cutoff=0.3)
    return render(
        request,
        "resolutions/not_found.html",
        {
            "asked": f"{resolution.symbol}, {key[:40]}",
            "resolution": resolution,
            "nearest_keys": [
                (k, permalinks.paragraph_url(resolution.symbol, k), permalinks.paragraph_title(k)) for k in nearest
            ],
            "search_query": resolution.symbol,
        },
        status=404,
    )


# ---------------------------------------------------------------- resolution and paragraph pages


@dataclass
class ShownParagraph:
    paragraph: Paragraph
    html: str
    url: str
    depth: int
    printed_number: str
    title: str
    short_key: str
    part_heading: str = ""  # "Annex", shown before the first paragraph of an annex


def with_paragraph_held(citations):
    """Citations annotated with whether the archive holds the paragraph they name (``paragraph_held``), in the same query."""
    held = Paragraph.objects.filter(resolution_id=OuterRef("target_id"), key=OuterRef("target_paragraph"))
    return citations.annotate(paragraph_held=Exists(held))


def citation_link(citation: Citation) -> Link:
    """Into the archive when it holds the target, to the paragraph named when it holds that too
    (``citation`` comes through ``with_paragraph_held``); else undocs.org."""
    if citation.target_id:
        symbol = citation.target.symbol
        if citation.target_paragraph and citation.paragraph_held:
            href = permalinks.paragraph_url(symbol, citation.target_paragraph)
            title = f"{symbol}, {permalinks.paragraph_label(citation.target_paragraph)}, in this archive"
        else:
            href, title = permalinks.resolution_url(symbol), f"{symbol} in this archive"
        return Link(citation.start, citation.end, href, title)
    return Link(
        citation.start,
        citation.end,
        UNDOCS + quote(citation.target_symbol),
        f"{citation.target_symbol} at undocs.org",
        external=True,
    )


def _printed_number(paragraph: Paragraph) -> str:
    number = paragraph.number.strip()
    if not number or number.startswith("(") or number.endswith((".", ")")):
        return number
    return number + "."


def _part_heading(part: str) -> str:
    """'annex' -> 'Annex', 'annex-ii' -> 'Annex II'."""
    name, _, numeral = part.partition("-")
    return f"{name.capitalize()} {numeral.upper()}".strip()


@dataclass(frozen=True)
class MarkerPlace:
    """One place a footnote's marker is printed, with the id its marker carries there."""

    paragraph_id: int
    offset: int | None
    anchor: str  # "fnref-1" for the first place, "fnref-1-2" for the second…


def footnote_places(footnotes: list[Footnote]) -> dict[int, list[MarkerPlace]]:
    """Every place each footnote's marker is printed (by footnote id), in document order.

    Anchors are numbered along all of a footnote's places, so a place has
    the same id on the resolution page and on its paragraph's page.
    """
    places: dict[int, list[MarkerPlace]] = {
        footnote.id: [MarkerPlace(footnote.paragraph_id, footnote.offset, "")] if footnote.paragraph_id else []
        for footnote in footnotes
    }
    references = FootnoteReference.objects.filter(footnote__in=[f.id for f in footnotes]).order_by(
        "footnote", "paragraph__order", "offset"
    )
    for reference in references.only("footnote_id", "paragraph_id", "offset"):
        places[reference.footnote_id].append(MarkerPlace(reference.paragraph_id, reference.offset, ""))
    orders = {footnote.id: footnote.order for footnote in footnotes}
    return {
        footnote_id: [
            MarkerPlace(
                place.paragraph_id, place.offset, f"fnref-{orders[footnote_id]}" + (f"-{index}" if index > 1 else "")
            )
            for index, place in enumerate(found, start=1)
        ]
        for footnote_id, found in places.items()
    }


def _footnote_markers(footnotes: list[Footnote], places: dict[int, list[MarkerPlace]]) -> dict[int, list[Marker]]:
    """The markers to print in each paragraph (by paragraph id): every place of every footnote."""
    markers: dict[int, list[Marker]] = {}
    for footnote in footnotes:
        for place in places.get(footnote.id, ()):
            markers.setdefault(place.paragraph_id, []).append(
                Marker(place.offset, footnote.marker, f"#fn-{footnote.order}", place.anchor)
            )
    return markers


def _links_by(citations: list[Citation], attribute: str) -> dict[int, list[Link]]:
    links: dict[int, list[Link]] = {}
    for citation in citations:
        owner = getattr(citation, attribute)
        if owner:
            links.setdefault(owner, []).append(citation_link(citation))
    return links


def shown_paragraphs(
    resolution: Resolution, paragraphs: list[Paragraph], footnotes, citations, places=None
) -> list[ShownParagraph]:
    """The paragraphs as printed: annotated text (a marker at every place of ``places``), depth of indentation, annex headings."""
    markers = _footnote_markers(footnotes, places or {})
    links = _links_by(citations, "paragraph_id")
    depth: dict[int, int] = {}
    shown = []
    current_part = ""
    for paragraph in paragraphs:
        depth[paragraph.id] = depth.get(paragraph.parent_id, -1) + 1 if paragraph.parent_id else 0
        part_heading = ""
        if paragraph.part != current_part:
            current_part = paragraph.part
            part_heading = _part_heading(current_part) if current_part else ""
        shown.append(
            ShownParagraph(
                paragraph=paragraph,
                html=annotate(
                    paragraph.text,
                    opening_phrase=paragraph.opening_phrase,
                    links=links.get(paragraph.id, []),
                    markers=markers.get(paragraph.id, []),
                ),
                url=permalinks.paragraph_url(resolution.symbol, paragraph.key),
                depth=min(depth[paragraph.id], 3),
                printed_number=_printed_number(paragraph),
                title=permalinks.paragraph_title(paragraph.key),
                short_key=permalinks.short_key(paragraph.key),
                part_heading=part_heading,
            )
        )
    return shown


@dataclass(frozen=True)
class BackLink:
    """From a footnote back to one place its marker is printed."""

    href: str  # "#fnref-1-2", or another paragraph's page and its anchor
    label: str  # the paragraph's key as in the margin: "pp2"
    title: str  # "Preambular paragraph 2"


def shown_footnotes(
    resolution: Resolution,
    footnotes: list[Footnote],
    citations: list[Citation],
    places: dict[int, list[MarkerPlace]],
    paragraphs: list[Paragraph],
    here: Paragraph | None = None,
):
    """(footnote, annotated text, back links to each place of its marker) for the notes list.

    On a paragraph's page (``here``) a place in another paragraph links to
    that paragraph's page.
    """
    links = _links_by(citations, "footnote_id")
    keys = {paragraph.id: paragraph.key for paragraph in paragraphs}

    def back(place: MarkerPlace) -> BackLink:
        key = keys[place.paragraph_id]
        page = "" if here is None or place.paragraph_id == here.id else permalinks.paragraph_url(resolution.symbol, key)
        return BackLink(f"{page}#{place.anchor}", permalinks.short_key(key), permalinks.paragraph_title(key))

    return [
        (
            footnote,
            annotate(footnote.text, links=links.get(footnote.id, [])),
            [back(p) for p in places.get(footnote.id, ())],
        )
        for footnote in footnotes
    ]


def cited_by(resolution: Resolution, key: str | None = None):
    """Citing resolutions, each with its citing sentences quoted and linked to where they stand."""
    citations = Citation.objects.citing(resolution).select_related("resolution__body", "footnote__paragraph")
    if key is not None:
        citations = citations.filter(target_paragraph=key)
    grouped: dict[int, dict] = {}
    for citation in citations:
        source = grouped.setdefault(citation.resolution_id, {"resolution": citation.resolution, "quotes": []})
        if citation.paragraph_id:
            text = citation.paragraph.text
            where = permalinks.paragraph_url(citation.resolution.symbol, citation.paragraph.key)
            label = permalinks.paragraph_title(citation.paragraph.key)
        else:
            text = citation.footnote.text
            where = permalinks.resolution_url(citation.resolution.symbol) + f"#fn-{citation.footnote.order}"
            label = f"Footnote {citation.footnote.marker}"
        source["quotes"].append(
            {"html": quoted_citation(text, citation.start, citation.end), "url": where, "label": label}
        )
    return list(grouped.values())


@dataclass(frozen=True)
class SeriesEntry:
    """A resolution of a series: one the archive holds, or one its members cite that it does not."""

    symbol: str
    url: str
    adopted_text: str  # "19 December 2011", or ""
    adopted_iso: str  # "2011-12-19" when the archive holds it, else ""
    held: bool
    order: tuple[int, int]  # (session, number): 66/122 before 68/131


_CITED_DATE_RE = re.compile(rf",?\s+of\s+(?P<date>\d{{1,2}}\s+(?:{MONTHS_PATTERN})\s+\d{{4}})")
# What may stand between a cited number and the series' subject: dates, more numbers, "and its previous resolutions".
_SUBJECT_BREAK_RE = re.compile(r";|“|\b(?:on|entitled|concerning|relating)\b", re.IGNORECASE)


def _series_order(symbol: str) -> tuple[int, int]:
    """'A/RES/66/122' -> (66, 122); 'A/RES/75/101 A' -> (75, 101); (0, 0) for other shapes."""
    numbers = re.findall(r"(\d+)/(\d+)", symbol)
    return (int(numbers[-1][0]), int(numbers[-1][1])) if numbers else (0, 0)


def missing_series_members(resolution: Resolution, member_ids: list[int]) -> dict[str, str]:
    """Symbols (with the date printed beside them) of resolutions the series' members cite as of the series
    ("resolutions 66/122 of 19 December 2011 and 68/131 … on promoting social integration through social
    inclusion") and the archive does not hold. One query."""
    title = re.escape(" ".join(resolution.title.lower().split()))
    subject = re.compile(
        rf"(?:\bon\s+|\bentitled\s+“)(?:the\s+)?{title}(?=”|[,;.:)]|\s*$|\s+and\b|\s+as\b)", re.IGNORECASE
    )
    found: dict[str, str] = {}
    citations = (
        Citation.objects.filter(
            resolution_id__in=member_ids, kind=Citation.RESOLUTION, target__isnull=True, paragraph__isnull=False
        )
        .select_related("paragraph")
        .only("target_symbol", "end", "paragraph__text")
        .order_by()
    )
    for citation in citations:
        info = body_for_symbol(citation.target_symbol)
        if info is None or info.code != resolution.body.code:
            continue
        text = citation.paragraph.text
        match = subject.search(text, citation.end)
        if match is None or _SUBJECT_BREAK_RE.search(text, citation.end, match.start()):
            continue
        dated = _CITED_DATE_RE.match(text, citation.end)
        found.setdefault(citation.target_symbol, dated["date"] if dated else "")
    return found


def in_series(resolution: Resolution) -> tuple[list[SeriesEntry], list[SeriesEntry]]:
    """Earlier and later resolutions of the same title, the ones the archive does not hold included
    (named by the series' own citations, linked to the official document), by session and number."""
    same_title = list(
        Resolution.objects.filter(title=resolution.title)
        .exclude(pk=resolution.pk)
        .only("symbol", "adopted_on", "session_sort", "number")
    )
    entries = [
        SeriesEntry(
            other.symbol,
            permalinks.resolution_url(other.symbol),
            format_date(other.adopted_on, "j F Y") if other.adopted_on else "",
            other.adopted_on.isoformat() if other.adopted_on else "",
            True,
            _series_order(other.symbol),
        )
        for other in same_title
    ]
    held = {other.symbol.upper() for other in same_title} | {resolution.symbol.upper()}
    for symbol, adopted_text in missing_series_members(
        resolution, [resolution.pk, *(other.pk for other in same_title)]
    ).items():
        if symbol.upper() not in held:
            entries.append(SeriesEntry(symbol, UNDOCS + quote(symbol), adopted_text, "", False, _series_order(symbol)))
    entries.sort(key=lambda entry: (entry.order, entry.symbol))
    here = _series_order(resolution.symbol)
    return [entry for entry in entries if entry.order < here], [entry for entry in entries if entry.order >= here]


def legislation_json_ld(request, resolution: Resolution) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": resolution.title,
        "legislationIdentifier": resolution.symbol,
        "legislationType": "Resolution",
        "legislationPassedBy": {"@type": "Organization", "name": f"United Nations {resolution.body.name}"},
        "inLanguage": resolution.language,
        "url": request.build_absolute_uri(permalinks.resolution_url(resolution.symbol)),
        "sameAs": UNDOCS + quote(resolution.symbol),
    }
    if resolution.adopted_on:
        data["legislationDate"] = resolution.adopted_on.isoformat()
    return data


def _adopted_text(resolution: Resolution) -> str:
    return format_date(resolution.adopted_on, "j F Y") if resolution.adopted_on else ""


def resolution_description(resolution: Resolution) -> str:
    """'General Assembly resolution 70/126 of 17 December 2015' (the date left out when unknown)."""
    adopted = _adopted_text(resolution)
    return f"{resolution.body.name} resolution {resolution.number}" + (f" of {adopted}" if adopted else "")


def resolution_detail(request, resolution: Resolution):
    """A resolution as printed, with its footnotes, the resolutions citing it, and its series."""
    paragraphs = list(Paragraph.objects.of(resolution))
    footnotes = list(resolution.footnotes.order_by("order"))
    citations = list(
        with_paragraph_held(
            resolution.citations.select_related("target").only(
                "paragraph_id", "footnote_id", "start", "end", "target_symbol", "target_paragraph", "target__symbol"
            )
        )
    )
    earlier, later = in_series(resolution)
    sources = sources_of(resolution)
    places = footnote_places(footnotes)
    shown = shown_paragraphs(resolution, paragraphs, footnotes, citations, places)
    first_operative = next(
        (item for item in shown if item.paragraph.kind == Paragraph.OPERATIVE and not item.paragraph.part), None
    )
    return render(
        request,
        "resolutions/resolution_detail.html",
        {
            "resolution": resolution,
            "adopted_text": _adopted_text(resolution),
            "paragraphs": shown,
            "first_operative": first_operative,
            "footnotes": shown_footnotes(resolution, footnotes, citations, places, paragraphs),
            "cited_by": cited_by(resolution),
            "earlier": earlier,
            "later": later,
            "official_url": UNDOCS + quote(resolution.symbol),
            "sources": sources,
            "text_as_of": text_as_of(resolution, sources),
            "json_ld": json_ld_script(legislation_json_ld(request, resolution)),
            "canonical_url": request.build_absolute_uri(permalinks.resolution_url(resolution.symbol)),
            "share_title": f"{resolution.symbol}: {resolution.title}",
            "description": resolution_description(resolution),
        },
    )


def sources_of(resolution: Resolution) -> list[ResolutionSource]:
    """The resolution's sources, oldest import first, each with ``text_replaced_at``: its text's last replacement (one query)."""
    last_replaced = ParagraphVersion.objects.filter(resolution=OuterRef("resolution")).order_by("-replaced_at")
    return list(
        resolution.sources.annotate(text_replaced_at=Subquery(last_replaced.values("replaced_at")[:1])).order_by(
            "imported_at"
        )
    )


def text_as_of(resolution: Resolution, sources: list[ResolutionSource]):
    """When the resolution's text last changed: its last replaced paragraph, else the import of the source giving it."""
    moments = [source.imported_at for source in sources if source.sha256 == resolution.source_sha256]
    moments += [sources[0].text_replaced_at] if sources and sources[0].text_replaced_at else []
    return max(moments) if moments else resolution.created_at


def earlier_paragraph(request, resolution: Resolution, key: str, live_keys: set[str]):
    """An address an import retired: 301 to the key its text moved to, else its last text, dated, with a notice."""
    moved_to, version = ParagraphVersion.objects.address_answer(resolution, key, live_keys)
    if moved_to:
        return _permanent_redirect(request, permalinks.paragraph_url(resolution.symbol, moved_to))
    if version is None:
        return paragraph_not_found(request, resolution, key)
    return render(
        request,
        "resolutions/paragraph_earlier.html",
        {
            "resolution": resolution,
            "adopted_text": _adopted_text(resolution),
            "key": key,
            "title": permalinks.paragraph_title(key),
            "version": version,
            "canonical_url": request.build_absolute_uri(permalinks.paragraph_url(resolution.symbol, key)),
            "description": version.text[:297] + ("…" if len(version.text) > 297 else ""),
        },
    )


@dataclass(frozen=True)
class CitedRange:
    """A range of paragraphs cited together ("paras. 3–5"): this page shows the first."""

    last_title: str
    rest: list[tuple[str, str]]  # (label, url) of the paragraphs after the first, through the last
    error: str = ""


def cited_range(request, resolution: Resolution, paragraphs: list[Paragraph], index: int) -> CitedRange | None:
    """The range named by ``?through=KEY`` (set by /cite/ for "paras. 3–5"), or None when none was asked for."""
    through = request.GET.get("through", "").strip()[:40]
    if not through:
        return None
    first = paragraphs[index]
    last_index = next((i for i, item in enumerate(paragraphs) if item.key == through), None)
    if last_index is None or last_index <= index:
        return CitedRange(
            "",
            [],
            f"The range asked for ends at “{through}”, which does not follow this paragraph in {resolution.symbol}.",
        )
    rest = [
        (permalinks.paragraph_label(item.key), permalinks.paragraph_url(resolution.symbol, item.key))
        for item in paragraphs[index + 1 : last_index + 1]
        if item.parent_id == first.parent_id
    ]
    return CitedRange(permalinks.paragraph_title(through), rest)


def paragraph_detail(request, resolution: Resolution, key: str):
    """One paragraph: its text, neighbours, footnotes, citations both ways, and citations ready to copy."""
    paragraphs = list(Paragraph.objects.of(resolution))
    index = next((i for i, item in enumerate(paragraphs) if item.key == key), None)
    if index is None:
        return earlier_paragraph(request, resolution, key, {item.key for item in paragraphs})
    paragraph = paragraphs[index]
    footnotes = list(
        resolution.footnotes.filter(Q(paragraph=paragraph) | Q(references__paragraph=paragraph))
        .distinct()
        .order_by("order")
    )
    citations = list(
        with_paragraph_held(
            Citation.objects.filter(Q(paragraph=paragraph) | Q(footnote__in=footnotes)).select_related("target")
        )
    )
    places = footnote_places(footnotes)
    shown = shown_paragraphs(resolution, [paragraph], footnotes, citations, places)[0]
    before = paragraphs[index - 1 : index]
    after = paragraphs[index + 1 : index + 2]
    previous, following = (shown_paragraphs(resolution, side, [], [])[0] if side else None for side in (before, after))
    permalink = request.build_absolute_uri(shown.url)
    adopted = _adopted_text(resolution)
    ready = [
        ("cite-un", "UN style", permalinks.un_style_citation(resolution.body.name, resolution.number, key)),
        ("cite-symbol", "With symbol and date", permalinks.symbol_citation(resolution.symbol, adopted, key)),
        ("cite-link", "Permalink", permalink),
    ]
    whole = legislation_json_ld(request, resolution)
    json_ld = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{resolution.symbol}, {shown.title}",
        "legislationIdentifier": f"{resolution.symbol}, {permalinks.paragraph_label(key)}",
        "text": paragraph.text,
        "url": permalink,
        "isPartOf": {name: value for name, value in whole.items() if name != "@context"},
        "inLanguage": resolution.language,
    }
    return render(
        request,
        "resolutions/paragraph_detail.html",
        {
            "resolution": resolution,
            "adopted_text": adopted,
            "shown": shown,
            "paragraph": paragraph,
            "previous": previous,
            "following": following,
            "footnotes": shown_footnotes(resolution, footnotes, citations, places, paragraphs, here=paragraph),
            "citations": [(citation, citation_link(citation)) for citation in citations],
            "cited_range": cited_range(request, resolution, paragraphs, index),
            "earlier_versions": list(ParagraphVersion.objects.of_key(resolution, key)[:MAX_EARLIER_VERSIONS]),
            "cited_by": cited_by(resolution, key),
            "cited_as_whole": Citation.objects.citing(resolution)
            .filter(target_paragraph="")
            .order_by()
            .values("resolution")
            .distinct()
            .count(),
            "ready_citations": ready,
            "canonical_url": permalink,
            "share_title": f"{resolution.symbol}, {shown.title.lower()}: {resolution.title}",
            "description": paragraph.text[:297] + ("…" if len(paragraph.text) > 297 else ""),
            "json_ld": json_ld_script(json_ld),
        },
    )
