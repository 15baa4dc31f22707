"""What a built corpus measures: its size on disk, and how common its common words are."""

from __future__ import annotations

from collections.abc import Iterable

import tantivy
from django.db import connection

from resolutions.models import Paragraph
from resolutions.search import compile, execute, index, query
from resolutions.search.schema import schema
from resolutions.store.bulk.load import LOADED_TABLES

COMMON_WORDS = ("social", "development")


def database_sizes() -> dict[str, int]:
    """Bytes: the whole database, each loaded table (heap + TOAST), and each of their indexes."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        sizes = {"database": cursor.fetchone()[0]}
        cursor.execute(
            """
            SELECT c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid)
            FROM pg_class c WHERE c.relname = ANY(%s)
            """,
            [list(LOADED_TABLES)],
        )
        for table, table_bytes, index_bytes in cursor.fetchall():
            sizes[f"table {table}"] = table_bytes
            sizes[f"indexes {table}"] = index_bytes
        cursor.execute(
            """
            SELECT x.relname, pg_relation_size(x.oid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
            WHERE c.relname = ANY(%s) ORDER BY pg_relation_size(x.oid) DESC
            """,
            [list(LOADED_TABLES)],
        )
        for name, index_bytes in cursor.fetchall():
            sizes[f"index {name}"] = index_bytes
    return sizes


def word_shares(words: Iterable[str]) -> dict[str, float]:
    """The share of paragraphs that hold each word (stemmed), as the search index counts them."""
    searcher, total = index.searcher(), Paragraph.objects.count() or 1
    paragraphs = tantivy.Query.term_query(schema(), "hit", "paragraph")
    shares = {}
    for word in words:
        matches = compile.plan(query.parse(word)).matches
        both = tantivy.Query.boolean_query([(tantivy.Occur.Must, matches), (tantivy.Occur.Must, paragraphs)])
        shares[word] = round(execute.total(searcher, both) / total, 4)
    return shares
