"""Agreed language: the LSH bands of each distinct wording in a table of their own, under a btree on
(band, characters, text_hash), so that "where was this wording used before" finds its candidates, and leaves
out those whose length rules out a near repeat, inside that index (one entry per wording, however many
paragraphs repeat it) rather than visiting thousands of signature rows through the GIN index; and the
paragraphs of a wording read from an index on (text_hash, paragraph) alone.

The bands are filled here from the existing signatures (one signature per wording, its bands unnested, sorted
so that the index is written in order); ``manage.py lineage rebuild`` computes the same from scratch.
"""

from django.db import migrations, models

SIGNATURES = "resolutions_paragraphsignature"
BANDS = "resolutions_wordingband"


def fill_bands(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")  # one sort of every band, in memory
        cursor.execute(
            f"INSERT INTO {BANDS} (band, characters, text_hash)"
            " SELECT DISTINCT band, characters, text_hash"
            f" FROM (SELECT DISTINCT ON (text_hash) text_hash, characters, bands FROM {SIGNATURES}) AS w,"
            " unnest(w.bands) AS band ORDER BY 1, 2, 3"
        )
        cursor.execute(f"ANALYZE {BANDS}")


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0021_index_backlog"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="paragraphsignature",
            index=models.Index(fields=["text_hash", "paragraph"], name="paragraph_signature_hash"),
        ),
        migrations.AlterField(
            model_name="paragraphsignature",
            name="text_hash",
            field=models.BigIntegerField(),
        ),
        migrations.CreateModel(
            name="WordingBand",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "band", "characters", "text_hash", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("band", models.BigIntegerField()),
                ("characters", models.PositiveIntegerField()),
                ("text_hash", models.BigIntegerField()),
            ],
        ),
        migrations.RunPython(fill_bands, migrations.RunPython.noop, elidable=True),
    ]
