"""Every store gives the same answers: MemoryStore (rdflib) and OxigraphStore on the bundled and generated data.

Three parametrised comparisons, meant to grow as features land:
- ``QUERY_CASES``: SELECT/ASK queries with bound parameters (add the SPARQL catalogue's queries here);
- ``ANALYSES``: library functions of a store (add overlaps, theme analyses, report data here);
- CLI commands run with ``--store memory`` and ``--store oxigraph`` (info, build, validate).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import XSD
from rdflib.term import Identifier

from generate import generate
from strategygraph.catalogue.queries import catalogue_names, find_query, run_query
from strategygraph.cli import cli
from strategygraph.loading import DataSources, load_graph
from strategygraph.stores.base import GraphStore
from strategygraph.stores.serialization import serialize_graph
from strategygraph.summary import count_graph
from strategygraph.validation.source_pointers import check_source_pointers, source_pointers

from .conftest import HEDENSTED

STORES = ("memory", "oxigraph")
DATASETS = ("bundled", "generated")


@dataclass(frozen=True)
class Dataset:
    name: str
    folder: Path
    stores: dict[str, GraphStore]
    sample: dict[str, Identifier]


SAMPLE_QUERY = """
SELECT ?municipality ?committee ?focusArea ?title ?order ?statement WHERE {
    ?focusArea sg:presentedBy ?committee ; dcterms:title ?title .
    ?committee org:unitOf ?municipality .
    ?statement sg:focusArea ?focusArea ; sg:order ?order .
    FILTER (?order > 1)
} ORDER BY DESC(?focusArea) ?order LIMIT 1
"""


def load_dataset(name: str, folder: Path) -> Dataset:
    sources = DataSources.bundled([folder])
    stores = {kind: load_graph(sources, kind) for kind in STORES}
    (row,) = stores["memory"].select(SAMPLE_QUERY).dicts()
    sample = {key: value for key, value in row.items() if value is not None}
    return Dataset(name, folder, stores, sample)


@pytest.fixture(scope="module", params=DATASETS)
def dataset(request: pytest.FixtureRequest, generated_data: Path) -> Dataset:
    return load_dataset(request.param, HEDENSTED if request.param == "bundled" else generated_data)


@pytest.fixture(scope="module", params=["bundled", "generated seminar"])
def catalogue_dataset(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The catalogue runs on rdflib for minutes at 10 k triples (a FILTER NOT EXISTS per mention in
    themes-only-in-reflections, pair self-joins): it is compared on the bundled data and one generated seminar."""
    if request.param == "bundled":
        return load_dataset("bundled", HEDENSTED)
    folder = tmp_path_factory.mktemp("seminar") / "data"
    generate(folder, 1_500, seed=2)
    return load_dataset(request.param, folder)


@dataclass(frozen=True)
class QueryCase:
    """A query and the sample terms bound to its parameters (``{"f": "focusArea"}`` binds ?f to the sample's)."""

    name: str
    query: str
    parameters: dict[str, str] = field(default_factory=dict)
    literals: dict[str, Identifier] = field(default_factory=dict)

    def bindings(self, sample: dict[str, Identifier]) -> dict[str, Identifier]:
        return {**{name: sample[key] for name, key in self.parameters.items()}, **self.literals}


QUERY_CASES = [
    QueryCase(
        "statements of a focus area (IRI, not projected)",
        "SELECT ?statement ?order ?text WHERE { ?statement sg:focusArea $f ; sg:order ?order ; sg:text ?text } "
        "ORDER BY ?order",
        {"f": "focusArea"},
    ),
    QueryCase(
        "focus area by its Danish title (literal with language)",
        "SELECT ?focusArea ?slide ?number WHERE { ?focusArea dcterms:title $title ; sg:slide ?slide . "
        "?slide sg:slideNumber ?number } ORDER BY ?focusArea",
        {"title": "title"},
    ),
    QueryCase(
        "statements at a position (integer), implicit COUNT",
        "SELECT (COUNT(?s) AS ?n) (MAX(STRLEN(?text)) AS ?longest) WHERE { ?s a sg:Statement ; sg:order $order ; "
        "sg:text ?text }",
        {"order": "order"},
    ),
    QueryCase(
        "no statement at position 99: one row of zero counts",
        "SELECT (COUNT(?s) AS ?n) (SAMPLE(?s) AS ?any) WHERE { ?s a sg:Statement ; sg:order $order }",
        literals={"order": Literal(99)},
    ),
    QueryCase(
        "committees of a municipality with OPTIONAL (unbound) alternative labels",
        "SELECT ?committee ?label ?alt WHERE { ?committee org:unitOf $m ; skos:prefLabel ?label . "
        'FILTER (lang(?label) = "da") OPTIONAL { ?committee skos:altLabel ?alt } } ORDER BY ?committee ?alt',
        {"m": "municipality"},
    ),
    QueryCase(
        "focus area titles per committee (GROUP_CONCAT of STR over an ordered sub-select)",
        "SELECT ?committee (COUNT(?focusArea) AS ?n) (GROUP_CONCAT(STR(?title); separator=' | ') AS ?titles) WHERE { "
        "?committee org:unitOf $m . { SELECT ?committee ?focusArea ?title WHERE { ?focusArea sg:presentedBy "
        "?committee ; dcterms:title ?title } ORDER BY ?title } } GROUP BY ?committee ORDER BY ?committee",
        {"m": "municipality"},
    ),
    QueryCase(
        "English committee labels (FILTER langMatches with a plain literal)",
        "SELECT ?committee ?label WHERE { ?committee a sg:Committee ; skos:prefLabel ?label . "
        "FILTER (langMatches(lang(?label), $lang)) } ORDER BY ?committee",
        literals={"lang": Literal("en")},
    ),
    QueryCase(
        "statements per committee for one confidence (GROUP BY, COUNT DISTINCT)",
        "SELECT ?committee (COUNT(DISTINCT ?statement) AS ?statements) WHERE { ?focusArea sg:presentedBy ?committee "
        "; sg:attribution ?attribution . ?attribution sg:confidence $confidence . ?statement sg:focusArea "
        "?focusArea } GROUP BY ?committee ORDER BY DESC(?statements) ?committee",
        literals={"confidence": Literal("strong-inference")},
    ),
    QueryCase(
        "the bound parameter projected, with arithmetic cast to integer",
        "SELECT ?f ?statement (xsd:integer(?order * 10) AS ?rank) WHERE { "
        "?statement sg:focusArea ?f ; sg:order ?order } ORDER BY ?rank ?statement",
        {"f": "focusArea"},
    ),
    QueryCase(
        "seminars with their dates (OPTIONAL gYear) and descriptions",
        "SELECT ?seminar ?date (SUBSTR(STR(?description), 1, 40) AS ?start) WHERE { ?seminar a sg:Seminar . "
        "OPTIONAL { ?seminar dcterms:date ?date } OPTIONAL { ?seminar dcterms:description ?description } } "
        "ORDER BY ?seminar",
    ),
    QueryCase("ASK with a bound statement", "ASK { $s sg:text ?text FILTER (strlen(?text) > 5) }", {"s": "statement"}),
    QueryCase(
        "FILTER NOT EXISTS with a bound committee",
        "SELECT ?focusArea WHERE { ?focusArea a sg:FocusArea . FILTER NOT EXISTS { ?focusArea sg:presentedBy $c } } "
        "ORDER BY ?focusArea LIMIT 20",
        {"c": "committee"},
    ),
]


@pytest.mark.parametrize("case", QUERY_CASES, ids=[case.name for case in QUERY_CASES])
def test_queries_give_identical_results(dataset: Dataset, case: QueryCase) -> None:
    bindings = case.bindings(dataset.sample)
    results = {kind: store.select(case.query, bindings) for kind, store in dataset.stores.items()}
    assert results["memory"].rows, f"{case.name}: no rows on {dataset.name}; the comparison would prove nothing"
    assert results["oxigraph"] == results["memory"]


THEME_SAMPLE_QUERY = """
SELECT ?theme (COUNT(?mention) AS ?n) WHERE { ?mention sg:theme ?theme }
GROUP BY ?theme ORDER BY DESC(?n) ?theme LIMIT 1
"""
SLUGS_QUERY = (
    "SELECT ?committeeSlug ?focusAreaSlug WHERE { $committee sg:slug ?committeeSlug . $f sg:slug ?focusAreaSlug }"
)


def catalogue_arguments(dataset: Dataset) -> list[dict[str, str]]:
    """Argument sets for the catalogue's parameters: the defaults, and values sampled from the data."""
    memory = dataset.stores["memory"]
    (theme, _count), *_ = memory.select(THEME_SAMPLE_QUERY).rows
    bindings = {"committee": dataset.sample["committee"], "f": dataset.sample["focusArea"]}
    ((committee, focus_area),) = memory.select(SLUGS_QUERY, bindings).rows
    sampled = {"committee": committee, "focusArea": focus_area, "theme": theme, "search": "fællesskab"}
    return [{}, {**{name: str(value) for name, value in sampled.items()}, "lang": "en", "min": "3"}]


@pytest.mark.parametrize("name", catalogue_names())
def test_catalogue_queries_give_identical_results(catalogue_dataset: Dataset, name: str) -> None:
    query = find_query(name)
    declared = {parameter.name for parameter in query.parameters}
    for arguments in catalogue_arguments(catalogue_dataset):
        given = {key: value for key, value in arguments.items() if key in declared}
        results = {kind: run_query(store, query, given) for kind, store in catalogue_dataset.stores.items()}
        assert results["oxigraph"] == results["memory"], f"{name} {given}"


ANALYSES: dict[str, Callable[[Dataset, GraphStore], object]] = {
    "info counts": lambda _data, store: count_graph(store),
    "source pointers": lambda _data, store: sorted(source_pointers(store), key=repr),
    "N-Triples": lambda _data, store: serialize_graph(store, "nt"),
    "Turtle": lambda _data, store: serialize_graph(store, "ttl"),
}


@pytest.mark.parametrize("analysis", ANALYSES, ids=list(ANALYSES))
def test_analyses_give_identical_results(dataset: Dataset, analysis: str) -> None:
    compute = ANALYSES[analysis]
    memory = compute(dataset, dataset.stores["memory"])
    assert memory, f"{analysis}: empty on {dataset.name}; the comparison would prove nothing"
    assert compute(dataset, dataset.stores["oxigraph"]) == memory


def test_broken_source_pointers_are_reported_alike(tmp_path: Path) -> None:
    folder = tmp_path / "hedensted"
    shutil.copytree(HEDENSTED, folder)
    seminar = folder / "seminar.ttl"
    text = seminar.read_text(encoding="utf-8")
    text = text.replace("oa:start 3718 ; oa:end 6468", "oa:start 3718 ; oa:end 99999")  # slide 2 past the end
    text = text.replace('"Fokus på at lave udstykninger, hvor', '"Fokus på at bygge udstykninger, hvor', 1)
    seminar.write_text(text, encoding="utf-8")
    sources = DataSources.bundled([folder])
    memory, oxigraph = (check_source_pointers(load_graph(sources, kind), [folder]) for kind in STORES)
    assert len(memory) == 2, memory
    assert oxigraph == memory


def _run(runner: CliRunner, kind: str, folder: Path, *arguments: str) -> tuple[int, str]:
    result = runner.invoke(cli, ["--store", kind, "--data", str(folder), *arguments])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("command", ["info", "validate", "build"])
def test_commands_give_identical_output(dataset: Dataset, runner: CliRunner, tmp_path: Path, command: str) -> None:
    outputs = {}
    for kind in STORES:
        arguments: list[str] = {
            "info": ["info", "--format", "json"],
            "validate": ["validate"],
            "build": ["build", "--format", "nt", "--out", str(tmp_path / f"{kind}.nt")],
        }[command]
        exit_code, stdout = _run(runner, kind, dataset.folder, *arguments)
        assert exit_code == 0, stdout
        outputs[kind] = (tmp_path / f"{kind}.nt").read_text(encoding="utf-8") if command == "build" else stdout
    assert outputs["oxigraph"] == outputs["memory"]
    if command == "info":
        assert json.loads(outputs["memory"])["statements"] > 0


def _report_contents(folder: Path) -> dict[str, object]:
    """Each report file's content: the RDF of graph.jsonld, the cell values of the workbook (its timestamps
    differ from run to run), the text of the rest."""
    from openpyxl import load_workbook
    from rdflib import Graph

    contents: dict[str, object] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = str(path.relative_to(folder))
        if path.suffix == ".jsonld":
            contents[name] = set(Graph().parse(path, format="json-ld"))
        elif path.suffix == ".xlsx":
            workbook = load_workbook(path, read_only=True)
            sheets = {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}
            contents[name] = sheets
        else:
            text = path.read_text(encoding="utf-8")
            contents[name] = text
    return contents


@pytest.fixture(scope="module", params=["bundled", "generated, two councils"])
def report_folder(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data, and generated national data small enough for rdflib's report (two councils, whose
    committees share names: a report of the 10 k set takes rdflib most of a minute)."""
    if request.param == "bundled":
        return HEDENSTED
    folder = tmp_path_factory.mktemp("national") / "data"
    generate(folder, 3_000, seed=1)
    graph = load_graph(DataSources.bundled([folder]), "oxigraph")
    query = 'SELECT ?c ?name WHERE { ?c a sg:Committee ; skos:prefLabel ?name FILTER (lang(?name) = "da") }'
    names = [str(name) for _committee, name in graph.select(query).rows]
    assert len(names) > len(set(names)), "the two councils share committee names"
    return folder


def test_overlaps_and_report_are_identical(report_folder: Path, runner: CliRunner, tmp_path: Path) -> None:
    """Byte for byte, also on national data where committees share names and statements share texts: every
    sort has a unique last key, so no store's row order shows through."""
    overlaps, reports = {}, {}
    for kind in STORES:
        exit_code, stdout = _run(runner, kind, report_folder, "overlaps", "--format", "json")
        assert exit_code == 0, stdout
        overlaps[kind] = json.loads(stdout)
        exit_code, stdout = _run(runner, kind, report_folder, "report", "--out", str(tmp_path / kind), "--quiet")
        assert exit_code == 0, stdout
        reports[kind] = _report_contents(tmp_path / kind)
    assert overlaps["memory"]
    assert overlaps["oxigraph"] == overlaps["memory"]
    assert len(reports["memory"]) > 10
    assert reports["oxigraph"] == reports["memory"]


def test_known_difference_group_concat_of_tagged_literals(dataset: Dataset) -> None:
    """Oxigraph keeps a shared language tag on GROUP_CONCAT's result, rdflib returns a plain literal: the text is
    the same, the term is not. Concatenate ``STR(?label)`` to get the same term from both stores."""
    query = "SELECT (GROUP_CONCAT(?title; separator=' | ') AS ?titles) WHERE { $f dcterms:title ?title }"
    bindings = {"f": dataset.sample["focusArea"]}
    (memory,), (oxigraph,) = (dataset.stores[kind].select(query, bindings).rows[0] for kind in STORES)
    assert isinstance(memory, Literal)
    assert isinstance(oxigraph, Literal)
    assert str(memory) == str(oxigraph)
    assert (memory.language, oxigraph.language) == (None, "da")


def test_known_difference_integer_arithmetic(dataset: Dataset) -> None:
    """rdflib types integer × integer as xsd:decimal, Oxigraph as xsd:integer (as SPARQL says): same value, other
    term. Cast (``xsd:integer(?a * ?b)``) or compare values (``as_int``) when a query computes numbers."""
    query = "SELECT (?order * 10 AS ?rank) WHERE { $s sg:order ?order }"
    bindings = {"s": dataset.sample["statement"]}
    (memory,), (oxigraph,) = (dataset.stores[kind].select(query, bindings).rows[0] for kind in STORES)
    assert isinstance(memory, Literal)
    assert isinstance(oxigraph, Literal)
    assert memory.value == oxigraph.value
    assert (memory.datatype, oxigraph.datatype) == (XSD.decimal, XSD.integer)
