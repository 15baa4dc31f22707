"""UN style, OSCOLA and Bluebook citations of resolutions and paragraphs, with known answers."""

import datetime as dt

import pytest

from resolutions.exports.styles import bluebook, long_date, oscola, un_style
from tests.exports.conftest import make_cited


def test_a_resolution_in_each_style(resolution_cited):
    assert un_style(resolution_cited) == "General Assembly resolution 70/126 of 17 December 2015"
    assert oscola(resolution_cited) == "UNGA Res 70/126 (17 December 2015) UN Doc A/RES/70/126"
    assert bluebook(resolution_cited) == "G.A. Res. 70/126 (Dec. 17, 2015)"


@pytest.mark.parametrize(
    ("key", "expected_oscola", "expected_bluebook"),
    [
        ("op5", "para 5", "¶ 5"),
        ("pp3", "preambular para 3", "pmbl. ¶ 3"),
        ("op2d", "para 2(d)", "¶ 2(d)"),
        ("annex-op1", "annex, para 1", "annex ¶ 1"),
    ],
)
def test_pinpoints(key, expected_oscola, expected_bluebook):
    cited = make_cited(key)
    assert oscola(cited) == f"UNGA Res 70/126 (17 December 2015) UN Doc A/RES/70/126, {expected_oscola}"
    assert bluebook(cited) == f"G.A. Res. 70/126, {expected_bluebook} (Dec. 17, 2015)"


def test_un_style_names_the_paragraph_as_the_un_does():
    assert un_style(make_cited("pp3")) == (
        "General Assembly resolution 70/126 of 17 December 2015, third preambular paragraph"
    )


def test_other_bodies_and_no_date():
    ecosoc = make_cited(
        "op1", symbol="E/RES/2010/12", number="2010/12", body_code="ECOSOC", body_name="Economic and Social Council"
    )
    assert oscola(ecosoc) == "ECOSOC Res 2010/12 (17 December 2015) UN Doc E/RES/2010/12, para 1"
    assert bluebook(ecosoc) == "E.S.C. Res. 2010/12, ¶ 1 (Dec. 17, 2015)"
    undated = make_cited(adopted_on=None)
    assert un_style(undated) == "General Assembly resolution 70/126"
    assert oscola(undated) == "UNGA Res 70/126 UN Doc A/RES/70/126"
    assert bluebook(undated) == "G.A. Res. 70/126"


def test_bluebook_abbreviates_september_as_sept():
    assert bluebook(make_cited(adopted_on=dt.date(2001, 9, 28))) == "G.A. Res. 70/126 (Sept. 28, 2001)"
    assert long_date(dt.date(2001, 9, 28)) == "28 September 2001"
