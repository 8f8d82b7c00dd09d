"""SERVICE (federated query) is off unless asked for: found with the SPARQL lexer, refused by `query FILE.rq` on
the local graph without --allow-federation (the engines would fetch from the hosts it names)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from strategygraph.cli import cli
from strategygraph.stores.endpoint import Endpoint, running_endpoint
from strategygraph.stores.sparql_text import uses_service

GRAPH = "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"


@pytest.mark.parametrize(
    ("query", "federated"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/q> { ?s ?p ?o } }", True),
        ("select * where { service silent <http://127.0.0.1:1/q> { ?s ?p ?o } }", True),
        ("SELECT * WHERE { ?x ?y ?z .SERVICE ?endpoint { ?s ?p ?o } }", True),
        ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/q> { ?s ?p ?o } }", True),
        ('SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:1/q> {}" }', False),
        ("SELECT * WHERE { ?s ?p '''\nSERVICE <http://127.0.0.1:1/q>\n''' }", False),
        ("# SERVICE <http://127.0.0.1:1/q> { }\nSELECT * WHERE { ?s ?p ?o }", False),
        ("SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }", False),
        ("PREFIX ex: <http://example.org/> SELECT ?service WHERE { ?service ex:SERVICE ?o }", False),
    ],
)
def test_uses_service_reads_tokens_not_text(query: str, federated: bool) -> None:
    assert uses_service(query) is federated


def _query_file(folder: Path, endpoint_url: str) -> Path:
    path = folder / "federated.rq"
    path.write_text(f"# asks another endpoint\nSELECT ?s WHERE {{ SERVICE <{endpoint_url}> {{ ?s ?p ?o }} }}\n")
    return path


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_query_file_with_service_is_refused_without_allow_federation(
    runner: CliRunner, tmp_path: Path, store: str
) -> None:
    path = _query_file(tmp_path, "http://127.0.0.1:9/query")
    result = runner.invoke(cli, ["--lang", "en", "--store", store, "query", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "Error: query 'federated' uses SERVICE (federated query), which asks other services over the network; "
        "add --allow-federation to run it\n"
    )


@pytest.fixture(scope="module")
def endpoint() -> Iterator[Endpoint]:
    with running_endpoint(GRAPH, port=0, timeout=10) as running:
        yield running


@pytest.mark.slow
@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_query_file_with_service_runs_with_allow_federation(
    runner: CliRunner, tmp_path: Path, store: str, endpoint: Endpoint
) -> None:
    path = _query_file(tmp_path, endpoint.query_url)
    result = runner.invoke(cli, ["--store", store, "query", str(path), "--allow-federation", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert [row["s"]["value"] for row in rows] == ["http://example.org/a"]
