"""The resolution's record in the index: how it was adopted, every state's vote, its sponsors, SDGs and subjects.

Each paragraph and footnote document carries its resolution's record, so the
search filters on it and counts it over every match like any other facet:

- ``adoption``: "recorded", "without" or "" (one value; also a part of the
  joined facet key, ``schema.FACET_KEY_PARTS``);
- ``state_vote``: one term per recorded vote, ``<ISO code>:<vote>``
  (``FRA:no``); indexed only, for the filter "where France voted no";
- ``record_facet``: one term per sponsoring state (``s:FRA``), SDG (``g:5``)
  and subject (``t:<slug>``): a multi-valued fast field, so that one terms
  aggregation counts the three facets exactly over every match.

The vote values of the URL (``yes``, ``no``, ``abstain``, ``non-voting``)
and the prefixes of ``record_facet`` are defined here only; ``source``
builds the same terms in SQL from ``VOTE_VALUES`` and ``RECORD_PREFIXES``.
"""

from __future__ import annotations

import tantivy

ADOPTIONS = [("recorded", "By a recorded vote"), ("without", "Without a vote")]
# The filter's vote value -> the code ``Vote.vote`` stores.
VOTE_VALUES = {"yes": "Y", "no": "N", "abstain": "A", "non-voting": ""}
VOTE_LABELS = {"yes": "Yes", "no": "No", "abstain": "Abstained", "non-voting": "Non-voting"}
# A facet of ``record_facet`` -> the prefix of its terms.
RECORD_PREFIXES = {"sponsor": "s:", "sdg": "g:", "subject": "t:"}
RECORD_FACETS = tuple(RECORD_PREFIXES)


def state_vote_term(code: str, vote: str) -> str:
    """``FRA:no``: the term of one state's vote (``vote`` is a key of ``VOTE_VALUES``)."""
    return f"{code.upper()}:{vote}"


def record_term(facet: str, value) -> str:
    return f"{RECORD_PREFIXES[facet]}{value}"


def filter_clauses(schema: tantivy.Schema, filters: dict) -> list[tantivy.Query]:
    """The record's filters among the validated search filters, as required index clauses."""
    clauses = []
    if filters.get("adoption"):
        clauses.append(tantivy.Query.term_query(schema, "adoption", filters["adoption"]))
    if filters.get("voter"):
        votes = [filters["vote"]] if filters.get("vote") else list(VOTE_VALUES)
        terms = [state_vote_term(filters["voter"], vote) for vote in votes]
        clauses.append(tantivy.Query.term_set_query(schema, "state_vote", terms))
    for facet in RECORD_FACETS:
        if filters.get(facet) not in (None, ""):
            clauses.append(tantivy.Query.term_query(schema, "record_facet", record_term(facet, filters[facet])))
    return clauses


def facet_aggregation(size: int) -> dict:
    """Sponsors, SDGs and subjects over every match: one terms aggregation over the multi-valued field."""
    return {"terms": {"field": "record_facet", "size": size, "segment_size": size}}


def split_facets(buckets) -> dict[str, list[tuple[str, int]]]:
    """The aggregation's buckets (``s:FRA``, ``g:5``...) as (value, count) per facet."""
    found: dict[str, list[tuple[str, int]]] = {facet: [] for facet in RECORD_FACETS}
    for bucket in buckets:
        for facet, prefix in RECORD_PREFIXES.items():
            if bucket["key"].startswith(prefix):
                found[facet].append((bucket["key"][len(prefix) :], bucket["doc_count"]))
                break
    return found
