"""Six official languages: a resolution's text in each language (``Expression``), every text row in one language.

Paragraphs, footnotes, citations, replaced paragraph texts and sources gain a ``language`` (English for every row
held so far); paragraph keys and orders are unique within one language of a resolution. Every resolution held
gets its English expression, copied from its record (title, source, content hash).
"""

import django.db.models.deletion
from django.db import migrations, models

LANGUAGE_CHOICES = [
    ("ar", "Arabic"),
    ("zh", "Chinese"),
    ("en", "English"),
    ("fr", "French"),
    ("ru", "Russian"),
    ("es", "Spanish"),
]
OFFICIAL = ["ar", "zh", "en", "fr", "ru", "es"]


def _language_field():
    return models.CharField(choices=LANGUAGE_CHOICES, default="en", max_length=8)


def _official(name):
    return models.CheckConstraint(condition=models.Q(language__in=OFFICIAL), name=name)


EXPRESSIONS_FROM_RECORDS = """
INSERT INTO resolutions_expression
    (resolution_id, language, title, source_name, source_format, source_sha256, content_hash, created_at, updated_at)
SELECT id, language, title, source_name, source_format, source_sha256, content_hash, created_at, updated_at
FROM resolutions_resolution
"""


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0015_source_content_footnote_italics")]

    operations = [
        migrations.AlterField(model_name="resolution", name="language", field=_language_field()),
        migrations.AddConstraint(model_name="resolution", constraint=_official("resolution_official_language")),
        migrations.CreateModel(
            name="Expression",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", _language_field()),
                ("title", models.TextField()),
                ("source_name", models.CharField(max_length=255, verbose_name="source file")),
                ("source_format", models.CharField(max_length=32, verbose_name="source format")),
                ("source_sha256", models.CharField(max_length=64, verbose_name="source SHA-256")),
                ("content_hash", models.CharField(max_length=64, verbose_name="content hash")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "resolution",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="expressions",
                        to="resolutions.resolution",
                    ),
                ),
            ],
            options={
                "verbose_name": "text in a language",
                "verbose_name_plural": "texts in each language",
                "ordering": ["resolution", "language"],
                "constraints": [
                    models.UniqueConstraint(fields=("resolution", "language"), name="expression_one_per_language"),
                    _official("expression_official_language"),
                ],
            },
        ),
        migrations.RunSQL(EXPRESSIONS_FROM_RECORDS, reverse_sql=migrations.RunSQL.noop),
        # Paragraphs: a language, keys and orders unique within it.
        migrations.AddField(model_name="paragraph", name="language", field=_language_field()),
        migrations.RemoveConstraint(model_name="paragraph", name="paragraph_unique_key"),
        migrations.RemoveConstraint(model_name="paragraph", name="paragraph_unique_order"),
        migrations.AddConstraint(
            model_name="paragraph",
            constraint=models.UniqueConstraint(fields=("resolution", "language", "key"), name="paragraph_unique_key"),
        ),
        migrations.AddConstraint(
            model_name="paragraph",
            constraint=models.UniqueConstraint(
                fields=("resolution", "language", "order"), name="paragraph_unique_order"
            ),
        ),
        migrations.AddConstraint(model_name="paragraph", constraint=_official("paragraph_official_language")),
        # Footnotes.
        migrations.AddField(model_name="footnote", name="language", field=_language_field()),
        migrations.RemoveConstraint(model_name="footnote", name="footnote_unique_order"),
        migrations.AddConstraint(
            model_name="footnote",
            constraint=models.UniqueConstraint(
                fields=("resolution", "language", "order"), name="footnote_unique_order"
            ),
        ),
        migrations.AddConstraint(model_name="footnote", constraint=_official("footnote_official_language")),
        # Citations: the language of the text they are printed in.
        migrations.AddField(model_name="citation", name="language", field=_language_field()),
        migrations.AddConstraint(model_name="citation", constraint=_official("citation_official_language")),
        # Replaced paragraph texts: per language.
        migrations.AddField(model_name="paragraphversion", name="language", field=_language_field()),
        migrations.RemoveIndex(model_name="paragraphversion", name="paragraph_version_key"),
        migrations.AddIndex(
            model_name="paragraphversion",
            index=models.Index(fields=["resolution", "language", "key"], name="paragraph_version_key"),
        ),
        migrations.AddConstraint(
            model_name="paragraphversion", constraint=_official("paragraph_version_official_language")
        ),
        # Sources: the language of the text each holds.
        migrations.AddField(model_name="resolutionsource", name="language", field=_language_field()),
        migrations.AddConstraint(model_name="resolutionsource", constraint=_official("source_official_language")),
        # The default managers read English (``resolutions.models.languages``).
        migrations.AlterModelOptions(
            name="paragraph", options={"default_manager_name": "objects", "ordering": ["resolution", "order"]}
        ),
        migrations.AlterModelOptions(
            name="footnote", options={"default_manager_name": "objects", "ordering": ["resolution", "order"]}
        ),
        migrations.AlterModelOptions(
            name="citation", options={"default_manager_name": "objects", "ordering": ["resolution", "id"]}
        ),
        migrations.AlterModelOptions(
            name="paragraphversion",
            options={"default_manager_name": "objects", "ordering": ["resolution", "key", "-replaced_at"]},
        ),
    ]
