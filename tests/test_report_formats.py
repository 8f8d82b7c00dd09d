"""Every export round-trips: GraphML (NetworkX, igraph), GEXF 1.3 (NetworkX, lxml), XLSX (openpyxl against the
CSVs), Turtle and JSON-LD (isomorphic to the built graph) — in the bundle and through `export`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import igraph
import networkx as nx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from rdflib import Graph
from rdflib.compare import isomorphic

from strategygraph.analysis import Analysis, analyse
from strategygraph.cli import cli
from strategygraph.corpus import read_corpus
from strategygraph.loading import DataSources, load_graph
from strategygraph.report import TABLE_NAMES, gexf_text, report_graph, workbook_bytes
from strategygraph.report.workbook import sheet_name
from strategygraph.stores.base import GraphStore
from strategygraph.tables import Table

from .report_support import REPORT_FIXTURE, build_report, check_gexf_13

NODE_ATTRIBUTES = {"type", "key", "label", "label_da", "label_en", "color", "size"}


@pytest.fixture(scope="module")
def fixture_store() -> GraphStore:
    return load_graph(DataSources.bundled([REPORT_FIXTURE]))


@pytest.fixture(scope="module")
def fixture_analysis(fixture_store: GraphStore) -> Analysis:
    return analyse(read_corpus(fixture_store))


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("formats") / "bundle"
    build_report(out, "--quiet")
    return out


def _expected(analysis: Analysis) -> nx.Graph[str]:
    return report_graph(analysis, "da")


def test_the_network_has_every_kind_of_node_and_edge(fixture_analysis: Analysis) -> None:
    graph = _expected(fixture_analysis)
    types = [data["type"] for _, data in graph.nodes(data=True)]
    themes = len(fixture_analysis.corpus.themes)  # the fixture's 6, and the bundled thesaurus's once it ships
    assert {t: types.count(t) for t in set(types)} == {"committee": 4, "focus-area": 5, "theme": themes, "pillar": 2}
    kinds = [data["kind"] for _, _, data in graph.edges(data=True)]
    counts = {k: kinds.count(k) for k in set(kinds)}
    assert counts == {"presents": 5, "mentions": 10, "carries": 10, "overlap": 5, "serves": 4}
    plan = graph.nodes["committee:plan"]
    assert plan["label_da"] == "Planudvalget"
    assert plan["label_en"] == "Planning Committee"
    assert plan["community"].startswith("committee-")
    presents = graph.edges["committee:kultur", "focus-area:groenne-omraader"]
    assert presents["confidence"] == "weak-guess"
    assert graph.edges["committee:plan", "committee:skole"]["weight"] == 0.5


def test_graphml_reads_back_with_networkx_and_igraph(bundle: Path, fixture_analysis: Analysis) -> None:
    expected = _expected(fixture_analysis)
    path = bundle / "graph.graphml"
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()
    for node, data in expected.nodes(data=True):
        assert back.nodes[node] == data
    for u, v, data in expected.edges(data=True):
        assert back.edges[u, v] == data

    other = igraph.Graph.Read_GraphML(str(path))
    assert other.vcount() == expected.number_of_nodes()
    assert other.ecount() == expected.number_of_edges()
    assert NODE_ATTRIBUTES | {"community"} <= set(other.vs.attributes())
    assert {"kind", "weight", "confidence"} <= set(other.es.attributes())
    vertex = other.vs.find(id="committee:kultur")
    assert vertex["label_en"] == "Culture & Leisure Committee"
    assert vertex["type"] == "committee"
    overlap = other.es.select(kind_eq="overlap")
    assert sorted(overlap["weight"]) == sorted(round(o.weight, 4) for o in fixture_analysis.overlaps)


def test_gexf_is_gexf_13_and_reads_back_with_networkx(bundle: Path, fixture_analysis: Analysis) -> None:
    expected = _expected(fixture_analysis)
    data = (bundle / "graph.gexf").read_bytes()
    assert check_gexf_13(data) == (expected.number_of_nodes(), expected.number_of_edges())
    back = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()
    for node, attributes in expected.nodes(data=True):
        read = back.nodes[node]
        assert read["label"] == attributes["label"]
        for name in attributes.keys() - {"label", "color", "size"}:
            assert read[name] == attributes[name], (node, name)
        assert read["viz"]["size"] == attributes["size"]
    for u, v, attributes in expected.edges(data=True):
        assert back.edges[u, v]["weight"] == attributes["weight"]
        assert back.edges[u, v]["kind"] == attributes["kind"]


def test_gexf_check_catches_what_it_claims_to(fixture_analysis: Analysis) -> None:
    good = gexf_text(_expected(fixture_analysis)).encode("utf-8")
    for broken in (
        good.replace(b'version="1.3"', b'version="1.2"'),
        good.replace(b'target="theme:natur"', b'target="theme:nowhere"', 1),
        good.replace(b'<attvalue for="slide" value="1"', b'<attvalue for="slide" value="one"', 1),
        good.replace(b'type="double"', b'type="decimal"', 1),
    ):
        assert broken != good
        with pytest.raises(AssertionError):
            check_gexf_13(broken)


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_workbook_matches_the_csvs(bundle: Path) -> None:
    book = load_workbook(bundle / "strategygraph.xlsx")
    assert book.sheetnames == [sheet_name(name, "da") for name in TABLE_NAMES]
    assert sorted(p.stem for p in (bundle / "tables").glob("*.csv")) == sorted(TABLE_NAMES)
    for name in TABLE_NAMES:
        sheet = book[sheet_name(name, "da")]
        rows = _csv_rows(bundle / "tables" / f"{name}.csv")
        assert sheet.max_row == len(rows), name
        assert sheet.max_column == len(rows[0]), name
        assert sheet.freeze_panes == ("C2" if name == "committee_themes" else "A2")
        assert all(cell.font.bold for cell in sheet[1])
        widths = [sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]]
        assert all(5 <= width <= 130 for width in widths), (name, widths)
    statements = book[sheet_name("statements", "da")]
    texts = [row[9] for row in statements.iter_rows(min_row=2, values_only=True)]
    assert texts == [row[9] for row in _csv_rows(bundle / "tables" / "statements.csv")[1:]]
    assert statements["A1"].value == "Nøgle", "the workbook's headers are for people"
    assert _csv_rows(bundle / "tables" / "statements.csv")[0][0] == "key", "the CSV headers are stable keys"


def test_workbook_keeps_formula_like_text_as_text() -> None:
    data = workbook_bytes({"t": Table(("a",), [("=1+1",), ("@SUM(A1)",)])})
    sheet = load_workbook(io.BytesIO(data))["t"]
    assert sheet["A2"].value == "=1+1"
    assert sheet["A2"].data_type == "s"


@pytest.mark.parametrize("name", ["graph.ttl", "graph.jsonld"])
def test_rdf_reads_back_isomorphic(bundle: Path, fixture_store: GraphStore, name: str) -> None:
    back = Graph().parse(bundle / name, format="turtle" if name.endswith(".ttl") else "json-ld")
    built = fixture_store.to_rdflib()
    assert len(back) == len(built)
    assert isomorphic(back, built)


@pytest.mark.parametrize(
    ("fmt", "extra"),
    [("graphml", ()), ("gexf", ()), ("ttl", ()), ("jsonld", ()), ("xlsx", ()), ("csv", ("--table", "overlaps"))],
)
def test_export_writes_the_same_as_the_bundle(bundle: Path, tmp_path: Path, fmt: str, extra: tuple[str, ...]) -> None:
    out = tmp_path / f"export.{fmt}"
    args = ["--data", str(REPORT_FIXTURE), "export", "--format", fmt, "--out", str(out), *extra]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    same = {"graphml": "graph.graphml", "gexf": "graph.gexf", "ttl": "graph.ttl", "jsonld": "graph.jsonld"}
    if fmt in same:
        assert out.read_bytes() == (bundle / same[fmt]).read_bytes()
    elif fmt == "csv":
        assert out.read_bytes() == (bundle / "tables" / "overlaps.csv").read_bytes()
    else:
        assert load_workbook(out).sheetnames == [sheet_name(name, "da") for name in TABLE_NAMES]


def test_export_csv_needs_a_known_table(tmp_path: Path) -> None:
    base = ["--data", str(REPORT_FIXTURE), "export", "--format", "csv", "--out", str(tmp_path / "t.csv")]
    missing = CliRunner().invoke(cli, base)
    assert missing.exit_code == 2
    assert "--table" in missing.stderr
    unknown = CliRunner().invoke(cli, [*base, "--table", "nope"])
    assert unknown.exit_code == 2
    assert "ukendt tabel 'nope'" in unknown.stderr
    misplaced = CliRunner().invoke(
        cli, ["export", "--format", "gexf", "--table", "overlaps", "--out", str(tmp_path / "g.gexf")]
    )
    assert misplaced.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_export_follows_lang_and_evidence(tmp_path: Path) -> None:
    out = tmp_path / "reach.csv"
    args = ["--lang", "en", "--data", str(REPORT_FIXTURE), "export", "--format", "csv", "--table", "theme_reach"]
    result = CliRunner().invoke(cli, [*args, "--evidence", "all", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    nature = next(r for r in rows if r["theme"] == "natur")
    assert nature["label"] == "Nature"
    assert nature["committees"] == "kultur; plan; skole"
    transport = next(r for r in rows if r["theme"] == "kollektiv-trafik")
    assert transport["committees"] == "kultur; plan", "with reflections, slide 1's committees carry it"
