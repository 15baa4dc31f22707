"""Generated resolutions (``benchmarks.scale_corpus.recombine``): pure, on hand-made templates."""

import random

from benchmarks.scale_corpus import recombine
from resolutions.store.validation import validate
from tests.store.bulk.hand_made import OPERATIVE, PREAMBLE, templates


def test_generated_resolutions_are_valid_synthetic_and_keep_citations_in_place():
    real = templates()
    generated = list(recombine.Recombiner(real, seed=3).resolutions(2_000))
    assert sum(len(r.paragraphs) for r in generated) >= 2_000
    real_symbols = {r.symbol for r in real}
    symbols = [r.symbol for r in generated]
    assert len(set(symbols)) == len(symbols) and not real_symbols & set(symbols)
    assert {r.body for r in generated} > {"GA"}  # bodies vary
    assert len({r.session for r in generated}) > 10 and len({r.adopted_on.year for r in generated}) > 10
    for resolution in generated:
        validate(resolution)
        assert recombine.is_synthetic_number(resolution.number)
        assert resolution.metadata["synthetic"] is True and resolution.metadata["template"] in real_symbols
        assert resolution.source.format == recombine.SYNTHETIC_FORMAT
        texts = {p.key: p.text for p in resolution.paragraphs}
        notes = {f.marker: f.text for f in resolution.footnotes}
        for citation in resolution.citations:
            text = texts[citation.paragraph_key] if citation.paragraph_key else notes[citation.footnote_marker]
            assert text[citation.start : citation.end] == citation.text
        for footnote in resolution.footnotes:
            assert 0 <= footnote.offset <= len(texts[footnote.paragraph_key])
        for paragraph in resolution.paragraphs:
            assert paragraph.text.startswith(paragraph.opening_phrase)
    spliced = [
        p.text for r in generated for p in r.paragraphs if p.text not in (PREAMBLE, OPERATIVE) and p.parent_key == ""
    ]
    assert spliced, "some paragraphs are recombined, not only repeated"


def test_generation_is_deterministic_for_a_seed():
    first = [r.to_dict() for r in recombine.Recombiner(templates(), seed=7).resolutions(300)]
    again = [r.to_dict() for r in recombine.Recombiner(templates(), seed=7).resolutions(300)]
    other = [r.to_dict() for r in recombine.Recombiner(templates(), seed=8).resolutions(300)]
    assert first == again and first != other


def test_splice_joins_clauses_and_moves_the_tail_citations():
    source = list(recombine.Recombiner(templates(1)).pools[("operative", False)])[1]  # op2, with its citation
    head = recombine.SourceParagraph("Decides to act, with urgency, on ageing;", "Decides", (), (), (16, 31))
    made = recombine.splice(head, source, random.Random(0))
    assert made.opening_phrase == "Decides"
    assert made.text.startswith("Decides to act, ") and made.text.endswith("Social Development;")
    for citation in made.citations:
        assert made.text[citation.start : citation.end] == citation.text


def test_synthetic_numbers_start_past_any_real_serial():
    assert recombine.is_synthetic_number("45/10012") and recombine.is_synthetic_number("2010/10001")
    assert not recombine.is_synthetic_number("70/126") and not recombine.is_synthetic_number("S-24/2")
