"""A vote's Member State is now the foreign key filled by 0013; the string column goes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0013_votes_sponsors_subjects_as_rows")]

    operations = [
        migrations.RemoveField(model_name="vote", name="member_state"),
        migrations.RenameField(model_name="vote", old_name="state", new_name="member_state"),
        migrations.AlterField(
            model_name="vote",
            name="member_state",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="votes",
                to="resolutions.memberstate",
                verbose_name="Member State",
            ),
        ),
        migrations.AlterModelOptions(
            name="vote",
            options={"ordering": ["resolution", "member_state__name"], "verbose_name": "recorded vote"},
        ),
        migrations.AddConstraint(
            model_name="vote",
            constraint=models.UniqueConstraint(fields=("resolution", "member_state"), name="vote_unique_member_state"),
        ),
    ]
