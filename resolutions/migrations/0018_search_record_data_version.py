"""Search: the resolution's record (votes, sponsors, SDGs, subjects) is searchable, so writing it advances the
data version too (``0004_search_data_version``): an index that does not hold the new record is then stale."""

from django.db import migrations

TABLES = [
    "resolutions_vote",
    "resolutions_sponsor",
    "resolutions_resolutiongoal",
    "resolutions_resolutionsubject",
    "resolutions_memberstate",
    "resolutions_goal",
    "resolutions_subject",
]

FORWARD = "".join(
    f"CREATE TRIGGER search_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
    " FOR EACH STATEMENT EXECUTE FUNCTION resolutions_search_data_changed();\n"
    for table in TABLES
)
BACKWARD = "".join(f"DROP TRIGGER search_data_changed ON {table};\n" for table in TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0017_lineage"),
    ]

    operations = [migrations.RunSQL(FORWARD, reverse_sql=BACKWARD)]
