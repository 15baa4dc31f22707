"""Search: the index backlog (``resolutions.models.search_index``), so an index left behind by a killed writer is
caught up from what PostgreSQL committed instead of answering 503 until the next import."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0019_paragraph_signature_wording"),
    ]

    operations = [
        migrations.CreateModel(
            name="IndexBacklog",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("resolution_id", models.BigIntegerField(db_index=True, null=True)),
            ],
            options={"verbose_name_plural": "index backlog"},
        ),
    ]
