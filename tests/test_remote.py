"""Against a real Oxigraph server: publish (Graph Store Protocol), then every query via --endpoint == local."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from strategygraph.catalogue.queries import find_query, run_query
from strategygraph.catalogue.results import results_json
from strategygraph.cli import cli
from strategygraph.errors import StrategyGraphError
from strategygraph.loading import DataSources, load_graph
from strategygraph.stores.base import GraphStore
from strategygraph.stores.remote import DEFAULT_GRAPH, SparqlEndpoint, graph_triple_count, publish_graph

from .conftest import FIXTURES
from .oxigraph_servers import OxigraphServer, oxigraph_server
from .test_queries import HOSTILE, NAMES

pytestmark = pytest.mark.slow
THEMES_MINI = FIXTURES / "themes-mini"
THEME_GRAPH = "https://w3id.org/strategygraph/graph/themes-mini"

# Parameter values for the theme fixture: each binds a parameter in a different position of its query.
CASES: list[tuple[str, dict[str, str], int]] = [
    ("committee-themes", {"committee": "klima", "lang": "en"}, 6),  # + real-thesaurus themes the tagger finds
    ("committees-sharing-theme", {"theme": "theme:boliger"}, 2),
    ("committees-sharing-theme", {"theme": "theme:natur"}, 0),
    ("themes-shared-by-committees", {"min": "1"}, 6),
    ("themes-shared-by-committees", {"min": "3"}, 0),
    ("theme-evidence", {"theme": "theme:natur"}, 2),
    ("reflections-mentioning-theme", {"theme": "theme:ensomhed"}, 1),
    ("search-text", {"search": "ÆLDRE"}, 1),
    ("focus-areas-by-committee", {"committee": "plan", "lang": "en"}, 1),
    ("focus-areas-by-committee", {"committee": "planning COMMITTEE", "lang": "en"}, 1),  # a label, looked up
    ("committees-sharing-theme", {"theme": "Boliger"}, 2),
    ("focus-area-statements", {"focusArea": "groen-by"}, 2),
]


@pytest.fixture(scope="module")
def server() -> Iterator[OxigraphServer]:
    with oxigraph_server() as running:
        yield running


@pytest.fixture(scope="module")
def published(server: OxigraphServer, bundled_store: GraphStore) -> OxigraphServer:
    """The bundled graph in the default strategygraph graph, the theme fixture in a second graph."""
    publish_graph(bundled_store, server.store_url)
    publish_graph(load_graph(DataSources.bundled([THEMES_MINI])), server.store_url, THEME_GRAPH)
    return server


def test_publish_replaces_the_named_graph_and_reports_counts(server: OxigraphServer, runner: CliRunner) -> None:
    graph = "https://w3id.org/strategygraph/graph/publish-test"
    first = runner.invoke(cli, ["publish", "--endpoint", server.store_url, "--graph", graph])
    assert first.exit_code == 0, first.output
    local = len(load_graph(DataSources.bundled()))
    assert f"<{graph}> på {server.store_url}: 0 tripler før, {local} efter ({local} sendt)." in first.stdout
    smaller = runner.invoke(
        cli, ["--lang", "en", "--data", str(THEMES_MINI), "publish", "--endpoint", server.store_url, "--graph", graph]
    )
    small = len(load_graph(DataSources.bundled([THEMES_MINI])))
    assert f"{local} triples before, {small} after ({small} sent)." in smaller.stdout
    assert graph_triple_count(server.store_url, graph) == small


@pytest.mark.parametrize("name", NAMES)
def test_every_catalogue_query_via_endpoint_equals_local(
    name: str, published: OxigraphServer, runner: CliRunner
) -> None:
    local = runner.invoke(cli, ["query", name, "--format", "json"])
    remote = runner.invoke(
        cli, ["query", name, "--format", "json", "--endpoint", published.query_url, "--graph", DEFAULT_GRAPH]
    )
    assert local.exit_code == 0, local.output
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.stdout) == json.loads(local.stdout)


@pytest.mark.parametrize("name", NAMES)
def test_every_catalogue_query_on_theme_data_via_endpoint_equals_local(name: str, published: OxigraphServer) -> None:
    store = load_graph(DataSources.bundled([THEMES_MINI]))
    remote = SparqlEndpoint(published.query_url, (THEME_GRAPH,))
    query = find_query(name)
    local_result = run_query(store, query)
    assert results_json(run_query(remote, query)) == results_json(local_result)


@pytest.mark.parametrize(("name", "arguments", "rows"), CASES)
def test_bound_parameters_via_endpoint_equal_local(
    name: str, arguments: dict[str, str], rows: int, published: OxigraphServer
) -> None:
    store = load_graph(DataSources.bundled([THEMES_MINI]))
    remote = SparqlEndpoint(published.query_url, (THEME_GRAPH,))
    query = find_query(name)
    local_result = run_query(store, query, arguments)
    assert len(local_result.rows) == rows
    assert results_json(run_query(remote, query, arguments)) == results_json(local_result)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_via_endpoint_match_nothing_and_change_nothing(value: str, published: OxigraphServer) -> None:
    remote = SparqlEndpoint(published.query_url, (DEFAULT_GRAPH,))
    before = graph_triple_count(published.store_url, DEFAULT_GRAPH)
    assert run_query(remote, find_query("search-text"), {"search": value}).rows == []
    with pytest.raises(StrategyGraphError, match="parameter 'committee': no committee"):
        run_query(remote, find_query("focus-areas-by-committee"), {"committee": value})
    assert graph_triple_count(published.store_url, DEFAULT_GRAPH) == before
    assert len(remote) == before


def test_unreachable_or_wrong_endpoints_are_one_line_errors(runner: CliRunner, server: OxigraphServer) -> None:
    from strategygraph.stores.endpoint import free_port

    closed = f"http://127.0.0.1:{free_port()}/query"
    for endpoint, message in [
        (closed, "cannot reach"),
        ("file:///etc/passwd", "not an http:// or https:// endpoint URL"),
        (f"{server.base_url}/nowhere", "HTTP 404"),
    ]:
        result = runner.invoke(cli, ["--lang", "en", "query", "committees", "--endpoint", endpoint])
        assert result.exit_code == 2, result.output
        assert message in result.stderr
        assert result.stderr.count("\n") == 1
    no_endpoint = runner.invoke(cli, ["--lang", "en", "query", "committees", "--graph", DEFAULT_GRAPH])
    assert "--graph needs --endpoint" in no_endpoint.stderr
    with pytest.raises(StrategyGraphError, match="read-only"):
        SparqlEndpoint(server.query_url).add([])
