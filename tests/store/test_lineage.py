"""The writer of agreed language (``resolutions.store.lineage``): refreshed by every import, rebuilt on demand."""

from pathlib import Path

import pytest

from resolutions.ingest.document import ParsedParagraph
from resolutions.models import Paragraph, ParagraphLink, ParagraphSignature, Resolution, SeriesStep
from resolutions.store.imports import path_import, source_import
from resolutions.store.lineage import lineage_rebuild
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution
from tests.store.test_imports import source_bytes

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "resolutions.json"


def relations(symbol):
    links = ParagraphLink.objects.filter(paragraph__resolution__symbol=symbol).select_related(
        "paragraph", "predecessor"
    )
    return {link.paragraph.key: (link.relation, link.predecessor.key if link.predecessor else "") for link in links}


def test_an_import_writes_the_series_the_paragraph_links_and_the_signatures():
    path_import(path=FIXTURES)
    later = Resolution.objects.get(symbol="A/RES/70/126")
    step = SeriesStep.objects.get(resolution=later)
    assert (step.series, step.position, step.predecessor.symbol) == ("A/RES/68/131", 1, "A/RES/68/131")
    found = relations("A/RES/70/126")
    assert found["pp10"] == ("verbatim", "pp8") and found["op5"] == ("edited", "op5") and found["op7"] == ("new", "")
    assert sum(relation == "verbatim" for relation, _ in found.values()) == 12
    assert ParagraphSignature.objects.count() == Paragraph.objects.count()
    assert not relations("A/RES/68/131")  # the first of its series descends from nothing


def test_a_new_text_of_the_predecessor_refreshes_its_successor_links():
    load_resolution(make_resolution("A/RES/68/131", adopted_on=None))
    source_import(data=source_bytes(make_resolution("A/RES/70/126")), name="b.json", origin="test")
    assert relations("A/RES/70/126")["op1"] == ("verbatim", "op1")
    changed = make_resolution("A/RES/68/131")
    changed.paragraphs[1] = ParsedParagraph(
        "op1", "operative", "1", 2, "Takes note with appreciation of the report;", "Takes note"
    )
    source_import(data=source_bytes(changed), name="a.json", origin="test")
    assert relations("A/RES/70/126")["op1"] == ("edited", "op1")


def test_the_rebuild_writes_what_the_imports_wrote():
    path_import(path=FIXTURES)
    before = sorted(ParagraphLink.objects.values_list("paragraph_id", "predecessor_id", "relation", "moved"))
    signatures = sorted(ParagraphSignature.objects.values_list("paragraph_id", "text_hash", "bands"))
    ParagraphLink.objects.all().delete()
    ParagraphSignature.objects.all().delete()
    tally = lineage_rebuild(workers=1)
    assert sorted(ParagraphLink.objects.values_list("paragraph_id", "predecessor_id", "relation", "moved")) == before
    assert sorted(ParagraphSignature.objects.values_list("paragraph_id", "text_hash", "bands")) == signatures
    assert tally.signatures == Paragraph.objects.count() and tally.aligned == 1


def test_an_ingest_run_refreshes_the_lineage_once_when_it_ends(monkeypatch, tmp_path):
    """Each refresh re-reads a body's series: a run over many files refreshes once, for all it wrote."""
    import io

    from django.core.management import call_command

    from resolutions.store import imports

    calls = []
    real = imports.lineage_after_import
    monkeypatch.setattr(imports, "lineage_after_import", lambda **kw: calls.append(kw) or real(**kw))
    for name, symbol in (("a.json", "A/RES/68/131"), ("b.json", "A/RES/70/126")):
        (tmp_path / name).write_bytes(source_bytes(make_resolution(symbol)))
    call_command("ingest", str(tmp_path), "--quiet-warnings", stdout=io.StringIO(), stderr=io.StringIO())
    assert len(calls) == 1 and len(calls[0]["resolution_ids"]) == 2
    assert relations("A/RES/70/126")["op1"] == ("verbatim", "op1")
