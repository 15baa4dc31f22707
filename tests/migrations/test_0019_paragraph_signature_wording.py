"""Migration 0019 fills the wording and length of the signatures written before it."""

from importlib import import_module
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from resolutions.lineage.text import normalised
from resolutions.models import Paragraph, ParagraphSignature
from resolutions.store.imports import path_import

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "resolutions.json"
migration = import_module("resolutions.migrations.0019_paragraph_signature_wording")


def test_signatures_written_before_it_get_their_wording_and_keep_their_band_index(monkeypatch):
    path_import(path=FIXTURES)
    ParagraphSignature.objects.update(wording="", characters=0)  # as a signature written before 0019
    monkeypatch.setattr(migration, "CHUNK", 7)  # several chunks
    # The models as they stood at 0019, and the bands' GIN index they had (0023 removed it; the test's
    # transaction undoes these schema changes with the rest).
    apps = MigrationLoader(connection).project_state(("resolutions", migration.__name__.rsplit(".", 1)[1])).apps
    historical = apps.get_model("resolutions", "ParagraphSignature")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # an index is not built while deferred checks are pending
    with connection.schema_editor() as editor:
        editor.add_index(historical, next(i for i in historical._meta.indexes if i.name == "paragraph_signature_bands"))
    with connection.schema_editor() as editor:
        migration.fill_wordings(apps, editor)
    texts = dict(Paragraph.objects.values_list("pk", "text"))
    rows = list(ParagraphSignature.objects.values_list("paragraph_id", "wording", "characters"))
    assert len(rows) == len(texts) > 7
    assert all(wording == normalised(texts[pk]) and characters == len(wording) for pk, wording, characters in rows)
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, ParagraphSignature._meta.db_table)
    assert indexes["paragraph_signature_bands"]["type"] == "gin"
