"""A small archive whose record (adoption, votes, sponsors, SDGs, subjects) and texts give known answers."""

import datetime as dt

import pytest

from resolutions.ingest.document import ParsedFootnote, ParsedParagraph
from resolutions.ingest.document import Vote as ParsedVote
from resolutions.store.load import load_resolution
from tests.conftest import make_resolution


def paragraphs_of(*texts):
    return [ParsedParagraph(f"op{n}", "operative", str(n), n, text, text.split()[0]) for n, text in enumerate(texts, 1)]


@pytest.fixture
def record_archive():
    """Four resolutions; "development" is in 3 paragraphs of 70/1, 2 of 70/2 (one more in a footnote), 1 of
    70/3 and 1 of 70/4.

    - 70/1: recorded vote (France yes, Chile no, Japan abstains); sponsors France, Chile; SDGs 1, 10; subject
      SOCIAL DEVELOPMENT.
    - 70/2: recorded vote (France no, Chile no, Japan yes); sponsor France (listed twice: sponsor and
      additional); SDG 10; subjects SOCIAL DEVELOPMENT and HUMAN RIGHTS.
    - 70/3: without a vote (metadata); sponsor Japan; no SDG.
    - 70/4: the sources do not say how it was adopted; nothing else.
    """
    load_resolution(
        make_resolution(
            "A/RES/70/1",
            paragraphs=paragraphs_of(
                "Stresses development for all;", "Urges development finance;", "Notes social development;"
            ),
            footnotes=[],
            votes=[ParsedVote("FRANCE", "Y"), ParsedVote("CHILE", "N"), ParsedVote("JAPAN", "A")],
            metadata={
                "adoption_type": "By a recorded vote",
                "sponsors": ["FRANCE", "CHILE"],
                "SDGs": ["1", "10"],
                "subjects": [["SOCIAL DEVELOPMENT", "UNBIS Thesaurus"]],
            },
        )
    )
    load_resolution(
        make_resolution(
            "A/RES/70/2",
            adopted_on=dt.date(2016, 3, 1),
            paragraphs=paragraphs_of("Welcomes development cooperation;", "Calls for development aid;", "Decides."),
            footnotes=[ParsedFootnote("1", "Report on development.", "op3", 7)],
            votes=[ParsedVote("FRANCE", "N"), ParsedVote("CHILE", "N"), ParsedVote("JAPAN", "Y")],
            metadata={
                "sponsors": ["FRANCE"],
                "additional_sponsors": ["FRANCE"],
                "SDGs": ["10"],
                "subjects": [["SOCIAL DEVELOPMENT", "UNBIS Thesaurus"], ["HUMAN RIGHTS", "UNBIS Thesaurus"]],
            },
        )
    )
    load_resolution(
        make_resolution(
            "A/RES/70/3",
            paragraphs=paragraphs_of("Encourages development;", "Decides to remain seized."),
            footnotes=[],
            metadata={"adoption_type": "Without a vote", "sponsors": ["JAPAN"]},
        )
    )
    load_resolution(
        make_resolution("A/RES/70/4", paragraphs=paragraphs_of("Recognizes development needs;"), footnotes=[])
    )
