"""Paragraph-level full-text search: query parsing, bounded ranking, safe highlights.

What a query means
------------------
Web-search syntax, as ``websearch_to_tsquery`` reads it: words separated by
spaces must all match; ``OR`` between two terms makes either do; ``-word`` or
``-"a phrase"`` excludes; ``"a phrase"`` is an exact phrase. Unquoted words
match with English stemming (``inclusion`` finds ``inclusive``) against the
stored ``search_vector``; quoted phrases match the words as written (no
stemming, stop words kept) against the stored ``exact_vector``. Both vectors
are generated columns with GIN indexes (migrations 0001 and 0002): nothing
is computed per query. ``parse_query`` builds a tree of terms; each term is
one ``plainto_tsquery`` / ``phraseto_tsquery`` condition, so no user input
ever reaches the tsquery syntax and no input raises a syntax error.

Footnotes are searched the same way and returned as hits of their own,
linked to the paragraph that carries their marker.

Ranking
-------
``ts_rank`` of the row's vector (opening phrase weight A = 1.0, text B = 0.4,
footnote text C = 0.2; normalised by log of the length) plus half the
``ts_rank`` of the resolution title. A paragraph whose opening phrase matches
outranks one that mentions the words in passing; a paragraph of a resolution
whose title matches outranks an otherwise equal one.

Speed: why no query ranks every match
-------------------------------------
The usual cause of slow PostgreSQL search is ``ORDER BY ts_rank(...)`` over
every row matching a common word (28% of a million paragraphs match
"development"): each match is fetched from the heap, its vector read and
scored, and a quarter of a million rows sorted. An exact count is as bad
(1.1 s for "development" at 1M paragraphs: the heap is visited for every
match). Here a search costs a handful of statements whatever the word:

1. which terms carry a searchable word (one tiny query: PostgreSQL's own
   stop-word list);
2. one statement (``_statement``) that takes the *candidates* -- at most
   ``CANDIDATE_LIMIT`` matching paragraphs and a quarter as many
   footnotes, cut with ``LIMIT`` on the GIN (or sequential) scan with no
   sort before the cut -- joins them to their resolutions, and from that one
   materialized set computes the total and the counts per filter value
   (``GROUPING SETS``) and cuts the page, ranked, or grouped by resolution
   with window functions. Newest first is exact over *every* match: each
   row carries its resolution's date (migration 0005, kept by triggers), so
   PostgreSQL walks a (date DESC, resolution DESC, order) index, keeps the
   rows that match and stops after the page -- or, for rare words, sorts
   their few matches;
3. one query per hit type for the 20 rows shown, with ``ts_headline`` for
   those rows only;
4. (zero hits only) the did-you-mean look-ups in the vocabulary view and one
   ``EXISTS`` per active filter to say which filters removed the results.

So the work per search is bounded by the candidate limit, not by how common
the words are. The price, stated in the page: at the limit the total reads
"at least N", facet counts are counted among the first N matches, relevance
(and the order of resolution groups) is decided among them, and pages stop at
``CANDIDATE_LIMIT / PAGE_SIZE``. A narrower query (more words, a phrase, a
filter) is exact again. The limit is the setting ``SEARCH_CANDIDATE_LIMIT``
(default 1,000: at 1M paragraphs a common word costs some 15-30 ms of
database time per search on this 2-core machine; ``manage.py search_timings``
measures it).

The statement runs with ``random_page_cost`` 1.1, no JIT, no parallel
workers and its own ``statement_timeout`` (``SEARCH_TIMEOUT_MS``; a search
that runs out of time is answered 503 with a message) via ``SET LOCAL``:
fetching a thousand candidates' resolutions by primary key must not turn
into hashing the whole resolutions table. What stays expensive: a quoted
phrase of two very common words that are rarely adjacent ("nations united")
or a self-contradicting query ("development -development") reads every
row holding the words before it can say "few hits" -- seconds at 1M
paragraphs, bounded by the timeout.

Repeated searches are served from Django's cache (``SEARCH_CACHE_SECONDS``,
default 300; 0 switches it off), keyed by the parsed query, filters, sort,
view, page and a *data version*: a sequence that statement-level triggers
(migration 0004) advance on every write to the searchable tables, COPY and
TRUNCATE included, so an import is visible at once.

Highlighting safety
-------------------
``ts_headline`` returns raw text (and silently drops anything that looks like
an HTML tag). Before highlighting, ``<`` and ``>`` are swapped for private-use
characters and the two private-use selection markers are removed from the
text; ts_headline marks matches with those markers; the result is swapped
back, HTML-escaped, and only then are the markers replaced by ``<mark>``.
A paragraph containing ``<script>`` or a literal ``<mark>`` shows as text.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field

import psycopg
from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, TrigramDistance
from django.db import OperationalError, connection, transaction
from django.db.models import Case, F, Func, Q, Value, When
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.citations import parse_reference
from resolutions.models import Footnote, Paragraph, Resolution, SearchWord
from resolutions.permalinks import paragraph_title, paragraph_url, resolution_url

MAX_QUERY_LENGTH = 500
MAX_TERMS = 20  # words, counting each word of a phrase
PAGE_SIZE = 20
GROUPS_PER_PAGE = 10
HITS_PER_GROUP = 3
CANDIDATE_LIMIT = settings.SEARCH_CANDIDATE_LIMIT  # paragraphs ranked per search, at most
FOOTNOTE_CANDIDATE_LIMIT = CANDIDATE_LIMIT // 4  # footnotes rank low: fewer are worth fetching
MAX_PAGE = CANDIDATE_LIMIT // PAGE_SIZE

TITLE_WEIGHT = 0.5
# ts_rank weights, in PostgreSQL's order {D, C, B, A}.
TITLE_RANK_WEIGHTS = [1.0, 1.0, 1.0, 1.0]
LENGTH_NORMALISATION = 1  # divide by 1 + log(length)

# Private-use characters: "<" and ">" stand-ins, and the highlight start/stop markers.
LT, GT, START_SEL, STOP_SEL = "\ue000", "\ue001", "\ue002", "\ue003"
HEADLINE_OPTIONS = dict(start_sel=START_SEL, stop_sel=STOP_SEL, max_words=40, min_words=20, max_fragments=2, fragment_delimiter=" … ")
WHOLE_TEXT_LENGTH = 400  # characters: shorter texts are shown whole

TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f\ue000-\ue003]")


class QueryError(ValueError):
    """A query or parameter the search refuses, with a message for the person who typed it."""


class SearchTimeout(QueryError):
    """A search that did not finish within ``SEARCH_TIMEOUT_MS``."""


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False
    negated: bool = False

    def condition(self) -> Q:
        if self.phrase:
            match = Q(exact_vector=SearchQuery(self.text, config="simple", search_type="phrase"))
        else:
            match = Q(search_vector=SearchQuery(self.text, config="english", search_type="plain"))
        return ~match if self.negated else match

    def rank_query(self) -> SearchQuery:
        return SearchQuery(self.text, config="english", search_type="phrase" if self.phrase else "plain")

    def __str__(self) -> str:
        shown = f'"{self.text}"' if self.phrase else self.text
        return f"-{shown}" if self.negated else shown


@dataclass
class ParsedQuery:
    """AND of clauses; each clause is an OR of terms (``OR`` binds tighter than the space)."""

    clauses: list[list[Term]] = field(default_factory=list)

    @property
    def terms(self) -> list[Term]:
        return [term for clause in self.clauses for term in clause]

    def condition(self) -> Q:
        condition = Q()
        for clause in self.clauses:
            alternatives = Q()
            for term in clause:
                alternatives |= term.condition()
            condition &= alternatives
        return condition

    def text_query(self) -> SearchQuery:
        """The English tsquery of the wanted terms, for ranking and highlighting."""
        combined = None
        for clause in self.clauses:
            alternatives = None
            for term in clause:
                if not term.negated:
                    alternatives = term.rank_query() if alternatives is None else alternatives | term.rank_query()
            if alternatives is not None:
                combined = alternatives if combined is None else combined & alternatives
        return combined

    def any_term_query(self) -> SearchQuery:
        """Any of the wanted terms: a title scores for each query word it contains."""
        combined = None
        for term in self.terms:
            if not term.negated:
                combined = term.rank_query() if combined is None else combined | term.rank_query()
        return combined

    def text_rank(self) -> SearchRank:
        """The row's own score (opening phrase A, paragraph text B, footnote text C)."""
        return SearchRank(F("search_vector"), self.text_query(), normalization=LENGTH_NORMALISATION)

    def __str__(self) -> str:
        return " ".join(" OR ".join(str(term) for term in clause) for clause in self.clauses)


def tokenize(text: str) -> list[list[Term]]:
    """Split web-search syntax into OR-groups of terms (no database; limits checked here)."""
    text = CONTROL_RE.sub(" ", text)
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"The search is too long: at most {MAX_QUERY_LENGTH} characters, please.")
    clauses: list[list[Term]] = []
    pending_or = False
    for match in TOKEN_RE.finditer(text):
        negated_phrase, phrase, word = match.groups()
        if word == "OR":
            pending_or = bool(clauses)
            continue
        if word is not None:
            negated = word.startswith("-") and len(word) > 1
            term = Term(word[1:] if negated else word, negated=negated)
        else:
            if not phrase.strip():
                continue
            term = Term(" ".join(phrase.split()), phrase=True, negated=bool(negated_phrase))
        if pending_or and clauses:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        pending_or = False
    words = sum(len(term.text.split()) for clause in clauses for term in clause)
    if words > MAX_TERMS:
        raise QueryError(f"The search has {words} words: at most {MAX_TERMS}, please.")
    for clause in clauses:
        if len(clause) > 1 and any(term.negated for term in clause):
            raise QueryError("An excluded word (-word) cannot be part of an OR; put it on its own.")
    return clauses


def parse_query(text: str) -> ParsedQuery:
    """The query as conditions, without terms that carry no searchable word (stop words, punctuation)."""
    clauses = tokenize(text)
    terms = [term for clause in clauses for term in clause]
    if not terms:
        raise QueryError("Type some words to search for.")
    searchable = _searchable_terms(terms)
    kept = [[term for term in clause if term in searchable] for clause in clauses]
    kept = [clause for clause in kept if clause]
    if not any(not term.negated for clause in kept for term in clause):
        if any(term.negated for term in terms) and not any(not term.negated for term in terms):
            raise QueryError("A search needs at least one word to find, not only words to exclude.")
        raise QueryError("The search has only very common words (like “the” or “of”) or punctuation: add a more specific word.")
    return ParsedQuery(kept)


def _searchable_terms(terms: list[Term]) -> set[Term]:
    """Terms with at least one word that is not an English stop word (PostgreSQL's list, one round trip).

    A quoted phrase of stop words only ("of the") is dropped too: it would
    match nearly every paragraph and make PostgreSQL check word positions
    in each of them.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT position FROM unnest(%s::text[]) WITH ORDINALITY AS t(text, position)"
            " WHERE numnode(plainto_tsquery('english', text)) > 0",
            [[term.text for term in terms]],
        )
        positions = {row[0] for row in cursor.fetchall()}
    return {term for index, term in enumerate(terms, start=1) if index in positions}


# --- references: "70/126", "A/RES/70/126", "resolution 70/126 para 5" ---

REFERENCE_WORDS = {
    "resolution", "res", "para", "paras", "paragraph", "op", "operative", "pp", "preambular", "of", "the",
    "general", "assembly", "ga", "economic", "and", "social", "council", "ecosoc", "its",
}


def reference_url(text: str) -> str | None:
    """The page a query that is only a citation names (paragraph, else resolution), when the archive holds it."""
    text = CONTROL_RE.sub(" ", text).strip()
    if not text or len(text) > 120 or not re.search(r"\d", text):
        return None
    leftover = [w.lower() for w in re.findall(r"[^\s,.;:()]+", text) if not re.search(r"[\d/]", w)]
    if any(word not in REFERENCE_WORDS and not re.fullmatch(r"[a-h]", word) for word in leftover):
        return None
    reference = parse_reference(text)
    if reference is None:
        return None
    resolution = Resolution.objects.by_symbol(reference.symbol).only("symbol").first()
    if resolution is None:
        return None
    if reference.paragraph_key and resolution.paragraphs.filter(key=reference.paragraph_key).exists():
        return paragraph_url(resolution.symbol, reference.paragraph_key)
    return resolution_url(resolution.symbol)


# --- highlighting ---


def safe_headline(field_name: str, query: SearchQuery):
    """ts_headline over the text with "<", ">" and the selection markers neutralised first.

    A short text is shown whole; a long one as fragments around the matches.
    """
    neutralised = Func(F(field_name), Value("<>" + START_SEL + STOP_SEL), Value(LT + GT), function="translate")
    return Case(
        When(LessThanOrEqual(Length(field_name), WHOLE_TEXT_LENGTH), then=SearchHeadline(
            neutralised, query, config="english", start_sel=START_SEL, stop_sel=STOP_SEL, highlight_all=True
        )),
        default=SearchHeadline(neutralised, query, config="english", **HEADLINE_OPTIONS),
    )


def highlight_html(headline: str, full_text: str = "") -> SafeString:
    """HTML for a ts_headline result of ``safe_headline``: escaped text, our markers as <mark>.

    When ``full_text`` is given, an ellipsis shows where the excerpt cuts it.
    """
    text = headline.replace(LT, "<").replace(GT, ">")
    if full_text:
        plain = text.replace(START_SEL, "").replace(STOP_SEL, "").strip()
        if plain and not full_text.lstrip().startswith(plain[:30]):
            text = "… " + text
        if plain and not full_text.rstrip().endswith(plain[-30:]):
            text = text + " …"
    text = escape(text)
    return mark_safe(text.replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>"))


# --- running a search ---

FACET_COLUMNS = ("body", "session", "year", "committee", "kind", "opening")
FACET_VALUE_LIMIT = 12


@dataclass
class Hit:
    type: str  # "paragraph" or "footnote"
    resolution: Resolution
    paragraph: Paragraph | None
    footnote: Footnote | None
    highlight: SafeString
    rank: float
    url: str

    @property
    def label(self) -> str:
        """'Operative paragraph 5', 'Annex, preambular paragraph 2', or 'Resolution' for an unplaced footnote."""
        return paragraph_title(self.paragraph.key) if self.paragraph else "Resolution"

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
        }


@dataclass
class Group:
    resolution: Resolution
    hits: list[Hit]
    total: int  # hits of this resolution among the candidates

    @property
    def url(self) -> str:
        return resolution_url(self.resolution.symbol)


@dataclass
class Results:
    total: int
    total_is_capped: bool
    page: int
    pages: int
    hits: list[Hit] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    resolutions: int = 0  # resolutions among the candidates
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def candidate_querysets(query: ParsedQuery, paragraph_filter, footnote_filter):
    """Matching paragraphs and footnotes (filtered, unordered), with their own rank and the columns shown."""
    paragraphs = paragraph_filter(Paragraph.objects.search(query)).values(
        "id", "resolution_id", "text_rank", "adopted_on", "order", hit=Value("paragraph"), position=F("order"),
        kind_value=F("kind"), opening=F("opening_phrase"),
    )
    footnotes = footnote_filter(Footnote.objects.search(query)).values(
        "id", "resolution_id", "text_rank", "adopted_on", "order", hit=Value("footnote"), position=F("paragraph__order"),
        kind_value=F("paragraph__kind"), opening=F("paragraph__opening_phrase"),
    )
    return paragraphs.order_by(), footnotes.order_by()


SIDE_COLUMNS = 'hit, id, resolution_id, text_rank, adopted_on, "order", position, kind_value, opening'


def _union(paragraphs, footnotes) -> tuple[str, tuple]:
    """Both hit types' querysets (each already cut) as one row source."""
    p_sql, p_params = paragraphs.query.sql_with_params()
    f_sql, f_params = footnotes.query.sql_with_params()
    return (
        f"SELECT {SIDE_COLUMNS} FROM ({p_sql}) AS p UNION ALL SELECT {SIDE_COLUMNS} FROM ({f_sql}) AS f",
        p_params + f_params,
    )


def _tsquery_sql(query: SearchQuery) -> tuple[str, tuple]:
    compiler = Resolution.objects.none().query.get_compiler(connection=connection)
    return query.resolve_expression(compiler.query).as_sql(compiler, connection)


def _statement(query: ParsedQuery, paragraphs, footnotes, *, sort: str, grouped: bool, offset: int, size: int):
    """One SQL statement for a whole search: the bounded candidates, their counts per facet, and the page.

    ``candidates``: at most CANDIDATE_LIMIT paragraphs and
    FOOTNOTE_CANDIDATE_LIMIT footnotes matching, in index order (no
    sorting before the cut), joined to their resolution after the cut for the
    title's rank and the facet columns. The page (hits, or resolutions with
    their best hits) is cut from the candidates, by rank or by date.
    """
    resolution_table, body_table = Resolution._meta.db_table, Resolution._meta.get_field("body").related_model._meta.db_table
    candidates_sql, candidates_params = _union(paragraphs[:CANDIDATE_LIMIT], footnotes[:FOOTNOTE_CANDIDATE_LIMIT])
    title_sql, title_params = _tsquery_sql(query.any_term_query())
    with_resolution = f"""
        SELECT c.*, c.text_rank + %s * ts_rank(%s::float4[], r.title_vector, {title_sql}, %s) AS rank,
               b.code AS body, r.session, extract(year FROM r.adopted_on)::int AS year, r.committee
        FROM (__CANDIDATE_ROWS__) AS c
        JOIN {resolution_table} AS r ON r.id = c.resolution_id
        JOIN {body_table} AS b ON b.id = r.body_id"""
    with_resolution_params = (TITLE_WEIGHT, TITLE_RANK_WEIGHTS, *title_params, LENGTH_NORMALISATION)
    hit_order = "position NULLS LAST, hit DESC, id"
    if grouped:
        group_order = "newest DESC NULLS LAST, resolution_id" if sort == "date" else "best DESC, resolution_id"
        page_sql = f"""
            ranked AS (
                SELECT hit, id, rank, resolution_id, adopted_on AS newest,
                       row_number() OVER (PARTITION BY resolution_id ORDER BY rank DESC, {hit_order}) AS place,
                       max(rank) OVER (PARTITION BY resolution_id) AS best,
                       count(*) OVER (PARTITION BY resolution_id) AS hits
                FROM candidates
            ), shown AS (
                SELECT resolution_id, row_number() OVER (ORDER BY {group_order}) AS group_place
                FROM ranked WHERE place = 1 ORDER BY {group_order} LIMIT %s OFFSET %s
            ), page AS (
                SELECT hit, id, rank, ranked.resolution_id, hits, row_number() OVER (ORDER BY group_place, place) AS place
                FROM ranked JOIN shown USING (resolution_id) WHERE place <= %s
            )"""
        page_params = (size, offset, HITS_PER_GROUP)
    elif sort == "date":
        # Over every match, not only the candidates: each hit type's newest offset + size rows,
        # walked on its (adopted_on DESC, resolution_id DESC, order) index, then merged.
        newest = (F("adopted_on").desc(nulls_last=True), F("resolution_id").desc(), "order")
        newest_sql, newest_params = _union(
            paragraphs.order_by(*newest)[: offset + size], footnotes.order_by(*newest)[: offset + size]
        )
        page_sql = f"""
            page AS (
                SELECT hit, id, rank, resolution_id, 1 AS hits,
                       row_number() OVER (
                           ORDER BY adopted_on DESC NULLS LAST, resolution_id DESC, hit DESC, "order"
                       ) AS place
                FROM ({with_resolution.replace("__CANDIDATE_ROWS__", newest_sql)}) AS newest
                ORDER BY place LIMIT %s OFFSET %s
            )"""
        page_params = (*with_resolution_params, *newest_params, size, offset)
    else:
        page_sql = f"""
            page AS (
                SELECT hit, id, rank, resolution_id, 1 AS hits,
                       row_number() OVER (ORDER BY rank DESC, adopted_on DESC NULLS LAST, resolution_id, {hit_order}) AS place
                FROM candidates ORDER BY place LIMIT %s OFFSET %s
            )"""
        page_params = (size, offset)
    facet_columns = "hit, body, session, year, committee, kind_value, opening"
    facet_sets = ", ".join(f"({column})" for column in facet_columns.split(", "))
    sql = f"""
        WITH candidates AS MATERIALIZED ({with_resolution.replace("__CANDIDATE_ROWS__", candidates_sql)}),
        facets AS (
            SELECT GROUPING({facet_columns}) AS level, {facet_columns}, count(*) AS hits,
                   count(DISTINCT resolution_id) AS resolutions
            FROM candidates GROUP BY GROUPING SETS ({facet_sets})
        ),
        {page_sql}
        SELECT (SELECT json_agg(facets) FROM facets), (SELECT json_agg(page ORDER BY place) FROM page)"""
    return sql, (*with_resolution_params, *candidates_params, *page_params)


TIMEOUT_MS = settings.SEARCH_TIMEOUT_MS
# For this statement only: its few hundred candidates are cheaper fetched by primary key than by
# hashing whole tables (the default random_page_cost assumes spinning disks), and it is too short
# for JIT compilation or parallel workers to pay off.
PLANNER_SETTINGS = "SET LOCAL random_page_cost = 1.1; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0"


def _facets(rows) -> tuple[int, bool, int, dict]:
    """(total, capped, resolutions, values per facet) from the GROUPING SETS rows.

    The total is the sum of the per-hit-type counts; it is capped (there may
    be more) when either hit type filled its candidate limit.
    """
    total, capped, resolutions, facets = 0, False, 0, {name: [] for name in FACET_COLUMNS}
    columns = ("hit", "body", "session", "year", "committee", "kind_value", "opening")
    limits = {"paragraph": CANDIDATE_LIMIT, "footnote": FOOTNOTE_CANDIDATE_LIMIT}
    for row in rows or []:
        # GROUPING() sets a bit for each column *not* grouped: the one clear bit names the set.
        position = next(bit for bit in range(len(columns)) if not row["level"] & (1 << (len(columns) - 1 - bit)))
        if position == 0:
            total += row["hits"]
            capped |= row["hits"] >= limits[row["hit"]]
            continue
        name, value = FACET_COLUMNS[position - 1], row[columns[position]]
        if name == "body":
            resolutions += row["resolutions"]
        if value not in (None, ""):
            facets[name].append((str(value), row["hits"]))
    for name, values in facets.items():
        if name == "year":
            facets[name] = sorted(values, key=lambda item: -int(item[0]))[: FACET_VALUE_LIMIT * 3]
        else:
            facets[name] = sorted(values, key=lambda item: (-item[1], item[0]))[:FACET_VALUE_LIMIT]
    return total, capped, resolutions, facets


def load_hits(rows, query: ParsedQuery) -> list[Hit]:
    """The rows shown, in order, with ts_headline computed for these rows only."""
    text_query = query.text_query()
    paragraph_ids = [row["id"] for row in rows if row["hit"] == "paragraph"]
    footnote_ids = [row["id"] for row in rows if row["hit"] == "footnote"]
    paragraphs = {}
    if paragraph_ids:
        paragraphs = Paragraph.objects.filter(id__in=paragraph_ids).select_related("resolution__body").defer(
            "resolution__metadata"
        ).annotate(headline=safe_headline("text", text_query)).in_bulk()
    footnotes = {}
    if footnote_ids:
        footnotes = Footnote.objects.filter(id__in=footnote_ids).select_related("resolution__body", "paragraph").defer(
            "resolution__metadata"
        ).annotate(headline=safe_headline("text", text_query)).in_bulk()
    hits = []
    for row in rows:
        if row["hit"] == "paragraph" and row["id"] in paragraphs:
            paragraph = paragraphs[row["id"]]
            hits.append(Hit("paragraph", paragraph.resolution, paragraph, None, highlight_html(paragraph.headline, paragraph.text),
                            row["rank"], paragraph_url(paragraph.resolution.symbol, paragraph.key)))
        elif row["hit"] == "footnote" and row["id"] in footnotes:
            footnote = footnotes[row["id"]]
            url = (paragraph_url(footnote.resolution.symbol, footnote.paragraph.key) if footnote.paragraph
                   else resolution_url(footnote.resolution.symbol))
            hits.append(Hit("footnote", footnote.resolution, footnote.paragraph, footnote,
                            highlight_html(footnote.headline, footnote.text), row["rank"], url))
    return hits


def run(query: ParsedQuery, paragraph_filter, footnote_filter, *, sort: str = "relevance", page: int = 1,
        grouped: bool = False) -> Results:
    """One search: total, facets and the page in one statement, then the page's rows with highlights."""
    if not 1 <= page <= MAX_PAGE:
        raise QueryError(f"Pages go from 1 to {MAX_PAGE}; refine the search to see further.")
    paragraphs, footnotes = candidate_querysets(query, paragraph_filter, footnote_filter)
    size = GROUPS_PER_PAGE if grouped else PAGE_SIZE
    sql, params = _statement(query, paragraphs, footnotes, sort=sort, grouped=grouped, offset=(page - 1) * size, size=size)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(PLANNER_SETTINGS + f"; SET LOCAL statement_timeout = {int(TIMEOUT_MS)}")
            cursor.execute(sql, params)
            facet_rows, page_rows = cursor.fetchone()
    except OperationalError as error:
        if not isinstance(error.__cause__, psycopg.errors.QueryCanceled):
            raise
        raise SearchTimeout(
            f"This search did not finish within {TIMEOUT_MS / 1000:g} seconds: add words, a phrase or a filter."
        ) from None
    total, capped, resolutions, facets = _facets(facet_rows)
    pages = max(1, min(MAX_PAGE, math.ceil((resolutions if grouped else total) / size)))
    results = Results(
        total=total, total_is_capped=capped, page=page, pages=pages, resolutions=resolutions, facets=facets
    )
    if page > pages:
        # Past the last page: show the last one (one more statement, only for such links).
        return run(query, paragraph_filter, footnote_filter, sort=sort, page=pages, grouped=grouped) if total else results
    hits = load_hits(page_rows or [], query)
    if grouped:
        counts = {row["resolution_id"]: row["hits"] for row in page_rows or []}
        for hit in hits:
            if not results.groups or results.groups[-1].resolution.pk != hit.resolution.pk:
                results.groups.append(Group(hit.resolution, [], counts[hit.resolution.pk]))
            results.groups[-1].hits.append(hit)
    else:
        results.hits = hits
    return results


def has_matches(query: ParsedQuery, paragraph_filter, footnote_filter) -> bool:
    paragraphs, footnotes = candidate_querysets(query, paragraph_filter, footnote_filter)
    return paragraphs.exists() or footnotes.exists()


# --- did you mean ---


def suggest(query: ParsedQuery, paragraph_filter, footnote_filter) -> str | None:
    """The query with its unknown words replaced by the archive's closest words, when that finds something."""
    words = {word.lower() for term in query.terms if not term.negated for word in re.findall(r"[^\W\d_]{3,}", term.text)}
    if not words:
        return None
    known = set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))
    replacements = {}
    for word in sorted(words - known):
        similar = (
            SearchWord.objects.filter(word__trigram_similar=word)
            .annotate(distance=TrigramDistance("word", word))
            .order_by("distance", "-documents", "word")
            .values_list("word", "documents")[:SUGGESTION_CANDIDATES]
        )
        if similar:
            # Trigrams find the neighbours; typing distance and use in the archive choose among them.
            replacements[word] = min(similar, key=lambda item: (edit_distance(word, item[0]), -item[1]))[0]
    if not replacements:
        return None
    pattern = re.compile(r"[^\W\d_]{3,}")
    clauses = [
        [
            Term(pattern.sub(lambda m: _same_case(m.group(0), replacements.get(m.group(0).lower())), term.text), term.phrase, term.negated)
            for term in clause
        ]
        for clause in query.clauses
    ]
    suggestion = ParsedQuery(clauses)
    if str(suggestion) == str(query) or not has_matches(suggestion, paragraph_filter, footnote_filter):
        return None
    return str(suggestion)


SUGGESTION_CANDIDATES = 10


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance counting a swap of two neighbouring letters as one edit ("developmnet")."""
    previous_previous, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, previous_previous[j - 2] + 1)
            current.append(cost)
        previous_previous, previous = previous, current
    return previous[-1]


def _same_case(original: str, replacement: str | None) -> str:
    if replacement is None:
        return original
    return replacement.capitalize() if original[:1].isupper() else replacement


# --- caching ---

CACHE_SECONDS = settings.SEARCH_CACHE_SECONDS  # 0: no result cache


def data_version() -> str:
    """Changes whenever searchable rows change (the sequence of migration 0004).

    Inside a transaction that has written (an import, a test), the
    transaction's id is part of it, so what it sees is never shared. The
    database's own oid is part of it too: a database dropped and created
    again (a new test run, a restore) starts its sequence afresh.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT last_value, pg_current_xact_id_if_assigned(),"
            " (SELECT oid FROM pg_database WHERE datname = current_database())"
            " FROM resolutions_search_data_version"
        )
        version, transaction_id, database_oid = cursor.fetchone()
    return f"{database_oid}:{version}:{transaction_id or ''}"


def cache_key(query: ParsedQuery, *parameters) -> str:
    """A cache key for one search's results, valid until the archive's searchable data changes.

    Entries also expire after ``SEARCH_CACHE_SECONDS`` (default 300): a search
    run while an import is committing may have missed its rows.
    """
    identity = repr((data_version(), CANDIDATE_LIMIT, FOOTNOTE_CANDIDATE_LIMIT, query.clauses, parameters))
    return "search:" + hashlib.sha256(identity.encode()).hexdigest()


def refresh_vocabulary() -> None:
    """Rebuild the did-you-mean vocabulary from the texts now in the archive (run after imports)."""
    with connection.cursor() as cursor:
        cursor.execute(f"REFRESH MATERIALIZED VIEW {SearchWord._meta.db_table}")
