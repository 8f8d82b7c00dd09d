"""`strategygraph export --format md`: the bundled Hedensted data and imported seminars round-trip through Markdown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic

from strategygraph.cli import cli
from strategygraph.formats.graph_outline import outline_from_graph
from strategygraph.loading import DataSources, load_graph
from strategygraph.seminars import list_seminars
from strategygraph.stores.base import GraphStore

from .conftest import FIXTURES, HEDENSTED, REPO
from .import_support import folder_graph, without_layout

EXAMPLE_DATA = REPO / "data" / "examples" / "fjordlund" / "data"
COMMITTEES = "SELECT ?slug WHERE { ?c a sg:Committee ; sg:slug ?slug } ORDER BY ?slug"


def test_hedensted_round_trips_through_markdown(runner: CliRunner, tmp_path: Path, bundled_store: GraphStore) -> None:
    exported = tmp_path / "hedensted.md"
    result = runner.invoke(cli, ["export", "--format", "md", "--out", str(exported)])
    assert result.exit_code == 0, result.output
    text = exported.read_text(encoding="utf-8")
    assert text.startswith(
        "---\nmunicipality: Hedensted Kommune\ntitle: Tværgående fokusområder fra udvalgsseminarer\n"
    )
    assert "Attribution: weak-guess — Fokusområdet står på slide 1" in text

    imported = runner.invoke(cli, ["import", str(exported), "--out", str(tmp_path / "again")])
    assert imported.exit_code == 0, imported.output
    again = load_graph(DataSources.bundled([tmp_path / "again"]))
    (original_seminar,), (new_seminar,) = list_seminars(bundled_store), list_seminars(again)
    original = outline_from_graph(bundled_store, original_seminar)
    round_tripped = outline_from_graph(again, new_seminar)
    assert round_tripped == original
    assert original.counts() == {"slides": 6, "committees": 8, "focus_areas": 15, "statements": 48, "reflections": 24}
    assert [a.attribution.confidence for a in round_tripped.focus_areas()].count("weak-guess") == 1
    assert all(a.attribution.rationale for a in round_tripped.focus_areas()), "every Danish rationale came back"
    assert again.select(COMMITTEES).rows == bundled_store.select(COMMITTEES).rows, "the same committee IRIs"
    assert round_tripped.slug == "tvaergaaende-fokusomraader"
    assert list_seminars(again)[0].id == "hedensted/tvaergaaende-fokusomraader", "the same ID (front-matter id)"


def test_hedensteds_remits_and_pillars_round_trip(runner: CliRunner, tmp_path: Path, bundled_store: GraphStore) -> None:
    exported = tmp_path / "hedensted.md"
    assert runner.invoke(cli, ["export", "--format", "md", "--out", str(exported)]).exit_code == 0
    text = exported.read_text(encoding="utf-8")
    assert "\nsigtepunkter:\n  - Vækst i balance | Balanced growth: vaekst-i-balance, arbejdskraft," in text
    assert "  - Smidige og effektive processer | Agile and efficient processes: =smidige-processer," in text
    assert "# Udvalget for Fællesskab\nRessort: civilsamfund-frivillighed, kultur-fritid-turisme," in text
    imported = runner.invoke(cli, ["import", str(exported), "--out", str(tmp_path / "again")])
    assert imported.exit_code == 0, imported.output
    again = load_graph(DataSources.bundled([tmp_path / "again"]))
    original = outline_from_graph(bundled_store, list_seminars(bundled_store)[0])
    round_tripped = outline_from_graph(again, list_seminars(again)[0])
    assert [p.name for p in original.pillars] == [
        "Vækst i balance",
        "Smidige og effektive processer",
        "Forpligtende fællesskaber",
    ]
    assert original.pillars[1].own_theme == "smidige-processer"
    assert len(original.remits) == 8
    assert (round_tripped.remits, round_tripped.pillars) == (original.remits, original.pillars)
    for query in (REMITS, PILLARS):
        assert again.select(query).rows == bundled_store.select(query).rows


REMITS = "SELECT ?c ?theme WHERE { ?c sg:remit ?theme } ORDER BY ?c ?theme"
PILLARS = """
SELECT ?pillar ?da ?en ?own ?served ?creator WHERE {
    ?pillar a sg:Pillar ; skos:prefLabel ?da , ?en ; sg:pillarTheme ?own ; sg:servedBy ?served ;
        skos:topConceptOf/dcterms:creator ?creator .
    FILTER (lang(?da) = "da" && lang(?en) = "en")
} ORDER BY ?pillar ?served
"""


ROUND_TRIP_SOURCES = {
    "example": REPO / "data" / "examples" / "fjordlund" / "seminar.md",
    "template": REPO / "data" / "templates" / "seminar.md",
    "fixture": FIXTURES / "import" / "seminar.md",
}


@pytest.mark.parametrize("source", ROUND_TRIP_SOURCES.values(), ids=ROUND_TRIP_SOURCES.keys())
def test_import_export_import_gives_the_same_graph(runner: CliRunner, tmp_path: Path, source: Path) -> None:
    """An imported seminar — id, pillars, remits, Danish attributions, any reflections heading — comes back
    from its exported Markdown as the same graph (all but the pointers into the differently laid-out file)."""
    first, second = tmp_path / "first", tmp_path / "second"
    assert runner.invoke(cli, ["import", str(source), "--out", str(first)]).exit_code == 0
    exported = tmp_path / "exported.md"
    result = runner.invoke(cli, ["--data", str(first), "export", "--format", "md", "--out", str(exported)])
    assert result.exit_code == 0, result.output
    again = runner.invoke(cli, ["import", str(exported), "--out", str(second)])
    assert again.exit_code == 0, again.output
    original, round_tripped = without_layout(folder_graph(first)), without_layout(folder_graph(second))
    assert len(original) > 100
    assert isomorphic(original, round_tripped), sorted(set(original) ^ set(round_tripped))[:5]
    assert sorted(p.name for p in first.glob("*.ttl")) == sorted(p.name for p in second.glob("*.ttl"))
    twice = tmp_path / "twice.md"
    result = runner.invoke(cli, ["--data", str(second), "export", "--format", "md", "--out", str(twice)])
    assert result.exit_code == 0, result.output
    assert twice.read_text(encoding="utf-8") == exported.read_text(encoding="utf-8"), "export is a fixed point"


def test_several_seminars_need_a_choice(runner: CliRunner, tmp_path: Path) -> None:
    data = ["--data", str(HEDENSTED), "--data", str(EXAMPLE_DATA)]
    out = tmp_path / "x.md"
    unscoped = runner.invoke(cli, ["--lang", "en", *data, "export", "--format", "md", "--out", str(out)])
    assert unscoped.exit_code == 2
    assert "choose one with --seminar (fjordlund/fiktivt-eksempel-tvaergaaende-fokusomraader" in unscoped.stderr
    assert not out.exists()
    local = runner.invoke(
        cli,
        [
            "--lang",
            "en",
            *data,
            "export",
            "--format",
            "md",
            "--seminar",
            "fiktivt-eksempel-tvaergaaende-fokusomraader",
            "--out",
            str(out),
        ],
    )
    assert local.exit_code == 0, local.output
    assert out.read_text(encoding="utf-8").startswith("---\nmunicipality: Fjordlund Kommune\n")
    clash = runner.invoke(
        cli, ["--lang", "en", *data, "--seminar", "a", "export", "--format", "md", "--seminar", "b", "--out", str(out)]
    )
    assert clash.exit_code == 2
    assert "differs from the global --seminar" in clash.stderr


def test_a_seminar_markdown_cannot_hold_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    result = runner.invoke(
        cli, ["--lang", "en", "import", str(FIXTURES / "import" / "seminar.md"), "--out", str(folder)]
    )
    assert result.exit_code == 0, result.output
    seminar = folder / "seminar.ttl"
    turtle = seminar.read_text(encoding="utf-8")
    out = tmp_path / "x.md"
    seminar.write_text(turtle.replace('"Rekruttering"@da', '"Læring gennem refleksion"@da'), encoding="utf-8")
    refused = runner.invoke(cli, ["--lang", "en", "--data", str(folder), "export", "--format", "md", "--out", str(out)])
    assert refused.exit_code == 2
    assert (
        "cannot be written as Markdown without changing it: the focus-area title 'Læring gennem refleksion' has a "
        "word beginning with 'refleksion' or 'reflection', so a '##' heading of it would head the slide's reflections"
    ) in refused.stderr
    assert not out.exists()
    seminar.write_text(turtle.replace('"Rekruttering"@da', '"Rekruttering <!-- her"@da'), encoding="utf-8")
    refused = runner.invoke(cli, ["--lang", "en", "--data", str(folder), "export", "--format", "md", "--out", str(out)])
    assert refused.exit_code == 2
    assert "without changing it: Markdown:19: a comment (<!-- … -->) must stand on lines of its own" in (refused.stderr)
    assert not out.exists()
    shutil.rmtree(folder)


def test_the_exported_comment_follows_lang(runner: CliRunner, tmp_path: Path) -> None:
    danish, english = tmp_path / "da.md", tmp_path / "en.md"
    assert runner.invoke(cli, ["export", "--format", "md", "--out", str(danish)]).exit_code == 0
    assert runner.invoke(cli, ["--lang", "en", "export", "--format", "md", "--out", str(english)]).exit_code == 0
    comment_da = next(line for line in danish.read_text(encoding="utf-8").splitlines() if line.startswith("<!--"))
    comment_en = next(line for line in english.read_text(encoding="utf-8").splitlines() if line.startswith("<!--"))
    assert comment_da.startswith("<!-- Eksporteret af strategygraph fra seminaret hedensted/"), comment_da
    assert "Exported" not in danish.read_text(encoding="utf-8")
    assert comment_en.startswith("<!-- Exported by strategygraph from seminar hedensted/"), comment_en
    again = runner.invoke(cli, ["import", str(danish), "--out", str(tmp_path / "again")])
    assert again.exit_code == 0, again.output
