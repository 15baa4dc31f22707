"""The archive as gunicorn serves it (gunicorn.conf.py, archive/gunicorn_worker.py): slow clients, its own errors."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECRET = "serving-test-" + "q7Lk2Vx9" * 6


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(port: int, process, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited: {process.stdout.read().decode(errors='replace')[-3000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/livez", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError("gunicorn did not answer")


@pytest.fixture(scope="module")
def gunicorn_server():
    """gunicorn with the archive's configuration, sized small on purpose: one worker of two threads."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "2",
        "GUNICORN_HEADER_TIMEOUT": "10",
        "GUNICORN_ACCESSLOG": "",
    }
    # as `make run` does before serving: hashed static files, which DEBUG off requires
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=PROJECT, env=env, check=True)
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "archive.wsgi", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until_answering(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def trickle(port: int, stop: threading.Event) -> None:
    """A client that sends its request headers at one byte a second, and never finishes."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100:
                if stop.is_set():
                    return
                sock.sendall(bytes([byte]))
                stop.wait(1)
    except OSError:
        return  # dropped by the server: what it should do after GUNICORN_HEADER_TIMEOUT


@pytest.mark.parametrize("slow_clients", [5, 50])
def test_slow_clients_do_not_hold_up_a_normal_request(gunicorn_server, slow_clients):
    stop = threading.Event()
    clients = [threading.Thread(target=trickle, args=(gunicorn_server, stop)) for _ in range(slow_clients)]
    for client in clients:
        client.start()
    try:
        time.sleep(3)  # every slow client is connected and sending
        for _ in range(3):
            started = time.monotonic()
            with urllib.request.urlopen(f"http://127.0.0.1:{gunicorn_server}/livez", timeout=10) as answer:
                assert answer.status == 200
            assert time.monotonic() - started < 2.0, f"a normal request waited {time.monotonic() - started:.1f}s"
    finally:
        stop.set()
        for client in clients:
            client.join()


def test_gunicorn_own_error_answers_carry_security_headers(gunicorn_server):
    with socket.create_connection(("127.0.0.1", gunicorn_server), timeout=10) as sock:
        sock.sendall(b"GET /<script> HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400"), head
    for header in [b"X-Content-Type-Options: nosniff", b"X-Frame-Options: DENY", b"Content-Security-Policy:"]:
        assert header in head, head
    assert b"<script>" not in body


def test_not_found_shows_no_url_map_when_served_as_make_run_does(gunicorn_server):
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(f"http://127.0.0.1:{gunicorn_server}/no/such/page/at/all/", timeout=10)
    assert answer.value.code == 404
    page = answer.value.read().decode()
    assert "URLconf" not in page and "urlpatterns" not in page.lower()


def test_make_run_serves_with_debug_off_and_a_local_secret():
    """`make run` turns DEBUG off and passes the secret generated in var/ (never committed); `make dev` keeps it on."""
    recipe = subprocess.run(
        ["make", "--dry-run", "--always-make", "run", "dev"], cwd=PROJECT, capture_output=True, text=True
    ).stdout
    run_line = next(line for line in recipe.splitlines() if "DJANGO_DEBUG=0" in line)
    assert 'DJANGO_SECRET_KEY="$(cat var/secret-key)"' in run_line
    assert any("DJANGO_DEBUG=1" in line and "gunicorn" in line for line in recipe.splitlines())
    ignored = subprocess.run(["git", "check-ignore", "var/secret-key"], cwd=PROJECT, capture_output=True)
    assert ignored.returncode == 0, "the generated secret must never be committed"
