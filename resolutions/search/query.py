"""Analyse: what a person typed, as a tree of terms (pure: no index, no database).

The language, as a researcher expects it from search engines:

- ``social protection``: both words, anywhere in the paragraph, stemmed
  (``inclusion`` finds ``inclusive``); ``AND`` may be written;
- ``"social protection floors"``: the exact words in that order (curly
  quotes too);
- ``poverty OR hunger``: either (``OR`` binds closer than the space:
  ``youth employment OR work`` is youth AND (employment OR work));
- ``-violence``, ``NOT violence``, ``-"extreme poverty"``: without;
- ``soc*``: every word starting so;
- ``( … )``: grouping, e.g. ``(ageing OR elderly) -health``;
- ``title:ageing``, ``title:"older persons"``, ``opening:"calls upon"``,
  ``text:…``: only in that field; ``symbol:A/RES/70/126`` or
  ``symbol:A/RES/70/*``: the resolution(s) with that symbol.

Anything else is a word: punctuation inside a word is split as the index
splits it (``e-government`` is the phrase "e government"). Markup is not
searched (a query that is only markup gets a message), and a query is
bounded in length, words and nesting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext

MAX_QUERY_LENGTH = 500
MAX_WORDS = 20  # counting each word of a phrase
MAX_DEPTH = 8
FIELDS = ("title", "opening", "text", "symbol")


class QueryError(ValueError):
    """A query the search refuses, with a message for the person who typed it."""


@dataclass(frozen=True)
class Word:
    text: str
    field: str | None = None

    def __str__(self) -> str:
        return _with_field(self.field, self.text)


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str | None = None

    def __str__(self) -> str:
        return _with_field(self.field, f'"{self.text}"')


@dataclass(frozen=True)
class Prefix:
    text: str  # without the star
    field: str | None = None

    def __str__(self) -> str:
        return _with_field(self.field, f"{self.text}*")


@dataclass(frozen=True)
class Symbol:
    value: str  # upper case; ends with "*" for a prefix
    field: str = "symbol"

    def __str__(self) -> str:
        return f"symbol:{self.value}"


@dataclass(frozen=True)
class Not:
    node: Node

    def __str__(self) -> str:
        return f"-{_grouped(self.node)}"


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]

    def __str__(self) -> str:
        return " ".join(_grouped(node) if isinstance(node, And) else str(node) for node in self.nodes)


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]

    def __str__(self) -> str:
        return " OR ".join(_grouped(node) for node in self.nodes)


Node = Word | Phrase | Prefix | Symbol | Not | And | Or
Leaf = Word | Phrase | Prefix | Symbol


def _with_field(name: str | None, shown: str) -> str:
    return f"{name}:{shown}" if name else shown


def _grouped(node: Node) -> str:
    return f"({node})" if isinstance(node, (And, Or)) else str(node)


def leaves(node: Node, negated: bool = False):
    """(leaf, whether it is excluded) for every leaf of the tree."""
    if isinstance(node, Not):
        yield from leaves(node.node, not negated)
    elif isinstance(node, (And, Or)):
        for child in node.nodes:
            yield from leaves(child, negated)
    else:
        yield node, negated


# --- reading the text ---

SCRIPT_RE = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>?|<!--.*?(-->|$)", re.DOTALL)
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
TOKEN_RE = re.compile(
    r"\s*(?:(?P<field>[A-Za-z]+):(?=[^\s)]))?"
    r'(?:(?P<open>\()|(?P<close>\))|(?P<minus>-)(?=["(\w])|"(?P<phrase>[^"]*)"?|(?P<word>[^\s()"]+))'
)


@dataclass(frozen=True)
class _Token:
    kind: str  # open, close, minus, term, or, and, not
    field: str | None = None
    phrase: str | None = None
    word: str | None = None


def _tokens(text: str) -> list[_Token]:
    found = []
    position = 0
    while position < len(text):
        match = TOKEN_RE.match(text, position)
        if match is None or match.end() == position:
            break
        position = match.end()
        named = (match["field"] or "").lower()
        field_name = named if named in FIELDS else None  # "10:30", "A:B": not a field
        if match["open"]:
            found.append(_Token("open", field_name))
        elif match["close"]:
            found.append(_Token("close"))
        elif match["minus"]:
            found.append(_Token("minus"))
        elif match["phrase"] is not None:
            found.append(_Token("term", field_name, phrase=match["phrase"]))
        elif match["word"] in ("OR", "|") and not match["field"]:
            found.append(_Token("or"))
        elif match["word"] in ("AND", "&&") and not match["field"]:
            found.append(_Token("and"))
        elif match["word"] == "NOT" and not match["field"]:
            found.append(_Token("not"))
        else:
            word = match["word"] if field_name or not match["field"] else f"{match['field']}:{match['word']}"
            found.append(_Token("term", field_name, word=word))
    return found


class _Parser:
    """Recursive descent over the tokens; forgiving of unbalanced parentheses and dangling operators."""

    def __init__(self, tokens: list[_Token]):
        self.tokens, self.position, self.depth = tokens, 0, 0

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def conjunction(self, field_name: str | None = None) -> Node | None:
        nodes = []
        while (token := self.peek()) is not None and token.kind != "close":
            if token.kind in ("and", "or"):
                self.take()  # "AND" is the default; a dangling "OR" means nothing
                continue
            node = self.disjunction(field_name)
            if node is not None:
                nodes.append(node)
        return _simplify(And, nodes)

    def disjunction(self, field_name: str | None) -> Node | None:
        nodes = [self.unary(field_name)]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            if (following := self.peek()) is None or following.kind in ("close", "or", "and"):
                break
            nodes.append(self.unary(field_name))
        return _simplify(Or, [node for node in nodes if node is not None])

    def unary(self, field_name: str | None) -> Node | None:
        token = self.take()
        if token.kind in ("minus", "not"):
            if self.peek() is None or self.peek().kind in ("close", "or", "and"):
                return None
            node = self.unary(field_name)
            return Not(node) if node is not None else None
        if token.kind == "open":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(f"The search nests parentheses more than {MAX_DEPTH} deep.")
            node = self.conjunction(token.field or field_name)
            if self.peek() is not None:
                self.take()  # the closing parenthesis
            self.depth -= 1
            return node
        if token.kind == "close":
            return None
        return _leaf(token, token.field or field_name)


def _simplify(kind, nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    if len(nodes) == 1:
        return nodes[0]
    flat = []
    for node in nodes:
        flat.extend(node.nodes if isinstance(node, kind) else [node])
    return kind(tuple(flat))


def _leaf(token: _Token, field_name: str | None) -> Leaf | None:
    if field_name == "symbol":
        value = (token.phrase if token.phrase is not None else token.word).strip().upper().replace(" ", "")
        return Symbol(value) if value.strip("*") else None
    if token.phrase is not None:
        text = " ".join(token.phrase.split())
        return Phrase(text, field_name) if text else None
    word = token.word
    if word.endswith("*") and len(word.rstrip("*")) >= 1:
        return Prefix(word.rstrip("*").lower(), field_name)
    return Word(word, field_name)


def strip_markup(text: str) -> tuple[str, bool]:
    """The text without HTML elements or tags, and whether there were any."""
    cleaned = TAG_RE.sub(" ", SCRIPT_RE.sub(" ", text))
    return cleaned, cleaned != text


def parse(text: str) -> Node:
    """The query's tree; ``QueryError`` for what cannot be searched."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"The search is too long: at most {MAX_QUERY_LENGTH} characters, please.")
    text, had_markup = strip_markup(CONTROL_RE.sub(" ", text).translate(QUOTES))
    tokens = _tokens(text)
    tree = _Parser(tokens).conjunction()
    if tree is None:
        if had_markup:
            raise QueryError("The search holds only HTML markup, which is not searched: type words or a phrase.")
        raise QueryError(gettext("Type some words to search for."))
    words = sum(len(leaf.text.split()) if isinstance(leaf, Phrase) else 1 for leaf, _ in leaves(tree))
    if words > MAX_WORDS:
        raise QueryError(f"The search has {words} words: at most {MAX_WORDS}, please.")
    return tree
