"""The relay in front of ``serve``'s Oxigraph server: checks each request, passes it on, enforces the time limit.

Before anything reaches the server, a request must name this endpoint in its ``Host`` header (loopback names, or
the address ``serve --host`` was given: a web page on another site that points its own name at 127.0.0.1, DNS
rebinding, gets ``403``), must carry a well-formed body of at most :data:`MAX_REQUEST_BODY` bytes (``400``/``413``
at once, never a wait), and must not hold a ``SERVICE`` clause (``400``: federation would make this endpoint
fetch from other hosts for whoever can reach it) unless ``serve --allow-federation`` allowed it.

Oxigraph 0.5's ``--timeout-s`` does not stop every query: a sort or a streamed result runs on after the limit,
and a cancelled aggregate answers ``200 OK`` with a cut-off body. So the relay passes each request through and,
when an answer is not complete within the limit, has the engine restart the server process (the only way to end
a query running inside it) and answers ``503``. Requests in flight at that moment are answered ``503`` too. A
long answer is buffered up to :data:`BUFFER_LIMIT` and then streamed; if the limit strikes while it streams, the
connection is closed without the final chunk, so a client sees an incomplete (not a wrong) answer.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

from ..errors import StrategyGraphError
from .sparql_text import uses_service

BUFFER_LIMIT = 8 * 1024 * 1024
MAX_REQUEST_BODY = 1024 * 1024  # a query or form larger than 1 MB is refused (413)
IDLE_TIMEOUT = 30.0  # seconds a client connection may stay silent (mid-request or between requests)
LISTEN_BACKLOG = 1024  # connections the kernel queues while every thread is busy (the default, 5, drops them)
MAX_CONNECTIONS = 256  # connections served at once (a thread each); more wait in the backlog, then get 503
SLOT_WAIT = 5.0  # seconds a connection past MAX_CONNECTIONS waits for a free thread before it is answered 503
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 1\r\n"
    b"Connection: close\r\nContent-Length: 45\r\n\r\ntoo many connections at once; try again soon\n"
)
# The YASGUI page's own code asks prefix.cc for prefixes on load; this keeps the browser on this endpoint.
PAGE_POLICY = (
    "default-src 'self'; connect-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:"
)
FEDERATION_OFF = (
    "SERVICE (federated query) is off: this endpoint does not query other services; "
    "start it with `strategygraph serve --allow-federation` to allow it"
)
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
}
_DIGITS = re.compile(r"[0-9]{1,18}")
_FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class FrontPage:
    """What the relay answers itself: the page at ``/`` (with its Content-Security-Policy), and ``/catalogue``,
    a catalogue query's text with its parameters bound (``compose``; a :class:`StrategyGraphError` is a ``400``).
    Oxigraph's own YASGUI page moves to ``/yasgui``."""

    html: str
    policy: str
    compose: Callable[[str, Mapping[str, str]], str]


class Engine(Protocol):
    """The server behind the relay: where it listens now, and a restart that stops every running query."""

    def current(self, within: float) -> tuple[int, int]: ...

    def restart(self, generation: int) -> None: ...


class _Refusal(Exception):
    """A request answered by the relay itself, with ``status`` and a one-line ``message``; nothing is relayed."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The ``Host`` header values that name this endpoint: loopback names and ``host``, with the port."""
    names = {"127.0.0.1", "localhost", "[::1]", f"[{host}]" if ":" in host else host}
    values = {f"{name}:{port}" for name in names} | (names if port == 80 else set())
    return frozenset(value.lower() for value in values)


def query_texts(path: str, headers: Message, body: bytes) -> Iterator[str]:
    """Every text in a request that the server could run as SPARQL: ``query``/``update`` in the URL or form, or
    the whole body (``application/sparql-query`` and anything else that is not a form)."""
    keys = ("query", "update")
    url_parameters = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query, keep_blank_values=True, errors="replace")
    for key in keys:
        yield from url_parameters.get(key, [])
    if not body:
        return
    text = body.decode("utf-8", "replace")
    if headers.get_content_type() == _FORM:
        form = urllib.parse.parse_qs(text, keep_blank_values=True, errors="replace")
        for key in keys:
            yield from form.get(key, [])
    else:
        yield text


class _RelayHandler(BaseHTTPRequestHandler):
    """Checks one request, then passes it to the Oxigraph server within the endpoint's time limit."""

    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT
    server: RelayServer

    def do_GET(self) -> None:
        self._relay()

    def do_POST(self) -> None:
        self._relay()

    def do_HEAD(self) -> None:
        self._relay()

    def do_PUT(self) -> None:
        self._relay()

    def do_DELETE(self) -> None:
        self._relay()

    def do_OPTIONS(self) -> None:
        self._relay()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the endpoint does not log requests."""

    def _plain(self, status: int, message: str, close: bool = False) -> None:
        self._send(status, "text/plain; charset=utf-8", message + "\n", {"Connection": "close"} if close else {})

    def _check_host(self) -> None:
        given = self.headers.get_all("Host") or []
        if len(given) != 1 or given[0].strip().lower() not in self.server.allowed_hosts:
            raise _Refusal(403, "forbidden: the Host header does not name this endpoint")

    def _content_length(self) -> int:
        if "Transfer-Encoding" in self.headers:
            raise _Refusal(411, "send the request body with a Content-Length")
        values = {value.strip() for value in self.headers.get_all("Content-Length") or []}
        if not values:
            return 0
        value = values.pop()
        if values or not _DIGITS.fullmatch(value):
            raise _Refusal(400, "bad request: Content-Length must be one non-negative whole number")
        length = int(value)
        if length > MAX_REQUEST_BODY:
            raise _Refusal(413, f"request body larger than {MAX_REQUEST_BODY} bytes (1 MB)")
        return length

    def _request_body(self) -> bytes | None:
        """The checked request body; None when the client stopped sending it (the connection is then closed)."""
        length = self._content_length()
        try:
            body = self.rfile.read(length) if length else b""
        except OSError:  # silent for IDLE_TIMEOUT seconds, or gone
            body = b""
        if len(body) < length:
            self.close_connection = True
            return None
        return body

    def _checked_body(self) -> bytes | None:
        self._check_host()
        body = self._request_body()
        if body is None or self.server.allow_federation:
            return body
        if any(uses_service(text) for text in query_texts(self.path, self.headers, body)):
            raise _Refusal(400, FEDERATION_OFF)
        return body

    def _relay(self) -> None:
        try:
            body = self._checked_body()
        except _Refusal as refusal:
            self._plain(refusal.status, refusal.message, close=True)
            self._drain()
            return
        if body is None or self._answered_here():
            return
        engine, limit = self.server.engine, self.server.time_limit
        expired = threading.Event()
        try:
            generation, port = engine.current(within=limit)
        except StrategyGraphError as error:
            self._plain(503, str(error))
            return

        def stop_runaway() -> None:
            expired.set()
            engine.restart(generation)

        timer = threading.Timer(limit, stop_runaway)
        timer.daemon = True
        timer.start()
        upstream = http.client.HTTPConnection("127.0.0.1", port, timeout=limit + 5)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        try:
            self._pass_through(upstream, body, headers, expired)
        finally:
            timer.cancel()
            upstream.close()

    def _answered_here(self) -> bool:
        """Answer ``GET /`` and ``GET /catalogue`` from the front page; send ``/yasgui`` to the server's ``/``."""
        front = self.server.front
        if front is None or self.command not in {"GET", "HEAD"}:
            return False
        parts = urllib.parse.urlsplit(self.path)
        if parts.path == "/yasgui":
            self.path = urllib.parse.urlunsplit(("", "", "/", parts.query, ""))
            return False
        if parts.path == "/":
            self._send(200, "text/html; charset=utf-8", front.html, {"Content-Security-Policy": front.policy})
        elif parts.path == "/catalogue":
            given = urllib.parse.parse_qs(parts.query, keep_blank_values=True, errors="replace")
            arguments = {key: values[-1] for key, values in given.items() if key != "name"}
            try:
                composed = front.compose((given.get("name") or [""])[-1], arguments)
            except StrategyGraphError as error:
                self._plain(400, str(error))
                return True
            self._send(200, "application/sparql-query; charset=utf-8", composed, {})
        else:
            return False
        return True

    def _send(self, status: int, content_type: str, content: str, headers: Mapping[str, str]) -> None:
        body = content.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _drain(self, within: float = 1.0, limit: int = 2 * MAX_REQUEST_BODY) -> None:
        """Read (a bounded amount of) what the client still sends, so that closing the connection does not reset
        it before the client has read the refusal."""
        deadline = time.monotonic() + within
        try:
            self.connection.shutdown(socket.SHUT_WR)
            while limit > 0 and (left := deadline - time.monotonic()) > 0:
                self.connection.settimeout(left)
                chunk = self.connection.recv(65536)
                if not chunk:
                    return
                limit -= len(chunk)
        except OSError:
            return

    def _pass_through(
        self, upstream: http.client.HTTPConnection, body: bytes, headers: dict[str, str], expired: threading.Event
    ) -> None:
        buffered: list[bytes] = []
        size = 0
        try:
            upstream.request(self.command, self.path, body=body or None, headers=headers)
            response = upstream.getresponse()
            while size <= BUFFER_LIMIT:
                chunk = response.read1(65536) if self.command != "HEAD" else b""
                if not chunk:
                    break
                buffered.append(chunk)
                size += len(chunk)
        except (OSError, http.client.HTTPException):
            self._refuse_after_failure(expired)
            return
        if expired.is_set():  # the server was stopped meanwhile: the body may be cut short
            self._refuse_after_failure(expired)
            return
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in _HOP_BY_HOP:
                self.send_header(name, value)
        if response.getheader("Content-Type", "").startswith("text/html"):
            self.send_header("Content-Security-Policy", PAGE_POLICY)
        if size <= BUFFER_LIMIT:
            self.send_header("Content-Length", str(size))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(b"".join(buffered))
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self._stream(response, buffered)

    def _stream(self, response: http.client.HTTPResponse, buffered: list[bytes]) -> None:
        try:
            for chunk in buffered:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            while chunk := response.read1(65536):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (OSError, http.client.HTTPException):
            self.close_connection = True  # no final chunk: the client sees an incomplete answer
            return
        self.wfile.write(b"0\r\n\r\n")

    def _refuse_after_failure(self, expired: threading.Event) -> None:
        if expired.is_set():
            self._plain(503, f"query stopped: no answer within {self.server.time_limit:g} s (serve --timeout)")
        else:
            self._plain(503, "the query engine was restarted to stop another query that ran too long; try again")


class RelayServer(ThreadingHTTPServer):
    """The public side of the endpoint: a thread per connection, at most ``max_connections`` at once (a flood of
    idle connections cannot make it start threads without end), each request relayed within the time limit."""

    daemon_threads = True
    request_queue_size = LISTEN_BACKLOG

    def __init__(
        self,
        address: tuple[str, int],
        engine: Engine,
        time_limit: float,
        allow_federation: bool = False,
        max_connections: int = MAX_CONNECTIONS,
        front: FrontPage | None = None,
    ) -> None:
        super().__init__(address, _RelayHandler)
        self.engine = engine
        self.time_limit = time_limit
        self.allow_federation = allow_federation
        self.allowed_hosts = allowed_hosts(address[0], int(self.server_address[1]))
        self._slots = threading.BoundedSemaphore(max_connections)
        self.front = front

    def process_request(self, request: Any, client_address: Any) -> None:
        """Start the connection's thread once a slot is free; past :data:`SLOT_WAIT` answer ``503`` and close."""
        if not self._slots.acquire(timeout=SLOT_WAIT):
            with contextlib.suppress(OSError):
                request.sendall(_BUSY)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """No traceback: a client that went away is normal; anything else is one line on stderr."""
        error = sys.exc_info()[1]
        if error is None or isinstance(error, OSError):
            return
        first = (str(error).strip().splitlines() or [""])[0][:200]
        print(f"strategygraph serve: request failed: {type(error).__name__}: {first}", file=sys.stderr)
