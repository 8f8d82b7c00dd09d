"""The command line: contracts, exit codes, one-line errors, and nothing half-written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from strategygraph.cli import cli

from .conftest import FIXTURES, REPO


def test_info_json_counts(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["info", "--format", "json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["committees"] == 8
    assert counts["focus_areas"] == 15
    assert counts["slides"] == 6
    assert counts["statements"] == 48
    assert counts["reflections"] == 24
    assert counts["triples"] > 2000
    assert {"committees", "focus_areas", "statements", "reflections", "themes", "triples"} <= counts.keys()


def test_info_table_is_danish_by_default_and_english_on_request(runner: CliRunner) -> None:
    danish = runner.invoke(cli, ["info"])
    english = runner.invoke(cli, ["--lang", "en", "info"])
    assert "Fokusområder" in danish.stdout
    assert "15" in danish.stdout
    assert "Focus areas" in english.stdout


def test_validate_bundled_data_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert "kildehenvisninger passer" in result.stdout


def _copy_minimal(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", folder)
    return folder


def test_validate_lists_each_violation_and_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    folder = _copy_minimal(tmp_path)
    ttl = folder / "minimal.ttl"
    text = ttl.read_text(encoding="utf-8")
    text = text.replace('sg:confidence "strong-inference"', 'sg:confidence "sure"')
    text = text.replace('sg:text "Vi skal bygge flere boliger."@da', 'sg:text "Vi skal bygge færre boliger."@da')
    ttl.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["--lang", "en", "--data", str(folder), "validate"])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2, lines
    assert any("attribution/byer" in line and "sg:confidence" in line for line in lines)
    assert any("statement/byer-1" in line and "text differs from the source" in line for line in lines)
    assert "2 violations" in result.stderr
    danish = runner.invoke(cli, ["--data", str(folder), "validate"])
    assert danish.exit_code == 1, danish.output
    assert any(
        "statement/byer-1" in line and "teksten afviger fra kilden" in line for line in danish.stdout.splitlines()
    )


def test_turtle_syntax_error_names_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    folder = _copy_minimal(tmp_path)
    ttl = folder / "minimal.ttl"
    lines = ttl.read_text(encoding="utf-8").splitlines()
    lines[20] = lines[20] + " oops"
    ttl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in (["info"], ["validate"], ["build", "--out", str(tmp_path / "x.ttl")]):
        result = runner.invoke(cli, ["--lang", "en", "--data", str(folder), *command])
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1, result.stderr
        assert f"{ttl}:21: Turtle syntax error" in result.stderr
        assert "Traceback" not in result.output
    assert not (tmp_path / "x.ttl").exists()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing", "data folder not found"),
        (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty", "no Turtle (*.ttl) files"),
    ],
)
def test_missing_or_empty_data_folder(runner: CliRunner, tmp_path: Path, make: object, message: str) -> None:
    assert callable(make)
    folder = make(tmp_path)
    result = runner.invoke(cli, ["--lang", "en", "--data", str(folder), "info"])
    assert result.exit_code == 2
    assert message in result.stderr
    assert str(folder) in result.stderr


def test_not_utf8_turtle_is_named(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "latin1"
    folder.mkdir()
    (folder / "data.ttl").write_bytes("# Kommune i Danmark: Ærø\n".encode("latin-1"))
    result = runner.invoke(cli, ["--lang", "en", "--data", str(folder), "info"])
    assert result.exit_code == 2
    assert f"{folder / 'data.ttl'}:1: not UTF-8 text" in result.stderr


def test_missing_source_file_is_a_violation(runner: CliRunner, tmp_path: Path) -> None:
    folder = _copy_minimal(tmp_path)
    (folder / "source" / "minimal.txt").unlink()
    result = runner.invoke(cli, ["--lang", "en", "--data", str(folder), "validate"])
    assert result.exit_code == 1
    assert "source file 'source/minimal.txt' not found" in result.stdout


@pytest.mark.parametrize(
    ("fmt", "parse_as"), [("ttl", "turtle"), ("nt", "nt"), ("trig", "trig"), ("jsonld", "json-ld")]
)
def test_build_round_trips(runner: CliRunner, tmp_path: Path, fmt: str, parse_as: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(cli, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    parsed = Graph().parse(out, format=parse_as)
    info = json.loads(runner.invoke(cli, ["info", "--format", "json"]).stdout)
    assert len(parsed) == info["triples"]
    assert [p.name for p in tmp_path.iterdir()] == [out.name], "no temporary files are left behind"


def test_build_nt_is_sorted_and_deterministic(runner: CliRunner, tmp_path: Path) -> None:
    first, second = tmp_path / "a.nt", tmp_path / "b.nt"
    runner.invoke(cli, ["build", "--out", str(first)])
    runner.invoke(cli, ["build", "--out", str(second)])
    lines = first.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert first.read_bytes() == second.read_bytes()


def test_build_failure_leaves_no_file(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "graph.ttl"
    out.write_text("previous content\n", encoding="utf-8")

    def explode(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", explode)
    result = runner.invoke(cli, ["build", "--out", str(out)])
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "previous content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_build_into_missing_folder_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--lang", "en", "build", "--out", str(tmp_path / "nope" / "graph.ttl")])
    assert result.exit_code == 2
    assert "output folder does not exist" in result.stderr


def test_every_command_has_help(runner: CliRunner) -> None:
    """Each command's help is its ``command_<name>`` text (tests/test_help_language.py checks both languages)."""
    from strategygraph.i18n import text

    for name in cli.commands:
        result = runner.invoke(cli, ["--lang", "en", name, "--help"])
        assert result.exit_code == 0, name
        first = text(f"command_{name}", "en").split("\n\n")[0].split()
        assert " ".join(first) in " ".join(result.stdout.split()), f"{name}: its help text is not shown"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'oa:prefix "ality: Fjordlund Kommune\\ntitle: "',
            'oa:prefix "ality: Fjordlund Kommune\\ntitel: "',
            "oa:prefix",
        ),
        (
            'oa:prefix "ality: Fjordlund Kommune\\ntitle: "',
            'oa:prefix "Xality: Fjordlund Kommune\\ntitle: "',
            "oa:prefix",
        ),
        (
            'oa:suffix "\\nid: fiktivt-eksempel-tvaergaaen"',
            'oa:suffix "\\nid: fiktivt-eksempel-tvaergaaen-og-mere"',
            "oa:suffix",
        ),
        ('oa:suffix "\\nid: fiktivt-eksempel-tvaergaaen"', 'oa:suffix " id: fiktivt-eksempel-tvaergaaen"', "oa:suffix"),
    ],
    ids=["prefix-changed", "prefix-longer", "suffix-longer", "suffix-changed"],
)
def test_validate_checks_the_quote_context(runner: CliRunner, tmp_path: Path, old: str, new: str, message: str) -> None:
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data" / "examples" / "fjordlund" / "data", folder)
    ttl = folder / "seminar.ttl"
    text = ttl.read_text(encoding="utf-8")
    assert old in text
    ttl.write_text(text.replace(old, new), encoding="utf-8")
    result = runner.invoke(cli, ["--lang", "en", "--data", str(folder), "validate"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [line for line in result.stdout.splitlines() if message in line]
    assert "/document  sg:titleSource  " in result.stdout, "names the node and the pointer"
