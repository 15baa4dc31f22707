"""The gunicorn worker the archive serves with: threads, and request headers read without holding one.

gunicorn's threaded worker (``gthread``) hands a new connection to a thread as soon as its first byte
arrives, and that thread then waits for the rest of the headers: a client sending them at one byte a
second holds a thread for as long as it likes, and a few dozen such clients hold them all. This worker
reads a request's headers in the worker's event loop instead, without blocking, and gives the connection
to a thread only once its headers are complete; a connection whose headers are not complete within
``GUNICORN_HEADER_TIMEOUT`` seconds is closed. Slow clients then cost a socket each, not a thread. (A
reverse proxy in front, nginx in docker-compose, buffers whole requests too; this keeps gunicorn safe
where it is published directly, as by ``make run``.)

gunicorn's own answers to malformed requests (400, 414, 431…), written before Django sees anything, carry
the same security headers as the archive's pages and a plain-text body that repeats nothing of the request.
"""

from __future__ import annotations

import errno
import selectors
import time
from functools import partial

from gunicorn import util
from gunicorn.workers.gthread import TConn, ThreadWorker

from archive.environment import read_environment

HEADERS_END = b"\r\n\r\n"
# Beyond this many bytes without the end of the headers, the parser is given them and answers 431.
MAX_HEADER_BYTES = 64 * 1024
ERROR_HEADERS = (
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Cache-Control: no-store\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Cross-Origin-Opener-Policy: same-origin\r\n"
    "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n"
)


def write_error_with_security_headers(sock, status_int, reason, mesg):
    """gunicorn's error answer, with the archive's security headers and without echoing the request."""
    body = f"{status_int} {reason}\n".encode()
    head = f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n{ERROR_HEADERS}Content-Length: {len(body)}\r\n\r\n"
    util.write_nonblock(sock, head.encode("latin-1") + body)


class HeaderBufferingWorker(ThreadWorker):
    """``gthread``, with every request's headers read in the event loop before a thread takes it."""

    def init_process(self):
        self.header_timeout = read_environment().gunicorn_header_timeout
        util.write_error = write_error_with_security_headers  # gunicorn's error answers, in this worker
        super().init_process()

    def accept(self, listener):
        if self.cfg.is_ssl:  # TLS is terminated in front of the archive; keep gunicorn's own path for it
            return super().accept(listener)
        try:
            client_sock, client_addr = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        self._read_headers(TConn(self.cfg, client_sock, client_addr, listener.getsockname()))

    def on_client_socket_readable(self, conn, client):
        """A kept-alive connection's next request: its headers are read the same way."""
        if self.cfg.is_ssl:
            return super().on_client_socket_readable(conn, client)
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._read_headers(conn)

    def _read_headers(self, conn):
        conn.sock.setblocking(False)
        conn.header_bytes = bytearray()
        # The pending queue is closed in order of timeout by gunicorn's loop (murder_pending, every second);
        # every connection in it here has the same timeout, so the order holds.
        conn.timeout = time.monotonic() + self.header_timeout
        self.pending_conns.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_header_bytes, conn))

    def _on_header_bytes(self, conn, client):
        try:
            data = conn.sock.recv(MAX_HEADER_BYTES)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:  # the client went away
            self._forget_pending(conn)
            self.nr_conns -= 1
            conn.close()
            return
        conn.header_bytes += data
        if HEADERS_END not in conn.header_bytes and len(conn.header_bytes) <= MAX_HEADER_BYTES:
            return
        self._forget_pending(conn)
        conn.data_ready = True
        conn.init()
        conn.parser.unreader.unread(bytes(conn.header_bytes))
        conn.header_bytes = bytearray()
        self.enqueue_req(conn)

    def _forget_pending(self, conn):
        self.poller.unregister(conn.sock)
        self.pending_conns.remove(conn)
