"""Highlight: a hit's text as safe HTML, with what the query matched in ``<mark>``.

The text is split by the index's own exact analyser, so a mark falls where
the index matched: a word where its stem is the query word's stem, a prefix
on words that start with it, a phrase only where its words stand in order
(one mark over the whole phrase -- not its words wherever they occur). A
short text is shown whole; a long one as up to two windows around the
first marks, with ellipses where it is cut. Everything is escaped; only the
marks are HTML.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.search import analysis
from resolutions.search.compile import Highlight

WHOLE_TEXT_LENGTH = 400  # characters: shorter texts are shown whole
WINDOW_WORDS = 40
WORDS_BEFORE = 8  # a window starts this many words before its first mark
FRAGMENTS = 2
ELLIPSIS = "…"


def spans(text: str, wanted: Highlight) -> tuple[list[tuple[str, int, int]], list[tuple[int, int]]]:
    """The text's tokens, and the (first, last) token index of each marked span, in order."""
    language = wanted.language
    tokens = analysis.tokens(text, language)
    words = [token[0] for token in tokens]
    marked: dict[int, int] = {}
    for phrase in wanted.phrases:
        size, first_word = len(phrase), phrase[0]
        for first, word in enumerate(words):
            if word == first_word and tuple(words[first : first + size]) == phrase:
                marked[first] = max(marked.get(first, first), first + size - 1)
    stems, prefixes, stem_of = wanted.stems, wanted.prefixes, analysis.stem_of_word
    for index, word in enumerate(words):
        if index not in marked and (stem_of(word, language) in stems or (prefixes and word.startswith(prefixes))):
            marked[index] = index
    found: list[tuple[int, int]] = []
    for first in sorted(marked):  # phrases that overlap ("older persons" in "older persons with…") join
        last = marked[first]
        if found and first <= found[-1][1]:
            found[-1] = (found[-1][0], max(found[-1][1], last))
        else:
            found.append((first, last))
    return tokens, found


def _render(text: str, start: int, end: int, tokens, marked) -> str:
    parts, position = [], start
    for first, last in marked:
        begin, finish = tokens[first][1], tokens[last][2]
        if begin < start or finish > end:
            continue
        parts.append(escape(text[position:begin]))
        parts.append(f"<mark>{escape(text[begin:finish])}</mark>")
        position = finish
    parts.append(escape(text[position:end]))
    return "".join(parts)


def _windows(tokens, marked) -> list[tuple[int, int]]:
    """Up to ``FRAGMENTS`` (first, last) token windows, each around marks not already shown."""
    windows: list[tuple[int, int]] = []
    for first, _ in marked or [(0, 0)]:
        if windows and first <= windows[-1][1]:
            continue
        begin = max(0, first - WORDS_BEFORE) if not windows else max(windows[-1][1] + 1, first - WORDS_BEFORE)
        windows.append((begin, min(len(tokens) - 1, begin + WINDOW_WORDS - 1)))
        if len(windows) == FRAGMENTS:
            break
    return windows


def highlight_whole(text: str, wanted: Highlight) -> SafeString:
    """The whole text, escaped, with what the query matched in ``<mark>`` (no windows, no ellipses)."""
    tokens, marked = spans(text, wanted)
    return mark_safe(_render(text, 0, len(text), tokens, marked))


def highlight(text: str, wanted: Highlight) -> SafeString:
    tokens, marked = spans(text, wanted)
    if len(text) <= WHOLE_TEXT_LENGTH or not tokens:
        return mark_safe(_render(text, 0, len(text), tokens, marked))
    pieces = []
    for index, (first, last) in enumerate(_windows(tokens, marked)):
        start = 0 if first == 0 else tokens[first][1]
        # A window ends after its last word and the punctuation that follows it, or at the text's end.
        end = len(text) if last == len(tokens) - 1 else tokens[last + 1][1]
        piece = _render(text, start, end, tokens, marked).strip()
        if first > 0 and index == 0:
            piece = f"{ELLIPSIS} {piece}"
        pieces.append(piece)
    shown = f" {ELLIPSIS} ".join(pieces)
    if _windows(tokens, marked)[-1][1] < len(tokens) - 1:
        shown += f" {ELLIPSIS}"
    return mark_safe(shown)
