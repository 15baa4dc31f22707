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

A query is compiled once per language it searches, each time with that
language's analysers on that language's fields (``schema.TextField.stemmed_in``),
and the compiled trees are joined with OR: a document has only its own
language's fields, so each tree finds only documents of its language.
Chinese words are cut by jieba and each searched as the phrase of its
bigrams (``analysis.cjk_term_list``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import tantivy
from django.utils.translation import gettext

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
    language: str = analysis.DEFAULT_LANGUAGE


@dataclass
class Plan:
    tree: Node  # as understood: without the dropped words
    matches: tantivy.Query  # the query without filters
    dropped: list[str] = field(default_factory=list)  # words that carry nothing searchable
    highlight: Highlight = field(default_factory=Highlight)  # in the first language searched
    languages: tuple[str, ...] = (analysis.DEFAULT_LANGUAGE,)  # the languages searched
    highlights: dict[str, Highlight] = field(default_factory=dict)  # by language
    trees: dict[str, Node] = field(default_factory=dict)  # as understood in each language that finds anything

    def highlight_in(self, language: str) -> Highlight:
        return self.highlights.get(language, self.highlight)

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


def _must(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, query) for query in queries])


def _chinese_query(leaf: Leaf, fields: tuple[TextField, ...]) -> tantivy.Query | None:
    """A word typed in Chinese: each of its jieba words as the phrase of its bigrams, all required; a quoted
    phrase as one phrase; a prefix as a regular expression over the bigrams."""
    language = analysis.CHINESE
    if isinstance(leaf, Prefix):
        terms = analysis.cjk_term_list(leaf.text)
        if len(terms) != 1:
            raise QueryError(f"“{leaf}”: put one word, with no spaces or punctuation, before the *.")
        pattern = _regex_literal(terms[0]) + ".*"
        return _should(
            [_boosted(tantivy.Query.regex_query(schema(), f.stemmed_in(language), pattern), f.weight) for f in fields]
        )
    pieces = [leaf.text] if isinstance(leaf, Phrase) else analysis.chinese_words(leaf.text)
    per_piece = []
    for piece in pieces:
        terms = list(enumerate(analysis.cjk_term_list(piece)))
        if terms:
            per_piece.append(_should([_boosted(_terms(f.stemmed_in(language), terms), f.weight) for f in fields]))
    return _must(per_piece) if per_piece else None


def leaf_query(
    leaf: Leaf, fields: tuple[TextField, ...] | None = None, language: str = analysis.DEFAULT_LANGUAGE
) -> tantivy.Query | None:
    """The leaf on ``fields`` (its own when not given) in ``language``, or None when it has nothing searchable."""
    if isinstance(leaf, Symbol):
        if leaf.value.endswith("*"):
            return tantivy.Query.regex_query(schema(), "symbol", _regex_literal(leaf.value.rstrip("*")) + ".*")
        return tantivy.Query.term_query(schema(), "symbol", (normalize_symbol(leaf.value) or leaf.value).upper())
    fields = fields or _fields(leaf)
    if language == analysis.CHINESE:
        return _chinese_query(leaf, fields)
    if isinstance(leaf, Word):
        terms = _positions(leaf.text, analysis.stemmed(language))
        queries = [_boosted(_terms(f.stemmed_in(language), terms), f.weight) for f in fields] if terms else []
    elif isinstance(leaf, Phrase):
        terms = _positions(leaf.text, analysis.exact())
        queries = [_boosted(_terms(f.exact_in(language), terms), f.weight) for f in fields] if terms else []
    else:
        words = analysis.words(leaf.text)
        if len(words) != 1 or len(words[0]) < MIN_PREFIX:
            raise QueryError(
                f"“{leaf}”: put at least {MIN_PREFIX} letters, and no spaces or punctuation, before the *."
            )
        pattern = _regex_literal(words[0]) + ".*"
        queries = [
            _boosted(tantivy.Query.regex_query(schema(), f.exact_in(language), pattern), f.weight) for f in fields
        ]
    return _should(queries) if queries else None


@dataclass
class _Compiled:
    query: tantivy.Query | None = None  # what must match
    excluded: list[tantivy.Query] = field(default_factory=list)  # what must not (a node of exclusions only)
    tree: Node | None = None


def _compile(node: Node, dropped: list[str], language: str) -> _Compiled:
    if isinstance(node, Not):
        inner = _compile(node.node, dropped, language)
        if inner.query is None:
            return _Compiled(tree=None)
        if inner.excluded:
            raise QueryError("“--word” (excluding an exclusion) is not understood: remove one of the minus signs.")
        return _Compiled(excluded=[inner.query], tree=Not(inner.tree))
    if isinstance(node, And):
        parts = [_compile(child, dropped, language) for child in node.nodes]
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
        parts = [_compile(child, dropped, language) for child in node.nodes]
        if any(part.excluded for part in parts):
            raise QueryError("An excluded word cannot be one side of an OR: write “(a OR b) -c” instead.")
        kept = [part for part in parts if part.query is not None]
        if not kept:
            return _Compiled()
        trees = tuple(part.tree for part in kept)
        tree = trees[0] if len(trees) == 1 else Or(trees)
        return _Compiled(query=_should([part.query for part in kept]), tree=tree)
    query = leaf_query(node, language=language)
    if query is None:
        dropped.append(str(node))
        return _Compiled()
    return _Compiled(query=query, tree=node)


def _title_boost(tree: Node, language: str) -> tantivy.Query | None:
    """The wanted words and phrases of the query, looked for in the resolution's title."""
    queries = [
        leaf_query(leaf, (TITLE,), language)
        for leaf, negated in leaves(tree)
        if not negated and isinstance(leaf, (Word, Phrase)) and leaf.field is None
    ]
    queries = [query for query in queries if query is not None]
    return tantivy.Query.boost_query(_should(queries), TITLE.weight) if queries else None


def _highlight(tree: Node, language: str = analysis.DEFAULT_LANGUAGE) -> Highlight:
    stems, phrases, prefixes = set(), [], []
    chinese = language == analysis.CHINESE
    for leaf, negated in leaves(tree):
        if negated or isinstance(leaf, Symbol) or leaf.field not in (None, "text", "opening"):
            continue
        if chinese and isinstance(leaf, Word):
            phrases += [analysis.display_terms(word, language) for word in analysis.chinese_words(leaf.text)]
        elif isinstance(leaf, Word):
            terms = analysis.stems(leaf.text, language)
            if len(terms) == 1:
                stems.add(terms[0])
            elif terms:
                phrases.append(tuple(analysis.words(leaf.text)))
        elif isinstance(leaf, Phrase):
            phrases.append(analysis.display_terms(leaf.text, language))
        elif isinstance(leaf, Prefix):
            prefixes.extend(analysis.display_terms(leaf.text, language)[:1])
    return Highlight(frozenset(stems), tuple(phrase for phrase in phrases if phrase), tuple(prefixes), language)


def _language_query(tree: Node, language: str, dropped: list[str]) -> tuple[_Compiled, tantivy.Query | None]:
    """The tree compiled in one language, with its exclusions and title boost (None: nothing to find)."""
    compiled = _compile(tree, dropped, language)
    if compiled.query is None:
        return compiled, None
    matches = compiled.query
    if compiled.excluded:
        clauses = [(tantivy.Occur.Must, matches)] + [(tantivy.Occur.MustNot, query) for query in compiled.excluded]
        matches = tantivy.Query.boolean_query(clauses)
    title = _title_boost(compiled.tree, language)
    if title is not None:
        matches = tantivy.Query.boolean_query([(tantivy.Occur.Must, matches), (tantivy.Occur.Should, title)])
    return compiled, matches


def plan(tree: Node, languages: tuple[str, ...] = (analysis.DEFAULT_LANGUAGE,)) -> Plan:
    """The tree as a Tantivy query over ``languages`` (each with its own analysers, joined by OR);
    ``QueryError`` when nothing is left to find in any of them."""
    first_dropped: list[str] = []
    first: _Compiled | None = None
    found: dict[str, tuple[_Compiled, tantivy.Query]] = {}
    for language in languages:
        dropped: list[str] = []
        compiled, matches = _language_query(tree, language, dropped)
        if first is None:
            first, first_dropped = compiled, dropped
        if matches is not None:
            found[language] = (compiled, matches)
    if not found:
        if first is not None and first.excluded:
            raise QueryError("A search needs at least one word to find, not only words to exclude.")
        raise QueryError(
            gettext(
                "The search has only very common words (like “the” or “of”) or punctuation: add a more specific"
                " word, or put the words in quotes to find them as a phrase."
            )
        )
    main = languages[0] if languages[0] in found else next(iter(found))
    understood = found[main][0].tree
    highlights = {language: _highlight(compiled.tree, language) for language, (compiled, _) in found.items()}
    matches = _should([query for _, query in found.values()])
    trees = {language: compiled.tree for language, (compiled, _) in found.items()}
    return Plan(understood, matches, first_dropped, highlights[main], tuple(languages), highlights, trees)


# --- filters ---


def filter_query(filters: dict) -> tantivy.Query | None:
    """The validated search filters (``SearchFilter``'s cleaned values) as one unscored query."""
    s = schema()
    clauses = []
    terms = {
        "language": ("language", lambda value: value),
        "body": ("body", lambda value: value),
        "session": ("session", lambda value: value),
        "committee": ("committee_key", str.lower),
        "kind": ("kind", lambda value: value),
        "opening": ("opening_key", str.lower),
        "cites": ("cites", str.upper),
    }
    for name, (field_name, normal) in terms.items():
        if filters.get(name) not in (None, "", "any"):
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


def plan_languages(filters: dict, default: str = analysis.DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """The languages a search runs in: the language filter's, every one for "any", else ``default``."""
    chosen = filters.get("language") or default
    return analysis.ALL_LANGUAGES if chosen == "any" else (chosen,)


def with_filters(matches: tantivy.Query, filters: dict) -> tantivy.Query:
    narrowing = filter_query(filters)
    if narrowing is None:
        return matches
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, matches), (tantivy.Occur.Must, narrowing)])
