"""The bulk files page and files (/bulk/): what export_bulk wrote, and nothing else."""

import csv
import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def bulk_dir(tmp_path, settings):
    settings.BULK_DIR = str(tmp_path / "bulk")
    return tmp_path / "bulk"


def test_before_any_export_the_page_says_so(client, bulk_dir):
    page = client.get("/bulk/").content.decode()
    assert "have not been written yet" in page
    assert client.get("/bulk/paragraphs.csv").status_code == 404


def test_serves_the_files_written(client, search_archive, bulk_dir):
    call_command("export_bulk", stdout=io.StringIO())
    page = client.get("/bulk/").content.decode()
    assert '<a href="/bulk/paragraphs.csv">paragraphs.csv</a>' in page
    response = client.get("/bulk/paragraphs.csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="paragraphs.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode(), newline="")))
    assert len(rows) == 11
    assert client.get("/bulk/README.md")["Content-Type"] == "text/markdown; charset=utf-8"


@pytest.mark.parametrize("name", ["secret.txt", "..", ".paragraphs.csv.partial", "manifest.json.bak"])
def test_no_other_file_is_served(client, search_archive, bulk_dir, name):
    call_command("export_bulk", stdout=io.StringIO())
    (bulk_dir / "secret.txt").write_text("no")
    assert client.get(f"/bulk/{name}").status_code == 404
