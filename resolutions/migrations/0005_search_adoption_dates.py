"""Search: each paragraph and footnote carries its resolution's adoption date, for newest-first search.

"Newest first" over every match of a common word must not sort a quarter
of a million rows: with the date on the row and an index on (date DESC,
resolution DESC, order), PostgreSQL walks the index newest first, keeps the
rows that match and stops after one page; a resolution's hits come in
document order. Triggers keep the copy exact: a row takes the date of its
resolution when written (COPY included), and a change of a resolution's
date is carried to its rows.
"""

import django.db.models.expressions
from django.db import migrations, models

FORWARD = """
CREATE FUNCTION resolutions_copy_adoption_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT adopted_on INTO NEW.adopted_on FROM resolutions_resolution WHERE id = NEW.resolution_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER copy_adoption_date BEFORE INSERT OR UPDATE OF resolution_id, adopted_on ON resolutions_paragraph
    FOR EACH ROW EXECUTE FUNCTION resolutions_copy_adoption_date();
CREATE TRIGGER copy_adoption_date BEFORE INSERT OR UPDATE OF resolution_id, adopted_on ON resolutions_footnote
    FOR EACH ROW EXECUTE FUNCTION resolutions_copy_adoption_date();

CREATE FUNCTION resolutions_adoption_date_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE resolutions_paragraph SET adopted_on = NEW.adopted_on WHERE resolution_id = NEW.id;
    UPDATE resolutions_footnote SET adopted_on = NEW.adopted_on WHERE resolution_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER adoption_date_changed AFTER UPDATE OF adopted_on ON resolutions_resolution
    FOR EACH ROW WHEN (OLD.adopted_on IS DISTINCT FROM NEW.adopted_on)
    EXECUTE FUNCTION resolutions_adoption_date_changed();

UPDATE resolutions_paragraph AS p SET adopted_on = r.adopted_on
    FROM resolutions_resolution AS r WHERE r.id = p.resolution_id AND r.adopted_on IS NOT NULL;
UPDATE resolutions_footnote AS f SET adopted_on = r.adopted_on
    FROM resolutions_resolution AS r WHERE r.id = f.resolution_id AND r.adopted_on IS NOT NULL;
"""

BACKWARD = """
DROP TRIGGER adoption_date_changed ON resolutions_resolution;
DROP FUNCTION resolutions_adoption_date_changed();
DROP TRIGGER copy_adoption_date ON resolutions_paragraph;
DROP TRIGGER copy_adoption_date ON resolutions_footnote;
DROP FUNCTION resolutions_copy_adoption_date();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0004_search_data_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="paragraph",
            name="adopted_on",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="footnote",
            name="adopted_on",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.RunSQL(FORWARD, reverse_sql=BACKWARD),
        migrations.AddIndex(
            model_name="paragraph",
            index=models.Index(
                django.db.models.expressions.OrderBy(
                    django.db.models.expressions.F("adopted_on"), descending=True, nulls_last=True
                ),
                django.db.models.expressions.OrderBy(django.db.models.expressions.F("resolution_id"), descending=True),
                django.db.models.expressions.F("order"),
                name="paragraph_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="footnote",
            index=models.Index(
                django.db.models.expressions.OrderBy(
                    django.db.models.expressions.F("adopted_on"), descending=True, nulls_last=True
                ),
                django.db.models.expressions.OrderBy(django.db.models.expressions.F("resolution_id"), descending=True),
                django.db.models.expressions.F("order"),
                name="footnote_newest",
            ),
        ),
    ]
