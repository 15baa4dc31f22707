"""The bulk load's procedure (``resolutions.store.bulk.load``), on small hand-made sizes."""

import pytest
from django.db import connection

from resolutions.models import Resolution
from resolutions.store.bulk.load import bulk_load
from resolutions.store.bulk.schema import marker_path, secondary_schema
from tests.store.bulk.hand_made import templates


def schema_now():
    with connection.cursor() as cursor:
        return sorted(secondary_schema(cursor), key=lambda item: item.name)


@pytest.mark.django_db(transaction=True)
def test_an_interrupted_load_is_repaired_by_the_next_one():
    before = schema_now()

    def failing():
        yield from templates(2)
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError, match="killed"):
        bulk_load(failing())
    marker = marker_path(connection.settings_dict["NAME"])
    assert marker.exists()
    assert not any(item.name == "paragraph_unique_key" for item in schema_now())

    bulk_load(templates(2))
    assert schema_now() == before and not marker.exists()
    assert Resolution.objects.count() == 2


def stored_rows() -> dict[str, list]:
    """Every row a load writes, without the ids, dates and origins that differ between two loads."""
    from resolutions.models import Citation, Footnote, FootnoteReference, Paragraph, ResolutionSource, Vote

    return {
        "resolutions": list(
            Resolution.objects.values_list("symbol", "title", "metadata", "content_hash", "source_pin")
        ),
        "paragraphs": list(Paragraph.objects.order_by("order").values_list("key", "parent__key", "text")),
        "footnotes": list(Footnote.objects.values_list("marker", "order", "paragraph__key", "offset", "text")),
        "footnote places": list(FootnoteReference.objects.values_list("footnote__marker", "paragraph__key", "offset")),
        "citations": list(
            Citation.objects.order_by("start").values_list("paragraph__key", "footnote__marker", "target__symbol")
        ),
        "votes": list(Vote.objects.order_by("member_state__name").values_list("member_state__name", "vote")),
        "sources": list(ResolutionSource.objects.values_list("name", "format", "sha256")),
    }


@pytest.mark.django_db(transaction=True)
def test_the_bulk_load_stores_what_the_per_resolution_load_stores():
    from resolutions.ingest.document import FootnotePlace
    from resolutions.store.load import load_resolution

    def parsed():
        (made,) = templates(1)
        made.footnotes[0].further_places = [FootnotePlace("op3", 5)]
        return made

    load_resolution(parsed())
    one_by_one = stored_rows()
    report = bulk_load([parsed()])
    assert stored_rows() == one_by_one
    assert one_by_one["footnote places"] == [("1", "op3", 5)] and report.footnote_places == 1


def every_language_rows() -> dict[str, list]:
    from resolutions.models import Citation, Expression, Footnote, Paragraph, ResolutionSource

    return {
        "expressions": sorted(Expression.objects.values_list("language", "title", "source_sha256", "content_hash")),
        "paragraphs": list(
            Paragraph.all_languages.order_by("language", "order").values_list("language", "key", "text")
        ),
        "footnotes": list(
            Footnote.all_languages.order_by("language", "order").values_list("language", "marker", "paragraph__key")
        ),
        "citations": list(
            Citation.all_languages.order_by("language", "start").values_list(
                "language", "paragraph__key", "target_symbol"
            )
        ),
        "sources": sorted(ResolutionSource.objects.values_list("language", "sha256")),
    }


@pytest.mark.django_db(transaction=True)
def test_the_bulk_load_stores_each_language_of_a_resolution_as_the_per_resolution_load_does():
    from resolutions.ingest.document import SourceInfo
    from resolutions.store.load import load_resolution

    def both():
        (english,) = templates(1)
        (french,) = templates(1)
        french.language, french.title = "fr", "Titre en français"
        french.source = SourceInfo(name="french.xml", format="akn", sha256="f" * 64)
        for paragraph in french.paragraphs:
            paragraph.text = f"(fr) {paragraph.text}"
        french.votes = []
        return [english, french]

    for parsed in both():
        load_resolution(parsed)
    one_by_one = every_language_rows()
    bulk_load(both())
    assert every_language_rows() == one_by_one
    assert {row[0] for row in one_by_one["paragraphs"]} == {"en", "fr"}
    with pytest.raises(ValueError, match="appears twice in the language 'fr'"):
        bulk_load([*both(), both()[1]])
