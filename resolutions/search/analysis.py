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
Snowball stemmer and stop-word list, not new code. French and Spanish fold
accents after stemming (``pauvrete`` typed finds ``pauvreté``). The
highlighter and the did-you-mean use these same analysers, so what is marked
in a hit is what matched in the index.

Chinese is written without spaces between words, so it has no stemmed
analyser: its text is indexed as overlapping pairs of characters (bigrams;
a character standing alone between other scripts or punctuation as itself),
words of other scripts as the exact analyser gives them, all in order
(``cjk_terms``). A Chinese word is then the phrase of its bigrams, which
finds every text containing it (贫穷 finds 消除贫穷 and 贫穷国家 alike); what a
person types is cut into words by jieba (``chinese_words``), each searched
so.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import tantivy

LONGEST_TOKEN = 40  # bytes; longer runs (URLs, chemical names) are not searchable words


@dataclass(frozen=True)
class Language:
    code: str
    stemmer: str  # a Snowball algorithm name understood by tantivy.Filter.stemmer
    stop_words: str | tuple[str, ...]  # a tantivy built-in stop-word list, or the words themselves
    fold_accents: bool = False  # after stemming: a word typed without its accents finds it


def _word_list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Tantivy has no Arabic list: the particles, prepositions, pronouns and auxiliaries of Lucene's Arabic
# stop words, as they are written before any normalisation.
ARABIC_STOP_WORDS = _word_list(
    """
    من ومن منها منه في وفي فيها فيه و ف ثم او أو ب بها به ا أ اى اي أي أى لا ولا الا ألا إلا لكن ما وما كما
    فما عن مع اذا إذا ان أن إن انها أنها إنها انه أنه إنه بان بأن فان فأن وان وأن وإن التى التي الذى الذي
    الذين الى الي إلى إلي على عليها عليه اما أما إما ايضا أيضا كل وكل لم ولم لن ولن هى هي هو وهى وهي وهو فهى
    فهي فهو انت أنت لك لها له هذه هذا تلك ذلك هناك كانت كان يكون تكون وكانت وكان غير بعض قد نحو بين بينما
    منذ ضمن حيث الان الآن خلال بعد قبل حتى عند عندما لدى جميع
    """
)


LANGUAGES = {
    "en": Language("en", stemmer="english", stop_words="english"),
    "fr": Language("fr", stemmer="french", stop_words="french", fold_accents=True),
    "es": Language("es", stemmer="spanish", stop_words="spanish", fold_accents=True),
    "ru": Language("ru", stemmer="russian", stop_words="russian"),
    "ar": Language("ar", stemmer="arabic", stop_words=ARABIC_STOP_WORDS),  # Snowball's also drops diacritics, tatweel
}
CHINESE = "zh"
# Every language the index holds, in the UN's order.
ALL_LANGUAGES = ("ar", CHINESE, "en", "fr", "ru", "es")
DEFAULT_LANGUAGE = "en"
EXACT = "exact"
CJK = "cjk"  # Chinese: the terms of ``cjk_terms``, split at spaces


def stemmed_name(language: str = DEFAULT_LANGUAGE) -> str:
    return CJK if language == CHINESE else f"stemmed_{language}"


def exact_name(language: str = DEFAULT_LANGUAGE) -> str:
    return CJK if language == CHINESE else EXACT


@functools.cache
def stemmed(language: str = DEFAULT_LANGUAGE) -> tantivy.TextAnalyzer:
    if language == CHINESE:
        return cjk()
    rules = LANGUAGES[language]
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(LONGEST_TOKEN))
        .filter(tantivy.Filter.lowercase())
        .filter(
            tantivy.Filter.stopword(rules.stop_words)
            if isinstance(rules.stop_words, str)
            else tantivy.Filter.custom_stopword(list(rules.stop_words))
        )
        .filter(tantivy.Filter.stemmer(rules.stemmer))
    )
    if rules.fold_accents:
        builder = builder.filter(tantivy.Filter.ascii_fold())
    return builder.build()


@functools.cache
def cjk() -> tantivy.TextAnalyzer:
    """Chinese as indexed: the terms ``cjk_terms`` wrote, separated by spaces."""
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).filter(tantivy.Filter.lowercase()).build()


@functools.cache
def _unlimited() -> tantivy.TextAnalyzer:
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase()).build()


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
    index.register_tokenizer(CJK, cjk())


# --- Chinese ---

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
HAN_RUN_RE = re.compile(f"[{HAN}]+")
HAN_RE = re.compile(f"[{HAN}]")


def has_han(text: str) -> bool:
    return HAN_RE.search(text) is not None


def _han_terms(run: str) -> list[str]:
    """'消除贫穷' -> ['消除', '除贫', '贫穷']; a character alone is itself."""
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


def cjk_term_list(text: str) -> list[str]:
    """The terms of a Chinese text in order: bigrams of every run of Han characters, other words exact."""
    terms: list[str] = []
    position = 0
    for match in HAN_RUN_RE.finditer(text):
        terms += words(text[position : match.start()])
        terms += _han_terms(match.group())
        position = match.end()
    terms += words(text[position:])
    return terms


def cjk_terms(text: str) -> str:
    """What the index's Chinese fields are given: the terms of ``cjk_term_list``, joined by spaces."""
    return " ".join(cjk_term_list(text))


@functools.cache
def _jieba():
    import jieba

    jieba.setLogLevel(60)  # its dictionary loading is not news
    return jieba


def load_chinese_dictionary() -> None:
    """Load jieba's dictionary now rather than in a worker's first search (some 4 s of CPU with the GIL held,
    every thread of the worker stalled behind it; a search in every language cuts its words too): gunicorn's
    preloaded master loads it once (``archive/wsgi.py``) and the workers it forks, after a HUP too, share it."""
    _jieba().initialize()


def chinese_words(text: str) -> list[str]:
    """What a person typed in Chinese, cut into words by jieba ('消除贫穷' -> ['消除', '贫穷']); spaces and
    punctuation dropped."""
    return [word for word in (piece.strip() for piece in _jieba().cut(text)) if word and (has_han(word) or words(word))]


def stems(text: str, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """The stemmed terms of ``text`` (stop words gone), as the index holds them."""
    return stemmed(language).analyze(text)


def words(text: str) -> list[str]:
    """The exact terms of ``text`` (lower case, every word), as the index holds them."""
    return exact().analyze(text)


@functools.lru_cache(maxsize=200_000)
def stem_of_word(word: str, language: str = DEFAULT_LANGUAGE) -> str | None:
    if language == CHINESE:
        return word
    """The stem of one exact term, or None for a stop word (cached: the vocabulary repeats)."""
    found = stemmed(language).analyze(word)
    return found[0] if found else None


def tokens(text: str, language: str = DEFAULT_LANGUAGE) -> list[tuple[str, int, int]]:
    """(exact term, start, end) of each word of ``text``, character offsets (plain tuples: highlighting reads
    every word of twenty hits per search). In Chinese each Han character is a token of its own."""
    if language != CHINESE:
        return [(t.text, t.char_offset_from, t.char_offset_to) for t in exact().pre_tokenize(text).tokens]
    # Runs of Han characters are as long as a clause: read without the exact analyser's length limit.
    found = [(t.text, t.char_offset_from, t.char_offset_to) for t in _unlimited().pre_tokenize(text).tokens]
    split = []
    for term, start, end in found:
        if has_han(term):
            split += [(char, start + i, start + i + 1) for i, char in enumerate(text[start:end])]
        else:
            split.append((term, start, end))
    return split


def display_terms(text: str, language: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """The tokens of ``text`` as ``tokens`` gives them, without offsets: what a highlighted phrase is."""
    return tuple(term for term, _, _ in tokens(text, language))
