"""Search: unstemmed vectors for exact phrases, and the vocabulary for "did you mean".

- ``exact_vector`` (config 'simple': no stemming, stop words kept) on
  paragraphs and footnotes, stored and GIN-indexed like ``search_vector``, so
  a quoted phrase matches the words as written ("older persons" does not
  match "older person").
- ``pg_trgm`` and the ``resolutions_search_vocabulary`` materialized view:
  the archive's own words with the number of paragraphs using each, with a
  trigram index for similarity look-ups. Refreshed after imports by
  ``resolutions.search.refresh_vocabulary``.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

VOCABULARY_SQL = """
CREATE MATERIALIZED VIEW resolutions_search_vocabulary AS
SELECT words.lexeme AS word, count(*)::int AS documents
FROM (
    SELECT lexeme FROM resolutions_paragraph, unnest(exact_vector)
    UNION ALL
    SELECT lexeme FROM resolutions_resolution, unnest(to_tsvector('simple', title))
) AS words
WHERE words.lexeme ~ '^[[:alpha:]]{3,}$'
GROUP BY words.lexeme;
CREATE UNIQUE INDEX resolutions_search_vocabulary_word ON resolutions_search_vocabulary (word);
CREATE INDEX resolutions_search_vocabulary_trigram
    ON resolutions_search_vocabulary USING gin (word gin_trgm_ops);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0001_initial"),
    ]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name="paragraph",
            name="exact_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.SearchVector("text", config="simple"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddField(
            model_name="footnote",
            name="exact_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.SearchVector("text", config="simple"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="paragraph",
            index=django.contrib.postgres.indexes.GinIndex(fields=["exact_vector"], name="paragraph_exact_vector"),
        ),
        migrations.AddIndex(
            model_name="footnote",
            index=django.contrib.postgres.indexes.GinIndex(fields=["exact_vector"], name="footnote_exact_vector"),
        ),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.TextField(primary_key=True, serialize=False)),
                ("documents", models.IntegerField()),
            ],
            options={
                "db_table": "resolutions_search_vocabulary",
                "managed": False,
            },
        ),
        migrations.RunSQL(VOCABULARY_SQL, reverse_sql="DROP MATERIALIZED VIEW resolutions_search_vocabulary;"),
    ]
