"""The environment is read in one typed place: defaults, types, and a clear message for a wrong value."""

from pathlib import Path

import pytest

from archive.environment import PROJECT_DIR, read_environment


def test_defaults_are_a_laptops():
    env = read_environment({})
    assert env.debug is True
    assert env.secret_key == ""
    assert env.allowed_hosts == ["127.0.0.1", "localhost", "[::1]", "testserver"]
    assert env.admin_path == "admin/"
    assert env.database_url == ""
    assert env.embedded_data_dir == PROJECT_DIR / "var" / "pgdata"
    assert env.search_index_dir == PROJECT_DIR / "var" / "search-index"
    assert env.search_max_hits == 5000
    assert env.hsts_seconds == 0
    assert env.log_format == "plain"
    assert env.gunicorn_access_log == "-"


def test_production_values_follow_debug_off():
    env = read_environment({"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "s"})
    assert env.debug is False
    assert env.secure_cookies is True
    assert env.hsts_seconds == 31_536_000
    assert env.log_format == "json"


def test_values_are_typed():
    env = read_environment(
        {
            "DJANGO_DEBUG": "yes",
            "DJANGO_ALLOWED_HOSTS": " archive.example.org , www.archive.example.org ,",
            "DJANGO_ADMIN_PATH": "/curators",
            "SEARCH_MAX_HITS": "200",
            "EMBEDDED_PG_DATA": "/srv/pgdata",
            "GUNICORN_ACCESSLOG": "",
        }
    )
    assert env.debug is True
    assert env.allowed_hosts == ["archive.example.org", "www.archive.example.org"]
    assert env.admin_path == "curators/"
    assert env.search_max_hits == 200
    assert env.embedded_data_dir == Path("/srv/pgdata")
    assert env.gunicorn_access_log == ""  # set but empty: gunicorn writes no access log


def test_a_wrong_number_is_named():
    with pytest.raises(ValueError, match="SEARCH_MAX_HITS must be a whole number, not 'many'"):
        read_environment({"SEARCH_MAX_HITS": "many"})


def test_every_variable_the_code_reads_is_read_here():
    """No module outside archive/environment.py reads the process environment for configuration."""
    readers = []
    for path in [*PROJECT_DIR.glob("archive/**/*.py"), *PROJECT_DIR.glob("resolutions/**/*.py")]:
        text = path.read_text()
        if path.name != "environment.py" and ("os.environ.get(" in text or "os.getenv(" in text):
            readers.append(str(path.relative_to(PROJECT_DIR)))
    assert readers == []


def test_each_thread_of_a_web_process_can_have_a_pooled_connection():
    """The pool was sized for one thread (2 connections) while gunicorn ran 8: requests queued for a connection
    while PostgreSQL idled, and answered 503 after DATABASE_POOL_TIMEOUT (the load test's 15 s requests)."""
    env = read_environment({})
    assert env.database_pool_max_size >= env.gunicorn_threads == 8
    assert read_environment({"GUNICORN_THREADS": "12"}).database_pool_max_size == 12
    assert read_environment({"GUNICORN_THREADS": "12", "DATABASE_POOL_MAX_SIZE": "4"}).database_pool_max_size == 4
