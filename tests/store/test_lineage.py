"""The writer of agreed language (``resolutions.store.lineage``): refreshed by every import, rebuilt on demand."""

from pathlib import Path

import pytest
from django.db import connection

from resolutions.ingest.document import ParsedParagraph
from resolutions.models import Paragraph, ParagraphLink, ParagraphSignature, Resolution, SeriesStep, WordingBand
from resolutions.store.imports import path_import, source_import
from resolutions.store.lineage import lineage_rebuild
from resolutions.store.load import load_resolution
from resolutions.web.page_cache import _page_key, _versions
from resolutions.web.selectors.lineage import used_before
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
    assert sorted(WordingBand.objects.values_list("band", "characters", "text_hash")) == expected_bands()


def expected_bands():
    """The bands of every distinct wording the signatures hold, as ``WordingBand`` should have them."""
    return sorted(
        {
            (band, characters, text_hash)
            for text_hash, characters, bands in ParagraphSignature.objects.values_list(
                "text_hash", "characters", "bands"
            )
            for band in bands
        }
    )


def test_the_bands_of_each_wording_are_kept_once_however_many_paragraphs_repeat_it():
    path_import(path=FIXTURES)
    wordings = ParagraphSignature.objects.values("text_hash").distinct().count()
    assert wordings < ParagraphSignature.objects.count()  # 70/126 repeats 68/131 verbatim
    assert sorted(WordingBand.objects.values_list("band", "characters", "text_hash")) == expected_bands()
    assert WordingBand.objects.values("text_hash").distinct().count() == wordings


def test_a_new_text_gives_its_wordings_their_bands_and_a_wording_no_paragraph_has_is_found_nowhere():
    def earlier(pp1, op1):
        return make_resolution(
            "A/RES/68/131",
            adopted_on=None,
            paragraphs=[
                ParsedParagraph("pp1", "preambular", "", 1, pp1, "Recalling"),
                ParsedParagraph("op1", "operative", "1", 2, op1, "Takes note"),
            ],
        )

    source_import(
        data=source_bytes(
            earlier("Recalling a wording that only resolution 68/131 ever had,", "Takes note of the report;")
        ),
        name="a.json",
        origin="test",
    )
    source_import(data=source_bytes(make_resolution("A/RES/70/126")), name="b.json", origin="test")
    signatures = ParagraphSignature.objects.filter(paragraph__resolution__symbol="A/RES/68/131")
    only_here, shared = signatures.get(paragraph__key="pp1"), signatures.get(paragraph__key="op1")
    assert WordingBand.objects.filter(text_hash=only_here.text_hash).exists()
    source_import(
        data=source_bytes(earlier("Recalling a wording nobody used before,", "Takes note with appreciation;")),
        name="a2.json",
        origin="test",
    )
    assert set(expected_bands()) <= set(WordingBand.objects.values_list("band", "characters", "text_hash"))
    # No paragraph has the old wording any more: its bands may stay, but it is found nowhere.
    assert not ParagraphSignature.objects.filter(text_hash=only_here.text_hash).exists()
    assert used_before(text="Recalling a wording that only resolution 68/131 ever had,", limit=10).total == 0
    assert WordingBand.objects.filter(text_hash=shared.text_hash).count() == len(set(shared.bands))  # 70/126's op1
    new = ParagraphSignature.objects.get(paragraph__resolution__symbol="A/RES/68/131", paragraph__key="pp1")
    assert WordingBand.objects.filter(text_hash=new.text_hash).count() == len(set(new.bands))


def test_agreed_language_writes_move_the_pages_version_and_leave_the_search_index_fresh(
    django_capture_on_commit_callbacks, rf
):
    """The index holds no agreed language: a rebuild of it must not make every search wait for the whole
    index to be rebuilt, while pages showing a paragraph's history must not be served from before it."""
    path_import(path=FIXTURES)
    request = rf.get("/A/RES/70/126/op5/")
    page_key, (_, lineage_before) = _page_key(request), _versions()
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM resolutions_search_data_version")
        search_before = cursor.fetchone()[0]
        with django_capture_on_commit_callbacks(execute=True):
            lineage_rebuild(workers=1)
        cursor.execute("SELECT last_value FROM resolutions_search_data_version")
        assert cursor.fetchone()[0] == search_before
    assert _versions()[1] > lineage_before and _page_key(request) != page_key
