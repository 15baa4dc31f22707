"""Citations as lawyers, diplomats and researchers type them, read to the document and paragraph they name.

Each row is a spelling seen in briefs, UN documents, law reviews or search logs; the
resolver (``parse_reference``, behind /cite/ and every non-canonical address) must
land on the paragraph named, not on the whole resolution, and on the body named.
"""

import pytest

from resolutions.citations.references import Reference, parse_reference

SPELLINGS = [
    # the paragraph sign, and "para." in every abbreviation
    ("A/RES/70/126 ¶5", "A/RES/70/126", "op5", ""),
    ("A/RES/70/126, ¶ 5", "A/RES/70/126", "op5", ""),
    ("¶5 of A/RES/70/126", "A/RES/70/126", "op5", ""),
    ("70/126 ¶ 5", "A/RES/70/126", "op5", ""),
    ("A/RES/70/126 § 5", "A/RES/70/126", "op5", ""),
    ("A/RES/70/126, para. 5", "A/RES/70/126", "op5", ""),
    ("A/RES/70/126 para 5", "A/RES/70/126", "op5", ""),
    ("A/RES/70/126, paragraph 5", "A/RES/70/126", "op5", ""),
    ("a/res/70/126 para. 5", "A/RES/70/126", "op5", ""),
    ("A/RES/70/126, op. 5", "A/RES/70/126", "op5", ""),
    ("A/RES/70/126 OP5", "A/RES/70/126", "op5", ""),
    ("A/RES/70/126, OP 5", "A/RES/70/126", "op5", ""),
    ("GA res. 70/126, para. 5", "A/RES/70/126", "op5", ""),
    ("UNGA Res 70/126 para 5", "A/RES/70/126", "op5", ""),
    ("General Assembly resolution 70/126, para. 5", "A/RES/70/126", "op5", ""),
    ("G.A. Res. 70/126, ¶ 5", "A/RES/70/126", "op5", ""),
    ("resolution 70/126, paragraph 5", "A/RES/70/126", "op5", ""),
    ("paragraph 5 of resolution 70/126", "A/RES/70/126", "op5", ""),
    ("paragraph 5 of General Assembly resolution 70/126", "A/RES/70/126", "op5", ""),
    ("para. 5 of its resolution 70/126", "A/RES/70/126", "op5", ""),
    # operative and preambular paragraphs named in words
    ("operative paragraph 5 of resolution 70/126", "A/RES/70/126", "op5", ""),
    ("70/126, operative para. 5", "A/RES/70/126", "op5", ""),
    ("A/RES/70/126, operative paragraph 12", "A/RES/70/126", "op12", ""),
    ("pp3 of 70/126", "A/RES/70/126", "pp3", ""),
    ("70/126 pp3", "A/RES/70/126", "pp3", ""),
    ("A/RES/70/126, PP 3", "A/RES/70/126", "pp3", ""),
    ("A/RES/70/126, pp. 3", "A/RES/70/126", "pp3", ""),
    ("preambular paragraph 3 of resolution 70/126", "A/RES/70/126", "pp3", ""),
    ("A/RES/70/126, preambular para. 3", "A/RES/70/126", "pp3", ""),
    ("third preambular paragraph of resolution 70/126", "A/RES/70/126", "pp3", ""),
    ("the twenty-first preambular paragraph of General Assembly resolution 70/126", "A/RES/70/126", "pp21", ""),
    ("A/RES/70/126, 3rd preambular paragraph", "A/RES/70/126", "pp3", ""),
    # ranges: the first paragraph, the range kept
    ("paras. 3–5 of resolution 70/126", "A/RES/70/126", "op3", "op5"),
    ("A/RES/70/126, paras 3-5", "A/RES/70/126", "op3", "op5"),
    ("A/RES/70/126 ¶¶ 3–5", "A/RES/70/126", "op3", "op5"),
    ("paragraphs 3 to 5 of resolution 70/126", "A/RES/70/126", "op3", "op5"),
    ("paragraphs 3 and 4 of resolution 70/126", "A/RES/70/126", "op3", "op4"),
    ("A/RES/70/126, paras. 3—5", "A/RES/70/126", "op3", "op5"),
    ("70/126, paragraph 2 (a) to (c)", "A/RES/70/126", "op2a", "op2c"),
    # sub-paragraphs
    ("ESCAP resolution 67/8 para 2(d)", "E/ESCAP/RES/67/8", "op2d", ""),
    ("E/ESCAP/RES/67/8, para. 2 (d)", "E/ESCAP/RES/67/8", "op2d", ""),
    ("E/ESCAP/RES/67/8 op2(d)", "E/ESCAP/RES/67/8", "op2d", ""),
    ("E/ESCAP/RES/67/8 op2d", "E/ESCAP/RES/67/8", "op2d", ""),
    ("E/ESCAP/RES/67/8, paragraph 2d", "E/ESCAP/RES/67/8", "op2d", ""),
    ("sub-paragraph (b) of paragraph 2 of ESCAP resolution 67/8", "E/ESCAP/RES/67/8", "op2b", ""),
    ("subparagraph (b) of operative paragraph 2 of E/ESCAP/RES/67/8", "E/ESCAP/RES/67/8", "op2b", ""),
    ("A/RES/70/1, para. 17 (a) (ii)", "A/RES/70/1", "op17a-ii", ""),
    ("paragraph 53 (aa) of resolution 70/1", "A/RES/70/1", "op53aa", ""),
    # annexes
    ("paragraph 18 (b) of the annex to resolution 80/5", "A/RES/80/5", "annex-op18b", ""),
    ("A/RES/80/5, annex, para. 18 (b)", "A/RES/80/5", "annex-op18b", ""),
    ("A/RES/80/5 annex ¶ 18(b)", "A/RES/80/5", "annex-op18b", ""),
    ("resolution 80/5, annex, paragraph 18", "A/RES/80/5", "annex-op18", ""),
    ("80/5, annex, paras. 18–20", "A/RES/80/5", "annex-op18", "annex-op20"),
    ("A/RES/70/1, annex, preambular paragraph 2", "A/RES/70/1", "annex-pp2", ""),
    ("A/RES/61/106, annex I, para. 3", "A/RES/61/106", "annex-i-op3", ""),
    ("paragraph 8 of section XIII of resolution 55/235", "A/RES/55/235", "sec-xiii-op8", ""),
    # every body, by name and abbreviation
    ("ESCAP resolution 67/8", "E/ESCAP/RES/67/8", "", ""),
    ("escap res. 67/8, para. 1", "E/ESCAP/RES/67/8", "op1", ""),
    (
        "Economic and Social Commission for Asia and the Pacific resolution 67/8, para. 2 (d)",
        "E/ESCAP/RES/67/8",
        "op2d",
        "",
    ),
    ("Commission resolution 67/8 (ESCAP), para. 1", "E/ESCAP/RES/67/8", "op1", ""),
    ("ECOSOC res. 2010/12, op. 3", "E/RES/2010/12", "op3", ""),
    ("ECOSOC resolution 2010/12", "E/RES/2010/12", "", ""),
    ("Economic and Social Council resolution 2010/12, para. 3", "E/RES/2010/12", "op3", ""),
    ("E/RES/2010/12, pp2", "E/RES/2010/12", "pp2", ""),
    ("Council resolution 2010/12, para. 3", "E/RES/2010/12", "op3", ""),
    ("HRC resolution 35/2, para. 4", "A/HRC/RES/35/2", "op4", ""),
    ("Human Rights Council resolution 35/2, op. 4", "A/HRC/RES/35/2", "op4", ""),
    ("A/HRC/RES/35/2 ¶ 4", "A/HRC/RES/35/2", "op4", ""),
    ("ECA resolution 12/3, para. 1", "E/ECA/RES/12/3", "op1", ""),
    ("Economic Commission for Africa resolution 12/3", "E/ECA/RES/12/3", "", ""),
    ("ECLAC resolution 36/2, para. 1", "LC/RES/36/2", "op1", ""),
    ("Economic Commission for Latin America and the Caribbean resolution 36/2", "LC/RES/36/2", "", ""),
    ("ESCWA resolution 31/4, para. 2", "E/ESCWA/RES/31/4", "op2", ""),
    ("Economic and Social Commission for Western Asia resolution 31/4", "E/ESCWA/RES/31/4", "", ""),
    ("Security Council resolution 1325 (2000), para. 8", "S/RES/1325(2000)", "op8", ""),
    ("S/RES/1325 (2000), op. 8", "S/RES/1325(2000)", "op8", ""),
    ("UNSC res 1325 (2000) ¶ 8", "S/RES/1325(2000)", "op8", ""),
    ("resolution 1514 (XV), para. 5", "A/RES/1514(XV)", "op5", ""),
    ("General Assembly resolution S-24/2, annex, para. 3", "A/RES/S-24/2", "annex-op3", ""),
    ("A/RES/75/101 A, para. 2", "A/RES/75/101 A", "op2", ""),
    # the whole resolution, however it is spelled
    ("A/RES/70/126", "A/RES/70/126", "", ""),
    ("resolution 70/126 of 17 December 2015", "A/RES/70/126", "", ""),
    ("https://undocs.org/en/A/RES/70/126", "A/RES/70/126", "", ""),
]


def test_the_table_holds_at_least_sixty_real_world_spellings():
    assert len(SPELLINGS) >= 60
    assert len({text for text, *_ in SPELLINGS}) == len(SPELLINGS)


@pytest.mark.parametrize("text, symbol, key, last_key", SPELLINGS)
def test_typed_citation_lands_on_the_paragraph_named(text, symbol, key, last_key):
    assert parse_reference(text) == Reference(symbol, key, last_key)


def test_a_number_without_a_body_takes_the_citing_body():
    assert parse_reference("resolution 67/8, para. 2 (d)", context_body="ESCAP") == Reference(
        "E/ESCAP/RES/67/8", "op2d"
    )
    assert parse_reference("resolution 67/8, para. 2 (d)") == Reference("A/RES/67/8", "op2d")


@pytest.mark.parametrize(
    "text, symbol, paragraph",
    [
        ("paragraph 5 of resolution 70/126", "A/RES/70/126", "op5"),
        ("paragraph 2 (a) of its resolution 70/126", "A/RES/70/126", "op2a"),
        ("A/RES/70/126, op. 5", "A/RES/70/126", "op5"),
        ("resolution 70/126 para 5", "A/RES/70/126", "op5"),
        ("GA res 70/126 para. 5", "A/RES/70/126", "op5"),
        ("70/126", "A/RES/70/126", ""),
        ("70/126 op 5", "A/RES/70/126", "op5"),
        ("A/RES/75/101 A", "A/RES/75/101 A", ""),
        ("Economic and Social Council resolution 2010/12", "E/RES/2010/12", ""),
    ],
)
def test_parse_reference(text, symbol, paragraph):
    assert parse_reference(text) == Reference(symbol, paragraph)


@pytest.mark.parametrize("text", ["", "hello", "2030 Agenda", "Sales No. E.96.IV.8", "x" * 400])
def test_parse_reference_refuses(text):
    assert parse_reference(text) is None
