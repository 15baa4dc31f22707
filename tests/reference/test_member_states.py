"""Member States read from the names the UN prints (``resolutions.reference.member_states``)."""

import json

import pytest

from resolutions.reference.member_states import UN_MEMBERS, state_code, state_name
from resolutions.reference.record_metadata import sponsor_names


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("BOLIVIA (PLURINATIONAL STATE OF)", "BOL"),
        ("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "PRK"),
        ("REPUBLIC OF KOREA", "KOR"),
        ("TÜRKIYE", "TUR"),
        ("TÜRKİYE", "TUR"),
        ("TURKEY", "TUR"),
        ("CÔTE D'IVOIRE", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("THE GAMBIA", "GMB"),
        ("PAPUA NEW GUINEA\xa0", "PNG"),
        ("NETHERLANDS (KINGDOM OF THE)", "NLD"),
        ("UNITED STATES", "USA"),
        ("France", "FRA"),
    ],
)
def test_un_spellings_read_as_iso_codes(printed, code):
    assert state_code(printed) == code


def test_what_names_no_state_is_not_one():
    assert state_code("SUBMITTED BY THE PRESIDENT OF THE GENERAL ASSEMBLY") == ""
    assert state_code("NARNIA") == "" and state_code("") == ""


def test_the_names_shown_are_the_uns():
    assert state_name("BOL") == "Bolivia (Plurinational State of)" and state_name("FRA") == "France"
    assert len(UN_MEMBERS) == 193


def test_sponsor_entries_split_only_into_states():
    assert sponsor_names("UNITED STATES AND VIET NAM") == [("UNITED STATES", "USA"), ("VIET NAM", "VNM")]
    assert sponsor_names("Uganda (on behalf of the Group of 77 and China) and Uzbekistan") == [
        ("Uganda (on behalf of the Group of 77 and China)", "UGA"),
        ("Uzbekistan", "UZB"),
    ]
    assert sponsor_names("ANTIGUA AND BARBUDA") == [("ANTIGUA AND BARBUDA", "ATG")]
    assert sponsor_names("SOLOMON") == [("SOLOMON", "")]


@pytest.mark.corpus
def test_every_voting_name_in_the_corpus_metadata_resolves(corpus):
    names = set()
    for file in sorted((corpus / "unxml-ga" / "metadata").glob("*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for key in ("MS_in_favour", "MS_against", "MS_abstaining"):
                names.update(record.get(key) or [])
    assert names and [name for name in sorted(names) if not state_code(name)] == []
    assert {state_code(name) for name in names} == UN_MEMBERS
