"""Did you mean: unknown words replaced by the archive's own words, the nearest and commonest first.

The vocabulary is the index's own: every exact term of paragraph texts with
the number of paragraphs using it (read once per index version and
process). A query word the archive never uses is compared with it by
optimal-string-alignment distance (rapidfuzz: a swap of two neighbouring
letters is one edit, so "socail" is one edit from "social" and two from
"soil"); the nearest words win, and among them the one most paragraphs use.
The suggestion is offered only when it finds something under the same
filters.
"""

from __future__ import annotations

import re
import threading

import tantivy
from rapidfuzz import process
from rapidfuzz.distance import OSA

from resolutions.search.analysis import CHINESE
from resolutions.search.query import Node, Phrase, Word, leaves
from resolutions.search.schema import TEXT

WORD_RE = re.compile(r"[^\W\d_]{3,}")
CANDIDATES = 25

_vocabularies: dict[tuple[int, str], tuple[list[str], dict[str, int]]] = {}
_kept: list = [None]
_lock = threading.Lock()


def vocabulary(searcher: tantivy.Searcher, language: str = "en") -> tuple[list[str], dict[str, int]]:
    """(words, paragraphs per word) of the index this searcher reads in ``language`` (letters-only words of 3+)."""
    key = (id(searcher), language)
    found = _vocabularies.get(key)
    if found is None:
        with _lock:
            terms = searcher.terms_with_prefix(TEXT.exact_in(language), "")
            counts = {term: count for term, count in terms if WORD_RE.fullmatch(term)}
            found = (list(counts), counts)
            if any(kept != id(searcher) for kept, _ in _vocabularies):
                _vocabularies.clear()  # one searcher at a time: the previous version's words are stale
            _vocabularies[key] = found
            _kept[0] = searcher  # keeps id(searcher) from being reused while its words are cached
    return found


def max_edits(word: str) -> int:
    return 1 if len(word) <= 4 else 2


def nearest(word: str, words: list[str], counts: dict[str, int]) -> str | None:
    """The archive's word nearest to ``word`` (fewest edits, then most used), or None."""
    limit = max_edits(word)
    found = process.extract(word, words, scorer=OSA.distance, score_cutoff=limit, limit=CANDIDATES)
    if not found:
        return None
    best = min(found, key=lambda item: (item[1], -counts[item[0]], item[0]))
    return best[0]


def _same_case(original: str, replacement: str) -> str:
    return replacement.capitalize() if original[:1].isupper() else replacement


def suggestion(tree: Node, searcher: tantivy.Searcher, language: str = "en") -> str | None:
    """The query with its unknown words replaced by words of ``language``'s texts, as text to search again;
    None when nothing changes (or the language is Chinese, whose words are not spelt letter by letter)."""
    if language == CHINESE:
        return None
    words, counts = vocabulary(searcher, language)
    replacements: dict[str, str] = {}
    for leaf, negated in leaves(tree):
        if negated or not isinstance(leaf, (Word, Phrase)):
            continue
        for match in WORD_RE.finditer(leaf.text):
            word = match.group(0).lower()
            if word in counts or word in replacements:
                continue
            replacement = nearest(word, words, counts)
            if replacement is not None:
                replacements[word] = replacement
    if not replacements:
        return None

    def replace(match: re.Match) -> str:
        replacement = replacements.get(match.group(0).lower())
        return _same_case(match.group(0), replacement) if replacement else match.group(0)

    return WORD_RE.sub(replace, str(tree))
