"""The index checked against PostgreSQL: the same query, counted by the database from the texts themselves.

Each leaf of a query becomes a regular expression over the raw texts (case
insensitive, on word boundaries as the index's tokenizer draws them): a
word, as the alternation of every word of the vocabulary with the same stem
(so stemming is checked, not assumed); a phrase, as its words in order with
only non-word characters between; a prefix, as the start of a word. With the
search's own filters applied to the querysets (``SearchFilter``), PostgreSQL
counts the matches and groups them by each facet. ``compare`` sets those
counts beside the index's. Slow by design (the database reads every text):
for tests, the benchmark and ``manage.py search_index verify``, never for
answering a search.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear

from resolutions.models import Footnote, Paragraph, Resolution
from resolutions.search import analysis, compile, execute, index, query, record
from resolutions.search.filters import FootnoteSearchFilter, ParagraphSearchFilter, adoption_of_resolution
from resolutions.search.schema import CONTENT, TITLE

STANDARD_QUERIES = [
    "social",
    "development",
    "poverty",
    "social protection",
    '"social protection floors"',
    '"right to development"',
    "poverty OR hunger",
    "youth -employment",
    "NOT violence women",
    "soc*",
    "(ageing OR elderly) -health",
    "title:ageing",
    "tuberculosis",
    '"persons with disabilities"',
]
NOTHING = object()
BOUNDARY_BEFORE, BOUNDARY_AFTER, GAP = "(^|[^[:alnum:]])", "([^[:alnum:]]|$)", "[^[:alnum:]]+"


def _stem_forms(searcher) -> dict[str, set[str]]:
    """Every exact word of the index, grouped by its stem."""
    forms: dict[str, set[str]] = defaultdict(set)
    for field_name in {f.exact for f in (*CONTENT, TITLE)}:
        for term, _ in searcher.terms_with_prefix(field_name, ""):
            stem = analysis.stem_of_word(term)
            if stem is not None:
                forms[stem].add(term)
    return forms


class _Conditions:
    """A query leaf as a regular expression, and the tree as Q objects for paragraphs or footnotes."""

    def __init__(self, forms: dict[str, set[str]]):
        self.forms = forms

    def regex(self, leaf) -> str | None:
        if isinstance(leaf, query.Word):
            stemmed = [(t.position, t.text) for t in analysis.stemmed().pre_tokenize(leaf.text).tokens]
            if not stemmed:
                return None
            parts, previous = [], None
            for position, stem in stemmed:
                if previous is not None:
                    parts.append(GAP + f"[[:alnum:]]+{GAP}" * (position - previous - 1))
                words = sorted(self.forms.get(stem, set()))
                if not words:
                    return NOTHING  # a stem no text of the archive has
                parts.append("(" + "|".join(words) + ")")
                previous = position
            return BOUNDARY_BEFORE + "".join(parts) + BOUNDARY_AFTER
        if isinstance(leaf, query.Phrase):
            words = analysis.words(leaf.text)
            return BOUNDARY_BEFORE + GAP.join(words) + BOUNDARY_AFTER if words else None
        if isinstance(leaf, query.Prefix):
            return BOUNDARY_BEFORE + analysis.words(leaf.text)[0]
        return None

    def leaf(self, leaf, footnote: bool) -> Q | None:
        if isinstance(leaf, query.Symbol):
            symbol_field = "resolution__symbol"
            if leaf.value.endswith("*"):
                return Q(**{f"{symbol_field}__istartswith": leaf.value.rstrip("*")})
            return Q(**{f"{symbol_field}__iexact": leaf.value})
        pattern = self.regex(leaf)
        if pattern is None:
            return None
        if pattern is NOTHING:
            return Q(pk__in=[])
        if leaf.field == "title":
            return Q(resolution__title__iregex=pattern)
        if footnote:
            return None if leaf.field == "opening" else Q(text__iregex=pattern)
        if leaf.field == "opening":
            return Q(opening_phrase__iregex=pattern)
        return Q(text__iregex=pattern) | Q(opening_phrase__iregex=pattern)

    def tree(self, node, footnote: bool) -> Q | None:
        """None: matches nothing (a leaf with nothing searchable, as the index drops it)."""
        if isinstance(node, query.Not):
            inner = self.tree(node.node, footnote)
            return ~inner if inner is not None else Q()
        if isinstance(node, query.And):
            parts = [self.tree(child, footnote) for child in node.nodes]
            if any(part is None for part in parts):
                return None
            combined = Q()
            for part in parts:
                combined &= part
            return combined
        if isinstance(node, query.Or):
            parts = [part for part in (self.tree(child, footnote) for child in node.nodes) if part is not None]
            if not parts:
                return None
            combined = parts[0]
            for part in parts[1:]:
                combined |= part
            return combined
        return self.leaf(node, footnote)


FACET_PATHS = {
    "body": ("resolution__body__code", "resolution__body__code"),
    "session": ("resolution__session", "resolution__session"),
    "year": ("year", "year"),
    "committee": ("resolution__committee", "resolution__committee"),
    "kind": ("kind", "paragraph__kind"),
    "opening": ("opening_phrase", "paragraph__opening_phrase"),
    "adoption": ("adoption", "adoption"),
    # The record's many values: a hit counts once for each different value of its resolution.
    "sponsor": ("resolution__sponsors__member_state__code",) * 2,
    "sdg": ("resolution__goal_links__goal__number",) * 2,
    "subject": ("resolution__subject_links__subject__slug",) * 2,
}


@dataclass
class Comparison:
    query: str
    filters: dict
    index_total: int
    database_total: int
    index_facets: dict = field(default_factory=dict)
    database_facets: dict = field(default_factory=dict)

    @property
    def equal(self) -> bool:
        return self.index_total == self.database_total and self.index_facets == self.database_facets

    def describe(self) -> str:
        where = f" with {self.filters}" if self.filters else ""
        if self.equal:
            return f"same: {self.query!r}{where}: {self.index_total:,} hits, facets equal"
        differing = [name for name in self.index_facets if self.index_facets[name] != self.database_facets.get(name)]
        return (
            f"DIFFERENT: {self.query!r}{where}: index {self.index_total:,}, database {self.database_total:,};"
            f" facets differing: {differing}"
        )


def _matching(conditions: _Conditions, tree, filters: dict):
    """(queryset, is footnote) of the paragraphs and footnotes the query and ``filters`` match, by PostgreSQL."""
    for model, filter_class, footnote in (
        (Paragraph, ParagraphSearchFilter, False),
        (Footnote, FootnoteSearchFilter, True),
    ):
        condition = conditions.tree(tree, footnote)
        if condition is None:
            continue
        filterset = filter_class({name: str(value) for name, value in filters.items()}, queryset=model.objects.all())
        if not filterset.is_valid():
            raise ValueError(filterset.errors)
        yield filterset.qs.filter(condition), footnote


def _database_counts(conditions: _Conditions, tree, filters: dict) -> tuple[int, dict]:
    total, facets = 0, {name: Counter() for name in FACET_PATHS}
    for queryset, footnote in _matching(conditions, tree, filters):
        adoption = Resolution.objects.filter(pk=OuterRef("resolution_id")).annotate(adoption=adoption_of_resolution())
        matching = queryset.annotate(
            year=ExtractYear("resolution__adopted_on"), adoption=Subquery(adoption.values("adoption"))
        )
        total += matching.count()
        for name, paths in FACET_PATHS.items():
            path = paths[footnote]
            for row in matching.values(path).annotate(hits=Count("id", distinct=True)).order_by():
                if row[path] not in (None, ""):
                    facets[name][str(row[path])] += row["hits"]
    counted = {name: execute.top_values(name, counter.items()) for name, counter in facets.items()}
    counted["vote"] = _database_vote_counts(conditions, tree, filters)
    return total, counted


def _database_vote_counts(conditions: _Conditions, tree, filters: dict) -> list[tuple[str, int]]:
    """The chosen state's votes over the matches, as ``execute.vote_facet`` counts them."""
    if not filters.get("voter"):
        return []
    counted = [
        (vote, sum(queryset.count() for queryset, _ in _matching(conditions, tree, {**filters, "vote": vote})))
        for vote in record.VOTE_VALUES
    ]
    return [(vote, count) for vote, count in counted if count]


def compare(text: str, filters: dict | None = None, *, searcher=None, forms=None) -> Comparison:
    """The index's total and facets for ``text`` beside PostgreSQL's."""
    filters = filters or {}
    searcher = searcher or index.searcher()
    plan = compile.plan(query.parse(text))
    matches = compile.with_filters(plan.matches, filters)
    index_total = execute.total(searcher, matches)
    index_facets = execute.counts(searcher, matches).facets
    index_facets["vote"] = execute.vote_facet(searcher, plan.matches, filters)
    database_total, database_facets = _database_counts(_Conditions(forms or _stem_forms(searcher)), plan.tree, filters)
    return Comparison(text, filters, index_total, database_total, index_facets, database_facets)


def compare_all(queries, filters: dict | None = None):
    searcher = index.searcher()
    forms = _stem_forms(searcher)
    for text in queries:
        yield compare(text, filters, searcher=searcher, forms=forms)
