"""An import killed between its database commits and its index commit: searches and did-you-mean keep answering
from what PostgreSQL committed, without a restart or another import (issue 17)."""

import json
import os
import signal
import subprocess
import sys

import pytest

from resolutions.models import IndexBacklog, Resolution
from resolutions.search import index
from tests.conftest import PROJECT, database_url

pytestmark = pytest.mark.django_db(transaction=True)

# ``manage.py ingest`` as it runs, but with the index committing only when the run ends (so the kill falls
# between the database's commits and the index's) and a pause while writing the third resolution's rows.
KILLED_INGEST = r"""
import sys, time
import django
django.setup()
from django.core.management import call_command
from resolutions.search import index
from resolutions.store import load as loading

index.COMMIT_EVERY_SECONDS = 3600
real_children_create = loading.children_create

def children_create(*, resolution, **options):
    real_children_create(resolution=resolution, **options)
    if resolution.symbol == sys.argv[2]:
        print("writing", resolution.symbol, flush=True)
        time.sleep(120)

loading.children_create = children_create
call_command("ingest", sys.argv[1])
"""


def source_with_words(tmp_path):
    """The seed resolutions, the first two with a word no other paragraph uses."""
    document = json.loads((PROJECT / "fixtures" / "resolutions.json").read_text())
    first, second = document["resolutions"][:2]
    first["paragraphs"][0]["text"] = "Recognizing the promise of hydroponics for food security,"
    second["paragraphs"][0]["text"] = "Recognizing the promise of aquaculture cooperatives for food security,"
    path = tmp_path / "seeds.json"
    path.write_text(json.dumps(document))
    return path, document["resolutions"][2]["symbol"]


def test_a_killed_ingest_leaves_search_and_did_you_mean_answering_what_was_committed(client, settings, tmp_path):
    settings.SEARCH_CACHE_SECONDS = 0
    settings.SEARCH_INDEX_WAIT_MS = 0
    index.ensure()  # an empty archive, indexed
    path, third = source_with_words(tmp_path)
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SEARCH_INDEX_DIR": settings.SEARCH_INDEX_DIR,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "PYTHONPATH": str(PROJECT),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_INGEST, str(path), third],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert any(line.startswith("writing") for line in iter(process.stdout.readline, "")), "never got midway"
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    committed = set(Resolution.objects.values_list("symbol", flat=True))
    assert len(committed) == 2 and third not in committed  # the third's transaction died with the process
    assert not index.status().fresh  # the index never got the run's commit

    found = client.get("/api/search", {"q": "hydroponics"})
    assert found.status_code == 200, found.content
    assert [hit["symbol"] for hit in found.json()["results"]] == ["A/RES/68/131"]
    misspelt = client.get("/api/search", {"q": "aquacultrue"})
    assert misspelt.status_code == 200 and misspelt.json()["suggestion"] == "aquaculture"
    page = client.get("/search/", {"q": "hydroponcs"})
    assert page.status_code == 200 and "hydroponics" in page.content.decode()  # did you mean, on the page
    assert index.status().fresh and not IndexBacklog.objects.exists()


def test_an_index_stale_for_another_reason_is_still_refused(client, settings):
    """Rows changed outside the store leave no backlog: the index cannot know what it lacks, so it refuses."""
    settings.SEARCH_CACHE_SECONDS = 0
    settings.SEARCH_INDEX_WAIT_MS = 0
    from resolutions.store.load import load_resolution
    from tests.conftest import make_resolution

    load_resolution(make_resolution())
    assert not IndexBacklog.objects.exists()  # the load's run indexed everything it wrote
    Resolution.objects.update(title="Changed behind the store's back")
    assert client.get("/api/search", {"q": "report"}).status_code == 503
