"""`serve`'s relay refuses what must not reach the server: a foreign Host (DNS rebinding), SERVICE (request
forgery), malformed or oversized bodies; and the server process dies with `serve`, even on kill -9."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from strategygraph.stores import relay
from strategygraph.stores.endpoint import Endpoint, remove_stale_databases, running_endpoint
from strategygraph.stores.relay import MAX_REQUEST_BODY

from .oxigraph_servers import spawn_serve

pytestmark = pytest.mark.slow
GRAPH = "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"
JSON = "application/sparql-results+json"


def _port(endpoint: Endpoint) -> int:
    return int(endpoint.base_url.rsplit(":", 1)[1])


@pytest.fixture(scope="module")
def endpoint() -> Iterator[Endpoint]:
    with running_endpoint(GRAPH, port=0, timeout=5) as running:
        yield running


@pytest.fixture(scope="module")
def federating(endpoint: Endpoint) -> Iterator[Endpoint]:
    with running_endpoint(GRAPH, port=0, timeout=5, allow_federation=True) as running:
        yield running


def _request(
    port: int, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers={"Accept": JSON, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _raw(port: int, head: bytes, within: float = 5.0) -> bytes:
    """Send raw bytes, then read until the server closes the connection (or ``within`` seconds pass)."""
    with socket.create_connection(("127.0.0.1", port), timeout=within) as connection:
        connection.sendall(head)
        received = b""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            try:
                chunk = connection.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            received += chunk
        return received


def _query_path(query: str) -> str:
    return "/query?" + urllib.parse.urlencode({"query": query})


@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "127.0.0.1:1", "localhost.evil:{port}", ""])
def test_a_foreign_host_header_is_refused_and_nothing_relayed(endpoint: Endpoint, host: str) -> None:
    port = _port(endpoint)
    status, body = _request(port, "GET", _query_path("ASK {}"), headers={"Host": host.format(port=port)})
    assert status == 403
    assert body == b"forbidden: the Host header does not name this endpoint\n"
    head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nHost: evil.example\r\n\r\n" % port
    assert _raw(port, head).startswith(b"HTTP/1.1 403 ")


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}", "[::1]:{port}"])
def test_loopback_host_headers_are_answered(endpoint: Endpoint, host: str) -> None:
    port = _port(endpoint)
    status, body = _request(port, "GET", _query_path("ASK {}"), headers={"Host": host.format(port=port)})
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})


def _federated(target: Endpoint) -> str:
    return f"SELECT ?s WHERE {{ SERVICE <{target.query_url}> {{ ?s ?p ?o }} }}"


def _three_ways(port: int, query: str) -> list[tuple[int, bytes]]:
    """The query sent as GET, as a form POST and as a direct POST."""
    form = urllib.parse.urlencode({"query": query}).encode()
    return [
        _request(port, "GET", _query_path(query)),
        _request(port, "POST", "/query", form, {"Content-Type": "application/x-www-form-urlencoded"}),
        _request(port, "POST", "/query", query.encode(), {"Content-Type": "application/sparql-query"}),
    ]


@pytest.mark.parametrize(
    "template",
    [
        "{query}",
        "{query_lower}",
        "PREFIX ex: <http://example.org/> # a comment\n{query}",
        "{escaped}",
    ],
)
def test_service_is_refused_by_default(endpoint: Endpoint, template: str) -> None:
    query = _federated(endpoint)
    text = template.format(
        query=query, query_lower=query.replace("SERVICE", "service silent"), escaped=query.replace("S", "\\u0053", 2)
    )
    for status, body in _three_ways(_port(endpoint), text):
        assert status == 400, body
        assert b"SERVICE (federated query) is off" in body
        assert b"--allow-federation" in body


def test_service_in_strings_comments_and_iris_is_not_federation(endpoint: Endpoint) -> None:
    query = 'SELECT ?s WHERE { ?s <http://example.org/SERVICE> "SERVICE <http://x/>" } # SERVICE <http://x/> {}'
    for status, body in _three_ways(_port(endpoint), query):
        assert status == 200, body
        assert json.loads(body)["head"]["vars"] == ["s"]


def test_allow_federation_lets_service_through(endpoint: Endpoint, federating: Endpoint) -> None:
    for status, body in _three_ways(_port(federating), _federated(endpoint)):
        assert status == 200, body
        bindings = json.loads(body)["results"]["bindings"]
        assert [row["s"]["value"] for row in bindings] == ["http://example.org/a"]


def _post_head(port: int, length: bytes) -> bytes:
    return (
        b"POST /query HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: %s\r\n\r\n" % (port, length)
    )


@pytest.mark.parametrize("length", [b"abc", b"-1", b"1e3", b"+5", b"", b"99999999999999999999999"])
def test_a_malformed_content_length_is_400_at_once(
    endpoint: Endpoint, length: bytes, capfd: pytest.CaptureFixture[str]
) -> None:
    port = _port(endpoint)
    started = time.monotonic()
    answer = _raw(port, _post_head(port, length) + b"ASK {}")
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:100]
    assert answer.endswith(b"bad request: Content-Length must be one non-negative whole number\n")
    assert time.monotonic() - started < 2
    assert "Traceback" not in capfd.readouterr().err


def test_an_oversized_body_is_413_without_waiting_for_it(endpoint: Endpoint, capfd: pytest.CaptureFixture[str]) -> None:
    port = _port(endpoint)
    for length, sent in [(MAX_REQUEST_BODY + 1, b""), (10**15, b"x" * 100_000)]:
        started = time.monotonic()
        answer = _raw(port, _post_head(port, str(length).encode()) + sent)
        assert answer.startswith(b"HTTP/1.1 413 "), answer[:100]
        assert b"larger than 1048576 bytes" in answer
        assert time.monotonic() - started < 3
    status, body = _request(port, "POST", "/query", b"ASK {}" + b" " * (MAX_REQUEST_BODY - 6))
    assert status != 413, body  # exactly the limit is accepted (and answered by the server)
    assert "Traceback" not in capfd.readouterr().err


def test_a_body_cut_short_closes_the_connection_and_the_endpoint_keeps_answering(endpoint: Endpoint) -> None:
    port = _port(endpoint)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(_post_head(port, b"100") + b"ASK")
        connection.shutdown(socket.SHUT_WR)
        assert connection.recv(100) == b""  # closed, nothing relayed
    status, body = _request(port, "GET", _query_path("ASK {}"))
    assert (status, json.loads(body)["boolean"]) == (200, True)


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        with (task / "children").open() as children:
            found.update(int(child) for child in children.read().split())
    return found


def _alive(pid: int) -> bool:
    """Running (not gone, not a zombie waiting for a parent to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_kill_9_of_serve_takes_the_oxigraph_server_with_it() -> None:
    """(It also shows that --allow-federation says so.)"""
    process, _ = spawn_serve("--allow-federation")
    assert process.stdout is not None
    try:
        lines = [process.stdout.readline() for _ in range(3)]
        assert lines[2] == "SERVICE is on (--allow-federation): queries can make the server fetch from other hosts.\n"
        servers = {
            child for child in _children(process.pid) if "oxigraph" in Path(f"/proc/{child}/cmdline").read_text()
        }
        assert len(servers) == 1, servers
        arguments = Path(f"/proc/{next(iter(servers))}/cmdline").read_text().split("\0")
        database = Path(arguments[arguments.index("--location") + 1])
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        process.stdout.close()
    (server,) = servers
    deadline = time.monotonic() + 5
    while _alive(server) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = _alive(server)
    if alive:  # do not leave it behind for the next test
        os.kill(server, signal.SIGKILL)
    assert not alive, "the Oxigraph server outlived `serve` (kill -9)"
    remove_stale_databases()  # what the next `serve` does first: the killed one's temporary database goes
    assert not database.parent.exists()


def test_only_the_temporary_databases_of_dead_serve_processes_are_removed(tmp_path: Path) -> None:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead, alive = tmp_path / "strategygraph-serve-dead", tmp_path / "strategygraph-serve-alive"
    for folder, pid in [(dead, finished.stdout.strip()), (alive, str(os.getpid()))]:
        (folder / "database").mkdir(parents=True)
        (folder / "serve.pid").write_text(pid)
    unowned = tmp_path / "strategygraph-serve-unowned"
    unowned.mkdir()
    assert remove_stale_databases(tmp_path) == [dead]
    assert sorted(tmp_path.iterdir()) == [alive, unowned]


class _NoEngine:
    def current(self, within: float) -> tuple[int, int]:
        raise AssertionError("nothing may be relayed in this test")

    def restart(self, generation: int) -> None:
        raise AssertionError("nothing may be relayed in this test")


def test_idle_connections_past_the_bound_start_no_threads_and_get_503(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(relay, "SLOT_WAIT", 0.3)
    server = relay.RelayServer(("127.0.0.1", 0), _NoEngine(), time_limit=5, max_connections=2)
    port = int(server.server_address[1])
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    threads_before = threading.active_count()
    idle = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(6)]
    try:
        time.sleep(1.0)
        assert threading.active_count() <= threads_before + 2, "one thread per admitted connection, no more"
        foreign = b"GET /query HTTP/1.1\r\nHost: evil.example\r\n\r\n"
        assert _raw(port, foreign).startswith(b"HTTP/1.1 503 "), "past the bound: 503 at once, no wait"
    finally:
        for connection in idle:
            connection.close()
    deadline = time.monotonic() + 10
    answer = b""
    while time.monotonic() < deadline and not answer.startswith(b"HTTP/1.1 403"):
        answer = _raw(port, b"GET /query HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
    server.shutdown()
    server.server_close()
    assert answer.startswith(b"HTTP/1.1 403"), "slots come back when the idle connections close"
