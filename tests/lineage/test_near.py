"""Near-repeat signatures (``resolutions.lineage.near``) and the word diff (``resolutions.lineage.diff``)."""

from rapidfuzz import fuzz

from resolutions.lineage.diff import changed_words, tokens, word_diff
from resolutions.lineage.near import BANDS, NEAR_THRESHOLD, near_lengths, signature, text_hash

TEXT = (
    "Calls upon Member States to promote a more equitable participation in and access to economic growth gains, "
    "through inter alia, policies that ensure inclusive labour markets"
)


def shared_bands(a: str, b: str) -> int:
    return sum(x == y for x, y in zip(signature(a).bands, signature(b).bands, strict=True))


def test_the_same_wording_has_the_same_hash_whatever_its_case_quotes_and_end():
    assert text_hash(TEXT + ";") == text_hash(TEXT.upper() + ".")
    assert text_hash(TEXT) != text_hash(TEXT.replace("inclusive", "decent"))
    assert len(signature(TEXT).bands) == BANDS and signature(TEXT).words == 26


def test_a_near_repeat_shares_bands_and_an_unrelated_wording_none():
    edited = TEXT.replace("through inter alia", "through, inter alia,") + " and decent work"
    assert shared_bands(TEXT, edited) >= 10
    assert (
        shared_bands(TEXT, "Decides to remain seized of the matter and to consider the question at its next session")
        == 0
    )


def test_tokens_join_back_and_the_diff_counts_words():
    text = "Urges  States, to act;"
    assert "".join(tokens(text)) == text
    changes = word_diff("Urges States to act;", "Urges all States to act promptly;")
    assert changed_words(changes) == (0, 2)
    assert "".join(c.text for c in changes if c.op != "delete") == "Urges all States to act promptly;"


def test_near_lengths_never_leave_out_a_near_repeat_and_rule_out_what_cannot_be_one():
    assert near_lengths(100) == (60, 167)  # 0.75: b ≥ 0.6·a and b ≤ a / 0.6
    for length in (37, 100, 613):
        base = "a" * length  # against a run of the same letter, the common subsequence is the shorter run
        shortest, longest = near_lengths(length)
        near = [n for n in range(1, 3 * length) if fuzz.ratio(base, "a" * n) / 100 >= NEAR_THRESHOLD]
        assert shortest <= near[0] and near[-1] <= longest  # none left out
        assert near[0] - shortest <= 1 and longest - near[-1] <= 1  # and the bounds are tight to a character
