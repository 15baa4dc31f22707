"""Rich text of AKN mixed content: a footnote keeps the italics the UN marks in it (issue 13)."""

import xml.etree.ElementTree as ET

from resolutions.ingest.akn.rich_text import build_text

NOTE = """<p xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">Recalling the report,<authorialNote marker="1">
<p>	 See <span class="italic">Official Records of the General Assembly, Seventy-eighth Session</span> (<a
href="https://undocs.org/en/A/78/53">A/78/53</a>), and United Nations, <i>Treaty Series </i>, vol. 1490.</p>
</authorialNote> and <span class="italic">notes</span> it</p>"""


def test_a_notes_italic_spans_index_its_plain_text():
    rich = build_text([ET.fromstring(NOTE)], warn=lambda message: None)
    (note,) = rich.notes
    assert [note.text[start:end] for start, end in note.emphasis] == [
        "Official Records of the General Assembly, Seventy-eighth Session",
        "Treaty Series",
    ]
    assert rich.text == "Recalling the report, and notes it"
    assert [rich.text[start:end] for start, end in rich.emphasis] == ["notes"]
    assert rich.opening_phrase() == ""  # italics inside the text open nothing
