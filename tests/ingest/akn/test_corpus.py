"""The AKN importer and the citation finder on the UN's own files in ../shared/corpus/unxml-ga.

A sample, not all 2,236 files, to keep the suite fast; ``manage.py ingest`` and
``benchmarks/citation_accuracy.py`` cover the whole corpus. Skipped, saying why,
when the corpus is absent.
"""

import pytest

from resolutions.citations.extract import find_citations
from resolutions.ingest.akn.citations import symbol_from_href
from resolutions.ingest.akn.parse import text_units
from resolutions.ingest.pipeline import parse_path
from resolutions.store.validation import validate

pytestmark = pytest.mark.corpus

SAMPLE = [
    "74/English/74_120.xml",
    "74/English/74_255.xml",
    "75/English/75_101A-B_E.xml",
    "75/English/75_120_E.xml",
    "75/English/75_212_E.xml",
    "75/English/75_245_E.xml",
    "76/English/A_RES_76_10-2117757E.xml",
    "76/English/A_RES_76_136-2119166E.xml",
    "76/English/A_RES_76_226-2119655E.xml",
    "77/English/A_RES_77_100-2228244E.xml",
    "78/English/A_RES_78_178-2325998E.xml",
    "79/English/A_RES_79_2-2418680E.xml",
    "80/English/A_RES_80_5-2517700E.xml",
    "80/English/A_RES_80_237-2521249E.xml",
]


def unxml(corpus, relative):
    path = corpus / "unxml-ga" / relative
    if not path.exists():
        pytest.skip(f"{relative} is not in this copy of the corpus")
    return path


@pytest.mark.parametrize("relative", SAMPLE)
def test_sample_parses_into_loadable_resolutions(corpus, relative):
    document = parse_path(unxml(corpus, relative))
    for resolution in document.resolutions:
        validate(resolution)  # unique keys, known parents, citations in known places
        assert resolution.symbol.startswith("A/RES/") and resolution.title and resolution.adopted_on
        assert not [w for w in resolution.warnings if "was not imported" in w]


def test_social_integration_74_120(corpus):
    resolution = parse_path(unxml(corpus, "74/English/74_120.xml")).resolutions[0]
    assert (resolution.symbol, resolution.adopted_on.isoformat(), resolution.meeting) == (
        "A/RES/74/120",
        "2019-12-18",
        "50th plenary meeting",
    )
    assert (resolution.committee, resolution.agenda_item, resolution.report) == (
        "Third Committee",
        "25 (b)",
        "A/74/391",
    )
    keys = [p.key for p in resolution.paragraphs]
    assert keys[:2] == ["pp1", "pp2"] and "op1" in keys
    cited = {c.symbol for c in resolution.citations}
    # linked by the UN, and found by the finder where the UN left it unlinked
    assert {"A/RES/70/1", "E/RES/2010/12"} <= cited
    assert resolution.metadata["adoption_type"] == "Without a vote"


def test_multi_part_file_75_101(corpus):
    document = parse_path(unxml(corpus, "75/English/75_101A-B_E.xml"))
    assert [r.symbol for r in document.resolutions] == ["A/RES/75/101 A", "A/RES/75/101 B"]
    assert all(r.committee == "Fourth Committee" for r in document.resolutions)


def test_recorded_votes_per_member_state(corpus):
    resolution = parse_path(unxml(corpus, "76/English/A_RES_76_10-2117757E.xml")).resolutions[0]
    assert resolution.metadata["adoption_type"] == "By a recorded vote"
    counts = {vote: sum(v.vote == vote for v in resolution.votes) for vote in "YNA"}
    assert counts == {"Y": 148, "N": 9, "A": 14}  # as the metadata's counts say
    assert len({v.member_state for v in resolution.votes}) == len(resolution.votes)


def test_adopted_without_a_vote_has_no_votes(corpus):
    resolution = parse_path(unxml(corpus, "76/English/A_RES_76_136-2119166E.xml")).resolutions[0]
    assert resolution.metadata["adoption_type"] == "Without a vote" and resolution.votes == []


def test_sections_that_restart_their_numbering_key_by_section(corpus):
    resolution = parse_path(unxml(corpus, "75/English/75_245_E.xml")).resolutions[0]
    keys = {p.key for p in resolution.paragraphs}
    assert {"op1", "sec-b-op1", "sec-d-op1"} <= keys


def test_french_file_in_the_english_folder_is_read_as_french_aligned_with_the_english(corpus):
    (french,) = parse_path(unxml(corpus, "75/English/75_274_F.xml")).resolutions
    (english,) = parse_path(unxml(corpus, "75/English/75_274_E.xml")).resolutions
    assert (french.symbol, french.language, english.language) == (english.symbol, "fr", "en")
    assert [p.key for p in french.paragraphs] == [p.key for p in english.paragraphs]


def test_finder_agrees_with_the_un_links_on_the_sample(corpus):
    linked = matched = 0
    for relative in SAMPLE:
        path = unxml(corpus, relative)
        for unit in text_units(path.read_bytes(), path.name):
            found = {c.symbol.upper() for c in find_citations(unit.rich.text)}
            bases = {s.rsplit(" ", 1)[0] if s[-2] == " " else s for s in found}
            for link in unit.rich.links:
                symbol = symbol_from_href(link.href)
                if symbol:
                    linked += 1
                    matched += symbol.upper() in found or symbol.upper() in bases
    assert linked > 200
    assert matched / linked >= 0.97
