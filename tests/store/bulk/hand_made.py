"""Hand-made parsed resolutions for the bulk load and the scale corpus: templates whose citations, footnotes,
votes and sub-paragraphs all travel."""

from resolutions.citations.found import ParsedCitation
from resolutions.ingest.document import ParsedFootnote, ParsedParagraph, Vote
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
