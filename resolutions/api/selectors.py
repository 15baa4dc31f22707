"""Reads of the API: resolutions with what their JSON shows, one paragraph, citations both ways, and the
Member States with their votes and sponsorships.

Each returns rows with their related records already joined or prefetched, so a serializer never
queries row by row.
"""

from __future__ import annotations

from django.db.models import Count, F, Prefetch, Q, QuerySet

from resolutions.models import Citation, Footnote, MemberState, Paragraph, Resolution, Sponsor, Vote
from resolutions.reference import permalinks
from resolutions.reference.languages.official import ENGLISH


def resolution_rows() -> QuerySet[Resolution]:
    """Every resolution with its body: the rows of the list."""
    return Resolution.objects.select_related("body")


def resolution_by_segment(segment: str) -> Resolution | None:
    """The resolution a URL names ('A/RES/75/101_A'), however its symbol is capitalised."""
    symbol = permalinks.path_segment_to_symbol(segment)
    return resolution_rows().filter(symbol=symbol).first() or resolution_rows().by_symbol(symbol).first()


def resolution_whole(resolution: Resolution, language: str = ENGLISH) -> Resolution:
    """The resolution with its paragraphs and footnotes in ``language``, its citations and votes (the work's,
    the same in every language) prefetched, one query each."""
    paragraphs = Paragraph.all_languages.filter(language=language).select_related("parent").order_by("order")
    footnotes = Footnote.all_languages.filter(language=language).select_related("paragraph").order_by("order")
    return (
        Resolution.objects.select_related("body")
        .prefetch_related(
            Prefetch("paragraphs", queryset=paragraphs),
            Prefetch("footnotes", queryset=footnotes),
            Prefetch("citations", queryset=citation_rows().order_by("id")),
            Prefetch("votes", queryset=Vote.objects.select_related("member_state").order_by("member_state__name")),
        )
        .get(pk=resolution.pk)
    )


def paragraph_rows() -> QuerySet[Paragraph]:
    return Paragraph.objects.select_related("parent")


def paragraph_list(resolution: Resolution) -> QuerySet[Paragraph]:
    return paragraph_rows().filter(resolution=resolution)


def paragraph_get(resolution: Resolution, key: str, language: str = ENGLISH) -> Paragraph | None:
    """The paragraph of that key in ``language``, with its resolution and parent."""
    rows = Paragraph.all_languages.filter(language=language).select_related("parent", "resolution__body")
    return rows.filter(resolution=resolution, key=key).first()


def citation_rows() -> QuerySet[Citation]:
    """Citations with what their JSON shows, and the citing symbol (``citing_symbol``) they are paged by."""
    return Citation.objects.select_related("resolution", "paragraph", "footnote", "target").annotate(
        citing_symbol=F("resolution__symbol")
    )


def citations_made(resolution: Resolution) -> QuerySet[Citation]:
    """What the resolution cites, in its paragraphs and footnotes."""
    return citation_rows().filter(resolution=resolution)


def citations_received(resolution: Resolution, key: str | None = None) -> QuerySet[Citation]:
    """The citations elsewhere of the resolution (of its paragraph ``key`` when given)."""
    citations = citation_rows().filter(target=resolution).exclude(resolution=resolution)
    return citations if key is None else citations.filter(target_paragraph=key)


def citations_in_paragraph(paragraph: Paragraph) -> QuerySet[Citation]:
    """What the paragraph cites in its own text (its notes' citations are the notes')."""
    return citation_rows().filter(paragraph=paragraph).order_by("start", "id")


def footnotes_in_paragraph(paragraph: Paragraph) -> QuerySet[Footnote]:
    """The notes whose marker stands in the paragraph (first or again)."""
    placed = Q(paragraph=paragraph) | Q(references__paragraph=paragraph)
    notes = Footnote.all_languages.filter(language=paragraph.language)
    return notes.select_related("paragraph").filter(placed).distinct().order_by("order")


def member_state_rows() -> QuerySet[MemberState]:
    """Every Member State with how many recorded votes it cast and resolutions it sponsored."""
    return MemberState.objects.annotate(
        vote_count=Count("votes", distinct=True),
        sponsored_count=Count("sponsorships__resolution", distinct=True),
    )


def member_state_by_code(code: str) -> MemberState | None:
    """The state of that ISO 3166-1 alpha-3 code, in any case ('fra'), with its counts."""
    return member_state_rows().filter(code=code.upper()).first()


def state_vote_rows(state: MemberState) -> QuerySet[Vote]:
    """The state's recorded votes with their resolutions, and the symbol (``resolution_symbol``) they are paged by."""
    return (
        Vote.objects.filter(member_state=state)
        .select_related("resolution__body")
        .annotate(resolution_symbol=F("resolution__symbol"))
    )


def state_sponsorship_rows(state: MemberState) -> QuerySet[Sponsor]:
    """The resolutions the state sponsored, one row per listing (as sponsor or additional sponsor)."""
    return (
        Sponsor.objects.filter(member_state=state)
        .select_related("resolution__body")
        .annotate(resolution_symbol=F("resolution__symbol"))
    )
