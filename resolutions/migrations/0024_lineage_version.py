"""Agreed language: a version of its own, advanced after every write of series, links and signatures.

Cached pages that show agreed language (a paragraph's history, a comparison) are keyed by it beside the
search data version (``0004_search_data_version``). Those writes used to advance the search data version
itself, which made the search index look stale -- searches refused until the whole index was rebuilt --
though the index holds none of it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0023_signature_bands_unindexed")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE resolutions_lineage_version;",
            "DROP SEQUENCE resolutions_lineage_version;",
        )
    ]
