"""`strategygraph export --format md`: the bundled Hedensted data round-trips through Markdown."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from strategygraph.cli import cli
from strategygraph.loading import DataSources, load_graph
from strategygraph.outline_graph import outline_from_graph
from strategygraph.seminars import list_seminars
from strategygraph.store import GraphStore

from .conftest import FIXTURES, HEDENSTED, REPO

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


def test_several_seminars_need_a_choice(runner: CliRunner, tmp_path: Path) -> None:
    data = ["--data", str(HEDENSTED), "--data", str(EXAMPLE_DATA)]
    out = tmp_path / "x.md"
    unscoped = runner.invoke(cli, [*data, "export", "--format", "md", "--out", str(out)])
    assert unscoped.exit_code == 2
    assert "choose one with --seminar (fjordlund/fiktivt-eksempel-tvaergaaende-fokusomraader" in unscoped.stderr
    assert not out.exists()
    local = runner.invoke(
        cli,
        [
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
        cli, [*data, "--seminar", "a", "export", "--format", "md", "--seminar", "b", "--out", str(out)]
    )
    assert clash.exit_code == 2
    assert "differs from the global --seminar" in clash.stderr


def test_a_seminar_markdown_cannot_hold_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    result = runner.invoke(cli, ["import", str(FIXTURES / "import" / "seminar.md"), "--out", str(folder)])
    assert result.exit_code == 0, result.output
    seminar = folder / "seminar.ttl"
    seminar.write_text(
        seminar.read_text(encoding="utf-8").replace('"Rekruttering"@da', '"Refleksion over rekruttering"@da'),
        encoding="utf-8",
    )
    out = tmp_path / "x.md"
    refused = runner.invoke(cli, ["--data", str(folder), "export", "--format", "md", "--out", str(out)])
    assert refused.exit_code == 2
    assert "cannot be written as Markdown without changing it: the Markdown:19: an attribution must" in refused.stderr
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
