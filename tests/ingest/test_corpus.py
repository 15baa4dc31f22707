"""The importers on real UN material in ../shared/corpus (skipped, saying why, when it is absent)."""

from collections import Counter

import pytest

from resolutions.ingest.pipeline import parse_path

pytestmark = pytest.mark.corpus


def parse_one(path):
    document = parse_path(path)
    assert len(document.resolutions) == 1
    return document.resolutions[0]


def by_key(resolution):
    return {p.key: p for p in resolution.paragraphs}


def test_80_5_annex_has_its_own_namespace(corpus):
    r = parse_one(corpus / "pdf-text" / "A-RES-80-5.txt")
    assert r.source.format == "pdf-text"
    assert (r.symbol, r.adopted_on.isoformat(), r.meeting, r.agenda_item) == (
        "A/RES/80/5",
        "2025-11-04",
        "28th plenary meeting",
        "25 (b)",
    )
    paragraphs = by_key(r)
    resolution_part = [p.key for p in r.paragraphs if not p.part]
    assert resolution_part == ["op1"] and paragraphs["op1"].text.startswith("Adopts the Doha Political Declaration")
    annex_top = [p.key for p in r.paragraphs if p.part == "annex" and not p.parent_key]
    assert annex_top == [f"annex-op{n}" for n in range(1, 45)]
    assert paragraphs["annex-op1"].heading.startswith("Doha Political Declaration")
    assert paragraphs["annex-op28"].heading == "A call to action"
    assert paragraphs["annex-op43"].heading == "Follow-up"
    assert [k for k in paragraphs if k.startswith("annex-op18") and k != "annex-op18"] == [
        f"annex-op18{c}" for c in "abcdefghi"
    ]
    assert paragraphs["annex-op29i"].parent_key == "annex-op29"  # "(i)" after "(h)" is a letter
    # paragraph 2 runs on across the page break, past the footnote block and running header
    assert "their distressing consequences in accordance with international law" in paragraphs["annex-op2"].text
    # "Development 1" is a marker after a space, "2030 Agenda" is not
    first = r.footnotes[0]
    assert (first.paragraph_key, first.text[:30]) == ("annex-op1", "Report of the World Summit for")
    assert (
        "Programme of Action of the World Summit for Social Development and their implementation"
        in paragraphs["annex-op1"].text
    )
    assert "the 2030 Agenda for Sustainable Development." in paragraphs["annex-op1"].text
    assert len(r.footnotes) == 15 and all(f.paragraph_key for f in r.footnotes)
    assert paragraphs["annex-op20"].text.count("2024–2034 and the Antigua") == 1  # marker 12 glued to a year
    assert r.warnings == []
    for p in r.paragraphs:
        assert "25-17700" not in p.text and "/18" not in p.text and "A/RES/80/5" not in p.text


def test_80_9(corpus):
    r = parse_one(corpus / "pdf-text" / "A-RES-80-9.txt")
    assert (r.symbol, r.adopted_on.isoformat(), r.meeting) == ("A/RES/80/9", "2025-11-24", "48th plenary meeting")
    assert r.metadata["issued_on"] == "2025-11-25"
    top = Counter(p.part for p in r.paragraphs if not p.parent_key)
    assert top == {"": 1, "annex": 31}
    paragraphs = by_key(r)
    assert paragraphs["annex-op1"].heading.startswith("2025 Political Declaration on the Implementation")
    assert [p.key for p in r.paragraphs if p.parent_key == "annex-op18"] == [f"annex-op18{c}" for c in "abcdef"]
    assert len(r.footnotes) == 15 and all(f.paragraph_key for f in r.footnotes)
    thirteen = r.footnotes[12]
    assert thirteen.paragraph_key == "annex-op19"  # "Paris Principles. 13 We will"
    assert r.warnings == []


def test_80_10(corpus):
    r = parse_one(corpus / "pdf-text" / "A-RES-80-10.txt")
    assert (r.symbol, r.title) == ("A/RES/80/10", "International Day of the World’s Indigenous Women and Girls")
    kinds = Counter(p.kind for p in r.paragraphs)
    assert kinds == {"preambular": 11, "operative": 3}
    paragraphs = by_key(r)
    assert paragraphs["op3"].text.startswith("Stresses that the cost of all activities")  # after the page break
    assert "5 September is commemorated" in paragraphs["pp11"].text
    markers = {f.marker: f.paragraph_key for f in r.footnotes}
    assert markers == {
        "1": "pp2",
        "2": "pp2",
        "3": "pp2",
        "4": "pp2",
        "5": "pp2",
        "6": "pp3",
        "7": "pp3",
        "8": "pp3",
        "9": "pp3",
        "10": "pp3",
        "11": "pp4",
        "12": "pp7",
        "13": "pp7",
    }
    assert r.footnotes[9].text.endswith(
        "1994 (United Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, annex."
    )
    assert r.warnings == []


def test_official_pdf(corpus):
    r = parse_one(corpus / "pdf" / "A_RES_73_3-EN.pdf")
    assert r.source.format == "pdf"
    assert (r.symbol, r.adopted_on.isoformat(), r.meeting) == ("A/RES/73/3", "2018-10-10", "18th plenary meeting")
    assert (
        r.title
        == "Political declaration of the high-level meeting of the General Assembly on the fight against tuberculosis"
    )
    paragraphs = by_key(r)
    assert paragraphs["op1"].text.startswith("Adopts the following political declaration")
    # the declaration adopted in the text has its own numbering, like an annex
    assert paragraphs["annex-pp1"].text.startswith("We, Heads of State and Government")
    assert [p.key for p in r.paragraphs if p.part == "annex" and p.kind == "operative"] == [
        f"annex-op{n}" for n in range(1, 54)
    ]
    assert "drug-resistant forms" in paragraphs["annex-pp1"].text
    assert len(r.footnotes) == 7 and all(f.paragraph_key for f in r.footnotes)
    assert r.warnings == []


# --- the text importers on real resolution texts, re-rendered from the UN's AKN --------------

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def akn_text(element, notes, style):
    """Text of an AKN element with its footnotes as markers in ``style`` ("ods": "Goals,1"; "plain": "Goals,¹")."""
    import re

    parts = []

    def walk(node):
        parts.append(node.text or "")
        for child in node:
            if child.tag == AKN + "authorialNote":
                marker = child.get("marker")
                notes.setdefault(marker, re.sub(r"\s+", " ", "".join(child.itertext())).strip())
                parts[:] = ["".join(parts).rstrip(), marker if style == "ods" else marker.translate(SUPERSCRIPT)]
            else:
                walk(child)
            parts.append(child.tail or "")

    walk(element)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def render_akn(path, style):
    """An AKN resolution as ODS text or as a commission's plain text; None for shapes not rendered."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    preamble, body = root.find(f".//{AKN}preamble"), root.find(f".//{AKN}mainBody")
    if preamble is None or body is None or body.find(f".//{AKN}table") is not None:
        return None
    notes: dict[str, str] = {}
    paragraphs, expected = [], {"pp": 0, "op": 0, "sub": 0}
    for container in preamble.findall(f"{AKN}container"):
        paragraphs.append(akn_text(container, notes, style))
        expected["pp"] += 1
    for paragraph in body:
        num, content, items = (paragraph.find(f"{AKN}{tag}") for tag in ("num", "content", "list"))
        intro = content if content is not None else (items.find(f"{AKN}intro") if items is not None else None)
        if (
            paragraph.tag != AKN + "paragraph"
            or num is None
            or intro is None
            or paragraph.find(f"{AKN}paragraph") is not None
        ):
            return None
        paragraphs.append(f"{num.text.strip()} {akn_text(intro, notes, style)}")
        expected["op"] += 1
        for point in items.findall(f"{AKN}point") if items is not None else []:
            label, text = point.find(f"{AKN}num"), point.find(f"{AKN}content")
            if label is None or text is None or not label.text.strip().startswith("("):
                return None
            paragraphs.append(f"{label.text.strip()} {akn_text(text, notes, style)}")
            expected["sub"] += 1
    if list(notes) != [str(n) for n in range(1, len(notes) + 1)]:
        return None
    expected["notes"] = len(notes)
    if style == "ods":
        lines = [
            "[DU1]",
            "Resolution adopted by the General Assembly on 10 December 2099",
            "99/1.\tA rendered resolution",
            "\tThe General Assembly,",
        ] + ["\t" + p.replace(" ", "\t", 1) if p[:1].isdigit() or p[:1] == "(" else "\t" + p for p in paragraphs]
        lines += ["", "10th plenary meeting", "10 December 2099", ""] + [f"{m} {t}" for m, t in notes.items()]
        lines += ["<<ODS DOC SYMBOL1>>A/RES/99/1<<ODS DOC SYMBOL1>>"]
    else:
        lines = [
            "Resolution 99/1",
            "",
            "A rendered resolution",
            "",
            "The Economic and Social Commission for Asia and the Pacific,",
            "",
        ]
        lines += [line for p in paragraphs for line in (p, "")]
        lines += [f"{m.translate(SUPERSCRIPT)} {t}\n" for m, t in notes.items()]
    return "\n".join(lines) + "\n", expected


@pytest.mark.parametrize("style, fmt", [("ods", "ods-text"), ("plain", "plain-text")])
def test_text_importers_on_rerendered_akn_resolutions(corpus, style, fmt):
    """Every 10th English AKN resolution, rendered as ODS text and as plain text, parses back to its structure.

    This is the UN's own text (paragraphs, numbers, footnotes) in our rendering,
    so it measures paragraph numbering, marker recognition ("Goals,1" beside
    "resolution 65/1" and "2030 Agenda") and opening phrases on 200+ real
    resolutions. The few misses are real ambiguities ("Agenda 216" for
    "Agenda 21" + marker 6) or list shapes the rendering flattens.
    """
    from resolutions.ingest.pipeline import parse_bytes

    files = sorted(corpus.glob("unxml-ga/*/English/*.xml"))[::10]
    counts = Counter()
    for path in files:
        rendered = render_akn(path, style)
        if rendered is None:
            continue
        text, expected = rendered
        counts["files"] += 1
        try:
            (parsed,) = parse_bytes(text.encode(), path.name).resolutions
        except Exception:
            counts["errors"] += 1
            continue
        assert parsed.source.format == fmt
        got = {
            "pp": sum(p.kind == "preambular" for p in parsed.paragraphs),
            "op": sum(p.kind == "operative" and not p.parent_key for p in parsed.paragraphs),
            "sub": sum(bool(p.parent_key) for p in parsed.paragraphs),
        }
        counts["structure"] += got == {k: expected[k] for k in got}
        counts["notes"] += expected["notes"]
        counts["placed"] += sum(bool(f.paragraph_key) for f in parsed.footnotes)
    assert counts["files"] >= 150
    assert counts["errors"] <= 1
    assert counts["structure"] / counts["files"] >= 0.98, counts
    assert counts["placed"] / counts["notes"] >= 0.97, counts
