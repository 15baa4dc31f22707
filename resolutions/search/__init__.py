"""Keyword search over paragraphs and footnotes, with a Tantivy index beside PostgreSQL.

By stage: ``query`` (analyse what was typed) -> ``compile`` (plan it as one
Tantivy query with field weights and filters) -> ``execute`` (rank every
match, count, page) -> ``highlight`` and ``suggest`` (did you mean); the
index itself: ``analysis`` (analysers), ``schema`` (fields and documents),
``source`` (rows from PostgreSQL), ``index`` (where it lives, its freshness,
its writers). ``references`` turns a query that is a citation into the page
it names.
"""

from resolutions.search.index import data_version

__all__ = ["data_version"]
