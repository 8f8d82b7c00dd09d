"""One error path: every command, given bad input, answers with one line `Fejl: …` (`Error: …` under
`--lang en`) on stderr and exit code 2 — never a traceback, never a half-written output. A table over every
command that reads the graph × each kind of bad data folder, then the file and network failures that have no
data folder of their own."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from strategygraph.cli import cli

from .conftest import FIXTURES

MINIMAL = FIXTURES / "minimal"

# every command that loads the graph, with what it needs besides; {out} is a fresh path in the test's folder
GRAPH_COMMANDS: dict[str, list[str]] = {
    "info": ["info"],
    "validate": ["validate"],
    "build": ["build", "--out", "{out}.ttl"],
    "query": ["query", "committees"],
    "publish": ["publish", "--endpoint", "http://127.0.0.1:9/store"],
    "overlaps": ["overlaps"],
    "themes": ["themes"],
    "gaps": ["gaps"],
    "structure": ["structure"],
    "compare": ["compare", "a", "b"],
    "export": ["export", "--format", "ttl", "--out", "{out}.ttl"],
    "report": ["report", "--out", "{out}"],
    "view": ["view", "overview", "--out", "{out}.html"],
}


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "no-such-folder"


def _a_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.ttl"
    path.write_text("# a file, not a folder\n", encoding="utf-8")
    return path


def _empty(tmp_path: Path) -> Path:
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


def _copy_with(tmp_path: Path, text: bytes) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(MINIMAL, folder)
    (folder / "minimal.ttl").write_bytes(text)
    return folder


def _syntax_error(tmp_path: Path) -> Path:
    return _copy_with(tmp_path, b'@prefix sg: <https://w3id.org/strategygraph/ontology#> .\n<a> sg:x "unclosed .\n')


def _not_utf8(tmp_path: Path) -> Path:
    return _copy_with(tmp_path, b"# \xff\xfe not UTF-8\n")


def _bad_prefix(tmp_path: Path) -> Path:
    return _copy_with(tmp_path, b"undeclared:a undeclared:p undeclared:o .\n")


def _fifo_turtle(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    os.mkfifo(folder / "stuck.ttl")
    return folder


BAD_DATA: dict[str, Callable[[Path], Path]] = {
    "missing": _missing,
    "a-file": _a_file,
    "empty": _empty,
    "syntax-error": _syntax_error,
    "not-utf8": _not_utf8,
    "undeclared-prefix": _bad_prefix,
    "fifo": _fifo_turtle,
}


def _one_line_error(result_output: str, exit_code: int) -> None:
    assert exit_code == 2, result_output
    lines = [line for line in result_output.splitlines() if line.strip()]
    assert len(lines) == 1, result_output
    assert lines[0].startswith("Fejl: "), result_output  # Danish, the default language
    assert "Traceback" not in result_output


@pytest.mark.parametrize("bad", sorted(BAD_DATA))
@pytest.mark.parametrize("command", sorted(GRAPH_COMMANDS))
def test_every_command_gives_one_line_on_bad_data(runner: CliRunner, tmp_path: Path, command: str, bad: str) -> None:
    data = BAD_DATA[bad](tmp_path)
    out = tmp_path / "out"
    arguments = [part.replace("{out}", str(out)) for part in GRAPH_COMMANDS[command]]
    result = runner.invoke(cli, ["--data", str(data), *arguments])
    _one_line_error(result.output, result.exit_code)
    assert not any(p.name.startswith("out") for p in tmp_path.iterdir()), "no output written"


@pytest.mark.parametrize(
    "arguments",
    [
        ["import", "{tmp}/missing.md", "--out", "{tmp}/out"],
        ["import", "{tmp}", "--out", "{tmp}/out"],
        ["import", "/dev/zero", "--out", "{tmp}/out"],
        ["query", "{tmp}/missing.rq"],
        ["query", "no-such-query"],
        ["tag", "-"],
        ["view", "no-such-view", "--out", "{tmp}/v.html"],
        ["--seminar", "no-such-seminar", "info"],
        ["query", "committees", "--endpoint", "http://127.0.0.1:9/query"],
    ],
    ids=[
        "import-missing",
        "import-folder",
        "import-device",
        "query-file-missing",
        "query-unknown",
        "tag-not-utf8",
        "view-unknown",
        "seminar-unknown",
        "endpoint-refused",
    ],
)
def test_files_and_network_failures_are_one_line(runner: CliRunner, tmp_path: Path, arguments: list[str]) -> None:
    filled = [part.replace("{tmp}", str(tmp_path)) for part in arguments]
    result = runner.invoke(cli, filled, input=b"\xff\xfe")
    _one_line_error(result.output, result.exit_code)


def test_debug_shows_the_traceback(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from strategygraph.cli import graph_commands

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(graph_commands, "render_text", broken, raising=False)
    monkeypatch.setattr("strategygraph.tables.render_text", broken)
    plain = runner.invoke(cli, ["info"])
    _one_line_error(plain.output, plain.exit_code)
    assert "uventet RuntimeError: »a bug« (kør igen med --debug for detaljerne)" in plain.stderr
    debug = runner.invoke(cli, ["--debug", "info"])
    assert isinstance(debug.exception, RuntimeError)
