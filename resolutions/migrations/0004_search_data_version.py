"""Search: a data version that changes whenever searchable rows change, for caching search results.

A statement-level trigger (one call per INSERT/UPDATE/DELETE/TRUNCATE/COPY
statement, not per row, so bulk loads stay fast) advances a sequence;
sequences are not transactional and take no row lock, so concurrent imports
never wait on each other here. ``resolutions.search.data_version`` reads it.
"""

from django.db import migrations

TABLES = [
    "resolutions_body",
    "resolutions_resolution",
    "resolutions_paragraph",
    "resolutions_footnote",
    "resolutions_citation",
]

FORWARD = """
CREATE SEQUENCE resolutions_search_data_version;
CREATE FUNCTION resolutions_search_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('resolutions_search_data_version');
    RETURN NULL;
END
$$;
""" + "".join(
    f"CREATE TRIGGER search_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
    " FOR EACH STATEMENT EXECUTE FUNCTION resolutions_search_data_changed();\n"
    for table in TABLES
)

BACKWARD = (
    "".join(f"DROP TRIGGER search_data_changed ON {table};\n" for table in TABLES)
    + """
DROP FUNCTION resolutions_search_data_changed();
DROP SEQUENCE resolutions_search_data_version;
"""
)


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0003_paragraph_opening_upper"),
    ]

    operations = [migrations.RunSQL(FORWARD, reverse_sql=BACKWARD)]
