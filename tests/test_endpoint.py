"""`serve`: a real HTTP client against the read-only endpoint: GET/POST, JSON/CSV, updates refused, time limit."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from strategygraph.catalogue.queries import find_query, run_query
from strategygraph.catalogue.results import results_json
from strategygraph.errors import StrategyGraphError
from strategygraph.stores.base import GraphStore
from strategygraph.stores.endpoint import Endpoint, running_endpoint
from strategygraph.stores.remote import SparqlEndpoint
from strategygraph.stores.serialization import serialize_graph

from .oxigraph_servers import spawn_serve
from .test_queries import NAMES

pytestmark = pytest.mark.slow
TIME_LIMIT = 2.0
COUNT = "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }"
RUNAWAYS = {
    "aggregate": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "sort": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
}


@pytest.fixture(scope="module")
def endpoint(bundled_store: GraphStore) -> Iterator[Endpoint]:
    with running_endpoint(serialize_graph(bundled_store, "nt"), port=0, timeout=TIME_LIMIT) as running:
        yield running


def _send(request: urllib.request.Request, within: float = 30) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=within) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def _get(url: str, query: str, accept: str) -> tuple[int, str, bytes]:
    return _send(
        urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept})
    )


def _post(
    url: str, body: bytes, content_type: str, accept: str = "application/sparql-results+json"
) -> tuple[int, str, bytes]:
    headers = {"Content-Type": content_type, "Accept": accept}
    return _send(urllib.request.Request(url, data=body, headers=headers, method="POST"))


def _triples(endpoint: Endpoint) -> int:
    status, _, body = _get(endpoint.query_url, COUNT, "application/sparql-results+json")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["triples"]["value"])


def test_get_with_json_results(endpoint: Endpoint, bundled_store: GraphStore) -> None:
    status, content_type, body = _get(endpoint.query_url, COUNT, "application/sparql-results+json")
    assert (status, content_type) == (200, "application/sparql-results+json")
    assert json.loads(body)["head"]["vars"] == ["triples"]
    assert _triples(endpoint) == len(bundled_store)


def test_post_form_and_direct_post_with_csv_results(endpoint: Endpoint) -> None:
    query = (
        "PREFIX sg: <https://w3id.org/strategygraph/ontology#> "
        "SELECT ?slug WHERE { ?c a sg:Committee ; sg:slug ?slug } ORDER BY ?slug"
    )
    form = urllib.parse.urlencode({"query": query}).encode()
    for body, content_type in [
        (form, "application/x-www-form-urlencoded"),
        (query.encode(), "application/sparql-query"),
    ]:
        status, returned_type, answer = _post(endpoint.query_url, body, content_type, accept="text/csv")
        assert (status, returned_type) == (200, "text/csv")
        rows = list(csv.reader(io.StringIO(answer.decode("utf-8"))))
        assert rows[0] == ["slug"]
        assert [row[0] for row in rows[1:]][:2] == ["beskaeftigelse", "faellesskab"]
        assert len(rows) == 1 + 8


@pytest.mark.parametrize("name", NAMES)
def test_catalogue_queries_through_the_endpoint_equal_local(
    name: str, endpoint: Endpoint, bundled_store: GraphStore
) -> None:
    query = find_query(name)
    remote = run_query(SparqlEndpoint(endpoint.query_url), query)
    assert results_json(remote) == results_json(run_query(bundled_store, query))


def test_updates_and_graph_store_writes_are_refused(endpoint: Endpoint) -> None:
    before = _triples(endpoint)
    drop = b"DROP ALL"
    insert = b"INSERT DATA { <http://evil/a> <http://evil/b> <http://evil/c> }"
    assert _post(f"{endpoint.base_url}/update", drop, "application/sparql-update")[0] == 403
    assert _post(f"{endpoint.base_url}/update", insert, "application/sparql-update")[0] == 403
    assert _post(endpoint.query_url, drop, "application/sparql-query")[0] == 400
    put = urllib.request.Request(
        f"{endpoint.base_url}/store?default", data=b"<http://e/a> <http://e/b> <http://e/c> .", method="PUT"
    )
    put.add_header("Content-Type", "application/n-triples")
    assert _send(put)[0] == 403
    delete = urllib.request.Request(f"{endpoint.base_url}/store?default", method="DELETE")
    assert _send(delete)[0] == 403
    assert _triples(endpoint) == before


@pytest.mark.parametrize("kind", sorted(RUNAWAYS))
def test_a_runaway_query_is_stopped_and_the_endpoint_recovers(kind: str, endpoint: Endpoint) -> None:
    before = _triples(endpoint)
    started = time.monotonic()
    status, _, body = _post(endpoint.query_url, RUNAWAYS[kind].encode(), "application/sparql-query")
    elapsed = time.monotonic() - started
    assert status == 503, body[:200]
    assert b"query stopped" in body
    assert TIME_LIMIT <= elapsed < TIME_LIMIT + 10
    assert _triples(endpoint) == before


def test_the_query_editor_page_loads_from_the_endpoint_itself(endpoint: Endpoint) -> None:
    status, content_type, page = _send(urllib.request.Request(endpoint.base_url + "/"))
    assert (status, content_type) == (200, "text/html")
    assert b"yasgui" in page.lower()
    for asset in ("/yasgui.min.js", "/yasgui.min.css"):
        assert _send(urllib.request.Request(endpoint.base_url + asset))[0] == 200


def test_a_browser_loads_the_query_editor_without_leaving_the_machine(endpoint: Endpoint) -> None:
    from playwright import sync_api

    requested: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page()
            page.on("request", lambda request: requested.append(request.url))
            page.route(
                "**/*",
                lambda route: route.continue_() if route.request.url.startswith(endpoint.base_url) else route.abort(),
            )
            page.goto(endpoint.base_url + "/", wait_until="networkidle")
            page.wait_for_selector(".yasqe", timeout=10_000)
            page.click(".yasqe_queryButton")  # the editor's example query, answered by this endpoint
            page.wait_for_selector(".yasr .dataTable tbody tr", timeout=10_000)
            shown_rows = page.locator(".yasr .dataTable tbody tr").count()
        finally:
            browser.close()
    assert shown_rows == 10
    assert f"{endpoint.base_url}/yasgui.min.js" in requested
    outside = [url for url in requested if not url.startswith(endpoint.base_url) and not url.startswith("data:")]
    assert outside == []


def test_a_bad_address_or_timeout_is_a_one_line_error(bundled_store: GraphStore) -> None:
    with pytest.raises(StrategyGraphError, match="timeout must be a positive"), running_endpoint("", timeout=0):
        pass
    with running_endpoint("", port=0) as first:
        port = int(first.base_url.rsplit(":", 1)[1])
        with (
            pytest.raises(StrategyGraphError, match=f"cannot listen on 127.0.0.1:{port}"),
            running_endpoint("", port=port),
        ):
            pass


def test_serve_command_answers_and_stops_cleanly_on_sigterm() -> None:
    process, first_line = spawn_serve("--timeout", "5", stderr=subprocess.PIPE)
    try:
        query_url = first_line.split(": ", 1)[1].strip()
        status, _, body = _get(query_url, "ASK { ?s ?p ?o }", "application/sparql-results+json")
        assert status == 200
        assert json.loads(body) == {"head": {}, "boolean": True}
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
