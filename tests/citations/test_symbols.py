"""Symbols written any way, to their canonical spelling; what is no symbol is refused; what a symbol names."""

import pytest

from resolutions.citations.symbols import kind_of_symbol, normalize_symbol


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a/res/70/126", "A/RES/70/126"),
        ("A-RES-70-126", "A/RES/70/126"),
        ("A/RES/70/126", "A/RES/70/126"),
        (" A/RES/70/126. ", "A/RES/70/126"),
        ("70/126", "A/RES/70/126"),
        ("2010/12", "E/RES/2010/12"),
        ("E/ESCAP/RES/67/8", "E/ESCAP/RES/67/8"),
        ("e-escap-res-67-8", "E/ESCAP/RES/67/8"),
        ("A/RES/S-24/2", "A/RES/S-24/2"),
        ("A-RES-S-24-2", "A/RES/S-24/2"),
        ("S-24/2", "A/RES/S-24/2"),
        ("A/RES/75/101 A", "A/RES/75/101 A"),
        ("A/RES/75/101A", "A/RES/75/101 A"),
        ("A/hrc/RES/35/2", "A/HRC/RES/35/2"),
        ("https://undocs.org/en/A/RES/1514(XV)", "A/RES/1514(XV)"),
        ("1514 (XV)", "A/RES/1514(XV)"),
        ("1325 (2000)", "S/RES/1325(2000)"),
        ("a/70/179/add.1", "A/70/179/Add.1"),
        ("A-70-179-Add-1", "A/70/179/Add.1"),
        ("A-RES-75-101-A", "A/RES/75/101 A"),
        ("A/RES/1514 (XV)", "A/RES/1514(XV)"),
        ("https://undocs.org/en/A/73/36(supp)", "A/73/36"),
        ("A/75/6 (Sect. 3)/Add.1", "A/75/6(Sect.3)/Add.1"),
    ],
)
def test_normalize_symbol(text, expected):
    assert normalize_symbol(text) == expected


@pytest.mark.parametrize("text", ["", "hello", "HIV/AIDS", "2030", "E.96.IV.8", "19 December 2011"])
def test_normalize_symbol_refuses(text):
    assert normalize_symbol(text) is None


@pytest.mark.parametrize(
    "symbol, kind",
    [
        ("A/RES/70/126", "resolution"),
        ("E/CN.4/RES.1998/3", "resolution"),
        ("A/70/179", "report"),
        ("E/2010/15", "report"),
        ("A/C.3/70/L.12", "document"),
        ("ST/SGB/2003/13", "document"),
    ],
)
def test_kind_of_symbol(symbol, kind):
    assert kind_of_symbol(symbol) == kind
