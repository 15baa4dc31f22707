"""The CSV and JSON Lines writers: parsed back by csv and json, and written chunk by chunk as rows come."""

import csv
import datetime as dt
import io
import json

from resolutions.exports import tabular

FIELDS = ("symbol", "adopted_on", "text", "metadata")
ROWS = [
    ("A/RES/70/126", dt.date(2015, 12, 17), 'Says "yes",\nthen no;', {"sdgs": [1, 10]}),
    ("E/RES/2010/12", None, "Plain", {}),
]


def test_csv_parses_back():
    text = "".join(tabular.csv_chunks(FIELDS, ROWS))
    header, first, second = list(csv.reader(io.StringIO(text, newline="")))
    assert header == list(FIELDS)
    assert first == ["A/RES/70/126", "2015-12-17", 'Says "yes",\nthen no;', '{"sdgs": [1, 10]}']
    assert second == ["E/RES/2010/12", "", "Plain", "{}"]


def test_jsonl_parses_back():
    lines = "".join(tabular.jsonl_chunks(FIELDS, ROWS)).splitlines()
    assert [json.loads(line) for line in lines] == [
        {
            "symbol": "A/RES/70/126",
            "adopted_on": "2015-12-17",
            "text": 'Says "yes",\nthen no;',
            "metadata": {"sdgs": [1, 10]},
        },
        {"symbol": "E/RES/2010/12", "adopted_on": None, "text": "Plain", "metadata": {}},
    ]


def test_chunks_are_written_while_the_rows_are_still_coming(monkeypatch):
    monkeypatch.setattr(tabular, "CHUNK_CHARACTERS", 10)
    read = []

    def rows():
        for number in range(1000):
            read.append(number)
            yield (str(number), None, "text", {})

    chunks = tabular.csv_chunks(FIELDS, rows())
    assert next(chunks).startswith("symbol,")  # the header, before any row is read
    assert read == []
    next(chunks)
    assert len(read) == 1  # one row read for one chunk: never the whole file at once
