"""Numbers as the UN prints them, to the symbols they stand for, by their shape and their body."""

import pytest

from resolutions.citations.resolution_numbers import NUMBER_RE, listed_numbers, symbol_for_number


@pytest.mark.parametrize(
    "number, body, context_body, decision, expected",
    [
        ("70/126", None, "GA", False, ["A/RES/70/126"]),
        ("70/126", None, "ESCAP", False, ["E/ESCAP/RES/70/126"]),
        ("2010/12", None, "GA", False, ["E/RES/2010/12"]),
        ("1514 (XV)", None, "GA", False, ["A/RES/1514(XV)"]),
        ("1325 (2000)", None, "GA", False, ["S/RES/1325(2000)"]),
        ("35/2", "COUNCIL", "GA", False, ["A/HRC/RES/35/2"]),
        ("61/16 A-C", None, "GA", False, ["A/RES/61/16 A", "A/RES/61/16 B", "A/RES/61/16 C"]),
        ("72/550", None, "GA", True, ["A/DEC/72/550"]),
        ("4/6", "UNEA", "GA", False, ["UNEP/EA.4/RES.6"]),
        ("8/6", None, "GA", False, []),  # the Assembly numbered no resolution N/N before its 31st session
        ("7/1", None, "GA", True, []),  # the Assembly's decisions are numbered from 401
        ("59/5", "?", "GA", False, []),  # an organ the archive cannot name
    ],
)
def test_symbol_for_number(number, body, context_body, decision, expected):
    assert symbol_for_number(NUMBER_RE.fullmatch(number), body, context_body, decision) == expected


def test_listed_numbers_stop_where_the_list_does():
    text = "resolutions 66/122 of 19 December 2011 and 68/131, and A/68/169"
    assert [number.group(0) for number in listed_numbers(text, len("resolutions "))] == ["66/122", "68/131"]
