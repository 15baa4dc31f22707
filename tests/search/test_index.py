"""The index beside PostgreSQL: kept in step by the loader, rebuilt from the database, refused when stale."""

import io
import shutil
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from resolutions.citations.found import ParsedCitation
from resolutions.models import Paragraph
from resolutions.search import index
from resolutions.store.load import load_resolution
from tests.conftest import PROJECT, database_url, make_resolution

pytestmark = pytest.mark.django_db


def api(client, q):
    return client.get("/api/search", {"q": q})


@pytest.fixture(autouse=True)
def computed(settings):
    settings.SEARCH_CACHE_SECONDS = 0
    settings.SEARCH_INDEX_WAIT_MS = 0


def test_the_loader_keeps_the_index_in_step(client):
    load_resolution(make_resolution())
    assert index.status().fresh
    assert api(client, "report").json()["total"] == 1
    changed = make_resolution(paragraphs=[p for p in make_resolution().paragraphs if p.key != "op1"], footnotes=[])
    load_resolution(changed)
    assert api(client, "report").json()["total"] == 0  # the old document went with the old row


def test_a_rebuild_from_the_database_gives_the_same_answers(client):
    load_resolution(make_resolution())
    load_resolution(make_resolution("A/RES/71/1", title="Another"))
    before = api(client, "calls OR report OR A/70/179").json()
    report = index.rebuild()
    assert report.documents == Paragraph.objects.count() + 2  # and the two footnotes
    assert api(client, "calls OR report OR A/70/179").json() == before


def test_a_stale_index_answers_503_then_ensure_rebuilds_it(client):
    load_resolution(make_resolution())
    Paragraph.objects.filter(key="op1").update(text="Takes note of the hydroponics report;")  # not through the loader
    response = api(client, "hydroponics")
    assert response.status_code == 503 and response["Retry-After"]
    assert "brought up to date" in response.json()["errors"][0]
    page = client.get("/search/", {"q": "hydroponics"})
    assert page.status_code == 503 and "brought up to date" in page.content.decode()
    with pytest.raises(Exception, match="does not match"):
        call_command("search_index", "status", stdout=io.StringIO())
    out = io.StringIO()
    call_command("search_index", "ensure", stdout=out)
    assert "rebuilt" in out.getvalue()
    assert api(client, "hydroponics").json()["total"] == 1


def test_a_missing_index_answers_503(client):
    load_resolution(make_resolution())
    shutil.rmtree(index.root())
    response = api(client, "report")
    assert response.status_code == 503 and "not been built" in response.json()["errors"][0]
    call_command("search_index", "ensure", stdout=io.StringIO())
    assert api(client, "report").json()["total"] == 1


def test_a_failed_import_leaves_database_and_index_as_they_were(client):
    load_resolution(make_resolution())
    broken = make_resolution(
        "A/RES/71/2", citations=[ParsedCitation("A/RES/70/1", "70/1", "resolution", 5, 5, paragraph_key="op1")]
    )
    with pytest.raises(IntegrityError):  # an empty citation span breaks a database constraint mid-write
        load_resolution(broken)
    response = api(client, "report")
    assert response.status_code == 200 and {hit["symbol"] for hit in response.json()["results"]} == {"A/RES/70/126"}


def test_an_ingest_run_indexes_as_it_goes():
    out = io.StringIO()
    call_command("ingest", str(PROJECT / "fixtures" / "resolutions.json"), stdout=out, stderr=io.StringIO())
    found = index.status()
    assert found.fresh and found.documents == Paragraph.objects.count() + 16  # the seeds' 16 footnotes
    out = io.StringIO()
    call_command("search_index", "verify", "social", "poverty OR hunger", stdout=out)
    assert out.getvalue().count("same:") == 2


@pytest.mark.django_db(transaction=True)
def test_an_import_is_visible_to_every_process_at_once():
    """Another process (a second gunicorn worker) with the index open sees a new import on its next search."""
    load_resolution(make_resolution())
    script = (
        "import django, sys; django.setup()\n"
        "from django.test import Client\n"
        "client = Client()\n"
        "for line in sys.stdin:\n"
        "    print(client.get('/api/search', {'q': line.strip()}).json().get('total'), flush=True)\n"
    )
    from django.conf import settings

    env = {
        "DATABASE_URL": database_url(),
        "SEARCH_INDEX_DIR": settings.SEARCH_INDEX_DIR,
        "SEARCH_CACHE_SECONDS": "0",
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "PATH": "/usr/bin:/bin",
        "DJANGO_DEBUG": "1",
    }
    worker = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=PROJECT, env=env
    )
    try:
        worker.stdin.write("hydroponics\n")
        worker.stdin.flush()
        assert worker.stdout.readline().strip() == "0"
        load_resolution(
            make_resolution(
                "A/RES/71/3",
                paragraphs=[
                    make_resolution()
                    .paragraphs[0]
                    .__class__("op1", "operative", "1", 1, "Studies hydroponics;", "Studies"),
                ],
            )
        )
        worker.stdin.write("hydroponics\n")
        worker.stdin.flush()
        assert worker.stdout.readline().strip() == "1"
    finally:
        worker.stdin.close()
        worker.wait(10)


def test_a_curators_edit_and_a_deletion_in_the_admin_are_searched_at_once(
    admin_client, client, django_capture_on_commit_callbacks
):
    from resolutions.models import Resolution

    load_resolution(make_resolution())
    resolution = Resolution.objects.get(symbol="A/RES/70/126")
    form = {
        "title": "Hydroponics for older persons",
        "adopted_on": "2015-12-17",
        "meeting": "",
        "report": "",
        "agenda_item": "",
        "committee": "",
        "metadata": "{}",
        "source_pin": "",
    }
    for prefix in ("sources", "paragraphs", "footnotes", "citations", "votes", "sponsors", "paragraph_versions"):
        form.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/resolutions/resolution/{resolution.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    found = api(client, "title:hydroponics")
    assert found.status_code == 200 and found.json()["total"] == 5  # its four paragraphs and its footnote
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/resolutions/resolution/{resolution.pk}/delete/", {"post": "yes"})
    assert api(client, "title:hydroponics").json()["total"] == 0
