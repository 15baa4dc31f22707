"""Execute: one search against the index -- exact total, exact facet counts, the page asked for.

Tantivy ranks every match by BM25 (``compile`` sets the fields' weights)
or orders them newest first by the ``newest`` key, and counts them; one
aggregation request counts the values of every facet over all matches. A
page of hits is read from the index's stored fields, so no database query
is needed. Grouped by resolution, groups come in the order of their best
hit (or newest); their hit counts are exact too.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import tantivy
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.safestring import SafeString

from resolutions.reference.bodies import BODIES
from resolutions.reference.permalinks import paragraph_title, paragraph_url, resolution_url
from resolutions.search import record
from resolutions.search.compile import Plan, with_filters
from resolutions.search.highlight import highlight
from resolutions.search.query import QueryError
from resolutions.search.schema import FACET_KEY_PARTS, FACET_SEPARATOR, ORDER_BITS, RESOLUTION_BITS, schema

PAGE_SIZE = 20
GROUPS_PER_PAGE = 10
HITS_PER_GROUP = 3
FACET_VALUE_LIMIT = 12
YEAR_VALUES = 36
FACETS = (
    "language",
    "body",
    "session",
    "year",
    "committee",
    "kind",
    "opening",
    "adoption",
    *record.RECORD_FACETS,
    "vote",
)
# Per-segment buckets kept before merging: more than any facet has values, so every count is exact.
SEGMENT_BUCKETS = 1_000_000


def max_hits() -> int:
    """Hits a search pages through at most (``SEARCH_MAX_HITS``); the total is exact beyond it."""
    return settings.SEARCH_MAX_HITS


def max_page(grouped: bool = False) -> int:
    return max(1, max_hits() // (GROUPS_PER_PAGE if grouped else PAGE_SIZE))


@dataclass(frozen=True)
class BodyRef:
    code: str
    name: str


@dataclass(frozen=True)
class ResolutionRef:
    """What a hit shows of its resolution (from the index's stored fields)."""

    pk: int
    symbol: str
    title: str
    body: BodyRef
    session: str
    adopted_on: dt.date | None


@dataclass(frozen=True)
class ParagraphRef:
    key: str
    number: str
    kind: str


@dataclass(frozen=True)
class FootnoteRef:
    id: int
    marker: str


@dataclass
class Hit:
    type: str  # "paragraph" or "footnote"
    resolution: ResolutionRef
    paragraph: ParagraphRef | None
    footnote: FootnoteRef | None
    highlight: SafeString
    rank: float
    url: str
    label: str = ""  # 'Operative paragraph 5', 'Resolution' (a footnote whose marker is in no paragraph)
    adopted_text: str = ""  # '17 December 2015'
    language: str = "en"  # of the paragraph's or footnote's text

    def as_json(self) -> dict:
        resolution = self.resolution
        return {
            "type": self.type,
            "symbol": resolution.symbol,
            "title": resolution.title,
            "body": resolution.body.code,
            "session": resolution.session,
            "adopted_on": resolution.adopted_on.isoformat() if resolution.adopted_on else None,
            "paragraph": self.paragraph.key if self.paragraph else None,
            "number": self.paragraph.number if self.paragraph else None,
            "label": self.label,
            "kind": self.paragraph.kind if self.paragraph else None,
            "footnote": self.footnote.marker if self.footnote else None,
            "highlight": str(self.highlight),
            "rank": round(self.rank, 6),
            "url": self.url,
            "language": self.language,
        }


@dataclass
class Group:
    resolution: ResolutionRef
    hits: list[Hit]
    total: int  # this resolution's hits among all matches

    @property
    def url(self) -> str:
        return resolution_url(self.resolution.symbol)


@dataclass
class Results:
    total: int
    page: int
    pages: int
    resolutions: int | None  # None: not counted (many hits)
    resolutions_exact: bool
    facets: dict[str, list[tuple[str, int]]]
    hits: list[Hit] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    deepest_hit: int = 0  # the last hit that pages reach (SEARCH_MAX_HITS)


# Up to this many hits, the number of resolutions they are in is counted exactly (a terms aggregation over
# resolution ids); beyond it, that count costs as much as the rest of the search, and the paragraph view
# leaves it out, while the grouped view estimates it (Tantivy's HyperLogLog cardinality, shown as "about").
EXACT_RESOLUTION_COUNT = 5_000


def facet_aggregations() -> dict:
    """Every facet over every match: the joined key (``schema.FACET_KEY_PARTS``), the opening phrase, and the
    record's sponsors, SDGs and subjects (``record.facet_aggregation``)."""
    return {
        "record": record.facet_aggregation(SEGMENT_BUCKETS),
        "facet_key": {"terms": {"field": "facet_key", "size": SEGMENT_BUCKETS, "segment_size": SEGMENT_BUCKETS}},
        # More values than are shown, so that values tied at the cut are chosen alphabetically, not by chance.
        "opening": {
            "terms": {"field": "opening_value", "size": FACET_VALUE_LIMIT * 4, "segment_size": SEGMENT_BUCKETS}
        },
    }


@dataclass
class Counts:
    total: int  # every match: each document has exactly one facet key
    resolutions: int | None  # None: not counted (see EXACT_RESOLUTION_COUNT)
    resolutions_exact: bool
    facets: dict[str, list[tuple[str, int]]]


def language_counts(searcher: tantivy.Searcher, query: tantivy.Query) -> list[tuple[str, int]]:
    """The matches of ``query`` by language (the UN's order); the language facet counts the query searched in
    every language, so a search in one shows what the others hold."""
    found = searcher.aggregate(query, {"language": {"terms": {"field": "language", "size": 16}}})
    tally = {bucket["key"]: bucket["doc_count"] for bucket in found["language"]["buckets"] if bucket["key"]}
    return [(code, tally[code]) for code in LANGUAGE_ORDER if code in tally]


LANGUAGE_ORDER = ("ar", "zh", "en", "fr", "ru", "es")


def counts(
    searcher: tantivy.Searcher,
    query: tantivy.Query,
    *,
    estimate_resolutions: bool = False,
    languages_query: tantivy.Query | None = None,
) -> Counts:
    """The exact total and facet counts over every match, and the number of resolutions the matches are in.

    One aggregation request for the facets: the facet keys' counts are
    summed per facet here (a few thousand keys), which costs less than one
    aggregation per facet over a quarter of a million matches.
    """
    found = searcher.aggregate(query, facet_aggregations())
    tallies: list[dict[str, int]] = [{} for _ in FACET_KEY_PARTS]
    total = 0
    for bucket in found["facet_key"]["buckets"]:
        count = bucket["doc_count"]
        total += count
        for tally, value in _key_parts(bucket["key"]):
            tally_of = tallies[tally]
            tally_of[value] = tally_of.get(value, 0) + count
    tallies = dict(zip(FACET_KEY_PARTS, tallies, strict=False))
    facets = {"language": language_counts(searcher, query if languages_query is None else languages_query)}
    facets.update({name: top_values(name, tallies[name].items()) for name in FACET_KEY_PARTS})
    facets["opening"] = top_values(
        "opening", ((bucket["key"], bucket["doc_count"]) for bucket in found["opening"]["buckets"] if bucket["key"])
    )
    for name, values in record.split_facets(found["record"]["buckets"]).items():
        facets[name] = top_values(name, values)
    if total <= EXACT_RESOLUTION_COUNT:
        exact = searcher.aggregate(
            query,
            {
                "resolutions": {
                    "terms": {
                        "field": "resolution_id",
                        "size": EXACT_RESOLUTION_COUNT,
                        "segment_size": SEGMENT_BUCKETS,
                    }
                }
            },
        )
        return Counts(total, len(exact["resolutions"]["buckets"]), True, facets)
    if estimate_resolutions:
        estimate = searcher.aggregate(query, {"resolutions": {"cardinality": {"field": "resolution_id"}}})
        return Counts(total, round(estimate["resolutions"]["value"] or 0), False, facets)
    return Counts(total, None, False, facets)


def vote_facet(searcher: tantivy.Searcher, matches: tantivy.Query, filters: dict) -> list[tuple[str, int]]:
    """How the chosen Member State (``voter``) voted, over every match under the other filters: the hits of each
    vote value (those with none left out); nothing when no state is chosen."""
    if not filters.get("voter"):
        return []
    counted = [(vote, total(searcher, with_filters(matches, {**filters, "vote": vote}))) for vote in record.VOTE_VALUES]
    return [(vote, count) for vote, count in counted if count]


@functools.lru_cache(maxsize=100_000)
def _key_parts(key: str) -> tuple[tuple[int, str], ...]:
    """(facet position, value) of a facet key's non-empty parts (the same keys come back search after search)."""
    return tuple((position, value) for position, value in enumerate(key.split(FACET_SEPARATOR)) if value)


def top_values(name: str, values) -> list[tuple[str, int]]:
    """The values shown for a facet: years newest first, the others by count (ties alphabetically)."""
    if name == "year":
        return sorted(values, key=lambda item: -int(item[0]))[:YEAR_VALUES]
    return sorted(values, key=lambda item: (-item[1], item[0]))[:FACET_VALUE_LIMIT]


@functools.lru_cache(maxsize=4096)
def _date_text(day: dt.date | None, language: str) -> str:
    """'17 December 2015' in the interface's ``language`` (a key of the cache: the month's name depends on it)."""
    if not day:
        return ""
    return date_format(day, "j F Y" if language in (None, "en") else "DATE_FORMAT")


@functools.lru_cache(maxsize=64)
def _body(code: str) -> BodyRef:
    return BodyRef(code, BODIES[code].name if code in BODIES else code)


def hit_from(document: dict, score: float, plan: Plan) -> Hit:
    """A hit from one stored index document (a dict of lists, as Tantivy gives it)."""

    def first(name: str, default=""):
        values = document.get(name)
        return values[0] if values else default

    adopted = first("adopted_on")
    adopted_on = dt.date.fromisoformat(adopted) if adopted else None
    resolution = ResolutionRef(
        first("resolution_id", 0),
        first("symbol"),
        bytes(first("shown_title", b"")).decode(),
        _body(first("body")),
        first("session"),
        adopted_on,
    )
    key, is_paragraph = first("key"), first("hit") == "paragraph"
    paragraph = ParagraphRef(key, first("number"), first("kind")) if key else None
    footnote = None if is_paragraph else FootnoteRef(first("row_id", 0), first("marker"))
    text = bytes(first("shown", b"")).decode()
    language = first("language") or "en"
    # The hit's page is in the hit's language: its address carries that language's prefix.
    with translation.override(_interface_language(language)):
        url = paragraph_url(resolution.symbol, key) if key else resolution_url(resolution.symbol)
    return Hit(
        "paragraph" if is_paragraph else "footnote",
        resolution,
        paragraph,
        footnote,
        highlight(text, plan.highlight_in(language)),
        score,
        url,
        label=paragraph_title(key) if key else "Resolution",
        adopted_text=_date_text(adopted_on, translation.get_language()),
        language=language,
    )


def _interface_language(text_language: str) -> str:
    """The interface language whose address prefix shows a text in ``text_language`` ('zh' -> 'zh-hans')."""
    return "zh-hans" if text_language == "zh" else text_language


def _page(searcher, query, *, limit: int, offset: int, sort: str):
    """The ranked (or newest-first) hits from ``offset``; the count comes from ``counts``, so Tantivy may skip
    the matches that cannot reach the page (block-max WAND) instead of scoring every one."""
    if sort == "date":
        return searcher.search(
            query, limit, count=False, order_by_field="newest", offset=offset, order=tantivy.Order.Desc
        )
    return searcher.search(query, limit, count=False, offset=offset)


def run(
    searcher: tantivy.Searcher,
    plan: Plan,
    filters: dict,
    *,
    sort: str = "relevance",
    page: int = 1,
    grouped: bool = False,
    every_language: Plan | None = None,
) -> Results:
    """One search over every match; ``page`` beyond the last shows the last. ``every_language``: the same
    query searched in every language, for the language facet (else that facet counts ``plan``'s matches)."""
    if not 1 <= page <= max_page(grouped):
        raise QueryError(f"Pages go from 1 to {max_page(grouped)}; refine the search to see further.")
    query = with_filters(plan.matches, filters)
    languages_query = None
    if every_language is not None:
        languages_query = with_filters(every_language.matches, {k: v for k, v in filters.items() if k != "language"})
    if grouped:
        counted = counts(searcher, query, estimate_resolutions=True, languages_query=languages_query)
        counted.facets["vote"] = vote_facet(searcher, plan.matches, filters)
        return _grouped(searcher, query, plan, sort, page, counted)
    # The counts and the page are independent: Tantivy runs each without holding the GIL, so the counts run
    # on a second thread meanwhile (a search's latency is then the longer of the two, not their sum).
    counting = _counter().submit(counts, searcher, query, languages_query=languages_query)
    offset = (page - 1) * PAGE_SIZE
    found = _page(searcher, query, limit=PAGE_SIZE, offset=offset, sort=sort) if offset < max_hits() else None
    counted = counting.result()
    counted.facets["vote"] = vote_facet(searcher, plan.matches, filters)
    reachable = min(counted.total, max_hits())
    pages = max(1, math.ceil(reachable / PAGE_SIZE))
    if page > pages:  # past the last page: the last page
        page = pages
        found = _page(searcher, query, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, sort=sort)
    hits = (
        [hit_from(searcher.doc(address).to_dict(), _score(score, sort), plan) for score, address in found.hits]
        if found
        else []
    )
    return Results(
        counted.total,
        page,
        pages,
        counted.resolutions,
        counted.resolutions_exact,
        counted.facets,
        hits=hits,
        deepest_hit=reachable,
    )


_counters: dict[int, ThreadPoolExecutor] = {}


def _counter() -> ThreadPoolExecutor:
    """This process's counting thread (created after gunicorn forks: threads do not survive a fork)."""
    pid = os.getpid()
    if pid not in _counters:
        _counters.clear()
        _counters[pid] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-counts")
    return _counters[pid]


def _score(value, sort: str) -> float:
    return 0.0 if sort == "date" else float(value)


def _grouped(searcher, query, plan, sort, page, counted: Counts) -> Results:
    """Resolutions in the order of their best (or newest) hit, each with its best hits and exact count.

    The groups' order is read off the ranked hits: a resolution's place is
    that of its first hit. Hits are read in growing batches until the page's
    groups are all seen (or ``SEARCH_MAX_HITS`` hits were read).
    """
    pages = max(1, min(max_page(True), math.ceil((counted.resolutions or 0) / GROUPS_PER_PAGE)))
    page = min(page, pages)
    wanted = page * GROUPS_PER_PAGE
    limit = 200
    while True:
        found = _page(searcher, query, limit=limit, offset=0, sort=sort)
        order, seen = [], {}
        addresses = [address for _, address in found.hits]
        for (score, address), resolution_id in zip(
            found.hits, searcher.fast_field_values("resolution_id", addresses), strict=False
        ):
            if resolution_id not in seen:
                seen[resolution_id] = []
                order.append(resolution_id)
            if len(seen[resolution_id]) < HITS_PER_GROUP:
                seen[resolution_id].append((score, address))
        if len(order) >= wanted or len(found.hits) >= counted.total or limit >= max_hits():
            break
        limit = min(limit * 4, max_hits())
    if len(order) <= (page - 1) * GROUPS_PER_PAGE:  # an estimated count promised more groups than there are
        page = max(1, math.ceil(len(order) / GROUPS_PER_PAGE))
        pages = page
    shown = order[(page - 1) * GROUPS_PER_PAGE : page * GROUPS_PER_PAGE]
    group_counts = _hits_per_resolution(searcher, query, shown)
    groups = []
    for resolution_id in shown:
        best = seen[resolution_id]
        if len(best) < min(HITS_PER_GROUP, group_counts.get(resolution_id, 0)):
            best = _page(searcher, _in_resolution(query, resolution_id), limit=HITS_PER_GROUP, offset=0, sort=sort).hits
        hits = [hit_from(searcher.doc(address).to_dict(), _score(score, sort), plan) for score, address in best]
        groups.append(Group(hits[0].resolution, hits, group_counts.get(resolution_id, len(hits))))
    return Results(
        counted.total,
        page,
        pages,
        counted.resolutions,
        counted.resolutions_exact,
        counted.facets,
        groups=groups,
        deepest_hit=min(counted.total, max_hits()),
    )


def _in_resolution(query: tantivy.Query, resolution_id: int) -> tantivy.Query:
    return tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.term_query(schema(), "resolution_id", resolution_id)),
        ]
    )


def _hits_per_resolution(searcher, query, resolution_ids: list[int]) -> dict[int, int]:
    if not resolution_ids:
        return {}
    narrowed = tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.term_set_query(schema(), "resolution_id", resolution_ids)),
        ]
    )
    found = searcher.aggregate(
        narrowed,
        {
            "groups": {
                "terms": {
                    "field": "resolution_id",
                    "size": len(resolution_ids),
                    "segment_size": SEGMENT_BUCKETS,
                }
            }
        },
    )
    return {int(bucket["key"]): bucket["doc_count"] for bucket in found["groups"]["buckets"]}


def total(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    return searcher.search(query, 1, count=True).count


def paragraph_ids_oldest_first(searcher: tantivy.Searcher, query: tantivy.Query) -> list[int]:
    """The database ids of every paragraph (not footnote) the query matches, however many, oldest first:
    by adoption day (undated last), then resolution, then document order. Counted first, then read in one
    request of that size; the order comes from the ``newest`` key's parts (``schema.newest_key``) and the ids
    from the ``row_id`` column, so no stored document is opened and the database is not asked."""
    paragraphs = tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.term_query(schema(), "hit", "paragraph")),
        ]
    )
    count = total(searcher, paragraphs)
    if not count:
        return []
    addresses = [
        address
        for _, address in searcher.search(
            paragraphs, count, count=False, order_by_field="newest", order=tantivy.Order.Desc
        ).hits
    ]
    keys = np.array(searcher.fast_field_values("newest", addresses), dtype=np.uint64)
    ids = np.array(searcher.fast_field_values("row_id", addresses), dtype=np.int64)
    day_and_resolution = keys >> np.uint64(ORDER_BITS + 1)
    undated = (day_and_resolution >> np.uint64(RESOLUTION_BITS)) == 0
    position = keys & np.uint64((1 << ORDER_BITS) - 1)  # the reverse of document order
    return ids[np.lexsort((-position.astype(np.int64), day_and_resolution, undated))].tolist()
