"""Every command on a remote SPARQL 1.1 service (``--store URL``) gives the local answers: the data published with
``publish`` (mentions included) to a real Oxigraph server and a real Virtuoso (whose dialect and limits differ),
compared with rdflib in memory and the persistent store, on the bundled data and on generated data (10 k)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from strategygraph.catalogue.queries import catalogue_names, find_query, run_query
from strategygraph.cli import cli
from strategygraph.corpus.kept import KEPT_CORPUS
from strategygraph.corpus.model import Corpus
from strategygraph.corpus.reading import read_corpus
from strategygraph.errors import StrategyGraphError
from strategygraph.loading import DataSources, load_graph
from strategygraph.stores.base import GraphStore
from strategygraph.stores.remote import SparqlEndpoint

from .conftest import HEDENSTED
from .oxigraph_servers import oxigraph_server
from .test_store_equivalence import SAMPLE_QUERY, Dataset, _report_contents, catalogue_arguments
from .virtuoso_servers import VirtuosoServer, virtuoso_server

pytestmark = pytest.mark.slow
SERVICES = ("oxigraph-server", "virtuoso")


@dataclass(frozen=True)
class Service:
    query_url: str
    store_url: str


@dataclass(frozen=True)
class Services:
    by_name: dict[str, Service]
    virtuoso: VirtuosoServer


@pytest.fixture(scope="module")
def services() -> Iterator[Services]:
    """Both servers, started once for the module (per xdist worker)."""
    with oxigraph_server() as oxigraph, virtuoso_server() as virtuoso:
        yield Services(
            {
                "oxigraph-server": Service(oxigraph.query_url, oxigraph.store_url),
                "virtuoso": Service(virtuoso.query_url, virtuoso.store_url),
            },
            virtuoso,
        )


@dataclass(frozen=True)
class Published:
    """A data folder, its local stores, and the same graph published to each service (``--store`` arguments)."""

    dataset: Dataset
    reference: list[str]  # the global options that give the local answers
    remote: dict[str, list[str]]
    publish_output: dict[str, tuple[str, str]]  # service → publish's stdout and stderr


def _publish(runner: CliRunner, services: Services, name: str, folder: Path, store: Path, graph: str) -> Published:
    sources = DataSources.bundled([folder])
    local: dict[str, GraphStore] = {"persistent": load_graph(sources, str(store))}
    if name != "generated":  # rdflib takes minutes for some catalogue queries at 10 k triples
        local["memory"] = load_graph(sources, "memory")
    reference_kind = "memory" if "memory" in local else str(store)
    outputs, remote, stores = {}, {}, dict(local)
    for service_name, service in services.by_name.items():
        published = runner.invoke(
            cli,
            [
                "--lang",
                "en",
                "--store",
                reference_kind,
                "--data",
                str(folder),
                "publish",
                "--endpoint",
                service.store_url,
                "--graph",
                graph,
            ],
        )
        assert published.exit_code == 0, published.output
        outputs[service_name] = (published.stdout, published.stderr)
        remote[service_name] = ["--store", service.query_url, "--store-graph", graph]
        stores[service_name] = SparqlEndpoint(service.query_url, (graph,))
    first = local.get("memory", local["persistent"])
    (row,) = first.select(SAMPLE_QUERY).dicts()
    sample = {key: value for key, value in row.items() if value is not None}
    return Published(
        Dataset(name, folder, stores, sample),
        ["--store", reference_kind, "--data", str(folder)],
        remote,
        outputs,
    )


@pytest.fixture(scope="module", params=["bundled", "generated"])
def published(
    request: pytest.FixtureRequest, services: Services, generated_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Published:
    folder = HEDENSTED if request.param == "bundled" else generated_data
    store = tmp_path_factory.mktemp("store") / "store"
    graph = f"https://example.org/strategygraph-test/{request.param}"
    return _publish(CliRunner(), services, request.param, folder, store, graph)


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_keeps_the_corpus_of_the_published_state(published: Published, service: str) -> None:
    store = published.dataset.stores[service]
    assert isinstance(store, SparqlEndpoint)
    expected = read_corpus(published.dataset.stores["persistent"])
    assert read_corpus(store) == expected
    assert read_corpus(SparqlEndpoint(store.url, store.default_graphs)) == expected  # read back: same answer
    assert SparqlEndpoint(store.url, store.default_graphs).kept(KEPT_CORPUS, _never) is not None


def _never() -> Corpus:
    raise AssertionError("the corpus was read again although publish recorded its state")


@pytest.mark.parametrize("name", catalogue_names())
def test_catalogue_queries_give_the_local_answers(published: Published, name: str) -> None:
    """All catalogue queries, with default and sampled parameters: the same terms on every store. The generated
    data has committees of the same name in several municipalities, which some queries' ORDER BY leaves tied:
    there the rows are compared sorted."""
    dataset = published.dataset
    query = find_query(name)
    declared = {parameter.name for parameter in query.parameters}
    reference = "memory" if "memory" in dataset.stores else "persistent"
    argument_sets = catalogue_arguments(
        Dataset(dataset.name, dataset.folder, {"memory": dataset.stores[reference]}, dataset.sample)
    )
    for arguments in argument_sets:
        given = {key: value for key, value in arguments.items() if key in declared}
        expected = run_query(dataset.stores[reference], query, given)
        for kind, store in dataset.stores.items():
            result = run_query(store, query, given)
            assert result.variables == expected.variables, f"{name} {given} on {kind}"
            if dataset.name == "bundled":
                assert result.rows == expected.rows, f"{name} {given} on {kind}"
            else:
                assert sorted(result.rows, key=repr) == sorted(expected.rows, key=repr), f"{name} {given} on {kind}"


COMMANDS: dict[str, list[str]] = {
    "info": ["info", "--format", "json"],
    "overlaps": ["overlaps", "--format", "json", "--top", "0"],
    "themes": ["themes", "--format", "json"],
    "gaps": ["gaps", "--format", "json"],
    "structure": ["structure", "--format", "json"],
    "query csv": ["query", "committee-themes", "-p", "committee", "{committee}", "--format", "csv"],
    "query json": ["query", "themes-shared-by-committees", "-p", "min", "2", "--format", "json"],
}


def _committee_slug(published: Published) -> str:
    store = published.dataset.stores["persistent"]
    rows = store.select("SELECT ?slug WHERE { $c sg:slug ?slug }", {"c": published.dataset.sample["committee"]}).rows
    return str(rows[0][0])


@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_commands_give_the_local_output(published: Published, runner: CliRunner, command: str) -> None:
    arguments = [part.format(committee=_committee_slug(published)) for part in COMMANDS[command]]
    expected = runner.invoke(cli, [*published.reference, *arguments])
    assert expected.exit_code == 0, expected.output
    assert len(expected.stdout) > 100, expected.stdout
    for service in SERVICES:
        result = runner.invoke(cli, [*published.remote[service], *arguments])
        assert result.exit_code == 0, f"{service}: {result.output}"
        assert result.stdout == expected.stdout, service


def test_compare_and_a_scoped_seminar_give_the_local_output(published: Published, runner: CliRunner) -> None:
    """compare and --seminar read the whole graph from the service (in pages under Virtuoso's 10 000-row limit)."""
    if published.dataset.name != "generated":
        pytest.skip("the bundled data holds one seminar")
    for arguments in (["compare", "broendby", "lolland", "--format", "json"], ["--seminar", "nyborg", "themes"]):
        expected = runner.invoke(cli, [*published.reference, *arguments])
        assert expected.exit_code == 0, expected.output
        for service in SERVICES:
            result = runner.invoke(cli, [*published.remote[service], *arguments])
            assert result.exit_code == 0, f"{service}: {result.output}"
            assert result.stdout == expected.stdout, (service, arguments)


def test_the_view_is_the_local_file(published: Published, runner: CliRunner, tmp_path: Path) -> None:
    views: dict[str, bytes] = {}
    for name, options in (("local", published.reference), *published.remote.items()):
        result = runner.invoke(cli, [*options, "view", "overview", "--out", str(tmp_path / f"{name}.html")])
        assert result.exit_code == 0, f"{name}: {result.output}"
        views[name] = (tmp_path / f"{name}.html").read_bytes()
    assert len(views["local"]) > 10_000
    for service in SERVICES:
        assert views[service] == views["local"], service


def test_the_report_is_the_local_report(published: Published, runner: CliRunner, tmp_path: Path) -> None:
    """The same report files; graph.ttl holds the same graph (a service does not know the data files' own
    prefixes, so it writes those IRIs in full). On the bundled data only: a report of the generated data takes
    minutes, and compare and --seminar read that whole graph from the services already."""
    if published.dataset.name != "bundled":
        pytest.skip("a report of the generated data is slow; test_compare_and_a_scoped_seminar reads its graph")
    reports: dict[str, dict[str, object]] = {}
    turtles: dict[str, Graph] = {}
    for name, options in (("local", published.reference), *published.remote.items()):
        result = runner.invoke(cli, [*options, "report", "--out", str(tmp_path / name), "--quiet"])
        assert result.exit_code == 0, f"{name}: {result.output}"
        reports[name] = _report_contents(tmp_path / name)
        turtles[name] = Graph().parse(data=str(reports[name].pop("graph.ttl")), format="turtle")
    assert len(reports["local"]) > 10
    assert len(turtles["local"]) > 1000
    for service in SERVICES:
        assert reports[service] == reports["local"], service
        assert isomorphic(turtles[service], turtles["local"]), service


def test_publish_counts_and_a_cut_count_is_said(published: Published) -> None:
    """Oxigraph gives the whole graph back; Virtuoso's graph store reads at most ResultSetMaxRows triples, which
    publish says rather than report a wrong count as the truth."""
    sent = len(published.dataset.stores["persistent"])
    stdout, stderr = published.publish_output["oxigraph-server"]
    assert f"0 triples before, {sent} after ({sent} sent)" in stdout
    assert stderr == ""
    stdout, stderr = published.publish_output["virtuoso"]
    if sent <= 10_000:
        assert f"0 triples before, {sent} after ({sent} sent)" in stdout
        assert stderr == ""
    else:
        assert f"({sent} sent)" in stdout
        assert f"of {sent} triples came back when the graph was read" in stderr
        assert "ResultSetMaxRows" in stderr


def test_an_answer_cut_at_virtuosos_row_limit_is_an_error(published: Published) -> None:
    store = published.dataset.stores["virtuoso"]
    if published.dataset.name != "generated":
        pytest.skip("the bundled graph has fewer than 10 000 triples")
    with pytest.raises(StrategyGraphError, match=r"stopped at the service's limit of 10,000 rows .*ResultSetMaxRows"):
        store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert len(store) == len(published.dataset.stores["persistent"])  # counting is one row: never cut


@pytest.fixture
def without_update_grant(services: Services) -> Iterator[VirtuosoServer]:
    services.virtuoso.sql('revoke SPARQL_UPDATE from "SPARQL";')
    try:
        yield services.virtuoso
    finally:
        services.virtuoso.sql('grant SPARQL_UPDATE to "SPARQL";')


def test_a_refused_upload_shows_the_stores_reason(without_update_grant: VirtuosoServer, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--lang", "en", "publish", "--endpoint", without_update_grant.store_url])
    assert result.exit_code == 2
    assert "HTTP 403 Forbidden: SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD" in result.stderr
    assert "<" not in result.stderr.replace("<https://w3id.org/strategygraph/graph>", "")


def test_login_for_an_authenticated_service(
    services: Services, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Digest authentication (Virtuoso's /sparql-graph-crud-auth) with --user and $STRATEGYGRAPH_PASSWORD; the
    published graph is then the default for query --endpoint and --store URL."""
    url = services.virtuoso.auth_store_url
    no_password = runner.invoke(cli, ["--lang", "en", "--user", "dba", "publish", "--endpoint", url])
    assert no_password.exit_code == 2
    assert "needs the password in the environment variable STRATEGYGRAPH_PASSWORD" in no_password.stderr
    anonymous = runner.invoke(cli, ["--lang", "en", "publish", "--endpoint", url])
    assert "HTTP 401" in anonymous.stderr
    assert "give --user" in anonymous.stderr
    monkeypatch.setenv("STRATEGYGRAPH_PASSWORD", "wrong")
    wrong = runner.invoke(cli, ["--lang", "en", "--user", "dba", "publish", "--endpoint", url])
    assert wrong.exit_code == 2
    assert "HTTP 401" in wrong.stderr
    assert "wrong user or password" in wrong.stderr
    monkeypatch.setenv("STRATEGYGRAPH_PASSWORD", "dba")
    right = runner.invoke(cli, ["--lang", "en", "--user", "dba", "publish", "--endpoint", url])
    assert right.exit_code == 0, right.output
    local = runner.invoke(cli, ["--store", "memory", "query", "committees", "--format", "csv"])
    for arguments in (
        ["query", "committees", "--format", "csv", "--endpoint", services.virtuoso.query_url],
        ["--store", services.virtuoso.query_url, "query", "committees", "--format", "csv"],
    ):
        remote = runner.invoke(cli, arguments)
        assert remote.exit_code == 0, remote.output
        assert remote.stdout == local.stdout
    assert local.stdout.count("\n") > 5


def test_query_endpoint_reads_the_published_graph_by_default(services: Services, runner: CliRunner) -> None:
    """On Oxigraph the service's own default graph is empty after publish: --graph '' asks it, no --graph asks
    the published graph."""
    oxigraph = services.by_name["oxigraph-server"]
    assert runner.invoke(cli, ["publish", "--endpoint", oxigraph.store_url]).exit_code == 0
    local = runner.invoke(cli, ["--store", "memory", "query", "committees", "--format", "json"])
    remote = runner.invoke(cli, ["query", "committees", "--format", "json", "--endpoint", oxigraph.query_url])
    assert remote.stdout == local.stdout
    assert json.loads(local.stdout)["results"]["bindings"]
    own_default = runner.invoke(
        cli, ["query", "committees", "--format", "json", "--endpoint", oxigraph.query_url, "--graph", ""]
    )
    assert own_default.exit_code == 0, own_default.output
    assert json.loads(own_default.stdout)["results"]["bindings"] == []
    validated = runner.invoke(cli, ["--lang", "en", "--store", oxigraph.query_url, "validate"])
    assert validated.exit_code == 0, validated.output
    triples = len(load_graph(DataSources.bundled(), "memory"))
    assert f"The service's data conforms to the data model's rules (SHACL, {triples} triples)" in validated.stdout


def test_store_url_options_that_do_not_go_together(services: Services, runner: CliRunner) -> None:
    url = services.by_name["oxigraph-server"].query_url
    with_data = runner.invoke(cli, ["--lang", "en", "--store", url, "--data", str(HEDENSTED), "info"])
    assert with_data.exit_code == 2
    assert "with --store URL the graph is the service's" in with_data.stderr
    graph_alone = runner.invoke(cli, ["--lang", "en", "--store", "memory", "--store-graph", "https://x.org/g", "info"])
    assert graph_alone.exit_code == 2
    assert "--store-graph needs --store URL" in graph_alone.stderr
