"""`serve` under load: 200 concurrent clients on loopback all get answers, quickly (a real listen backlog)."""

from __future__ import annotations

import http.client
import json
import statistics
import threading
import time
import urllib.parse
from collections.abc import Iterator

import pytest

from strategygraph.stores.base import GraphStore
from strategygraph.stores.endpoint import Endpoint, running_endpoint
from strategygraph.stores.serialization import serialize_graph

pytestmark = pytest.mark.slow
CLIENTS = 200
CLIENT_LIMIT = 8.0  # seconds one client waits before it counts as a timeout; the test ends by itself


@pytest.fixture(scope="module")
def endpoint(bundled_store: GraphStore) -> Iterator[Endpoint]:
    with running_endpoint(serialize_graph(bundled_store, "nt"), port=0, timeout=10) as running:
        yield running


def _ask(port: int, start: threading.Barrier) -> float | None:
    """Seconds one client waited for a complete ``ASK {}`` answer; None if it failed or timed out."""
    path = "/query?" + urllib.parse.urlencode({"query": "ASK {}"})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_LIMIT)
    start.wait(timeout=30)
    began = time.monotonic()
    try:
        connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        answer = json.loads(response.read())
    except (OSError, http.client.HTTPException, ValueError):
        return None
    finally:
        connection.close()
    return time.monotonic() - began if response.status == 200 and answer.get("boolean") is True else None


def load(port: int, clients: int = CLIENTS) -> tuple[list[float], int]:
    """Latencies of the clients that got an answer, and how many did not; all start at the same moment."""
    start = threading.Barrier(clients)
    results: list[float | None] = [None] * clients

    def client(index: int) -> None:
        results[index] = _ask(port, start)

    threads = [threading.Thread(target=client, args=(index,), daemon=True) for index in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=CLIENT_LIMIT + 35)
    answered = [latency for latency in results if latency is not None]
    return answered, clients - len(answered)


def test_200_concurrent_clients_all_get_answers_without_waiting_for_a_retry(endpoint: Endpoint) -> None:
    # The fault guarded against, a listen backlog of 5, left 46-61 % of the clients without an answer within 8 s:
    # dropped connections wait for the client's SYN retries (1 s, then 3 s). Alone the p95 is about 0.2 s; while
    # the whole suite runs (three workers on two CPUs) it reached 1.01 s once, so the bound is 2 s: still below a
    # second retry round, above the noise of a busy machine.
    port = int(endpoint.base_url.rsplit(":", 1)[1])
    answered, failed = load(port)
    p95 = statistics.quantiles(answered, n=20)[-1] if len(answered) > 1 else float("inf")
    print(f"{CLIENTS} clients: {failed} failed, p95 {p95:.3f} s, max {max(answered, default=0):.3f} s")
    assert failed == 0, f"{failed} of {CLIENTS} clients got no answer (p95 {p95:.2f} s)"
    assert p95 <= 2.0, f"p95 {p95:.2f} s"
