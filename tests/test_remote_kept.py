"""A graph `publish` wrote to a real Oxigraph server: its corpus is kept in the cache folder for that state of the
graph, read back while the graph stays as published, and never read for another state."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest

from strategygraph.corpus import reading
from strategygraph.corpus.model import Corpus
from strategygraph.loading import DataSources, load_graph
from strategygraph.stores.http_client import http_request, with_parameter
from strategygraph.stores.keeping import KeptForm
from strategygraph.stores.remote import SparqlEndpoint, publish_graph, published_about

from .conftest import FIXTURES
from .oxigraph_servers import OxigraphServer, oxigraph_server

pytestmark = pytest.mark.slow
GRAPH = "https://w3id.org/strategygraph/graph/kept-test"
THEMES_MINI = FIXTURES / "themes-mini"
PROBE = KeptForm("probe", str, str)


@pytest.fixture(scope="module")
def server() -> Iterator[OxigraphServer]:
    with oxigraph_server() as running:
        yield running


def _never_read(_store: object) -> Corpus:
    raise AssertionError("the corpus was read from the service, not from the kept text")


def test_the_corpus_is_kept_for_the_published_state_only(
    server: OxigraphServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    mini = load_graph(DataSources.bundled([THEMES_MINI]))
    publish_graph(mini, server.store_url, GRAPH)
    first = reading.read_corpus(SparqlEndpoint(server.query_url, (GRAPH,)))
    assert first == reading.read_corpus(mini)
    with monkeypatch.context() as patched:
        patched.setattr(reading, "_read_corpus", _never_read)
        assert reading.read_corpus(SparqlEndpoint(server.query_url, (GRAPH,))) == first

    bundled = load_graph(DataSources.bundled())
    publish_graph(bundled, server.store_url, GRAPH)  # another state: the kept text of the first is not read
    assert reading.read_corpus(SparqlEndpoint(server.query_url, (GRAPH,))) == reading.read_corpus(bundled)

    update = f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <urn:x:a> <urn:x:b> 'changed by hand' }} }}"
    http_request(
        f"{server.base_url}/update",
        "POST",
        urllib.parse.urlencode({"update": update}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert SparqlEndpoint(server.query_url, (GRAPH,)).kept(PROBE, lambda: "made") is None


def test_a_graph_publish_did_not_write_keeps_nothing(server: OxigraphServer) -> None:
    graph = "https://w3id.org/strategygraph/graph/put-by-hand"
    triples = b"<urn:x:a> <urn:x:b> <urn:x:c> .\n"
    http_request(
        with_parameter(server.store_url, "graph", graph), "PUT", triples, {"Content-Type": "application/n-triples"}
    )
    assert SparqlEndpoint(server.query_url, (graph,)).kept(PROBE, lambda: "made") is None
    assert SparqlEndpoint(server.query_url, ()).kept(PROBE, lambda: "made") is None  # the service's default graph
    assert published_about(graph) != published_about(GRAPH)
