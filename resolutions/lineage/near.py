"""Near repeats: the MinHash signature of a wording, the bands that find its near repeats, and their score.

A wording's shingles are its word pairs (its words, when it has one); a MinHash of ``PERMUTATIONS``
(datasketch, fixed seed: signatures stay comparable across runs and machines) estimates the Jaccard
similarity of two wordings' shingles. Locality-sensitive hashing cuts it into ``BANDS`` bands of
``ROWS``: two wordings sharing any band are candidates. With 40 × 3, wordings whose pairs overlap by half
share a band with probability 0.995, by 40 % 0.93, by 20 % 0.28: near repeats are found while the
candidates stay few. Each band becomes one signed 64-bit number (band index and values mixed, see
``bands``): PostgreSQL keeps a signature's bands as a ``bigint[]``, and each distinct wording's bands as rows of
``WordingBand`` under a btree, where the candidates sharing a band are found.

Candidates are scored with rapidfuzz (``align.similarity``): at least ``NEAR_THRESHOLD`` alike is a near
repeat, and equal normalised wordings (``text_hash``) are exact.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import struct
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from resolutions.lineage.text import normalised, words

PERMUTATIONS = 120
BANDS = 40
ROWS = 3
SEED = 16
SCHEME = "affine32"  # datasketch's hashing scheme, named so that a library upgrade cannot change signatures silently
NEAR_THRESHOLD = 0.75  # similarity (align.similarity) at which an earlier wording is "nearly the same"
MIN_WORDS = 8  # shorter texts are phrases: found by containment, not by signature

# One MinHash, cleared for each wording: its permutations are drawn once (a process signs one wording at a time).
_MINHASH = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)


@dataclass(frozen=True)
class Signature:
    text_hash: int  # of the normalised wording: equal hashes are verbatim repeats
    bands: list[int]
    words: int
    wording: str  # text.normalised: what candidates are scored on


def signed64(data: bytes) -> int:
    return struct.unpack("<q", hashlib.blake2b(data, digest_size=8).digest())[0]


def text_hash(text: str) -> int:
    """The hash of a wording as compared (``text.normalised``)."""
    return signed64(normalised(text).encode())


def shingles(text: str) -> list[bytes]:
    """The word pairs of a normalised wording (its single word when it has one)."""
    found = words(text)
    if len(found) < 2:
        return [word.encode() for word in found]
    return [f"{a} {b}".encode() for a, b in itertools.pairwise(found)]


def signature(text: str) -> Signature:
    """A wording's exact hash, LSH bands, word count and normalised wording."""
    wording = normalised(text)
    _MINHASH.clear()
    _MINHASH.update_batch(shingles(wording) or [b""])
    return Signature(signed64(wording.encode()), bands(_MINHASH.hashvalues), len(words(wording)), wording)


def near_lengths(characters: int) -> tuple[int, int]:
    """The shortest and longest wordings (in characters) that can be ``NEAR_THRESHOLD`` alike with one of
    ``characters``. The similarity is 2·LCS / (a + b) and the longest common subsequence is at most the
    shorter length, so b ≥ a·t / (2 − t) and b ≤ a·(2 − t) / t; rounded outwards, so no near repeat is
    ever left out."""
    t = NEAR_THRESHOLD
    return math.floor(characters * t / (2 - t)), math.ceil(characters * (2 - t) / t)


def bands(hashvalues: np.ndarray) -> list[int]:
    """The ``BANDS`` band hashes of a MinHash: each band's index and values mixed into 64 bits
    (multiply–xorshift rounds, the SplitMix64 finaliser), read as signed for PostgreSQL's bigint."""
    rows = hashvalues.astype(np.uint64).reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        mixed = (np.arange(BANDS, dtype=np.uint64) + np.uint64(1)) * _GOLDEN
        for column in range(ROWS):
            mixed = _mix(mixed ^ rows[:, column])
    return mixed.view(np.int64).tolist()


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _mix(values: np.ndarray) -> np.ndarray:
    values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))
