"""docker-compose.yml: primary, replica, Redis, two web services behind nginx, as the README describes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((PROJECT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
WEB_SERVICES = ["web1", "web2"]
COMPOSE_ENV = {"DJANGO_SECRET_KEY": "compose-test-" + "s" * 40, "DJANGO_ALLOWED_HOSTS": "archive.example.org"}


def compose_command() -> list[str] | None:
    """`docker compose` (the plugin) when there, else Debian's `docker-compose` (`make compose-tools`): both
    read the file as `up` would without needing an engine."""
    docker = shutil.which("docker")
    if docker is not None:
        found = subprocess.run([docker, "compose", "version"], capture_output=True, text=True, check=False)
        if found.returncode == 0:
            return [docker, "compose"]
    standalone = shutil.which("docker-compose")
    return [standalone] if standalone is not None else None


def compose_config(text: str, folder: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`config --quiet` on ``text`` as the project's compose file (its relative paths read from the project).

    Debian's docker-compose (1.29) predates the top-level ``name`` key of the Compose Specification: it is given
    as the project name instead (``-p``), the one line taken out; the schema test
    (tests/test_production.py) checks that key, and every other line is read as written.
    """
    command = compose_command()
    if command is None:
        pytest.skip("neither `docker compose` nor `docker-compose` is installed (`make compose-tools` installs it)")
    document = yaml.safe_load(text)
    project = ["-p", document["name"]] if isinstance(document, dict) and "name" in document else []
    if command[-1].endswith("docker-compose"):
        text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("name:"))
    path = folder / "docker-compose.yml"
    path.write_text(text)
    return subprocess.run(
        [*command, "-f", str(path), "--project-directory", str(PROJECT), *project, "config", "--quiet"],
        cwd=PROJECT,
        env={**os.environ, **COMPOSE_ENV, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def test_docker_compose_config_accepts_the_file(tmp_path):
    result = compose_config((PROJECT / "docker-compose.yml").read_text(), tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("breakage", "env"),
    [
        (("    redis:\n      condition: service_healthy\n", "    cache:\n      condition: service_healthy\n"), {}),
        (("  search-index:\n", "  search-indexes:\n"), {}),
        (("restart: unless-stopped\n", "restart: [unless-stopped]\n"), {}),
        (("", ""), {"DJANGO_SECRET_KEY": ""}),
    ],
    ids=["a service depending on one undefined", "an undeclared volume", "a value of the wrong type", "no secret"],
)
def test_docker_compose_config_refuses_a_broken_file(tmp_path, breakage, env):
    text = (PROJECT / "docker-compose.yml").read_text()
    old, new = breakage
    assert old in text
    result = compose_config(text.replace(old, new, 1), tmp_path, env)
    assert result.returncode != 0


def test_only_the_proxy_is_published_and_it_is_the_official_nginx():
    published = [name for name, service in SERVICES.items() if service.get("ports")]
    assert published == ["proxy"]
    assert SERVICES["proxy"]["image"].startswith("nginx:")
    mounts = " ".join(SERVICES["proxy"]["volumes"])
    assert "./docker/nginx/archive.conf:" in mounts and "./docker/nginx/proxy.conf:" in mounts


def test_the_proxy_buffers_and_cuts_off_slow_clients():
    proxy = (PROJECT / "docker" / "nginx" / "proxy.conf").read_text()
    for directive in ["proxy_buffering on;", "proxy_request_buffering on;", "client_header_timeout 10s;"]:
        assert directive in proxy
    upstreams = (PROJECT / "docker" / "nginx" / "archive.conf").read_text()
    assert all(f"server {name}:8000" in upstreams for name in WEB_SERVICES)
    assert "include /etc/nginx/archive-proxy.conf;" in upstreams


def test_two_stateless_web_services_share_redis_the_replica_and_one_search_index():
    for name in WEB_SERVICES:
        web = SERVICES[name]
        environment = web["environment"]
        assert environment["REDIS_URL"].startswith("redis://redis:")
        assert "@replica:5432/" in environment["DATABASE_REPLICA_URLS"]
        assert "@db:5432/" in environment["DATABASE_URL"]
        assert "search-index:/app/var/search-index" in web["volumes"]
        assert web["depends_on"]["setup"]["condition"] == "service_completed_successfully"
    # imports and migrations: one service, on the primary only, writing the same index the web services read
    setup = SERVICES["setup"]
    assert setup["environment"]["DATABASE_REPLICA_URLS"] == ""
    assert "search-index:/app/var/search-index" in setup["volumes"]
    assert setup["command"][-2:] == ["search_index", "ensure"]


def test_the_replica_streams_from_the_primary():
    replica_script = (PROJECT / "docker" / "postgres" / "replica.sh").read_text()
    assert "pg_basebackup" in replica_script and " -R " in replica_script
    primary_init = (PROJECT / "docker" / "postgres" / "primary-init.sh").read_text()
    assert "REPLICATION" in primary_init and "host replication replicator" in primary_init
    assert SERVICES["replica"]["image"] == SERVICES["db"]["image"]
    assert SERVICES["redis"]["image"].startswith("redis:")


@pytest.mark.parametrize(
    "script", ["entrypoint.sh", "web-entrypoint.sh", "postgres/primary-init.sh", "postgres/replica.sh"]
)
def test_the_container_scripts_parse(script):
    path = PROJECT / "docker" / script
    shell = "bash" if path.read_text().startswith("#!/bin/bash") else "sh"
    result = subprocess.run([shell, "-n", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert os.access(path, os.X_OK), f"{script} must be executable (the compose file runs it directly)"


def test_the_web_services_count_clients_by_the_address_the_proxy_names():
    """Behind nginx every request comes from the proxy: the per-client limits and the admin's login lock
    must read the client's address from the header the proxy sets, or one client locks out everyone."""
    proxy = (PROJECT / "docker" / "nginx" / "proxy.conf").read_text()
    assert "proxy_set_header X-Real-IP $remote_addr;" in proxy
    for name in ("web1", "web2"):
        assert COMPOSE["services"][name]["environment"]["CLIENT_IP_HEADER"] == "X-Real-IP"
