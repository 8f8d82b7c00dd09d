"""`publish` and `query --endpoint` against a server that misbehaves (a tiny socket server on 127.0.0.1): it
never answers, answers junk, or resets the connection. Each is one line naming the URL, exit 2, within --timeout."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from strategygraph.cli import cli
from strategygraph.errors import StrategyGraphError
from strategygraph.stores.remote import SparqlEndpoint

JUNK = b"\x00this is { not < RDF > nor JSON ]]"


def _read_head(connection: socket.socket) -> None:
    received = b""
    with contextlib.suppress(OSError):
        while b"\r\n\r\n" not in received and len(received) < 65536:
            chunk = connection.recv(65536)
            if not chunk:
                return
            received += chunk


def _behave(connection: socket.socket, mode: str, stop: threading.Event) -> None:
    connection.settimeout(2)
    _read_head(connection)
    if mode == "silent":
        stop.wait(30)
    elif mode == "reset":
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    else:
        content_type = b"application/sparql-results+json" if mode == "junk-json" else b"text/plain"
        body = b"[1, 2, 3]" if mode == "junk-json" else JUNK
        with contextlib.suppress(OSError):
            connection.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s"
                % (content_type, len(body), body)
            )
    connection.close()


@contextlib.contextmanager
def misbehaving(mode: str) -> Iterator[str]:
    """A server on 127.0.0.1 that accepts connections and then behaves as ``mode`` says; its base URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    stop = threading.Event()
    workers: list[threading.Thread] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            worker = threading.Thread(target=_behave, args=(connection, mode, stop), daemon=True)
            worker.start()
            workers.append(worker)

    acceptor = threading.Thread(target=serve, daemon=True)
    acceptor.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        acceptor.join(timeout=5)
        for worker in workers:
            worker.join(timeout=5)
        listener.close()


def _one_line_error(result: object, url: str, message: str) -> None:
    exit_code, stderr = getattr(result, "exit_code", None), getattr(result, "stderr", "")
    assert exit_code == 2, stderr
    assert stderr.startswith("Error: "), stderr
    assert stderr.count("\n") == 1, stderr
    assert url in stderr, stderr
    # a reset can come while connecting ("Connection reset by peer") or while reading ("the connection failed")
    expected = (
        ("the connection failed", "Connection reset by peer") if message == "the connection failed" else (message,)
    )
    assert any(text in stderr for text in expected), stderr


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("silent", "no answer within 1 s (--timeout)"),
        ("junk", "the answer is not text/plain RDF"),
        ("reset", "the connection failed"),
    ],
)
def test_publish_to_a_misbehaving_server_is_one_line(runner: CliRunner, mode: str, message: str) -> None:
    with misbehaving(mode) as base:
        url = f"{base}/store"
        started = time.monotonic()
        result = runner.invoke(cli, ["--lang", "en", "publish", "--endpoint", url, "--timeout", "1"])
        elapsed = time.monotonic() - started
    _one_line_error(result, url, message)
    assert elapsed < 20


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("silent", "no answer within 1 s (--timeout)"),
        ("junk", "the answer is not JSON"),
        ("junk-json", "not SPARQL 1.1 Query Results JSON"),
        ("reset", "the connection failed"),
    ],
)
def test_query_on_a_misbehaving_endpoint_is_one_line(runner: CliRunner, mode: str, message: str) -> None:
    with misbehaving(mode) as base:
        url = f"{base}/query"
        result = runner.invoke(cli, ["--lang", "en", "query", "committees", "--endpoint", url, "--timeout", "1"])
    _one_line_error(result, url, message)


def test_the_timeout_bounds_a_silent_server() -> None:
    with misbehaving("silent") as base:
        started = time.monotonic()
        with pytest.raises(StrategyGraphError, match=r"POST http://127\.0\.0\.1:\d+/query: no answer within 0\.5 s"):
            SparqlEndpoint(f"{base}/query", timeout=0.5).select("ASK {}")
        assert time.monotonic() - started < 5


def test_publish_and_query_default_to_a_30_second_timeout(runner: CliRunner) -> None:
    publish = runner.invoke(cli, ["--lang", "en", "publish", "--help"], terminal_width=200)
    assert "--timeout SECONDS" in publish.stdout
    assert "[default: 30; x>=0.1]" in publish.stdout
    query = runner.invoke(cli, ["--lang", "en", "query", "--help"], terminal_width=200)
    assert "--timeout SECONDS" in query.stdout
    assert "default: 300 on the local graph; with --endpoint 30" in " ".join(query.stdout.split())
