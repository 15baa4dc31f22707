"""The scale corpus: generation (pure) and the bulk load's procedure, on small hand-made sizes."""

import random
import shutil

import pytest
from django.db import connection

from resolutions.ingest.document import ParsedCitation, ParsedFootnote, ParsedParagraph, Vote
from resolutions.models import Citation, Footnote, Paragraph, Resolution
from resolutions.models import Vote as VoteRow
from resolutions.search import index
from resolutions.store import bulk as scale
from resolutions.store.load import validate
from tests.conftest import make_resolution

PREAMBLE = (
    "Recalling its resolution 68/131 of 18 December 2013 on promoting social integration, "
    "reaffirming the commitments made at the World Summit for Social Development, "
    "and noting with concern that poverty persists among older persons,"
)
OPERATIVE = (
    "Calls upon Member States to promote social inclusion, "
    "to strengthen social protection floors as set out in resolution 70/1, "
    "and to report thereon to the Commission for Social Development;"
)


def templates(count: int = 5) -> list:
    made = []
    for n in range(1, count + 1):
        paragraphs = [ParsedParagraph(f"pp{k}", "preambular", "", k, PREAMBLE, "Recalling") for k in range(1, 6)]
        paragraphs += [
            ParsedParagraph(f"op{k}", "operative", str(k), 5 + k, OPERATIVE, "Calls upon") for k in range(1, 8)
        ]
        paragraphs.append(
            ParsedParagraph("op7a", "operative", "(a)", 13, "To act on ageing, now;", "", parent_key="op7")
        )
        start = PREAMBLE.index("resolution 68/131")
        cited = OPERATIVE.index("resolution 70/1")
        made.append(
            make_resolution(
                f"A/RES/70/{n}",
                paragraphs=paragraphs,
                footnotes=[
                    ParsedFootnote("1", "See A/70/179.", "op1", OPERATIVE.index(",")),
                    ParsedFootnote("2", "Report.", "pp2", len(PREAMBLE)),
                ],
                citations=[
                    ParsedCitation(
                        "A/RES/68/131", "resolution 68/131", "resolution", start, start + 17, paragraph_key="pp1"
                    ),
                    ParsedCitation(
                        "A/RES/70/1", "resolution 70/1", "resolution", cited, cited + 15, paragraph_key="op2"
                    ),
                    ParsedCitation("A/70/179", "A/70/179", "report", 4, 12, footnote_marker="1"),
                ],
                votes=[Vote("France", "Y"), Vote("Japan", "A")],
            )
        )
    return made


def test_generated_resolutions_are_valid_synthetic_and_keep_citations_in_place():
    real = templates()
    generated = list(scale.Recombiner(real, seed=3).resolutions(2_000))
    assert sum(len(r.paragraphs) for r in generated) >= 2_000
    real_symbols = {r.symbol for r in real}
    symbols = [r.symbol for r in generated]
    assert len(set(symbols)) == len(symbols) and not real_symbols & set(symbols)
    assert {r.body for r in generated} > {"GA"}  # bodies vary
    assert len({r.session for r in generated}) > 10 and len({r.adopted_on.year for r in generated}) > 10
    for resolution in generated:
        validate(resolution)
        assert scale.is_synthetic_number(resolution.number)
        assert resolution.metadata["synthetic"] is True and resolution.metadata["template"] in real_symbols
        assert resolution.source.format == scale.SYNTHETIC_FORMAT
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
    first = [r.to_dict() for r in scale.Recombiner(templates(), seed=7).resolutions(300)]
    again = [r.to_dict() for r in scale.Recombiner(templates(), seed=7).resolutions(300)]
    other = [r.to_dict() for r in scale.Recombiner(templates(), seed=8).resolutions(300)]
    assert first == again and first != other


def test_splice_joins_clauses_and_moves_the_tail_citations():
    source = list(scale.Recombiner(templates(1)).pools[("operative", False)])[1]  # op2, with its citation
    head = scale.SourceParagraph("Decides to act, with urgency, on ageing;", "Decides", (), (), (16, 31))
    made = scale.splice(head, source, random.Random(0))
    assert made.opening_phrase == "Decides"
    assert made.text.startswith("Decides to act, ") and made.text.endswith("Social Development;")
    for citation in made.citations:
        assert made.text[citation.start : citation.end] == citation.text


def test_synthetic_numbers_start_past_any_real_serial():
    assert scale.is_synthetic_number("45/10012") and scale.is_synthetic_number("2010/10001")
    assert not scale.is_synthetic_number("70/126") and not scale.is_synthetic_number("S-24/2")


def schema_now():
    with connection.cursor() as cursor:
        return sorted(scale.secondary_schema(cursor), key=lambda item: item.name)


@pytest.mark.django_db(transaction=True)
def test_bulk_load_writes_every_row_and_leaves_the_schema_as_migrated():
    before = schema_now()
    assert any(item.name == "paragraph_unique_key" for item in before)
    real = templates()
    report = scale.build(None, 2_000, seed=1, templates=real)

    load = report.load
    assert load.paragraphs >= 2_000 and Paragraph.objects.count() == load.paragraphs
    assert Resolution.objects.count() == load.resolutions == len(real) + load.synthetic_resolutions
    assert Footnote.objects.count() == load.footnotes and Citation.objects.count() == load.citations
    assert VoteRow.objects.count() == load.votes == 2 * load.resolutions
    assert schema_now() == before
    assert set(load.rebuilt) == {item.name for item in before}
    assert not scale._marker_path(connection.settings_dict["NAME"]).exists()

    # Parents, footnotes and citations point at the right rows; citation targets are resolved.
    sub = Paragraph.objects.select_related("parent", "resolution").filter(key="op7a").first()
    assert sub.parent.key == "op7" and sub.parent.resolution_id == sub.resolution_id
    for note in Footnote.objects.select_related("paragraph")[:50]:
        assert note.paragraph.resolution_id == note.resolution_id
    assert Citation.objects.filter(target_symbol="A/RES/70/1", target__symbol="A/RES/70/1").exists()
    assert not Citation.objects.filter(target_symbol="A/RES/70/1", target__isnull=True).exists()
    assert report.word_shares["social"] > 0.5
    # The search index was rebuilt from the loaded rows: it matches the database, document for document.
    found = index.status()
    assert found.fresh and found.documents == Paragraph.objects.count() + Footnote.objects.count()

    # Sequences moved past the loaded ids: the ordinary loader still works.
    resolution = Resolution.objects.get(symbol="A/RES/70/1")
    Paragraph.objects.create(resolution=resolution, key="op99", kind="operative", order=99, text="New.")


@pytest.mark.django_db(transaction=True)
def test_an_interrupted_load_is_repaired_by_the_next_one():
    before = schema_now()

    def failing():
        yield from templates(2)
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError, match="killed"):
        scale.bulk_load(failing())
    marker = scale._marker_path(connection.settings_dict["NAME"])
    assert marker.exists()
    assert not any(item.name == "paragraph_unique_key" for item in schema_now())

    scale.bulk_load(templates(2))
    assert schema_now() == before and not marker.exists()
    assert Resolution.objects.count() == 2


def test_real_resolutions_that_cannot_load_are_named():
    too_long = templates(1)[0]
    too_long.paragraphs[0].opening_phrase = "x" * 300
    assert "opening_phrase is 300 characters, more than the 200" in scale.loadable(too_long)
    assert scale.loadable(templates(1)[0]) == ""


@pytest.mark.corpus
def test_real_corpus_files_recombine(corpus, tmp_path):
    sources = sorted((corpus / "unxml-ga" / "78" / "English").glob("*.xml"))[:12]
    for source in sources:
        shutil.copy(source, tmp_path / source.name)
    real = scale.read_real_corpus(tmp_path, processes=1)
    assert not real.failed and len(real.resolutions) >= len(sources)
    generated = list(scale.Recombiner(real.resolutions, seed=0).resolutions(3_000))
    real_symbols = {r.symbol.upper() for r in real.resolutions}
    for resolution in generated:
        validate(resolution)
        assert resolution.symbol.upper() not in real_symbols
        texts = {p.key: p.text for p in resolution.paragraphs}
        for citation in resolution.citations:
            if citation.paragraph_key:
                assert texts[citation.paragraph_key][citation.start : citation.end] == citation.text
