"""How text becomes index terms: the same analysers at index time and at query time.

Two analysers per language, registered on the index under stable names:

- *stemmed*: Tantivy's simple tokenizer (runs of letters and digits), long
  tokens dropped, lower case, the language's stop words removed, Snowball
  stemming. Plain query words match here (``inclusion`` finds
  ``inclusive``), and BM25 scores them.
- *exact*: the same tokens, lower case, nothing removed or stemmed. Quoted
  phrases and prefixes (``soc*``) match here, stop words included
  ("persons with disabilities").

A language is data (``LANGUAGES``): adding one is an entry naming its
Snowball stemmer and stop-word list, not new code. The highlighter and the
did-you-mean use these same analysers, so what is marked in a hit is what
matched in the index.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import tantivy

LONGEST_TOKEN = 40  # bytes; longer runs (URLs, chemical names) are not searchable words


@dataclass(frozen=True)
class Language:
    code: str
    stemmer: str  # a Snowball algorithm name understood by tantivy.Filter.stemmer
    stop_words: str  # a tantivy built-in stop-word list


LANGUAGES = {"en": Language("en", stemmer="english", stop_words="english")}
DEFAULT_LANGUAGE = "en"
EXACT = "exact"


def stemmed_name(language: str = DEFAULT_LANGUAGE) -> str:
    return f"stemmed_{language}"


@functools.cache
def stemmed(language: str = DEFAULT_LANGUAGE) -> tantivy.TextAnalyzer:
    rules = LANGUAGES[language]
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(LONGEST_TOKEN))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stopword(rules.stop_words))
        .filter(tantivy.Filter.stemmer(rules.stemmer))
        .build()
    )


@functools.cache
def exact() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(LONGEST_TOKEN))
        .filter(tantivy.Filter.lowercase())
        .build()
    )


def register(index: tantivy.Index) -> None:
    """Give ``index`` the analysers its schema names (needed every time an index is opened)."""
    for code in LANGUAGES:
        index.register_tokenizer(stemmed_name(code), stemmed(code))
    index.register_tokenizer(EXACT, exact())


def stems(text: str, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """The stemmed terms of ``text`` (stop words gone), as the index holds them."""
    return stemmed(language).analyze(text)


def words(text: str) -> list[str]:
    """The exact terms of ``text`` (lower case, every word), as the index holds them."""
    return exact().analyze(text)


@functools.lru_cache(maxsize=200_000)
def stem_of_word(word: str, language: str = DEFAULT_LANGUAGE) -> str | None:
    """The stem of one exact term, or None for a stop word (cached: the vocabulary repeats)."""
    found = stemmed(language).analyze(word)
    return found[0] if found else None


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(exact term, start, end) of each word of ``text``, character offsets (plain tuples: highlighting reads
    every word of twenty hits per search)."""
    return [(t.text, t.char_offset_from, t.char_offset_to) for t in exact().pre_tokenize(text).tokens]
