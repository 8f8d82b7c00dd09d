"""A large graph's report bundle: what exceeds the limits is left out whole and listed with a command that writes
it, the page shows a selection and says so, and nothing changes for a graph within the limits. The report fixture
stands in for a national graph by building it under tiny limits."""

from __future__ import annotations

import html
import io
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from strategygraph.analysis import Analysis, analyse
from strategygraph.analysis.overlaps import strongest_overlaps
from strategygraph.cli import cli
from strategygraph.corpus import read_corpus
from strategygraph.loading import DataSources, load_graph
from strategygraph.report import TABLE_NAMES, BundleLimits, report_files
from strategygraph.report.data_tables import csv_text, data_table
from strategygraph.report.graph_files import report_graph
from strategygraph.report.header import SeminarHeader
from strategygraph.report.limits import (
    LeftOut,
    bundle_view_names,
    left_out_views,
    network_edges,
    table_rows,
    views_by_importance,
)
from strategygraph.report.workbook import EXCEL_CELL_CHARACTERS, sheet_name, workbook_bytes
from strategygraph.stores.base import GraphStore
from strategygraph.tables import Table
from strategygraph.views import build_view

from .conftest import REPO
from .report_support import REPORT_FIXTURE

TINY = BundleLimits(
    table_rows=5, network_edges=10, rdf_triples=100, view_bytes=1, view_top=2, shown_rows=2, shown_committees=2
)


@pytest.fixture(scope="module")
def store() -> GraphStore:
    return load_graph(DataSources.bundled([REPORT_FIXTURE]))


@pytest.fixture(scope="module")
def analysis(store: GraphStore) -> Analysis:
    return analyse(read_corpus(store))


@pytest.fixture(scope="module")
def tiny_bundle(store: GraphStore, analysis: Analysis) -> dict[str, bytes]:
    return report_files(store, analysis, "en", limits=TINY)


def test_counts_match_what_the_bundle_would_hold(analysis: Analysis) -> None:
    for name in TABLE_NAMES:
        assert table_rows(analysis, name) == len(data_table(analysis, name, "da").rows), name
    assert network_edges(analysis) >= report_graph(analysis, "da").number_of_edges()


def test_tables_over_the_limit_are_left_out_whole(tiny_bundle: dict[str, bytes], analysis: Analysis) -> None:
    for name in TABLE_NAMES:
        rows = table_rows(analysis, name)
        if rows > TINY.table_rows:
            assert f"tables/{name}.csv" not in tiny_bundle
        else:
            kept = tiny_bundle[f"tables/{name}.csv"].decode("utf-8")
            assert len(kept.strip().splitlines()) == rows + 1, "a table in the bundle is whole"
    assert not {"graph.graphml", "graph.gexf", "graph.ttl", "graph.jsonld"} & set(tiny_bundle)


def test_the_report_lists_what_it_left_out_with_a_command_that_works(
    tiny_bundle: dict[str, bytes], tmp_path: Path
) -> None:
    markdown = tiny_bundle["report.md"].decode("utf-8")
    assert "### Not in the bundle" in markdown
    lines = re.findall(r"^- `(.+?) \(([\d,]+) (rows|edges|triples|views)\): (strategygraph .+)`$", markdown, re.M)
    left_out = {path for path, *_ in lines}
    assert {"tables/theme_mentions.csv", "graph.gexf", "graph.ttl", "views/committee-*.html"} <= left_out
    for path, _, _, command in lines:
        args = shlex.split(command.replace("<key>", "plan").replace("<slug>", "boliger"))[1:]
        out_index = args.index("--out") + 1
        args[out_index] = str(tmp_path / Path(args[out_index]).name)
        result = CliRunner().invoke(cli, ["--data", str(REPORT_FIXTURE), *args])
        assert result.exit_code == 0, (path, command, result.output)
        assert Path(args[out_index]).stat().st_size > 0


def test_the_page_says_it_shows_a_selection(tiny_bundle: dict[str, bytes], analysis: Analysis) -> None:
    page = tiny_bundle["index.html"].decode("utf-8")
    assert 'class="abridged"' in page
    assert "show the 2 of 4 committees with the most evidence" in page
    assert "shows the first 2 of" in page
    assert "overlaps --top 0 --format csv" in page
    shown = analysis.committees_by_evidence[:2]
    heatmap_rows = re.findall(r'<g class="row-labels"[^>]*>(.*?)</g>', page, re.S)[0]
    assert heatmap_rows.count("<text") == 2
    for key in shown:
        assert html.escape(analysis.corpus.committee_by_key[key].label("en")) in heatmap_rows


def test_views_stop_at_their_size_and_the_overlap_view_comes_first(
    tiny_bundle: dict[str, bytes], analysis: Analysis
) -> None:
    pages = sorted(name for name in tiny_bundle if name.startswith("views/") and name.endswith(".html"))
    assert pages == ["views/overlap.html"]
    assert "views/vis-network.min.js" in tiny_bundle
    names = views_by_importance(analysis, ["committee:plan", "theme:boliger", "overview", "overlap", "themes"])
    assert names[:3] == ["overlap", "overview", "themes"]
    assert set(names[3:]) == {"committee:plan", "theme:boliger"}


def test_within_the_limits_nothing_is_said_or_left_out(store: GraphStore, analysis: Analysis) -> None:
    files = report_files(store, analysis, "en", views=False)
    markdown = files["report.md"].decode("utf-8")
    assert "Not in the bundle" not in markdown
    assert "A large graph" not in markdown
    assert {"graph.gexf", "graph.ttl", *(f"tables/{n}.csv" for n in TABLE_NAMES)} <= set(files)


def test_strongest_overlaps_keep_each_committees_closest_partners(analysis: Analysis) -> None:
    committees = {c.key for c in analysis.corpus.committees}
    everything = strongest_overlaps(analysis.overlaps, committees, per_committee=len(committees))
    assert everything == [o for o in analysis.overlaps if o.a in committees and o.b in committees]
    one = strongest_overlaps(analysis.overlaps, committees, per_committee=1)
    for key in committees:
        own = [o for o in analysis.overlaps if key in (o.a, o.b)]
        if own:
            assert own[0] in one, "every committee keeps its strongest overlap"
    assert [analysis.overlaps.index(o) for o in one] == sorted(analysis.overlaps.index(o) for o in one)


def test_a_table_whose_csv_is_too_large_is_left_out_too(store: GraphStore, analysis: Analysis) -> None:
    limits = BundleLimits(table_bytes=2_000)
    files = report_files(store, analysis, "en", views=False, limits=limits)
    for name in TABLE_NAMES:
        whole = csv_text(data_table(analysis, name, "en")).encode("utf-8")
        assert (f"tables/{name}.csv" in files) == (len(whole) <= 2_000), name
    markdown = files["report.md"].decode("utf-8")
    assert "tables/statements.csv (" in markdown


def test_a_large_overlap_view_is_linked_not_embedded(store: GraphStore, analysis: Analysis) -> None:
    files = report_files(store, analysis, "en", limits=BundleLimits(embedded_view_bytes=1_000))
    page = files["index.html"].decode("utf-8")
    assert "<iframe" not in page
    assert '<a href="views/overlap.html">' in page
    assert "views/overlap.html" in files


def test_workbook_cells_stay_within_excels_limit() -> None:
    long = "; ".join(f"kommune-{i}/udvalg-{i}" for i in range(3_000))
    table = Table(("theme", "committees"), [("vaekst", long), ("short", "a; b")])
    sheet = load_workbook(io.BytesIO(workbook_bytes({"theme_reach": table})))[sheet_name("theme_reach", "da")]
    cut = sheet["B2"].value
    assert isinstance(cut, str)
    assert len(cut) == EXCEL_CELL_CHARACTERS
    assert cut.endswith(" characters: see the CSV]")
    assert long.startswith(cut.split(" … [+")[0])
    assert sheet["B3"].value == "a; b"


def test_a_title_counts_what_it_cannot_name() -> None:
    few = SeminarHeader(("S1",), ("S1",), ("A Kommune", "B Kommune"), (), ("a.txt",))
    assert few.municipality("da") == "A Kommune, B Kommune"
    assert few.sources("en") == "a.txt"
    many = SeminarHeader(
        tuple(f"S{i}" for i in range(719)),
        (),
        tuple(f"K{i}" for i in range(98)),
        (),
        tuple(f"{i}.txt" for i in range(1536)),
    )
    assert many.municipality("da") == "98 kommuner"
    assert many.seminar("da") == "719 seminarer"
    same_titles = SeminarHeader(("Udvalgsseminar 2024",), ("Udvalgsseminar 2024",), ("K",), (), (), seminar_count=98)
    assert same_titles.seminar("en") == "98 seminars"
    assert many.sources("en") == "1,536 source files"
    assert many.sources("da") == "1.536 kildefiler"


def test_a_graph_of_several_councils_drills_down_to_each(tmp_path: Path) -> None:
    national = analyse(read_corpus(load_graph(DataSources.bundled([REPO / "data"]))))
    names = bundle_view_names(national)
    assert {"municipality:fjordlund", "municipality:hedensted"} <= set(names)
    assert not [
        n
        for n in bundle_view_names(analyse(read_corpus(load_graph(DataSources.bundled([])))))
        if n.startswith("municipality:")
    ], "one council: its overlap view is the drill-down"
    view = build_view(national, "municipality:fjordlund", "da")
    council = {c.key for c in national.corpus.committees if c.municipality == "fjordlund"}
    assert {n.id for n in view.nodes} == {f"committee:{key}" for key in council}
    assert {(e.source, e.target) for e in view.edges} == {
        (f"committee:{o.a}", f"committee:{o.b}") for o in national.overlaps if o.a in council and o.b in council
    }
    assert view.title == "Overlap mellem udvalg: Fjordlund Kommune"
    ordered = views_by_importance(national, names)
    assert sorted(ordered) == sorted(names)
    assert ordered.index("municipality:hedensted") < ordered.index("committee:teknik-miljoe")
    assert left_out_views(["overlap", "municipality:a", "municipality:b", "theme:t"], {"overlap"}) == [
        LeftOut(
            "views/municipality-*.html", 2, "views", "strategygraph view municipality:<slug> --out municipality.html"
        ),
        LeftOut("views/theme-*.html", 1, "views", "strategygraph view theme:<slug> --out theme.html"),
    ]
    result = CliRunner().invoke(cli, ["--data", str(REPO / "data"), "report", "--out", str(tmp_path / "r"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r" / "views" / "municipality-fjordlund.html").is_file()
    assert "[Overlap mellem udvalg: Fjordlund Kommune](views/municipality-fjordlund.html)" in (
        tmp_path / "r" / "report.md"
    ).read_text(encoding="utf-8")


def test_a_national_graphs_report_says_how_its_communities_were_found(monkeypatch: pytest.MonkeyPatch) -> None:
    from strategygraph.analysis import evidence
    from strategygraph.report.content import report_content

    corpus = read_corpus(load_graph(DataSources.bundled([REPO / "data"])))  # two councils
    header = SeminarHeader((), (), (), (), ())
    small = {lang: report_content(analyse(corpus), header, lang).abridged for lang in ("da", "en")}
    monkeypatch.setattr(evidence, "EXACT_PAIR_SHARES", 10)  # as if the two councils made a national graph
    national = {lang: report_content(analyse(corpus), header, lang).abridged for lang in ("da", "en")}
    assert not any("Louvain" in note for notes in small.values() for note in notes)
    assert any("matrix of themes" in note and "over 10 " in note for note in national["en"])
    assert any("within each municipality" in note for note in national["en"])
    assert any("matricen over temaer" in note for note in national["da"])
    assert any("inden for hver kommune" in note for note in national["da"])


def test_views_in_the_bundle_carry_few_quotes_per_panel_and_the_report_counts_the_rest(
    store: GraphStore, analysis: Analysis
) -> None:
    whole = report_files(store, analysis, "en")
    assert "quotes its panels only count" not in whole["report.md"].decode("utf-8")
    files = report_files(store, analysis, "en", limits=BundleLimits(view_quotes=1))
    markdown = files["report.md"].decode("utf-8")
    found = re.findall(r"^- `views/overlap\.html \(([\d,]+) quotes its panels only count\): (.+)`$", markdown, re.M)
    assert found
    assert found[0][1] == "strategygraph view overlap --out overlap.html"
    assert int(found[0][0].replace(",", "")) > 0
    page = files["views/overlap.html"].decode("utf-8")
    assert len(page) < len(whole["views/overlap.html"])
    assert "that the page does not carry" in page  # the panel counts what it left out
