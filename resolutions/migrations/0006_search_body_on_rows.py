"""Search: each paragraph and footnote carries its resolution's body, for filtered search without a join.

A body filter over a join ("paragraphs of resolutions of the General
Assembly") made PostgreSQL walk the body's thousands of resolutions and
probe each one's paragraphs: 30-200 ms at a million paragraphs. With the
body on the row the filter is a comparison on the row PostgreSQL is already
reading, and the (body, date DESC, resolution DESC, order) index walks one
body's rows newest first. The triggers of migration 0005 now copy both
columns: a row takes its resolution's date and body when written (COPY
included), and a change of either on the resolution is carried to its rows.
"""

import django.db.models.deletion
import django.db.models.expressions
from django.db import migrations, models

FORWARD = """
CREATE OR REPLACE FUNCTION resolutions_copy_adoption_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT adopted_on, body_id INTO NEW.adopted_on, NEW.body_id FROM resolutions_resolution WHERE id = NEW.resolution_id;
    RETURN NEW;
END
$$;
DROP TRIGGER copy_adoption_date ON resolutions_paragraph;
DROP TRIGGER copy_adoption_date ON resolutions_footnote;
CREATE TRIGGER copy_adoption_date BEFORE INSERT OR UPDATE OF resolution_id, adopted_on, body_id ON resolutions_paragraph
    FOR EACH ROW EXECUTE FUNCTION resolutions_copy_adoption_date();
CREATE TRIGGER copy_adoption_date BEFORE INSERT OR UPDATE OF resolution_id, adopted_on, body_id ON resolutions_footnote
    FOR EACH ROW EXECUTE FUNCTION resolutions_copy_adoption_date();

CREATE OR REPLACE FUNCTION resolutions_adoption_date_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE resolutions_paragraph SET adopted_on = NEW.adopted_on, body_id = NEW.body_id WHERE resolution_id = NEW.id;
    UPDATE resolutions_footnote SET adopted_on = NEW.adopted_on, body_id = NEW.body_id WHERE resolution_id = NEW.id;
    RETURN NULL;
END
$$;
DROP TRIGGER adoption_date_changed ON resolutions_resolution;
CREATE TRIGGER adoption_date_changed AFTER UPDATE OF adopted_on, body_id ON resolutions_resolution
    FOR EACH ROW WHEN (OLD.adopted_on IS DISTINCT FROM NEW.adopted_on OR OLD.body_id IS DISTINCT FROM NEW.body_id)
    EXECUTE FUNCTION resolutions_adoption_date_changed();

UPDATE resolutions_paragraph AS p SET body_id = r.body_id FROM resolutions_resolution AS r WHERE r.id = p.resolution_id;
UPDATE resolutions_footnote AS f SET body_id = r.body_id FROM resolutions_resolution AS r WHERE r.id = f.resolution_id;
"""

BACKWARD = """
CREATE OR REPLACE FUNCTION resolutions_copy_adoption_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT adopted_on INTO NEW.adopted_on FROM resolutions_resolution WHERE id = NEW.resolution_id;
    RETURN NEW;
END
$$;
DROP TRIGGER copy_adoption_date ON resolutions_paragraph;
DROP TRIGGER copy_adoption_date ON resolutions_footnote;
CREATE TRIGGER copy_adoption_date BEFORE INSERT OR UPDATE OF resolution_id, adopted_on ON resolutions_paragraph
    FOR EACH ROW EXECUTE FUNCTION resolutions_copy_adoption_date();
CREATE TRIGGER copy_adoption_date BEFORE INSERT OR UPDATE OF resolution_id, adopted_on ON resolutions_footnote
    FOR EACH ROW EXECUTE FUNCTION resolutions_copy_adoption_date();

CREATE OR REPLACE FUNCTION resolutions_adoption_date_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE resolutions_paragraph SET adopted_on = NEW.adopted_on WHERE resolution_id = NEW.id;
    UPDATE resolutions_footnote SET adopted_on = NEW.adopted_on WHERE resolution_id = NEW.id;
    RETURN NULL;
END
$$;
DROP TRIGGER adoption_date_changed ON resolutions_resolution;
CREATE TRIGGER adoption_date_changed AFTER UPDATE OF adopted_on ON resolutions_resolution
    FOR EACH ROW WHEN (OLD.adopted_on IS DISTINCT FROM NEW.adopted_on)
    EXECUTE FUNCTION resolutions_adoption_date_changed();
"""


def newest_index(model_name: str) -> migrations.AddIndex:
    return migrations.AddIndex(
        model_name=model_name,
        index=models.Index(
            django.db.models.expressions.F("body"),
            django.db.models.expressions.OrderBy(
                django.db.models.expressions.F("adopted_on"), descending=True, nulls_last=True
            ),
            django.db.models.expressions.OrderBy(django.db.models.expressions.F("resolution_id"), descending=True),
            django.db.models.expressions.F("order"),
            name=f"{model_name}_body_newest",
        ),
    )


def body_field() -> models.ForeignKey:
    return models.ForeignKey(
        blank=True,
        db_constraint=False,
        db_index=False,
        editable=False,
        null=True,
        on_delete=django.db.models.deletion.DO_NOTHING,
        related_name="+",
        to="resolutions.body",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0005_search_adoption_dates"),
    ]

    operations = [
        migrations.AddField(model_name="paragraph", name="body", field=body_field()),
        migrations.AddField(model_name="footnote", name="body", field=body_field()),
        migrations.RunSQL(FORWARD, reverse_sql=BACKWARD),
        newest_index("paragraph"),
        newest_index("footnote"),
    ]
