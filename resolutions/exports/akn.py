"""A resolution as Akoma Ntoso 3.0 (AKN4UN): the archive's text, footnotes and citations, valid against the AKN
3.0 schema, and read back by the archive's own AKN importer (``resolutions.ingest.akn``) to the same paragraphs.

The document is laid out the way the UN's own files are, so the importer keys it as the archive does:
the preamble's paragraphs as ``container``s (sub-items in a ``blockList``), the operative part as
``paragraph``s with their printed numbers (sub-paragraphs as ``point``s of a ``list`` whose ``intro`` is the
paragraph's text), headings as ``crossHeading``s, each annex as an attached ``doc name="annex"``. Each
paragraph's ``eId`` is its archive key ("op5", "annex-pp2"); footnotes are ``authorialNote``s at their
markers (a marker printed again is a ``sup``); citations are ``ref``s to the cited document at undocs.org,
the UN's resolver, which the importer reads as the UN's own links. FRBR metadata names the work
(``/akn/un/statement/resolution/ga/<date>/<number>``), its English expression and this manifestation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from lxml import etree

from resolutions.citations.symbols import normalize_symbol
from resolutions.models import Citation, Footnote, Goal, Paragraph, Resolution, Sponsor, Subject, Vote
from resolutions.reference.record_metadata import adoption_of
from resolutions.web.selectors.citations import citation_list
from resolutions.web.selectors.footnotes import footnote_list, footnote_places
from resolutions.web.selectors.paragraphs import paragraph_list
from resolutions.web.selectors.record import goal_list, sponsor_list, subject_list, vote_list

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
MEDIA_TYPE = "application/akn+xml"
RESOLVER = "https://undocs.org/"
UNNUMBERED_KEY_RE = re.compile(r"(?:^|-)p\d+$")  # "annex-p1": unnumbered, not preambular
SECTION_HEADING_RE = re.compile(r"^((?:[IVXLC]+|[A-Z]))\.\s+(.+)$")  # "II. Follow-up": the numeral opens a section


def _tag(name: str) -> str:
    return f"{{{AKN_NS}}}{name}"


def _sub(parent, tag: str, text: str | None = None, **attributes):
    """A child element ``tag`` of ``parent`` with its text and attributes (those given as None left out)."""
    element = etree.SubElement(parent, _tag(tag), {k: v for k, v in attributes.items() if v is not None})
    if text:
        element.text = text
    return element


# ---------------------------------------------------------------- what the document is built from


@dataclass
class Mark:
    """Something laid over a text at a position: a footnote (or its marker again), or a citation's span."""

    start: int
    end: int
    kind: str  # "note", "repeat" or "ref"
    footnote: Footnote | None = None
    href: str = ""


@dataclass
class Text:
    """A resolution's text as read: paragraphs in order, their children, and the marks over each text."""

    resolution: Resolution
    paragraphs: list[Paragraph]
    children: dict[int | None, list[Paragraph]] = field(default_factory=dict)
    marks: dict[tuple[str, int], list[Mark]] = field(default_factory=dict)  # ("paragraph"|"footnote", id)
    title_notes: list[Footnote] = field(default_factory=list)


def read_text(resolution: Resolution) -> Text:
    """The paragraphs, footnotes, their places and the citations of the resolution (a few queries)."""
    paragraphs = paragraph_list(resolution=resolution)
    footnotes = footnote_list(resolution=resolution)
    text = Text(resolution, paragraphs)
    for paragraph in paragraphs:
        text.children.setdefault(paragraph.parent_id, []).append(paragraph)
    marks: dict[tuple[str, int], list[Mark]] = defaultdict(list)
    for footnote_id, places in footnote_places(footnotes=footnotes).items():
        footnote = next(f for f in footnotes if f.id == footnote_id)
        for index, (paragraph_id, offset) in enumerate(places):
            kind = "note" if index == 0 else "repeat"
            marks["paragraph", paragraph_id].append(Mark(offset or 0, offset or 0, kind, footnote))
    text.title_notes = [footnote for footnote in footnotes if footnote.paragraph_id is None]
    for citation in citation_list(resolution=resolution):
        if normalize_symbol(citation.target_symbol) != citation.target_symbol:
            # A symbol a link cannot carry as found ("decision 74/540 B" names A/DEC/74/540 B; a link to it
            # reads as A/DEC/74/540): left as the text it was found in, where a reader finds it again.
            continue
        where = ("paragraph", citation.paragraph_id) if citation.paragraph_id else ("footnote", citation.footnote_id)
        marks[where].append(Mark(citation.start, citation.end, "ref", href=_href(citation)))
    text.marks = dict(marks)
    return text


def _href(citation: Citation) -> str:
    return RESOLVER + citation.target_symbol.replace(" ", "%20")


# ---------------------------------------------------------------- the document


def resolution_akn(resolution: Resolution, generated: dt.date | None = None) -> bytes:
    """The resolution as an AKN 3.0 XML document (UTF-8, with its declaration)."""
    text = read_text(resolution)
    root = etree.Element(_tag("akomaNtoso"), nsmap={None: AKN_NS})
    statement = _sub(root, "statement", name="resolution")
    _meta(statement, resolution, generated or dt.date.today(), component="main")
    _cover(statement, resolution)
    _preface(statement, resolution, text)
    parts = _parts(text)
    own = parts.pop("", [])
    preambular = _leading_preamble(own)
    if preambular:
        _preamble(_sub(statement, "preamble"), text, preambular, formula=True)
    _main_body(_sub(statement, "mainBody"), text, own[len(preambular) :], preambular_in_body=True)
    _conclusions(statement, resolution)
    if parts:
        attachments = _sub(statement, "attachments")
        for index, (part, paragraphs) in enumerate(parts.items(), start=1):
            _annex(_sub(attachments, "attachment", eId=f"att_{index}"), resolution, text, part, paragraphs, index)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def paragraph_akn(resolution: Resolution, paragraph: Paragraph, generated: dt.date | None = None) -> bytes:
    """One paragraph (with its sub-paragraphs, notes and citations) as an AKN 3.0 ``portion`` of its resolution:
    the same element, ``eId`` and FRBR work as in the whole document, ``includedIn`` naming the whole."""
    text = read_text(resolution)
    held = next(p for p in text.paragraphs if p.id == paragraph.id)
    root = etree.Element(_tag("akomaNtoso"), nsmap={None: AKN_NS})
    portion = _sub(root, "portion", includedIn="#whole")
    meta = _meta(portion, resolution, generated or dt.date.today(), component=f"main~{held.key}", references=False)
    references = _sub(meta, "references", source="#archive")
    whole = f"{_frbr_work_uri(resolution)}/eng@/!main"
    _sub(references, "original", eId="whole", href=whole, showAs=resolution.symbol)
    _sub(
        references,
        "TLCOrganization",
        eId="archive",
        href="/ontology/organization/resolutionsArchive",
        showAs="Resolutions Archive",
    )
    body = _sub(portion, "portionBody")
    if held.kind == Paragraph.PREAMBULAR and held.parent_id is None:
        _preamble(_sub(body, "preamble"), text, [held], formula=False)
    else:
        _hierarchy(body, "point" if held.parent_id else "paragraph", text, held)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _parts(text: Text) -> dict[str, list[Paragraph]]:
    """The top-level paragraphs of each part ("" the resolution's own, then "annex", "annex-ii"…), in order."""
    parts: dict[str, list[Paragraph]] = {}
    for paragraph in text.paragraphs:
        if paragraph.parent_id is None:
            parts.setdefault(paragraph.part, []).append(paragraph)
    parts.setdefault("", [])
    return {"": parts.pop(""), **parts}


def _leading_preamble(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The preamble proper: the preambular paragraphs before any heading or operative paragraph. Preambular
    paragraphs after those (a resolution in sections, each with its own "Recalling…") stand in the main body
    where they are printed, as the UN's files have them."""
    leading = []
    for paragraph in paragraphs:
        if paragraph.kind != Paragraph.PREAMBULAR or paragraph.heading:
            break
        leading.append(paragraph)
    return leading


def _frbr_work_uri(resolution: Resolution) -> str:
    date = (resolution.adopted_on or resolution.created_at.date()).isoformat()
    number = re.sub(r"[/ ]", "-", resolution.number)
    return f"/akn/un/statement/resolution/{resolution.body.code.lower()}/{date}/{number}"


def _meta(parent, resolution: Resolution, generated: dt.date, component: str, references: bool = True):
    """FRBR identification (work, English expression, this manifestation), the record (votes, sponsors, SDGs,
    subjects) and the organisations it names; the ``meta`` element."""
    meta = _sub(parent, "meta")
    identification = _sub(meta, "identification", source="#archive")
    work = _frbr_work_uri(resolution)
    expression = f"{work}/eng@"
    adopted = (resolution.adopted_on or resolution.created_at.date()).isoformat()
    date_name = "adoption" if resolution.adopted_on else "recorded"
    levels = (
        ("FRBRWork", work, f"{work}/!{component}", adopted, date_name, "#" + resolution.body.code.lower()),
        (
            "FRBRExpression",
            expression,
            f"{expression}/!{component}",
            adopted,
            date_name,
            "#" + resolution.body.code.lower(),
        ),
        (
            "FRBRManifestation",
            f"{expression}.akn",
            f"{expression}/!{component}.xml",
            generated.isoformat(),
            "generation",
            "#archive",
        ),
    )
    for level, uri, this, date, name, author in levels:
        element = _sub(identification, level)
        _sub(element, "FRBRthis", value=this)
        _sub(element, "FRBRuri", value=uri)
        if level == "FRBRWork":
            _sub(element, "FRBRalias", value=resolution.symbol, name="symbol")
        _sub(element, "FRBRdate", date=date, name=name)
        _sub(element, "FRBRauthor", href=author)
        if level == "FRBRWork":
            _sub(element, "FRBRcountry", value="un")
            _sub(element, "FRBRnumber", value=resolution.number.replace(" ", "_"))
        if level == "FRBRExpression":
            _sub(element, "FRBRlanguage", language="eng")
    if not references:  # an annex's: the statement's own meta names them, once (eIds are unique in a document)
        return meta
    record = read_record(resolution)
    _record_meta(meta, resolution, record)
    organisations = _sub(meta, "references", source="#archive")
    body = resolution.body
    _sub(
        organisations,
        "TLCOrganization",
        eId=body.code.lower(),
        href=f"/ontology/organization/un/{body.code.lower()}",
        showAs=body.name,
    )
    _sub(
        organisations,
        "TLCOrganization",
        eId="archive",
        href="/ontology/organization/resolutionsArchive",
        showAs="Resolutions Archive",
    )
    for code, name in record.states().items():
        _sub(
            organisations,
            "TLCOrganization",
            eId=_state_id(code),
            href=f"/ontology/organization/un/memberState/{code}",
            showAs=name,
        )
    if record.votes:
        for refers_to, label in VOTE_COUNTS.values():
            _sub(organisations, "TLCConcept", eId=refers_to, href=f"/ontology/concept/un/{refers_to}", showAs=label)
    return meta


# ---------------------------------------------------------------- the record: votes, sponsors, SDGs, subjects

AKN4UN_NS = "http://un.org/akn4un"  # the UN's own elements, as its AKN files use them (``akn4un:voters``)
# A vote's code -> the ``count`` it is counted in, as the UN's files name them, and its label.
VOTE_COUNTS = {
    Vote.YES: ("inFavour", "In favour"),
    Vote.NO: ("against", "Against"),
    Vote.ABSTAIN: ("abstaining", "Abstaining"),
    Vote.NON_VOTING: ("nonVoting", "Non-voting"),
}
ADOPTION_OUTCOMES = {"recorded": "adoptedRecordedVote", "without": "adoptedWithoutVote"}


@dataclass
class Record:
    """A resolution's record as the AKN carries it in ``<meta>``."""

    votes: list[Vote]
    sponsors: list[Sponsor]
    goals: list[Goal]
    subjects: list[Subject]
    adoption: str  # "recorded", "without" or ""

    def states(self) -> dict[str, str]:
        """Every Member State named (voting or sponsoring): ISO code -> name, by code."""
        named = {vote.member_state.code: vote.member_state.name for vote in self.votes}
        named.update({s.member_state.code: s.member_state.name for s in self.sponsors if s.member_state})
        return dict(sorted(named.items()))


def read_record(resolution: Resolution) -> Record:
    votes = vote_list(resolution=resolution)
    return Record(
        votes,
        sponsor_list(resolution=resolution),
        goal_list(resolution=resolution),
        subject_list(resolution=resolution),
        adoption_of(resolution.metadata, len(votes)),
    )


def _state_id(code: str) -> str:
    return f"state_{code.lower()}"


def _record_meta(meta, resolution: Resolution, record: Record) -> None:
    """SDGs and subjects as ``classification`` keywords, the sponsors as the drafting ``workflow``, the adoption
    and every state's vote as the ``analysis`` of the voting: where and how the UN's AKN4UN files put them (so
    the archive's AKN importer reads them back)."""
    if record.goals or record.subjects:
        classification = _sub(meta, "classification", source="#archive")
        for goal in record.goals:
            _sub(classification, "keyword", value=str(goal.number), showAs=str(goal), dictionary="SDGO")
        for subject in record.subjects:
            value = subject.name.replace(" ", "_")
            _sub(classification, "keyword", value=value, showAs=subject.name, dictionary=subject.thesaurus)
    if record.sponsors:
        workflow = _sub(meta, "workflow", source="#archive")
        date = (resolution.adopted_on or resolution.created_at.date()).isoformat()
        for role, outcome in (
            (Sponsor.SPONSOR, "draftResolution"),
            (Sponsor.ADDITIONAL, "draftResolutionAdditionalSponsors"),
        ):
            names = [sponsor.name for sponsor in record.sponsors if sponsor.role == role]
            if names:
                _sub(workflow, "step", date=date, outcome=outcome, by=", ".join(names))
    if not record.adoption:
        return
    voting = _sub(_sub(_sub(meta, "analysis", source="#archive"), "parliamentary"), "voting")
    voting.set("outcome", ADOPTION_OUTCOMES[record.adoption])
    if not record.votes:
        _sub(voting, "quorum", value="")
        return
    for code, (refers_to, _) in VOTE_COUNTS.items():
        cast = [vote for vote in record.votes if vote.vote == code]
        count = _sub(voting, "count", value=str(len(cast)), refersTo=f"#{refers_to}")
        voters = etree.SubElement(count, f"{{{AKN4UN_NS}}}voters", nsmap={"akn4un": AKN4UN_NS})
        for vote in cast:
            _sub(voters, "organization", vote.member_state.name, refersTo=f"#{_state_id(vote.member_state.code)}")


def _cover(statement, resolution: Resolution) -> None:
    """The symbol, session, agenda item and committee as the UN's cover pages print them (the importer reads them)."""
    cover = _sub(statement, "coverPage")
    _sub(_sub(cover, "p"), "docNumber", resolution.symbol)
    _sub(_sub(cover, "p"), "session", resolution.session_label, value=resolution.session)
    if resolution.agenda_item:
        _sub(_sub(cover, "p"), "inline", f"Agenda item {resolution.agenda_item}", name="agenda item")
    if resolution.committee or resolution.report:
        proponent = _sub(_sub(cover, "p"), "docProponent")
        proponent.text = "Resolution adopted by the General Assembly"
        if resolution.report:
            proponent.text += " on the report of the "
            _sub(proponent, "inline", f"{resolution.report}", name="originating document")
            proponent[-1].tail = f" ({resolution.committee})" if resolution.committee else ""
        elif resolution.committee:
            proponent.text += f" ({resolution.committee})"


def _preface(statement, resolution: Resolution, text: Text) -> None:
    """The title, and the notes on it beside it (as the UN's files place them: in the preface, not the title)."""
    line = _sub(_sub(statement, "preface"), "p")
    _sub(line, "docTitle", resolution.title)
    for footnote in text.title_notes:
        _note(line, text, footnote)


def _conclusions(statement, resolution: Resolution) -> None:
    if not (resolution.meeting or resolution.adopted_on):
        return
    line = _sub(_sub(statement, "conclusions"), "p")
    if resolution.meeting:
        _sub(line, "inline", resolution.meeting, name="meeting")
    if resolution.adopted_on:
        if resolution.meeting:
            line[0].tail = " "
        printed = f"{resolution.adopted_on.day} {resolution.adopted_on:%B %Y}"
        _sub(line, "docDate", printed, date=resolution.adopted_on.isoformat())


# ---------------------------------------------------------------- the paragraphs


def _preamble(preamble, text: Text, paragraphs: list[Paragraph], formula: bool) -> None:
    """Preambular paragraphs as containers named by their opening phrase; their sub-items as a blockList."""
    if formula:
        _sub(_sub(preamble, "formula", name="enactingFormula"), "p", f"The {text.resolution.body.name},")
    for paragraph in paragraphs:
        container = _sub(preamble, "container", name=paragraph.opening_phrase or "paragraph", eId=paragraph.key)
        _rich(_sub(container, "p"), text, paragraph)
        items = _descendants(text, paragraph)
        if items:
            block_list = _sub(container, "blockList", eId=f"{paragraph.key}__list")
            for item in items:
                element = _sub(block_list, "item", eId=item.key)
                if item.number:
                    _sub(element, "num", item.number)
                _rich(_sub(element, "p"), text, item)


def _descendants(text: Text, paragraph: Paragraph) -> list[Paragraph]:
    found = []
    for child in text.children.get(paragraph.id, []):
        found += [child, *_descendants(text, child)]
    return found


def _main_body(body, text: Text, paragraphs: list[Paragraph], preambular_in_body: bool = False) -> None:
    """Operative paragraphs (and any unnumbered text among them) with their sub-paragraphs; with
    ``preambular_in_body``, the preambular paragraphs of later sections where they stand."""
    if not paragraphs:  # the schema wants a main body with something in it: an empty paragraph, read as nothing
        _sub(_sub(_sub(body, "paragraph"), "content"), "p")
    rows = _table_rows(text, paragraphs)
    for paragraph in paragraphs:
        if paragraph.id in rows:
            _table_row(body, text, paragraph)
            continue
        _headings(body, paragraph)
        if preambular_in_body and paragraph.kind == Paragraph.PREAMBULAR and not text.children.get(paragraph.id):
            _preambular_in_body(body, text, paragraph)
            continue
        _hierarchy(body, "paragraph", text, paragraph)


def _preambular_in_body(body, text: Text, paragraph: Paragraph) -> None:
    """A preambular paragraph among the operative ones, as the UN's files print one: a ``crossHeading`` that
    refers to the preamble (in an ``hcontainer``, where the main body may hold it)."""
    container = _sub(body, "hcontainer", name="preambularParagraph", eId=f"{paragraph.key}__container")
    _rich(_sub(container, "crossHeading", refersTo="#preamble", eId=paragraph.key), text, paragraph)


def _table_rows(text: Text, paragraphs: list[Paragraph]) -> set[int]:
    """The ids of the paragraphs read from table rows: unnumbered ones whose cells were joined by " | " (an
    empty first or last cell leaves the row starting "| " or ending " |"), and the one-cell rows among them (a
    group's name, a currency line): unnumbered operative text next to such a row."""

    def unnumbered(paragraph: Paragraph) -> bool:
        return bool(UNNUMBERED_KEY_RE.search(paragraph.key)) and not text.children.get(paragraph.id)

    def cells(paragraph: Paragraph) -> bool:
        content = paragraph.text
        return " | " in content or content.startswith("| ") or content.endswith(" |")

    if not paragraphs:
        return set()
    rows = {paragraph.id for paragraph in paragraphs if unnumbered(paragraph) and cells(paragraph)}
    for before, paragraph, after in zip([None, *paragraphs[:-1]], paragraphs, [*paragraphs[1:], None], strict=True):
        beside_a_row = (before is not None and before.id in rows) or (after is not None and after.id in rows)
        if beside_a_row and unnumbered(paragraph) and paragraph.kind == Paragraph.OPERATIVE and not paragraph.heading:
            rows.add(paragraph.id)
    return rows


def _cells(content: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a row's text, as ``" | ".join(cells)`` made it (the importer's reading)."""
    padded = (" " if content.startswith("| ") else "") + content + (" " if content.endswith(" |") else "")
    shift = -1 if content.startswith("| ") else 0
    spans, start = [], 0
    for cell in padded.split(" | "):
        spans.append((max(0, start + shift), max(0, min(len(content), start + shift + len(cell)))))
        start += len(cell) + 3
    return spans


def _hierarchy(parent, name: str, text: Text, paragraph: Paragraph) -> None:
    """A paragraph (or point) with its number; with sub-paragraphs, its text is the intro of their list."""
    element = _sub(parent, name, eId=paragraph.key)
    if paragraph.number:
        _sub(element, "num", paragraph.number)
    children = text.children.get(paragraph.id, [])
    if not children:
        _rich(_sub(_sub(element, "content"), "p"), text, paragraph)
        return
    listing = _sub(element, "list", eId=f"{paragraph.key}__list")
    _rich(_sub(_sub(listing, "intro"), "p"), text, paragraph)
    for child in children:
        _hierarchy(listing, "point", text, child)


def _headings(parent, paragraph: Paragraph) -> None:
    """The headings printed before a paragraph, one crossHeading each (in an ``hcontainer``, where the main body
    may hold one); a numbered one ("II. Follow-up") as its numeral and its words, as printed, so the sections
    it opens are read again."""
    lines = []
    for piece in (paragraph.heading or "").split(" — "):
        numbered = SECTION_HEADING_RE.match(piece.strip())
        lines += numbered.groups() if numbered else [piece.strip()]
    lines = [line for line in lines if line]
    if lines:
        container = _sub(parent, "hcontainer", name="crossHeading", eId=f"{paragraph.key}__heading")
        for line in lines:
            _sub(container, "crossHeading", line)


def _annex(attachment, resolution: Resolution, text: Text, part: str, paragraphs: list[Paragraph], index: int) -> None:
    """One annex as an attached ``doc``: its unnumbered opening as preamble, the rest as its main body."""
    doc = _sub(attachment, "doc", name="annex")
    _meta(doc, resolution, dt.date.today(), component=f"annex_{index}", references=False)
    preambular = []
    for paragraph in paragraphs:  # its opening, up to a number or a heading ("Article 1"), as its preamble
        if paragraph.kind != Paragraph.PREAMBULAR or paragraph.number or paragraph.heading:
            break
        preambular.append(paragraph)
    if preambular:
        _preamble(_sub(doc, "preamble"), text, preambular, formula=False)
    body = _sub(doc, "mainBody")
    rest = paragraphs[len(preambular) :]
    _main_body(body, text, rest)


def _table_row(body, text: Text, paragraph: Paragraph) -> None:
    """A table row, as printed: its cells (the row's text split where the importer joined them), each with the
    notes and citations that stand in it."""
    _headings(body, paragraph)
    row = _sub(_sub(body, "table", eId=paragraph.key), "tr")
    marks = text.marks.get(("paragraph", paragraph.id), [])
    for start, end in _cells(paragraph.text):
        inside = [
            replace(mark, start=mark.start - start, end=mark.end - start)
            for mark in marks
            if start <= mark.start and (mark.end <= end if mark.kind == "ref" else mark.start <= end)
        ]
        _lay(_sub(_sub(row, "td"), "p"), paragraph.text[start:end], inside, text)


# ---------------------------------------------------------------- text with notes and citations


def _rich(element, text: Text, paragraph: Paragraph) -> None:
    """The paragraph's text into ``element``, with its footnotes and citations where they stand."""
    _lay(element, paragraph.text, text.marks.get(("paragraph", paragraph.id), []), text)


def _note(parent, text: Text, footnote: Footnote):
    """A footnote as an ``authorialNote`` (its own citations as refs), appended to ``parent``."""
    note = _sub(parent, "authorialNote", marker=footnote.marker, placement="bottom", eId=f"fn_{footnote.order}")
    _lay(_sub(note, "p"), footnote.text, text.marks.get(("footnote", footnote.id), []), text)
    return note


def _lay(element, content: str, marks: list[Mark], text: Text) -> None:
    """``content`` into ``element``, marks laid over it in order: refs around their spans (an overlapping one
    is left out), notes and repeated markers at their offsets."""
    position, last = 0, None

    def add(piece: str) -> None:
        if not piece:
            return
        if last is None:
            element.text = (element.text or "") + piece
        else:
            last.tail = (last.tail or "") + piece

    for mark in _laid_out(marks, len(content)):
        add(content[position : mark.start])
        position = max(position, mark.start)
        if mark.kind == "ref":
            last = _sub(element, "ref", content[mark.start : mark.end], href=mark.href)
            position = mark.end
        elif mark.kind == "note":
            last = _note(element, text, mark.footnote)
        else:
            last = _sub(element, "sup", mark.footnote.marker)
    add(content[position:])


def _laid_out(marks: list[Mark], length: int) -> list[Mark]:
    """Marks in text order, without refs that overlap another or hold a note inside them."""
    notes = [mark for mark in marks if mark.kind != "ref"]
    refs: list[Mark] = []
    for mark in sorted((m for m in marks if m.kind == "ref"), key=lambda m: (m.start, -m.end)):
        if not (0 <= mark.start < mark.end <= length):
            continue
        if refs and mark.start < refs[-1].end:
            continue
        if any(mark.start < note.start < mark.end for note in notes):
            continue
        refs.append(mark)
    notes = [mark for mark in notes if 0 <= mark.start <= length]
    return sorted([*refs, *notes], key=lambda m: (m.start, m.kind == "ref"))
