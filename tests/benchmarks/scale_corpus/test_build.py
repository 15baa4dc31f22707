"""The whole build of a scale corpus (``benchmarks.scale_corpus.build``), at a small hand-made size."""

import pytest
from django.db import connection

from benchmarks.scale_corpus.build import build
from benchmarks.scale_corpus.recombine import SYNTHETIC_FORMAT
from resolutions.models import Citation, Footnote, Paragraph, Resolution
from resolutions.models import Vote as VoteRow
from resolutions.search import index
from resolutions.store.bulk.schema import marker_path
from tests.store.bulk.hand_made import templates
from tests.store.bulk.test_load import schema_now


@pytest.mark.django_db(transaction=True)
def test_bulk_load_writes_every_row_and_leaves_the_schema_as_migrated():
    before = schema_now()
    assert any(item.name == "paragraph_unique_key" for item in before)
    real = templates()
    report = build(None, 2_000, seed=1, templates=real)

    load = report.load
    assert load.paragraphs >= 2_000 and Paragraph.objects.count() == load.paragraphs
    assert Resolution.objects.count() == load.resolutions == len(real) + report.synthetic_resolutions
    assert Resolution.objects.filter(source_format=SYNTHETIC_FORMAT).count() == report.synthetic_resolutions
    assert Footnote.objects.count() == load.footnotes and Citation.objects.count() == load.citations
    assert VoteRow.objects.count() == load.votes == 2 * load.resolutions
    assert schema_now() == before
    assert set(load.rebuilt) == {item.name for item in before}
    assert not marker_path(connection.settings_dict["NAME"]).exists()

    # Parents, footnotes and citations point at the right rows; citation targets are resolved.
    sub = Paragraph.objects.select_related("parent", "resolution").filter(key="op7a").first()
    assert sub.parent.key == "op7" and sub.parent.resolution_id == sub.resolution_id
    for note in Footnote.objects.select_related("paragraph")[:50]:
        assert note.paragraph.resolution_id == note.resolution_id
    assert Citation.objects.filter(target_symbol="A/RES/70/1", target__symbol="A/RES/70/1").exists()
    assert not Citation.objects.filter(target_symbol="A/RES/70/1", target__isnull=True).exists()
    assert report.word_shares["social"] > 0.5
    # The search index was rebuilt from the loaded rows: it matches the database, document for document.
    found = index.status()
    assert found.fresh and found.documents == Paragraph.objects.count() + Footnote.objects.count()

    # Sequences moved past the loaded ids: the ordinary loader still works.
    resolution = Resolution.objects.get(symbol="A/RES/70/1")
    Paragraph.objects.create(resolution=resolution, key="op99", kind="operative", order=99, text="New.")


@pytest.mark.django_db(transaction=True)
def test_a_text_in_another_language_given_before_its_english_one_is_loaded_and_never_recombined():
    """The real corpus lists a resolution's French file before its English one: the build puts English first,
    and generates English resolutions from English paragraphs only."""
    import dataclasses

    real = templates()
    french = dataclasses.replace(
        real[0],
        language="fr",
        source=dataclasses.replace(real[0].source, sha256="f" * 64),
        paragraphs=[dataclasses.replace(p, text="Texte français " + p.text) for p in real[0].paragraphs],
    )
    report = build(None, 600, seed=1, templates=[french, *real])

    assert report.synthetic_resolutions > 0
    assert Paragraph.all_languages.filter(language="fr").count() == len(french.paragraphs)
    generated = Paragraph.all_languages.filter(resolution__source_format=SYNTHETIC_FORMAT)
    assert not generated.exclude(language="en").exists()
    assert not generated.filter(text__startswith="Texte français").exists()
