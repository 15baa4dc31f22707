"""Plan and compile: a query tree (``query.parse``) and validated filters, as one Tantivy query.

Each leaf becomes queries on the fields it names (``schema.CONTENT`` when it
names none), each weighted by its field's boost, so that Tantivy's BM25
scores every match: a word on the stemmed fields, a phrase on the exact
ones, a prefix as a regular expression over the exact terms, a symbol on the
raw symbol. The words of the query also look in the resolution's title as
an optional clause, which adds to the score without making a hit. Filters
are required clauses with no score of their own. Words the analyser drops
(stop words, punctuation) are left out and reported, so the page can say how
the query was understood.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import tantivy

from resolutions.citations.symbols import normalize_symbol
from resolutions.search import analysis, record
from resolutions.search.query import And, Leaf, Node, Not, Or, Phrase, Prefix, QueryError, Symbol, Word, leaves
from resolutions.search.schema import CONTENT, QUERY_FIELDS, TITLE, TextField, schema

MIN_PREFIX = 2  # letters before a "*": one letter would stand for a tenth of the vocabulary


@dataclass
class Highlight:
    """What to mark in a hit's text: stems of words, exact phrases (as word tuples), prefixes."""

    stems: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefixes: tuple[str, ...] = ()


@dataclass
class Plan:
    tree: Node  # as understood: without the dropped words
    matches: tantivy.Query  # the query without filters
    dropped: list[str] = field(default_factory=list)  # words that carry nothing searchable
    highlight: Highlight = field(default_factory=Highlight)

    def __str__(self) -> str:
        return str(self.tree)


def _should(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, query) for query in queries])


def _boosted(query: tantivy.Query, weight: float) -> tantivy.Query:
    return query if weight == 1.0 else tantivy.Query.boost_query(query, weight)


def _fields(leaf: Leaf) -> tuple[TextField, ...]:
    return QUERY_FIELDS[leaf.field] if leaf.field else CONTENT


def _positions(text: str, analyzer) -> list[tuple[int, str]]:
    """(position, term) of the analysed text, positions from 0 and with the gaps dropped words leave."""
    found = [(token.position, token.text) for token in analyzer.pre_tokenize(text).tokens]
    return [(position - found[0][0], term) for position, term in found] if found else []


def _terms(field_name: str, terms: list[tuple[int, str]]) -> tantivy.Query:
    if len(terms) == 1:
        return tantivy.Query.term_query(schema(), field_name, terms[0][1])
    return tantivy.Query.phrase_query(schema(), field_name, terms)


def _regex_literal(text: str) -> str:
    return "".join(char if char.isalnum() else f"\\x{{{ord(char):x}}}" for char in text)


def leaf_query(leaf: Leaf, fields: tuple[TextField, ...] | None = None) -> tantivy.Query | None:
    """The leaf on ``fields`` (its own when not given), or None when it has nothing searchable."""
    if isinstance(leaf, Symbol):
        if leaf.value.endswith("*"):
            return tantivy.Query.regex_query(schema(), "symbol", _regex_literal(leaf.value.rstrip("*")) + ".*")
        return tantivy.Query.term_query(schema(), "symbol", (normalize_symbol(leaf.value) or leaf.value).upper())
    fields = fields or _fields(leaf)
    if isinstance(leaf, Word):
        terms = _positions(leaf.text, analysis.stemmed())
        queries = [_boosted(_terms(f.name, terms), f.weight) for f in fields] if terms else []
    elif isinstance(leaf, Phrase):
        terms = _positions(leaf.text, analysis.exact())
        queries = [_boosted(_terms(f.exact, terms), f.weight) for f in fields] if terms else []
    else:
        words = analysis.words(leaf.text)
        if len(words) != 1 or len(words[0]) < MIN_PREFIX:
            raise QueryError(
                f"“{leaf}”: put at least {MIN_PREFIX} letters, and no spaces or punctuation, before the *."
            )
        pattern = _regex_literal(words[0]) + ".*"
        queries = [_boosted(tantivy.Query.regex_query(schema(), f.exact, pattern), f.weight) for f in fields]
    return _should(queries) if queries else None


@dataclass
class _Compiled:
    query: tantivy.Query | None = None  # what must match
    excluded: list[tantivy.Query] = field(default_factory=list)  # what must not (a node of exclusions only)
    tree: Node | None = None


def _compile(node: Node, dropped: list[str]) -> _Compiled:
    if isinstance(node, Not):
        inner = _compile(node.node, dropped)
        if inner.query is None:
            return _Compiled(tree=None)
        if inner.excluded:
            raise QueryError("“--word” (excluding an exclusion) is not understood: remove one of the minus signs.")
        return _Compiled(excluded=[inner.query], tree=Not(inner.tree))
    if isinstance(node, And):
        parts = [_compile(child, dropped) for child in node.nodes]
        wanted = [part for part in parts if part.query is not None]
        excluded = [query for part in parts for query in part.excluded]
        trees = tuple(part.tree for part in parts if part.tree is not None)
        tree = trees[0] if len(trees) == 1 else And(trees) if trees else None
        if not wanted:
            return _Compiled(excluded=excluded, tree=tree)
        clauses = [(tantivy.Occur.Must, part.query) for part in wanted]
        clauses += [(tantivy.Occur.MustNot, query) for query in excluded]
        query = wanted[0].query if len(clauses) == 1 else tantivy.Query.boolean_query(clauses)
        return _Compiled(query=query, tree=tree)
    if isinstance(node, Or):
        parts = [_compile(child, dropped) for child in node.nodes]
        if any(part.excluded for part in parts):
            raise QueryError("An excluded word cannot be one side of an OR: write “(a OR b) -c” instead.")
        kept = [part for part in parts if part.query is not None]
        if not kept:
            return _Compiled()
        trees = tuple(part.tree for part in kept)
        tree = trees[0] if len(trees) == 1 else Or(trees)
        return _Compiled(query=_should([part.query for part in kept]), tree=tree)
    query = leaf_query(node)
    if query is None:
        dropped.append(str(node))
        return _Compiled()
    return _Compiled(query=query, tree=node)


def _title_boost(tree: Node) -> tantivy.Query | None:
    """The wanted words and phrases of the query, looked for in the resolution's title."""
    queries = [
        leaf_query(leaf, (TITLE,))
        for leaf, negated in leaves(tree)
        if not negated and isinstance(leaf, (Word, Phrase)) and leaf.field is None
    ]
    queries = [query for query in queries if query is not None]
    return tantivy.Query.boost_query(_should(queries), TITLE.weight) if queries else None


def _highlight(tree: Node) -> Highlight:
    stems, phrases, prefixes = set(), [], []
    for leaf, negated in leaves(tree):
        if negated or isinstance(leaf, Symbol) or leaf.field not in (None, "text", "opening"):
            continue
        if isinstance(leaf, Word):
            terms = analysis.stems(leaf.text)
            if len(terms) == 1:
                stems.add(terms[0])
            elif terms:
                phrases.append(tuple(analysis.words(leaf.text)))
        elif isinstance(leaf, Phrase):
            phrases.append(tuple(analysis.words(leaf.text)))
        elif isinstance(leaf, Prefix):
            prefixes.extend(analysis.words(leaf.text)[:1])
    return Highlight(frozenset(stems), tuple(phrase for phrase in phrases if phrase), tuple(prefixes))


def plan(tree: Node) -> Plan:
    """The tree as a Tantivy query; ``QueryError`` when nothing is left to find."""
    dropped: list[str] = []
    compiled = _compile(tree, dropped)
    if compiled.query is None:
        if compiled.excluded:
            raise QueryError("A search needs at least one word to find, not only words to exclude.")
        raise QueryError(
            "The search has only very common words (like “the” or “of”) or punctuation: add a more specific word,"
            " or put the words in quotes to find them as a phrase."
        )
    matches = compiled.query
    if compiled.excluded:
        clauses = [(tantivy.Occur.Must, matches)] + [(tantivy.Occur.MustNot, query) for query in compiled.excluded]
        matches = tantivy.Query.boolean_query(clauses)
    title = _title_boost(compiled.tree)
    if title is not None:
        matches = tantivy.Query.boolean_query([(tantivy.Occur.Must, matches), (tantivy.Occur.Should, title)])
    return Plan(compiled.tree, matches, dropped, _highlight(compiled.tree))


# --- filters ---


def filter_query(filters: dict) -> tantivy.Query | None:
    """The validated search filters (``SearchFilter``'s cleaned values) as one unscored query."""
    s = schema()
    clauses = []
    terms = {
        "body": ("body", lambda value: value),
        "session": ("session", lambda value: value),
        "committee": ("committee_key", str.lower),
        "kind": ("kind", lambda value: value),
        "opening": ("opening_key", str.lower),
        "cites": ("cites", str.upper),
    }
    for name, (field_name, normal) in terms.items():
        if filters.get(name) not in (None, ""):
            clauses.append(tantivy.Query.term_query(s, field_name, normal(str(filters[name]))))
    low, high = filters.get("year_from"), filters.get("year_to")
    if low is not None or high is not None:
        clauses.append(tantivy.Query.range_query(s, "year", tantivy.FieldType.Integer, low, high))
    clauses += record.filter_clauses(s, filters)
    if not clauses:
        return None
    return tantivy.Query.const_score_query(
        clauses[0] if len(clauses) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in clauses]),
        0.0,
    )


def with_filters(matches: tantivy.Query, filters: dict) -> tantivy.Query:
    narrowing = filter_query(filters)
    if narrowing is None:
        return matches
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, matches), (tantivy.Occur.Must, narrowing)])
