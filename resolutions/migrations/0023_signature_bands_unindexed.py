"""The signatures' GIN index on their bands goes: "used before" finds candidates in the band table
(``WordingBand``, migration 0022), and nothing reads the bands by overlap any more (1.1 GB at 1M paragraphs).
The bands stay on each signature: the band table is filled from them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0022_wording_bands"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="paragraphsignature", name="paragraph_signature_bands"),
    ]
