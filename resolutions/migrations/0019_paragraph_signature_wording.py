"""Agreed language: a paragraph's signature keeps its normalised wording and that wording's length, so that
"where was this wording used before" scores the candidates it reads without joining the paragraphs or
normalising them per request, and lets the database leave out those whose length rules out a near repeat.

The existing signatures are filled here (the wording as ``resolutions.lineage.text.normalised`` gives it),
a chunk of paragraphs at a time through a temporary table and one UPDATE, with the bands' GIN index dropped
for the update and built again after it (every row is rewritten: maintaining the index row by row is far
slower than building it once). ``manage.py lineage rebuild`` computes the same from scratch.
"""

from django.db import migrations, models

from resolutions.lineage.text import normalised

CHUNK = 20_000
SIGNATURES = "resolutions_paragraphsignature"


def fill_wordings(apps, schema_editor):
    ParagraphSignature = apps.get_model("resolutions", "ParagraphSignature")
    index = next(i for i in ParagraphSignature._meta.indexes if i.name == "paragraph_signature_bands")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {SIGNATURES})")
        if not cursor.fetchone()[0]:
            return
        cursor.execute(
            "CREATE TEMPORARY TABLE lineage_wording (paragraph_id integer PRIMARY KEY, wording text NOT NULL,"
            " characters integer NOT NULL) ON COMMIT DROP"
        )
        last = 0
        while True:
            cursor.execute(
                f"SELECT s.paragraph_id, p.text FROM {SIGNATURES} AS s JOIN resolutions_paragraph AS p"
                " ON p.id = s.paragraph_id WHERE s.paragraph_id > %s ORDER BY s.paragraph_id LIMIT %s",
                [last, CHUNK],
            )
            rows = cursor.fetchall()
            if not rows:
                break
            last = rows[-1][0]
            with cursor.copy("COPY lineage_wording (paragraph_id, wording, characters) FROM STDIN") as copy:
                for pk, text in rows:
                    wording = normalised(text)
                    copy.write_row((pk, wording, len(wording)))
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # an index is not rebuilt while deferred checks are pending
        schema_editor.remove_index(ParagraphSignature, index)
        cursor.execute(
            f"UPDATE {SIGNATURES} AS s SET wording = w.wording, characters = w.characters"
            " FROM lineage_wording AS w WHERE w.paragraph_id = s.paragraph_id"
        )
        schema_editor.add_index(ParagraphSignature, index)
        cursor.execute(f"ANALYZE {SIGNATURES}")


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0018_search_record_data_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="paragraphsignature",
            name="wording",
            field=models.TextField(default=""),
        ),
        migrations.AddField(
            model_name="paragraphsignature",
            name="characters",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(fill_wordings, migrations.RunPython.noop, elidable=True),
    ]
