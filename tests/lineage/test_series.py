"""Series (``resolutions.lineage.series``): same body and title, joined through citations when titles change slightly."""

from resolutions.lineage.series import CITATION, TITLE, Member, series_gaps, series_steps

TITLE_TEXT = "Promoting social integration through social inclusion"


def member(pk, symbol, title=TITLE_TEXT, body="GA"):
    session = int(symbol.split("/")[-2])
    return Member(pk, symbol, body, session, (int(symbol.split("/")[-1]), symbol), title)


def test_same_body_and_title_make_a_series_in_order_of_session():
    members = [member(3, "A/RES/74/120"), member(1, "A/RES/68/131"), member(2, "A/RES/70/126")]
    steps = {s.member.symbol: s for s in series_steps(members, [])}
    assert [steps[s].position for s in ("A/RES/68/131", "A/RES/70/126", "A/RES/74/120")] == [0, 1, 2]
    assert steps["A/RES/74/120"].predecessor.symbol == "A/RES/70/126"
    assert steps["A/RES/68/131"].predecessor is None
    assert {s.series for s in steps.values()} == {"A/RES/68/131"}


def test_a_title_changed_slightly_joins_through_a_citation_and_an_unrelated_citation_does_not():
    members = [
        member(1, "A/RES/68/131"),
        member(2, "A/RES/70/126", title="Promoting social integration through social inclusion and equality"),
        member(3, "A/RES/70/200", title="Financing of the United Nations Interim Force in Lebanon"),
        member(4, "A/RES/70/300", title=TITLE_TEXT, body="ECOSOC"),
    ]
    steps = {s.member.symbol: s for s in series_steps(members, [(2, 1), (3, 1), (4, 1)])}
    assert steps["A/RES/70/126"].predecessor.symbol == "A/RES/68/131"
    assert steps["A/RES/70/126"].joined_by == CITATION and steps["A/RES/68/131"].joined_by == TITLE
    assert "A/RES/70/200" not in steps and "A/RES/70/300" not in steps
    assert series_steps(members[:2], []) == []  # without the citation, two different titles


def test_gaps_are_the_sessions_the_series_rhythm_expected():
    assert series_gaps([68, 70, 74, 76, 78, 80]) == [72]
    assert series_gaps([74, 75, 77]) == [76]
    assert series_gaps([70]) == []
