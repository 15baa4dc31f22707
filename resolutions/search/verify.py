"""The index checked against PostgreSQL: the same query, counted by the database from the texts themselves.

Each leaf of a query becomes a regular expression over the raw texts (case
insensitive, on word boundaries as the index's tokenizer draws them): a
word, as the alternation of every word of the vocabulary with the same stem
(so stemming is checked, not assumed); a phrase, as its words in order with
only non-word characters between; a prefix, as the start of a word. With the
search's own filters applied to the querysets (``SearchFilter``), PostgreSQL
counts the matches and groups them by each facet. ``compare`` sets those
counts beside the index's. Each language is checked with its own analyser
and vocabulary; a Chinese word is each of its jieba words as a substring
(what its bigram phrase finds), words of other scripts on word boundaries. Slow by design (the database reads every text):
for tests, the benchmark and ``manage.py search_index verify``, never for
answering a search.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Q, Subquery
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


def _stem_forms(searcher, language: str = analysis.DEFAULT_LANGUAGE) -> dict[str, set[str]]:
    """Every exact word of the index in ``language``, grouped by its stem (none for Chinese)."""
    forms: dict[str, set[str]] = defaultdict(set)
    if language == analysis.CHINESE:
        return forms
    for field_name in {f.exact_in(language) for f in (*CONTENT, TITLE)}:
        for term, _ in searcher.terms_with_prefix(field_name, ""):
            stem = analysis.stem_of_word(term, language)
            if stem is not None:
                forms[stem].add(term)
    return forms


def _chinese_piece(piece: str) -> str:
    """One Chinese word as a regular expression: Han characters as a substring, other words on boundaries."""
    if analysis.has_han(piece):
        han = "".join(char for char in piece if analysis.has_han(char) or char.isalnum())
        return _literal(han)
    words = analysis.words(piece)
    return BOUNDARY_BEFORE + GAP.join(_literal(word) for word in words) + BOUNDARY_AFTER if words else ""


def _literal(text: str) -> str:
    return "".join(char if char.isalnum() else f"\\{char}" for char in text)


class _Conditions:
    """A query leaf as a regular expression, and the tree as Q objects for paragraphs or footnotes."""

    def __init__(self, forms: dict[str, set[str]], language: str = analysis.DEFAULT_LANGUAGE):
        self.forms = forms
        self.language = language

    def _chinese(self, leaf) -> list[str] | None:
        if isinstance(leaf, query.Prefix):
            return [_literal(leaf.text)]
        pieces = [leaf.text] if isinstance(leaf, query.Phrase) else analysis.chinese_words(leaf.text)
        patterns = [pattern for pattern in (_chinese_piece(piece) for piece in pieces) if pattern]
        return patterns or None

    def regex(self, leaf) -> str | None:
        if isinstance(leaf, query.Word):
            stemmed = [(t.position, t.text) for t in analysis.stemmed(self.language).pre_tokenize(leaf.text).tokens]
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
        patterns = self._chinese(leaf) if self.language == analysis.CHINESE else [self.regex(leaf)]
        if patterns is None or None in patterns:
            return None
        if NOTHING in patterns:
            return Q(pk__in=[])
        combined = Q()
        for pattern in patterns:
            found = self._pattern(pattern, leaf.field, footnote)
            if found is None:
                return None
            combined &= found
        return combined

    def _pattern(self, pattern: str, field_name: str | None, footnote: bool) -> Q | None:
        if field_name == "title":
            # The title in the row's own language: the record's in its language, else its text's (as indexed).
            own = Q(language=F("resolution__language"), resolution__title__iregex=pattern)
            other = ~Q(language=F("resolution__language")) & Q(
                resolution__expressions__language=F("language"), resolution__expressions__title__iregex=pattern
            )
            return own | other
        if footnote:
            return None if field_name == "opening" else Q(text__iregex=pattern)
        if field_name == "opening":
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
    "language": ("language", "language"),
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


def _matching(conditions_by_language: dict[str, _Conditions], trees: dict, filters: dict):
    """(queryset, is footnote) of the paragraphs and footnotes the query and ``filters`` match, by PostgreSQL."""
    for model, filter_class, footnote in (
        (Paragraph, ParagraphSearchFilter, False),
        (Footnote, FootnoteSearchFilter, True),
    ):
        parts = [(code, conditions.tree(trees[code], footnote)) for code, conditions in conditions_by_language.items()]
        parts = [Q(language=code) & condition for code, condition in parts if condition is not None]
        if not parts:
            continue
        condition = parts[0]
        for part in parts[1:]:
            condition |= part
        filterset = filter_class(
            {name: str(value) for name, value in filters.items()}, queryset=model.all_languages.all()
        )
        if not filterset.is_valid():
            raise ValueError(filterset.errors)
        yield filterset.qs.filter(condition).distinct(), footnote


def _database_counts(conditions_by_language: dict[str, _Conditions], trees: dict, filters: dict) -> tuple[int, dict]:
    total, facets = 0, {name: Counter() for name in FACET_PATHS}
    for queryset, footnote in _matching(conditions_by_language, trees, filters):
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
    counted["vote"] = _database_vote_counts(conditions_by_language, trees, filters)
    return total, counted


def _database_vote_counts(conditions_by_language: dict[str, _Conditions], trees: dict, filters: dict):
    """The chosen state's votes over the matches, as ``execute.vote_facet`` counts them."""
    if not filters.get("voter"):
        return []
    counted = [
        (
            vote,
            sum(
                queryset.count() for queryset, _ in _matching(conditions_by_language, trees, {**filters, "vote": vote})
            ),
        )
        for vote in record.VOTE_VALUES
    ]
    return [(vote, count) for vote, count in counted if count]


def compare(text: str, filters: dict | None = None, *, searcher=None, forms=None) -> Comparison:
    """The index's total and facets for ``text`` beside PostgreSQL's, in the filters' language (English when
    they name none, as a search does; "any": every language)."""
    filters = filters or {}
    searcher = searcher or index.searcher()
    tree = query.parse(text)
    plan = compile.plan(tree, compile.plan_languages(filters))
    matches = compile.with_filters(plan.matches, filters)
    index_total = execute.total(searcher, matches)
    index_facets = execute.counts(searcher, matches).facets
    index_facets["vote"] = execute.vote_facet(searcher, plan.matches, filters)
    forms = forms if forms is not None else {}
    conditions = {}
    for language in plan.trees:
        if language not in forms:
            forms[language] = _stem_forms(searcher, language)
        conditions[language] = _Conditions(forms[language], language)
    database_total, database_facets = _database_counts(conditions, plan.trees, filters)
    return Comparison(text, filters, index_total, database_total, index_facets, database_facets)


def compare_all(queries, filters: dict | None = None):
    searcher = index.searcher()
    forms: dict[str, dict[str, set[str]]] = {}
    for text in queries:
        yield compare(text, filters, searcher=searcher, forms=forms)
