"""Migration 0022 fills the bands of every distinct wording from the signatures written before it."""

from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection

from resolutions.models import ParagraphSignature, WordingBand
from resolutions.store.imports import path_import

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "resolutions.json"
migration = import_module("resolutions.migrations.0022_wording_bands")


def test_signatures_written_before_it_get_the_bands_of_each_wording_once():
    path_import(path=FIXTURES)
    expected = sorted(
        {
            (band, characters, text_hash)
            for text_hash, characters, bands in ParagraphSignature.objects.values_list(
                "text_hash", "characters", "bands"
            )
            for band in bands
        }
    )
    WordingBand.objects.all().delete()  # as the archive stood before 0022
    with connection.schema_editor() as editor:
        migration.fill_bands(apps, editor)
    assert sorted(WordingBand.objects.values_list("band", "characters", "text_hash")) == expected
    wordings = ParagraphSignature.objects.values("text_hash").distinct().count()
    assert wordings < ParagraphSignature.objects.count()  # repeated wordings are kept once
    assert WordingBand.objects.values("text_hash").distinct().count() == wordings
