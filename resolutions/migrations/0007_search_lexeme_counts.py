"""Search: how many paragraphs hold each indexed word, for choosing how a search finds its matches.

``resolutions.search`` picks between the GIN index, reading the table in
order and taking a rare word's few matches first (see ``scan_budget``
and ``few_matches``). PostgreSQL's own statistics keep only the 1,000
commonest words of a column, so every other word -- most of what people
search for -- was a guess. This view counts every word of both vectors
(``english``: the stemmed ``search_vector``; ``simple``: the words as
written, ``exact_vector``), refreshed with the did-you-mean vocabulary after
imports (``resolutions.search.refresh_vocabulary``).
"""

from django.db import migrations

FORWARD = """
CREATE MATERIALIZED VIEW resolutions_search_lexemes AS
SELECT 'english'::text AS config, lexeme, count(*)::int AS paragraphs
FROM resolutions_paragraph, unnest(search_vector) GROUP BY lexeme
UNION ALL
SELECT 'simple'::text, lexeme, count(*)::int
FROM resolutions_paragraph, unnest(exact_vector) GROUP BY lexeme;
CREATE UNIQUE INDEX resolutions_search_lexemes_key ON resolutions_search_lexemes (config, lexeme);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0006_search_body_on_rows"),
    ]

    operations = [migrations.RunSQL(FORWARD, reverse_sql="DROP MATERIALIZED VIEW resolutions_search_lexemes;")]
