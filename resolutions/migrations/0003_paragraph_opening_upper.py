"""Search: the "opening phrase" filter (case-insensitive) narrows by index, not by reading every match."""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0002_search_exact_vectors_vocabulary"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="paragraph",
            index=models.Index(django.db.models.functions.text.Upper("opening_phrase"), name="paragraph_opening_upper"),
        ),
    ]
