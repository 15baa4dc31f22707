"""A small OpenAPI 3.1 description of the JSON endpoints (served at /api/openapi.json).

It documents the search API for scripts, and drives the schemathesis fuzz
test (tests/test_fuzz.py), which checks that no generated request gives a 5xx.
"""

from __future__ import annotations

from resolutions.reference.bodies import BODIES
from resolutions.search.execute import max_page
from resolutions.search.query import MAX_QUERY_LENGTH

ERRORS = {
    "type": "object",
    "required": ["errors"],
    "properties": {"errors": {"type": "array", "items": {"type": "string"}}},
}
HIT = {
    "type": "object",
    "required": ["type", "symbol", "title", "highlight", "url"],
    "properties": {
        "type": {"type": "string", "enum": ["paragraph", "footnote"]},
        "symbol": {"type": "string"},
        "title": {"type": "string"},
        "body": {"type": "string"},
        "session": {"type": "string"},
        "adopted_on": {"type": ["string", "null"], "format": "date"},
        "paragraph": {"type": ["string", "null"]},
        "number": {"type": ["string", "null"]},
        "kind": {"type": ["string", "null"]},
        "footnote": {"type": ["string", "null"]},
        "highlight": {"type": "string", "description": "HTML: the text escaped, matches in <mark>"},
        "rank": {"type": "number"},
        "url": {"type": "string", "format": "uri"},
    },
}
SEARCH_RESULT = {
    "type": "object",
    "required": ["query"],
    "properties": {
        "query": {"type": "string"},
        "reference": {"type": "string", "format": "uri", "description": "set when the query is a citation"},
        "understood_as": {"type": "string"},
        "total": {"type": "integer", "minimum": 0, "description": "every match, counted exactly"},
        "ignored_words": {"type": "array", "items": {"type": "string"}, "description": "words with nothing to search"},
        "resolutions": {
            "type": ["integer", "null"],
            "minimum": 0,
            "description": "resolutions the hits are in: exact up to 5,000 hits; beyond, estimated when grouped, else null",
        },
        "resolutions_exact": {
            "type": "boolean",
            "description": "false: the number of resolutions is estimated or absent",
        },
        "deepest_hit": {"type": "integer", "description": "pages reach this many hits (SEARCH_MAX_HITS)"},
        "page": {"type": "integer"},
        "pages": {"type": "integer"},
        "results": {"type": "array", "items": HIT},
        "groups": {"type": "array"},
        "facets": {"type": "object", "description": "per facet, values with exact counts over every match"},
        "suggestion": {"type": ["string", "null"]},
        "removed_by_filters": {"type": "array"},
    },
}


def _parameter(name: str, schema: dict, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


def _search_parameters() -> list[dict]:
    """The query parameters of /api/search, as the search page takes them too."""
    return [
        _parameter("q", {"type": "string", "maxLength": MAX_QUERY_LENGTH}, "the query"),
        _parameter("body", {"type": "string", "enum": sorted(BODIES)}, "body code"),
        _parameter("session", {"type": "string"}, "session as the body numbers it"),
        _parameter("year_from", {"type": "integer"}, "adopted in or after"),
        _parameter("year_to", {"type": "integer"}, "adopted in or before"),
        _parameter("committee", {"type": "string"}, "main committee"),
        _parameter("kind", {"type": "string", "enum": ["preambular", "operative"]}, "paragraph kind"),
        _parameter("opening", {"type": "string"}, "opening phrase, e.g. Calls upon"),
        _parameter("cites", {"type": "string"}, "a cited symbol, e.g. A/RES/70/126"),
        _parameter("sort", {"type": "string", "enum": ["relevance", "date"]}, "order"),
        _parameter("view", {"type": "string", "enum": ["paragraphs", "resolutions"]}, "grouping"),
        _parameter(
            "page",
            {"type": "integer", "minimum": 1, "maximum": max_page()},
            "page number (grouped by resolution: fewer)",
        ),
    ]


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Resolutions Archive API",
            "version": "1",
            "description": "Paragraph-level full-text search of UN social-development resolutions.",
        },
        "paths": {
            "/api/search": {
                "get": {
                    "operationId": "search",
                    "summary": 'Search paragraphs and footnotes (web-search syntax: "phrases", OR, -word)',
                    "parameters": _search_parameters(),
                    "responses": {
                        "200": {"description": "results", "content": {"application/json": {"schema": SEARCH_RESULT}}},
                        "400": {"description": "bad parameters", "content": {"application/json": {"schema": ERRORS}}},
                        "503": {"description": "database unavailable", "content": {"text/html": {}}},
                    },
                }
            }
        },
    }
