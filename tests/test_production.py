"""Production settings, health, faults and security headers."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.utils import OperationalError
from django.test import Client

from archive.environment import read_environment

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k3Y-" + "9fQ2xLw7pZ4vR8sT1uN6yB3mC5dE0gH" * 2,
    "DJANGO_ALLOWED_HOSTS": "archive.example.org",
    "DJANGO_SSL_REDIRECT": "1",
    "DJANGO_BEHIND_TLS_PROXY": "1",
    "DJANGO_HSTS_PRELOAD": "1",
}


def run_manage(*args, env=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def readme_production_environment() -> dict[str, str]:
    """The variables the README's "Deployment" block exports, the secret generated as it says."""
    section = (PROJECT / "README.md").read_text().split("## Deployment", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    environment = {"DJANGO_DEBUG": "0"}  # what docker-compose.yml sets for the web service
    for line in block.splitlines():
        if line.startswith("export "):
            for name, value in re.findall(r"(\w+)=(\$\(.*?\)\)|\S+)", line.split("#")[0]):
                environment[name] = "r-" + "Xb8kQ2mV9pL4" * 5 if value.startswith("$(") else value
    return environment


def test_check_deploy_passes_with_the_readme_production_environment():
    environment = readme_production_environment()
    assert {"DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"} <= environment.keys()
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=environment)
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_secret_key_is_a_clear_error():
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_compose_file_matches_the_compose_specification():
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.compose-spec", "docker-compose.yml"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_passes_hadolint():
    result = subprocess.run([str(BIN / "hadolint"), "Dockerfile"], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_container_start_does_what_make_run_does():
    """The entrypoint and `make run` migrate and load the same fixture; both serve with gunicorn.conf.py."""
    entrypoint = (PROJECT / "docker" / "entrypoint.sh").read_text()
    makefile = (PROJECT / "Makefile").read_text()
    dockerfile = (PROJECT / "Dockerfile").read_text()
    for step in ["manage.py migrate --noinput", "fixtures/resolutions.json"]:
        assert step in entrypoint and step in makefile
    assert "gunicorn.conf.py" in dockerfile and "gunicorn.conf.py" in makefile
    assert re.search(r"^FROM python:3\.13-slim", dockerfile, re.M)
    assert re.search(r"^USER \d+", dockerfile, re.M), "the container must not run as root"


@pytest.mark.django_db
def test_livez_and_healthz(client):
    assert client.get("/livez").json() == {"status": "ok"}
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["pending_migrations"] == 0


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    from django.db import connection

    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert client.get("/livez").status_code == 200


@pytest.mark.django_db
def test_a_lost_database_gives_a_friendly_503(client, monkeypatch):
    from resolutions.web.views import browse as views

    def broken(request):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(views, "home", broken)
    from django.urls import clear_url_caches

    clear_url_caches()
    import importlib

    import resolutions.urls

    importlib.reload(resolutions.urls)
    importlib.reload(importlib.import_module("archive.urls"))
    try:
        response = client.get("/")
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert b"Temporarily unavailable" in response.content
        assert b"Traceback" not in response.content
    finally:
        monkeypatch.undo()
        importlib.reload(resolutions.urls)
        importlib.reload(importlib.import_module("archive.urls"))
        clear_url_caches()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/no/such/page/", "/livez"])
def test_security_headers_everywhere(client, path):
    response = client.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@pytest.mark.django_db
def test_not_found_page_is_static_and_escapes_nothing_reflected(client):
    response = client.get("/<script>alert(1)</script>/")
    assert response.status_code == 404
    assert b"<script>alert(1)" not in response.content


@pytest.mark.django_db
def test_request_id_is_taken_from_a_sane_header_only(client):
    assert client.get("/livez", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    assert client.get("/livez", HTTP_X_REQUEST_ID="bad id\nInjected: 1")["X-Request-ID"] != "bad id\nInjected: 1"


@pytest.mark.django_db
def test_unknown_host_is_refused():
    assert Client().get("/", HTTP_HOST="evil.example.com").status_code == 400


@pytest.mark.django_db
def test_admin_post_without_csrf_token_is_refused(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = client.post("/admin/resolutions/resolution/import/", {})
    assert response.status_code == 403


@pytest.mark.django_db
def test_admin_requires_login(client):
    response = client.get("/admin/resolutions/resolution/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/%00/", "/A/RES/70/126/%00/", "/bodies/%01/"])
def test_control_characters_in_the_address_are_a_bad_request(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_admin_import_uses_the_importer_and_refreshes_search(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from resolutions.models import Resolution

    source = PROJECT / "fixtures" / "sources" / "000_242683ea6976dd74.txt"
    upload = SimpleUploadedFile(source.name, source.read_bytes(), content_type="text/plain")
    response = admin_client.post("/admin/resolutions/resolution/import/", {"source": upload}, follow=True)
    assert response.status_code == 200
    assert "A/RES/68/131: created (32 paragraphs)" in response.content.decode()
    assert Resolution.objects.get().paragraphs.count() == 32
    # the did-you-mean vocabulary already knows the new words
    assert admin_client.get("/api/search", {"q": "inclusoin"}).json()["suggestion"] == "inclusion"


@pytest.mark.django_db
def test_admin_import_of_a_bad_file_says_why_and_writes_nothing(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from resolutions.models import Resolution

    upload = SimpleUploadedFile("empty.txt", b"   \n", content_type="text/plain")
    response = admin_client.post("/admin/resolutions/resolution/import/", {"source": upload}, follow=True)
    assert "empty" in response.content.decode()
    assert not Resolution.objects.exists()


@pytest.mark.django_db
def test_a_query_past_the_statement_timeout_gives_503_not_a_dead_worker(rf):
    from django.db import connection
    from django.db.utils import OperationalError

    from archive.health import DatabaseUnavailableMiddleware

    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 50")
        with pytest.raises(OperationalError) as raised:
            cursor.execute("SELECT pg_sleep(2)")
        connection.connection.rollback()
        cursor.execute("SET statement_timeout = 0")
    assert "statement timeout" in str(raised.value)
    response = DatabaseUnavailableMiddleware(lambda request: None).process_exception(rf.get("/"), raised.value)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_web_process_sets_a_statement_timeout_below_the_worker_timeout():
    code = (
        "import os; os.environ.pop('DATABASE_STATEMENT_TIMEOUT_MS', None); import archive.wsgi;"
        "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'].get('options', ''))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    timeout_ms = int(re.search(r"statement_timeout=(\d+)", result.stdout).group(1))
    gunicorn_timeout = read_environment({}).gunicorn_timeout
    assert 0 < timeout_ms < gunicorn_timeout * 1000


@pytest.mark.django_db
def test_static_files_carry_the_security_headers(settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
