"""Word-level tracked changes (``resolutions.lineage.diff``): the words an edit deleted and inserted."""

import random
import re

from resolutions.lineage.diff import DELETE, INSERT, changed_words, word_diff

WORDS = ["poverty", "social", "développement", "贫穷", "الفقر", "_x", "2030", "x²", "٣", "a"]
MARKS = [",", ";", ".", "(", ")", "“", "”", "—", "-", " ", "  ", "\n"]


def test_the_words_counted_are_the_words_of_the_deleted_and_inserted_text():
    """Counted from the tokens as the diff makes them, they equal a reader's count of the changed text's words
    (runs of word characters, marks aside), in every script, on texts drawn at random."""
    rng = random.Random(16)

    def text():
        return "".join(rng.choice(WORDS + MARKS) + rng.choice(["", " "]) for _ in range(rng.randint(0, 40)))

    for _ in range(3_000):
        old = text()
        new = old.replace(rng.choice(WORDS), rng.choice(WORDS), 1) if rng.random() < 0.5 else text()
        changes = word_diff(old, new)
        expected = tuple(sum(len(re.findall(r"\w+", c.text)) for c in changes if c.op == op) for op in (DELETE, INSERT))
        assert changed_words(changes) == expected, (old, new)


def test_a_changed_mark_is_no_word_and_a_changed_number_is_one():
    assert changed_words(word_diff("social protection floors,", "social protection floors;")) == (0, 0)
    assert changed_words(word_diff("by 2030, for all", "by 2035, for all")) == (1, 1)
