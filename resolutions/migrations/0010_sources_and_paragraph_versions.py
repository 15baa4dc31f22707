"""Every source of a resolution kept (format, hash, when and where from), and replaced paragraph texts kept.

Resolutions imported before have one source, the one that gave their text:
it is recorded from their ``source_*`` fields, dated by their last update.
"""

import django.db.models.deletion
from django.db import migrations, models


def record_existing_sources(apps, schema_editor):
    Resolution = apps.get_model("resolutions", "Resolution")
    ResolutionSource = apps.get_model("resolutions", "ResolutionSource")
    ResolutionSource.objects.bulk_create(
        ResolutionSource(
            resolution_id=row["id"],
            name=row["source_name"],
            format=row["source_format"],
            sha256=row["source_sha256"],
            imported_at=row["updated_at"],
        )
        for row in Resolution.objects.values("id", "source_name", "source_format", "source_sha256", "updated_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0009_search_in_tantivy"),
    ]

    operations = [
        migrations.CreateModel(
            name="ParagraphVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=40)),
                ("text", models.TextField()),
                ("successor", models.CharField(blank=True, max_length=40, verbose_name="moved to key")),
                ("replaced_at", models.DateTimeField(verbose_name="replaced")),
                ("replaced_by", models.CharField(max_length=255, verbose_name="replaced by source")),
                (
                    "resolution",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="paragraph_versions",
                        to="resolutions.resolution",
                    ),
                ),
            ],
            options={
                "ordering": ["resolution", "key", "-replaced_at"],
                "indexes": [models.Index(fields=["resolution", "key"], name="paragraph_version_key")],
            },
        ),
        migrations.CreateModel(
            name="ResolutionSource",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=255, verbose_name="file name")),
                ("origin", models.CharField(blank=True, max_length=500, verbose_name="where from")),
                ("format", models.CharField(max_length=32)),
                ("sha256", models.CharField(max_length=64, verbose_name="SHA-256")),
                ("imported_at", models.DateTimeField(verbose_name="imported")),
                (
                    "resolution",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="sources", to="resolutions.resolution"
                    ),
                ),
            ],
            options={
                "verbose_name": "source",
                "ordering": ["resolution", "imported_at"],
                "constraints": [
                    models.UniqueConstraint(fields=("resolution", "sha256"), name="source_unique_per_resolution")
                ],
            },
        ),
        migrations.RunPython(record_existing_sources, migrations.RunPython.noop),
    ]
