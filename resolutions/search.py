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
match). Here a search costs two statements whatever the word:

1. which terms carry a searchable word (PostgreSQL's own stop-word list)
   and how many paragraphs hold each of their words (the view of migration
   0007): one small query;
2. one statement (``_statement``) that takes the *candidates* -- at most
   ``CANDIDATE_LIMIT`` matching paragraphs and a quarter as many
   footnotes, the first in table order, cut with ``LIMIT`` with no sort
   before the cut and reached the cheapest way the word counts point to
   (``candidate_querysets``: a rare word's few matches from the GIN index
   first; common words by reading the table in order, within a budget, or
   the index after all when the budget runs out, which costs a second
   statement; else PostgreSQL's planner) -- joins them to their resolutions, and from that one
   materialized set computes the total and the counts per filter value
   (``GROUPING SETS``) and cuts the page, ranked, or grouped by resolution
   with window functions; for the 20 rows shown, and those only, it adds
   what a hit displays and its ``ts_headline`` (``_shown_rows``), so
   Python builds the hits without another query. Newest first is exact
   over *every* match: each row carries its resolution's date and body
   (migrations 0005 and 0006, kept by triggers), so PostgreSQL walks a
   (date DESC, resolution DESC, order) index -- or (body, date DESC, ...)
   under a body filter -- keeps the rows that match and stops after the
   page, or, for rare words, sorts their few matches; a body filter is a
   comparison on the row, not a walk through the body's resolutions;
3. (zero hits only) the did-you-mean look-ups in the vocabulary view and one
   ``EXISTS`` per active filter to say which filters removed the results.

So the work per search is bounded by the candidate limit, not by how common
the words are. The price, stated in the page: at the limit the total reads
"at least N", facet counts are counted among the first N matches, relevance
(and the order of resolution groups) is decided among them, and pages stop at
``CANDIDATE_LIMIT / PAGE_SIZE``. A narrower query (more words, a phrase, a
filter) is exact again. The limit is the setting ``SEARCH_CANDIDATE_LIMIT``
(default 400: at 1M paragraphs a search costs some 5-15 ms of database time
on this 2-core machine; ``manage.py search_timings`` measures it, and
``benchmarks/bench.py`` the whole stack).

The statement runs with ``random_page_cost`` 1.1, no JIT, no parallel
workers and its own ``statement_timeout`` (``SEARCH_TIMEOUT_MS``; a search
that runs out of time is answered 503 with a message) via ``SET LOCAL``:
fetching the candidates' resolutions by primary key must not turn into
hashing the whole resolutions table, and (``cpu_index_tuple_cost`` 0.02)
half the table's rows of a btree must not be ANDed into a bitmap. What stays expensive: a quoted
phrase of two very common words that are rarely adjacent ("nations united")
or a self-contradicting query ("development -development") reads every
row holding the words before it can say "few hits" -- seconds at 1M
paragraphs, bounded by the timeout.

Repeated searches are answered from the shared cache of
``resolutions.page_cache`` (``SEARCH_CACHE_SECONDS``, default 300; 0
switches it off): the whole response, keyed by its address and a *data
version*, a sequence that statement-level triggers (migration 0004) advance
on every write to the searchable tables, COPY and TRUNCATE included, so an
import is visible at once. A repeat costs one small query and a file read.

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

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass, field

import psycopg
from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramDistance
from django.db import OperationalError, connection, transaction
from django.db.models import BooleanField, F, Func, Q, Value
from django.db.models.expressions import RawSQL
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.citations import parse_reference
from resolutions.models import Body, Footnote, Paragraph, Resolution, SearchWord
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


COMMON_WORD_FACTOR = 10  # a phrase's word this many times commoner than its rarest is left to the phrase check


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False
    negated: bool = False

    def condition(self, scan_all: bool = False, counts: dict[str, int] | None = None) -> Q:
        """The row matches this term; with ``scan_all``, written so that no index can serve it (see
        ``scan_budget``): ``ts_match_vq`` is the ``@@`` operator's own function, same result and cost.

        A phrase whose words include some far commoner than its rarest (the
        "to" of "right to development", in most paragraphs) asks the index
        for its rarer words only and checks the phrase on the rows found:
        the GIN scan then skips the common word's posting list (9 -> 5 ms).
        """
        if self.phrase:
            column, query = "exact_vector", SearchQuery(self.text, config="simple", search_type="phrase")
        else:
            column, query = "search_vector", SearchQuery(self.text, config="english", search_type="plain")
        rarer = [word for word, count in (counts or {}).items() if count <= COMMON_WORD_FACTOR * min(counts.values())]
        if scan_all:
            match = Q(Func(F(column), query, function="ts_match_vq", output_field=BooleanField()))
        elif self.phrase and rarer and len(rarer) < len(counts):
            indexed = SearchQuery(" ".join(rarer), config="simple", search_type="plain")
            match = Q(exact_vector=indexed) & Q(Func(F(column), query, function="ts_match_vq", output_field=BooleanField()))
        else:
            match = Q(**{column: query})
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
    # Each term's lexemes as its index stores them (stemmed, or as written for a phrase), with the number
    # of paragraphs holding each (migration 0007); and the number of paragraphs.
    lexemes: dict[Term, dict[str, int]] = field(default_factory=dict, compare=False, repr=False)
    paragraphs: float = field(default=0.0, compare=False, repr=False)
    table_pages: int = field(default=0, compare=False, repr=False)  # the paragraph table's size in pages

    @property
    def terms(self) -> list[Term]:
        return [term for clause in self.clauses for term in clause]

    def condition(self, scan_all: bool = False) -> Q:
        condition = Q()
        for clause in self.clauses:
            alternatives = Q()
            for term in clause:
                alternatives |= term.condition(scan_all, self.lexemes.get(term))
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
    lexemes, paragraphs, table_pages = _searchable_terms(terms)
    kept = [[term for term in clause if term in lexemes] for clause in clauses]
    kept = [clause for clause in kept if clause]
    if not any(not term.negated for clause in kept for term in clause):
        if any(term.negated for term in terms) and not any(not term.negated for term in terms):
            raise QueryError("A search needs at least one word to find, not only words to exclude.")
        raise QueryError("The search has only very common words (like “the” or “of”) or punctuation: add a more specific word.")
    return ParsedQuery(kept, lexemes, paragraphs, table_pages)


def _searchable_terms(terms: list[Term]) -> tuple[dict[Term, dict[str, int]], float, int]:
    """Terms with at least one word that is not an English stop word (PostgreSQL's list), with their
    lexemes and how many paragraphs hold each; and the number of paragraphs and of the table's pages.
    One round trip.

    A quoted phrase of stop words only ("of the") is dropped too: it would
    match nearly every paragraph and make PostgreSQL check word positions
    in each of them.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.position, v.lexeme, coalesce(c.paragraphs, 0), greatest(p.reltuples, 0), p.relpages"
            " FROM unnest(%s::text[], %s::boolean[]) WITH ORDINALITY AS t(text, phrase, position)"
            " CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector("
            "     (CASE WHEN t.phrase THEN 'simple' ELSE 'english' END)::regconfig, t.text))) AS v(lexeme)"
            f" LEFT JOIN {LEXEME_COUNTS} AS c"
            "     ON c.config = CASE WHEN t.phrase THEN 'simple' ELSE 'english' END AND c.lexeme = v.lexeme"
            " CROSS JOIN (SELECT reltuples, relpages FROM pg_class WHERE oid = %s::regclass) AS p"
            " WHERE numnode(plainto_tsquery('english', t.text)) > 0",
            [[term.text for term in terms], [term.phrase for term in terms], Paragraph._meta.db_table],
        )
        found, paragraphs, pages = {}, 0.0, 0
        for position, lexeme, count, paragraphs, pages in cursor.fetchall():
            found.setdefault(position, {})[lexeme] = count
    return {term: found[index] for index, term in enumerate(terms, start=1) if index in found}, paragraphs, pages


LEXEME_COUNTS = "resolutions_search_lexemes"  # the view of migration 0007


# --- choosing between the GIN index and reading the table in order ---

# Measured on the 2-core machine at a million paragraphs: a GIN scan costs about 0.15 µs per posting-list
# entry it decodes; reading a paragraph row and testing it about 1 µs.
GIN_ENTRY_COST, ROW_TEST_COST = 0.15, 1.0
# Reading in order may cost this many times what the index would before the search falls back to the index.
SCAN_MARGIN = 1.0
def scan_budget(query: ParsedQuery, limit: int) -> int | None:
    """How many pages of the paragraph table to read in order for the first ``limit`` matches, when that
    is likely cheaper than the GIN index; None to use the index.

    A GIN index cannot stop early: it decodes the posting list of the
    rarest word (skipping through the others) before the first row comes
    out -- 40 ms for "development", in 28% of a million paragraphs -- while
    reading the table stops at the limit. PostgreSQL's planner prices GIN
    entries far below that and guesses that words are independent, so for
    "sustainable development" (12% of paragraphs, not the 4% independence
    says) or the phrase "calls upon" (6%, not 0.5%) it decodes 60,000 to
    150,000 entries to keep 400 rows. Here the index costs the entries of
    the rarest clause; reading costs the rows tested before the limit if
    the words go together, as the words people search for usually do. When
    reading wins, it is bounded to the pages that would cost what the index
    costs (times ``SCAN_MARGIN``): if they do not hold the limit, the words
    did not go together and ``run`` asks the index after all, so a wrong
    guess costs at most that much more. Between the two bounds (words
    independent, words always together) the first ``PROBE_PAGES`` pages are
    read to see how often they do. Word counts come from the view of
    migration 0007.
    """
    rows, entries, independent, together = _estimates(query)
    if rows <= 0 or together <= 0 or query.table_pages <= 0:
        return None
    index_cost = entries * rows * GIN_ENTRY_COST
    if min(rows, limit / together) * ROW_TEST_COST > index_cost:
        return None  # even if the words always went together
    rows_per_page = max(1.0, rows / query.table_pages)
    budget = max(1, math.ceil(SCAN_MARGIN * index_cost / ROW_TEST_COST / rows_per_page))
    if independent > 0 and limit / independent <= budget * rows_per_page:
        return budget  # even if the words were independent
    # In between, the table's first pages -- those reading would start with -- say how often they go together.
    return budget if probe_share(query, rows_per_page) * budget * rows_per_page >= limit else None


def probe_share(query: ParsedQuery, rows_per_page: float) -> float:
    """The share of the paragraphs on the table's first ``PROBE_PAGES`` pages that match."""
    probed = Paragraph.objects.filter(query.condition(scan_all=True), _before_page(PROBE_PAGES)).count()
    return probed / min(query.paragraphs, PROBE_PAGES * rows_per_page)


PROBE_PAGES = 100  # about 500 paragraphs, a millisecond


def _before_page(pages: int) -> RawSQL:
    """Rows of the paragraph table's first ``pages`` pages (a TID range scan reads just those)."""
    return RawSQL(f'"{Paragraph._meta.db_table}".ctid < %s::tid', (f"({pages},0)",), output_field=BooleanField())


# A query whose words bound its matches to this many paragraphs takes all of them from the GIN index first.
FEW_MATCHES = 2_000


def few_matches(query: ParsedQuery) -> bool:
    """Whether the query's rarest clause holds so few paragraphs that they are best fetched all at once.

    PostgreSQL guesses a rare word's matches from ANALYZE's 1,000 commonest
    lexemes, and a word outside them is given their smallest share: it may
    then expect the 20 newest matches of "stealing" within a few thousand
    rows of the date index and walk the whole table to find them (280 ms at
    a million paragraphs), or scan the table for 400 filtered matches that
    are not there. The paragraphs holding the rarest clause's words bound
    the matches, so when that bound is small the search takes them from the
    index first (see ``candidate_querysets``).
    """
    rows, entries, _, _ = _estimates(query)
    return rows > 0 and entries * rows <= FEW_MATCHES  # without counts (a query built here), no guess


def _estimates(query: ParsedQuery) -> tuple[float, float, float, float]:
    """(paragraphs; share of them in the GIN entries the query decodes, which bounds its matches;
    share matching if its words were independent; share matching if they always went together),
    from the word counts of migration 0007."""
    rows = query.paragraphs
    if rows <= 0:
        return 0.0, 0.0, 0.0, 0.0
    entries, share, together = 1.0, 1.0, 1.0
    for clause in query.clauses:
        wanted = [term for term in clause if not term.negated]
        if not wanted:
            continue
        clause_entries = clause_share = 0.0
        for term in wanted:
            shares = [min(1.0, count / rows) for count in query.lexemes.get(term, {}).values()] or [0.0]
            clause_entries += min(shares)  # GIN walks a term's rarest word and skips through the others
            clause_share += math.prod(shares)
        entries = min(entries, clause_entries)  # and so for the rarest of the clauses ANDed together
        share *= min(1.0, clause_share)
        together = min(together, clause_entries)
    return rows, entries, share, together


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


def highlight_html(headline: str, full_text: str = "") -> SafeString:
    """HTML for a ts_headline result of ``_shown_rows``: escaped text, our markers as <mark>.

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
    # Shown as they are (computed once here, not in the template for each hit):
    label: str = ""  # 'Operative paragraph 5', 'Annex, preambular paragraph 2', 'Resolution' (unplaced footnote)
    adopted_text: str = ""  # '17 December 2015'

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


@dataclass
class Candidates:
    """Where one search takes its rows: the candidates (``paragraphs``, ``footnotes``), and the
    paragraphs newest first walks (every match, never bounded); ``scan_pages`` when the candidate
    paragraphs are read in table order from that many pages (see ``scan_budget``)."""

    paragraphs: object
    footnotes: object
    newest_paragraphs: object
    scan_pages: int | None = None


def candidate_querysets(query: ParsedQuery, paragraph_filter, footnote_filter, *, allow_scan: bool = True) -> Candidates:
    """Matching paragraphs and footnotes (filtered, unordered), with their own rank and the columns shown.

    How they are found, for the same rows every way (the first matches in
    table order, or newest first): a query with ``few_matches`` takes them
    all from the GIN index before any filter or sort; otherwise,
    without filters, the candidate paragraphs are read in table order when
    ``scan_budget`` says so; else PostgreSQL's planner chooses (it knows
    the filters' shares).
    """
    # The filters are applied once for each hit type (a body filter looks its body up) and searched within.
    filtered_paragraphs = paragraph_filter(Paragraph.objects.all())
    filtered_footnotes = footnote_filter(Footnote.objects.all())
    filtered = bool(filtered_paragraphs.query.where)
    scan_pages = None
    if few_matches(query):
        # Unfiltered, the GIN bitmap stops after the first CANDIDATE_LIMIT matches by itself; a sort by
        # date or a filter is where the planner, misjudging a rare word, would walk or scan the table.
        newest = _index_first(filtered_paragraphs, query)
        paragraphs = newest if filtered else filtered_paragraphs.search(query)
        footnotes = _index_first(filtered_footnotes, query)
    else:
        paragraphs = newest = filtered_paragraphs.search(query)
        footnotes = filtered_footnotes.search(query)
        scan_pages = scan_budget(query, CANDIDATE_LIMIT) if allow_scan and not filtered else None
        if scan_pages is not None:
            paragraphs = filtered_paragraphs.search(query, scan_all=True)
            if scan_pages < query.table_pages:
                paragraphs = paragraphs.filter(_before_page(scan_pages))
    paragraph_columns = dict(
        hit=Value("paragraph"), position=F("order"), kind_value=F("kind"), opening=F("opening_phrase"),
    )
    footnote_columns = dict(
        hit=Value("footnote"), position=F("paragraph__order"), kind_value=F("paragraph__kind"),
        opening=F("paragraph__opening_phrase"),
    )
    shown = ("id", "resolution_id", "text_rank", "adopted_on", "order")
    return Candidates(
        paragraphs.values(*shown, **paragraph_columns).order_by(),
        footnotes.values(*shown, **footnote_columns).order_by(),
        newest.values(*shown, **paragraph_columns).order_by(),
        scan_pages,
    )


def _index_first(rows, query: ParsedQuery):
    """The ``rows`` matching ``query``, all matches taken through the GIN index first: a subquery with a
    LIMIT is computed on its own (PostgreSQL cannot merge it into the outer query), bounded in case
    the estimate was wrong."""
    matching = rows.model.objects.filter(query.condition()).order_by().values("pk")[: FEW_MATCHES * 10]
    return rows.filter(pk__in=matching).annotate(text_rank=query.text_rank())


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


def _headline_options(**options) -> str:
    return ", ".join(f"{name}={value}" for name, value in options.items())


# ts_headline options (PostgreSQL's syntax): a short text whole, a long one as fragments around the matches.
WHOLE_HEADLINE = _headline_options(StartSel=START_SEL, StopSel=STOP_SEL, HighlightAll="true")
FRAGMENT_HEADLINE = _headline_options(
    StartSel=START_SEL, StopSel=STOP_SEL, MaxWords=HEADLINE_OPTIONS["max_words"], MinWords=HEADLINE_OPTIONS["min_words"],
    MaxFragments=HEADLINE_OPTIONS["max_fragments"], FragmentDelimiter=f'"{HEADLINE_OPTIONS["fragment_delimiter"]}"',
)


def _shown_rows(query: ParsedQuery) -> tuple[str, tuple]:
    """The page's rows as JSON with what a hit shows, ts_headline computed for these rows only.

    The text is neutralised first (see "Highlighting safety"): "<" and ">"
    become private-use stand-ins and stray selection markers are removed.
    """
    text_sql, text_params = _tsquery_sql(query.text_query())
    neutralised = "translate(s.text, %s, %s)"
    neutralise_params = ("<>" + START_SEL + STOP_SEL, LT + GT)
    sql = f"""
        SELECT json_agg(s ORDER BY s.place) FROM (
            SELECT s.*, CASE WHEN length(s.text) <= %s
                             THEN ts_headline('english', {neutralised}, {text_sql}, %s)
                             ELSE ts_headline('english', {neutralised}, {text_sql}, %s) END AS headline
            FROM (
                SELECT page.*, r.symbol, r.title, r.session, r.adopted_on AS resolution_adopted_on,
                       b.code AS body_code, b.name AS body_name,
                       coalesce(p.key, fp.key) AS paragraph_key, coalesce(p.number, fp.number) AS paragraph_number,
                       coalesce(p.kind, fp.kind) AS paragraph_kind, fn.marker, coalesce(p.text, fn.text) AS text
                FROM page
                JOIN {Resolution._meta.db_table} AS r ON r.id = page.resolution_id
                JOIN {Resolution._meta.get_field("body").related_model._meta.db_table} AS b ON b.id = r.body_id
                LEFT JOIN {Paragraph._meta.db_table} AS p ON page.hit = 'paragraph' AND p.id = page.id
                LEFT JOIN {Footnote._meta.db_table} AS fn ON page.hit = 'footnote' AND fn.id = page.id
                LEFT JOIN {Paragraph._meta.db_table} AS fp ON fp.id = fn.paragraph_id
            ) AS s
        ) AS s"""
    params = (
        WHOLE_TEXT_LENGTH, *neutralise_params, *text_params, WHOLE_HEADLINE,
        *neutralise_params, *text_params, FRAGMENT_HEADLINE,
    )
    return sql, params


def _statement(query: ParsedQuery, candidates: Candidates, *, sort: str, grouped: bool, offset: int, size: int):
    """One SQL statement for a whole search: the bounded candidates, their counts per facet, and the page.

    ``candidates``: at most CANDIDATE_LIMIT paragraphs and
    FOOTNOTE_CANDIDATE_LIMIT footnotes matching, in index order (no
    sorting before the cut), joined to their resolution after the cut for the
    title's rank and the facet columns. The page (hits, or resolutions with
    their best hits) is cut from the candidates, by rank or by date.
    """
    resolution_table, body_table = Resolution._meta.db_table, Resolution._meta.get_field("body").related_model._meta.db_table
    candidates_sql, candidates_params = _union(
        candidates.paragraphs[:CANDIDATE_LIMIT], candidates.footnotes[:FOOTNOTE_CANDIDATE_LIMIT]
    )
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
            candidates.newest_paragraphs.order_by(*newest)[: offset + size],
            candidates.footnotes.order_by(*newest)[: offset + size],
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
    shown_sql, shown_params = _shown_rows(query)
    sql = f"""
        WITH candidates AS MATERIALIZED ({with_resolution.replace("__CANDIDATE_ROWS__", candidates_sql)}),
        facets AS (
            SELECT GROUPING({facet_columns}) AS level, {facet_columns}, count(*) AS hits,
                   count(DISTINCT resolution_id) AS resolutions
            FROM candidates GROUP BY GROUPING SETS ({facet_sets})
        ),
        {page_sql}
        SELECT (SELECT json_agg(facets) FROM facets), ({shown_sql})"""
    return sql, (*with_resolution_params, *candidates_params, *page_params, *shown_params)


TIMEOUT_MS = settings.SEARCH_TIMEOUT_MS
# For this statement only: its few hundred candidates are cheaper fetched by primary key than by
# hashing whole tables (the default random_page_cost assumes spinning disks), and it is too short
# for JIT compilation or parallel workers to pay off.
PLANNER_SETTINGS = "SET LOCAL random_page_cost = 1.1; SET LOCAL cpu_index_tuple_cost = 0.02; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0"


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


def hits_from_rows(rows) -> list[Hit]:
    """The page's hits from the statement's rows (``_shown_rows``): no further query."""
    bodies, hits = {}, []
    for row in rows:
        body = bodies.get(row["body_code"]) or bodies.setdefault(row["body_code"], Body(code=row["body_code"], name=row["body_name"]))
        adopted_on = row["resolution_adopted_on"]
        resolution = Resolution(
            id=row["resolution_id"], symbol=row["symbol"], title=row["title"], session=row["session"], body=body,
            adopted_on=dt.date.fromisoformat(adopted_on) if adopted_on else None,
        )
        paragraph = None
        if row["paragraph_key"] is not None:
            paragraph = Paragraph(key=row["paragraph_key"], number=row["paragraph_number"], kind=row["paragraph_kind"])
        footnote = Footnote(id=row["id"], marker=row["marker"]) if row["hit"] == "footnote" else None
        if paragraph is not None:
            url = paragraph_url(resolution.symbol, paragraph.key)
        else:
            url = resolution_url(resolution.symbol)
        hits.append(Hit(
            row["hit"], resolution, paragraph, footnote, highlight_html(row["headline"], row["text"]), row["rank"], url,
            label=paragraph_title(paragraph.key) if paragraph else "Resolution", adopted_text=_date_text(resolution.adopted_on),
        ))
    return hits


@functools.lru_cache(maxsize=4096)
def _date_text(day: dt.date | None) -> str:
    return date_format(day, "j F Y") if day else ""


def run(query: ParsedQuery, paragraph_filter, footnote_filter, *, sort: str = "relevance", page: int = 1,
        grouped: bool = False) -> Results:
    """One search: total, facets and the page in one statement, then the page's rows with highlights."""
    if not 1 <= page <= MAX_PAGE:
        raise QueryError(f"Pages go from 1 to {MAX_PAGE}; refine the search to see further.")
    size = GROUPS_PER_PAGE if grouped else PAGE_SIZE
    candidates = candidate_querysets(query, paragraph_filter, footnote_filter)
    facet_rows, page_rows = _execute(_statement(query, candidates, sort=sort, grouped=grouped, offset=(page - 1) * size, size=size))
    if candidates.scan_pages is not None and _paragraph_candidates(facet_rows) < CANDIDATE_LIMIT:
        # The pages read in order did not hold the limit: the words do not go together. The index, then.
        candidates = candidate_querysets(query, paragraph_filter, footnote_filter, allow_scan=False)
        facet_rows, page_rows = _execute(
            _statement(query, candidates, sort=sort, grouped=grouped, offset=(page - 1) * size, size=size)
        )
    total, capped, resolutions, facets = _facets(facet_rows)
    pages = max(1, min(MAX_PAGE, math.ceil((resolutions if grouped else total) / size)))
    results = Results(
        total=total, total_is_capped=capped, page=page, pages=pages, resolutions=resolutions, facets=facets
    )
    if page > pages:
        # Past the last page: show the last one (one more statement, only for such links).
        return run(query, paragraph_filter, footnote_filter, sort=sort, page=pages, grouped=grouped) if total else results
    hits = hits_from_rows(page_rows or [])
    if grouped:
        counts = {row["resolution_id"]: row["hits"] for row in page_rows or []}
        for hit in hits:
            if not results.groups or results.groups[-1].resolution.pk != hit.resolution.pk:
                results.groups.append(Group(hit.resolution, [], counts[hit.resolution.pk]))
            results.groups[-1].hits.append(hit)
    else:
        results.hits = hits
    return results


def _execute(statement: tuple[str, tuple]):
    """(facet rows, page rows) of one search statement, under the search's planner settings and time limit."""
    sql, params = statement
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(PLANNER_SETTINGS + f"; SET LOCAL statement_timeout = {int(TIMEOUT_MS)}")
            cursor.execute(sql, params)
            return cursor.fetchone()
    except OperationalError as error:
        if not isinstance(error.__cause__, psycopg.errors.QueryCanceled):
            raise
        raise SearchTimeout(
            f"This search did not finish within {TIMEOUT_MS / 1000:g} seconds: add words, a phrase or a filter."
        ) from None


def _paragraph_candidates(facet_rows) -> int:
    """How many paragraphs the statement took as candidates (its per-hit-type count)."""
    level_of_hit = int("0" + "1" * 6, 2)  # GROUPING() of the set grouped by hit alone
    return sum(row["hits"] for row in facet_rows or [] if row["level"] == level_of_hit and row["hit"] == "paragraph")


def has_matches(query: ParsedQuery, paragraph_filter, footnote_filter) -> bool:
    found = candidate_querysets(query, paragraph_filter, footnote_filter, allow_scan=False)
    return found.newest_paragraphs.exists() or found.footnotes.exists()


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

CACHE_SECONDS = settings.SEARCH_CACHE_SECONDS  # how long a search answer is kept (0: not at all)


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


def refresh_vocabulary() -> None:
    """Rebuild the did-you-mean vocabulary and the word counts from the texts now in the archive (run after imports).

    CONCURRENTLY, so that searches go on meanwhile: every search reads the
    word counts, and a plain refresh would lock them out for its whole run
    (14 s at a million paragraphs). Both views have the unique index it needs.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"REFRESH MATERIALIZED VIEW CONCURRENTLY {SearchWord._meta.db_table}")
        cursor.execute(f"REFRESH MATERIALIZED VIEW CONCURRENTLY {LEXEME_COUNTS}")
