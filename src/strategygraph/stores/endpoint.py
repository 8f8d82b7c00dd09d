"""A read-only SPARQL 1.1 Protocol endpoint for the built graph: the Oxigraph server, behind a time limit.

The graph is loaded into a temporary Oxigraph database (``oxigraph load``) and served by
``oxigraph serve-read-only`` on a private loopback port: Oxigraph implements the SPARQL 1.1 Protocol,
refuses updates and Graph Store writes (HTTP 403), and serves the YASGUI query editor from its own files.
The editor's script would also ask prefix.cc for prefixes; the relay sends the page with a
Content-Security-Policy that keeps the browser on this endpoint, so nothing leaves the machine.

Oxigraph 0.5's ``--timeout-s`` does not stop every query: a sort or a streamed result runs on after
the limit, and a cancelled aggregate answers ``200 OK`` with a cut-off body. So a small relay stands
in front: it passes each request through unchanged and, when an answer is not complete within the
limit, stops the server process (the only way to end a query running inside it), starts it again on the
same database, and answers ``503``. Requests in flight at that moment are answered ``503`` too. A long
answer is buffered up to :data:`BUFFER_LIMIT` and then streamed; if the limit strikes while it streams,
the connection is closed without the final chunk, so a client sees an incomplete (not a wrong) answer.
"""

from __future__ import annotations

import contextlib
import http.client
import shutil
import socket
import subprocess
import sysconfig
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..errors import StrategyGraphError

BUFFER_LIMIT = 8 * 1024 * 1024
# The YASGUI page's own code asks prefix.cc for prefixes on load; this keeps the browser on this endpoint.
PAGE_POLICY = (
    "default-src 'self'; connect-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:"
)
MAX_REQUEST_BODY = 16 * 1024 * 1024
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


def oxigraph_executable() -> Path:
    """The ``oxigraph`` server binary from the ``oxigraph`` package (next to this Python, or on PATH)."""
    for candidate in (Path(sysconfig.get_path("scripts")) / "oxigraph", shutil.which("oxigraph")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise StrategyGraphError("the Oxigraph server is missing: pip install oxigraph")


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def load_database(ntriples: str, folder: Path, executable: Path | None = None) -> Path:
    """An Oxigraph database in ``folder`` holding the given N-Triples in its default graph."""
    binary = executable or oxigraph_executable()
    source = folder / "graph.nt"
    source.write_text(ntriples, encoding="utf-8")
    location = folder / "database"
    run = subprocess.run(
        [str(binary), "load", "--location", str(location), "--file", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        detail = (run.stderr.strip().splitlines() or ["no message"])[-1]
        raise StrategyGraphError(f"oxigraph load failed: {detail}")
    source.unlink()
    return location


@dataclass
class OxigraphProcess:
    """``oxigraph serve-read-only`` on a private loopback port; restarted to stop a runaway query."""

    location: Path
    timeout: float
    executable: Path = field(default_factory=oxigraph_executable)
    port: int = 0
    generation: int = 0
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _ready: threading.Event = field(default_factory=threading.Event, repr=False)

    def start(self) -> None:
        self.port = free_port()
        # Oxigraph's own limit is set beyond ours, so that it never answers first with a cut-off 200.
        command = [
            str(self.executable),
            "serve-read-only",
            "--location",
            str(self.location),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--timeout-s",
            str(int(self.timeout) + 60),
        ]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._wait_until_ready()
        self._ready.set()

    def _wait_until_ready(self, within: float = 15.0) -> None:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                stderr = self._process.stderr.read().decode("utf-8", "replace") if self._process.stderr else ""
                detail = (stderr.strip().splitlines() or ["no message"])[-1]
                raise StrategyGraphError(f"the Oxigraph server did not start: {detail}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return
            time.sleep(0.05)
        raise StrategyGraphError(f"the Oxigraph server did not answer within {within:g} s")

    def current(self, within: float) -> tuple[int, int]:
        """(generation, port) of the running server, waiting up to ``within`` seconds for a restart."""
        if not self._ready.wait(within):
            raise StrategyGraphError("the query engine is restarting")
        with self._lock:
            return self.generation, self.port

    def stop(self) -> None:
        self._ready.clear()
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()

    def restart(self, generation: int) -> None:
        """Stop and start again, unless another restart since ``generation`` already did."""
        with self._lock:
            if generation != self.generation:
                return
            self.stop()
            self.start()
            self.generation += 1


class _RelayHandler(BaseHTTPRequestHandler):
    """Passes one request to the Oxigraph server, within the endpoint's time limit."""

    protocol_version = "HTTP/1.1"
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

    def _plain(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _request_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._plain(411, "send the request with a Content-Length")
            return None
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BODY:
            self._plain(413, f"request body larger than {MAX_REQUEST_BODY} bytes")
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def _relay(self) -> None:
        body = self._request_body()
        if body is None:
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
    """The public side of the endpoint: one thread per connection, each relayed within the time limit."""

    daemon_threads = True
    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], engine: OxigraphProcess, time_limit: float) -> None:
        super().__init__(address, _RelayHandler)
        self.engine = engine
        self.time_limit = time_limit


@dataclass(frozen=True)
class Endpoint:
    """A running endpoint: its base URL, and the query URL (``/query``) that SPARQL clients use."""

    base_url: str

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"


@contextlib.contextmanager
def running_endpoint(
    ntriples: str, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0
) -> Iterator[Endpoint]:
    """Serve the graph read-only on ``host:port`` until the ``with`` block ends; then stop and clean up."""
    if timeout <= 0:
        raise StrategyGraphError("the timeout must be a positive number of seconds")
    with tempfile.TemporaryDirectory(prefix="strategygraph-serve-") as folder:
        engine = OxigraphProcess(load_database(ntriples, Path(folder)), timeout)
        engine.start()
        try:
            try:
                relay = RelayServer((host, port), engine, timeout)
            except OSError as error:
                raise StrategyGraphError(f"cannot listen on {host}:{port}: {error.strerror}") from None
            thread = threading.Thread(target=relay.serve_forever, name="strategygraph-serve", daemon=True)
            thread.start()
            try:
                shown = f"[{host}]" if ":" in host else host
                yield Endpoint(f"http://{shown}:{relay.server_address[1]}")
            finally:
                relay.shutdown()
                relay.server_close()
                thread.join(timeout=5)
        finally:
            engine.stop()
