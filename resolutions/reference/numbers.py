"""Numbers as the UN writes them: ordinals in words ("sixty-eighth session") and roman numerals ("annex II").

Pure rules, kept once: session names, citations ("the third preambular paragraph"), annex keys and
permalinks all read and write numbers through these.
"""

from __future__ import annotations

import re

ROMAN_LETTERS_RE = re.compile(r"^[ivxlc]+$")  # a label made only of roman digits, "ii" or "xiv" (lower case)
LOWER_ROMAN_RE = re.compile(r"^(?=[ivxl]+$)(?:l?x{0,3})(?:ix|iv|v?i{0,3})$")  # a well-formed one up to "l"


ORDINAL_WORDS = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
    10: "tenth",
    11: "eleventh",
    12: "twelfth",
    13: "thirteenth",
    14: "fourteenth",
    15: "fifteenth",
    16: "sixteenth",
    17: "seventeenth",
    18: "eighteenth",
    19: "nineteenth",
}
TENS_WORDS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
TENS_ORDINALS = {
    2: "twentieth",
    3: "thirtieth",
    4: "fortieth",
    5: "fiftieth",
    6: "sixtieth",
    7: "seventieth",
    8: "eightieth",
    9: "ninetieth",
}
UNITS_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def ordinal_words(n: int) -> str:
    """68 -> 'sixty-eighth', as the UN writes session numbers (1..199)."""
    if n <= 0 or n >= 200:
        return f"{n}th"
    prefix = ""
    if n >= 100:
        n -= 100
        if n == 0:
            return "one hundredth"
        prefix = "one hundred and "
    if n in ORDINAL_WORDS:
        return prefix + ORDINAL_WORDS[n]
    tens, units = divmod(n, 10)
    if units == 0:
        return prefix + TENS_ORDINALS[tens]
    return f"{prefix}{TENS_WORDS[tens]}-{ORDINAL_WORDS[units]}"


def cardinal_ordinal_from_words(text: str) -> int | None:
    """'sixty-eighth' -> 68; None when the words are not an ordinal."""
    wanted = text.strip().lower().replace("–", "-")
    for n in range(1, 200):
        if ordinal_words(n) == wanted:
            return n
    return None


def roman_numeral(number: int) -> str:
    """1 -> 'I', 14 -> 'XIV' (annex numbering)."""
    values = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for value, numeral in values:
        while number >= value:
            out += numeral
            number -= value
    return out


def roman_value(label: str) -> int:
    """'iv' -> 4; 0 when the label is not a lower-case roman numeral."""
    if not label or not LOWER_ROMAN_RE.match(label):
        return 0
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for char, following in zip(label, label[1:] + " ", strict=False):
        value = values[char]
        total += -value if following != " " and values[following] > value else value
    return total
