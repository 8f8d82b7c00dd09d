"""No output ever writes over the user's own files: data folders, sources, the current or home folder, or a
folder strategygraph did not write; killed runs leave no litter after the next run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from strategygraph.cli import cli
from strategygraph.cli._output import MARKER

from .conftest import FIXTURES

REPORT_DATA = FIXTURES / "report"
SEMINAR = FIXTURES / "import" / "seminar.md"


@pytest.fixture
def mydata(tmp_path: Path) -> Path:
    """A user's data folder: Turtle plus the source originals, and an unrelated sibling folder."""
    folder = tmp_path / "work" / "mydata"
    shutil.copytree(REPORT_DATA, folder)
    (tmp_path / "work" / "sibling").mkdir()
    (tmp_path / "work" / "sibling" / "important.txt").write_text("keep me", encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _refused(result_output: str, exit_code: int) -> None:
    assert exit_code == 2, result_output
    lines = result_output.strip().splitlines()
    assert len(lines) == 1, result_output
    assert lines[0].startswith("Error: "), result_output
    assert "Traceback" not in result_output


@pytest.mark.parametrize(
    ("command", "out_of"),
    [
        (["report", "--force"], lambda data: data),
        (["report", "--force"], lambda data: data.parent),
        (["report", "--force"], lambda data: data / "report"),
        (["report", "--force"], lambda data: data / "source"),
        (["report"], lambda data: data.parent),
        (["build"], lambda data: data / "report.ttl"),
        (["build"], lambda data: data / "new.ttl"),
        (["export", "--format", "gexf"], lambda data: data / "graph.gexf"),
        (["view", "overview"], lambda data: data / "source" / "overview.html"),
    ],
    ids=[
        "out=data",
        "out=parent",
        "out=inside",
        "out=source",
        "no-force-parent",
        "build-over",
        "build-in",
        "export",
        "view",
    ],
)
def test_an_output_never_touches_a_data_folder(
    runner: CliRunner, tmp_path: Path, mydata: Path, command: list[str], out_of: object
) -> None:
    before, sibling = _snapshot(mydata), _snapshot(tmp_path / "work" / "sibling")
    out = out_of(mydata)  # type: ignore[operator]
    result = runner.invoke(cli, ["--lang", "en", "--data", str(mydata), *command, "--out", str(out)])
    _refused(result.output, result.exit_code)
    assert "input" in result.output
    assert _snapshot(mydata) == before, "the data folder is untouched"
    assert _snapshot(tmp_path / "work" / "sibling") == sibling


def test_import_never_deletes_its_own_source(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    shutil.copy(SEMINAR, folder / "seminar.md")
    (folder / "important.txt").write_text("keep me", encoding="utf-8")
    before = _snapshot(folder)
    result = runner.invoke(cli, ["--lang", "en", "import", str(folder / "seminar.md"), "--out", str(folder), "--force"])
    _refused(result.output, result.exit_code)
    assert _snapshot(folder) == before


@pytest.mark.parametrize("out", [".", "./", "..", "/"])
def test_the_current_folder_and_its_parents_are_refused(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("keep me", encoding="utf-8")
    monkeypatch.chdir(work)
    for command in (["import", str(SEMINAR)], ["--data", str(REPORT_DATA), "report"]):
        result = runner.invoke(cli, ["--lang", "en", *command, "--out", out, "--force"])
        _refused(result.output, result.exit_code)
    assert (work / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_the_home_folder_is_refused(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("keep me", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    result = runner.invoke(cli, ["--lang", "en", "--data", str(REPORT_DATA), "report", "--out", str(home), "--force"])
    _refused(result.output, result.exit_code)
    assert "home" in result.output
    assert (home / ".bashrc").read_text(encoding="utf-8") == "keep me"


def test_force_replaces_only_a_folder_strategygraph_wrote(runner: CliRunner, tmp_path: Path) -> None:
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8")
    result = runner.invoke(
        cli, ["--lang", "en", "--data", str(REPORT_DATA), "report", "--out", str(foreign), "--force", "-q"]
    )
    _refused(result.output, result.exit_code)
    assert MARKER in result.output
    assert (foreign / "holiday.jpg").read_bytes() == b"\xff\xd8"

    ours = tmp_path / "report"
    first = runner.invoke(cli, ["--lang", "en", "--data", str(REPORT_DATA), "report", "--out", str(ours), "-q"])
    assert first.exit_code == 0, first.output
    assert (ours / MARKER).is_file()
    again = runner.invoke(
        cli, ["--lang", "en", "--data", str(REPORT_DATA), "report", "--out", str(ours), "--force", "-q"]
    )
    assert again.exit_code == 0, again.output
    assert (ours / "index.html").is_file()


def test_a_symlinked_output_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "keep.txt").write_text("keep me", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    result = runner.invoke(
        cli, ["--lang", "en", "--data", str(REPORT_DATA), "report", "--out", str(link), "--force", "-q"]
    )
    _refused(result.output, result.exit_code)
    assert "symbolic link" in result.output
    assert link.is_symlink()
    assert (real / "keep.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"], "no .old or .tmp left behind"


def _dead_pid() -> int:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def test_a_later_run_removes_what_a_killed_run_left(runner: CliRunner, tmp_path: Path) -> None:
    dead, alive = _dead_pid(), os.getpid()
    stale_folder = tmp_path / f".report.strategygraph-{dead}-0a1b2c3d.tmp"
    stale_folder.mkdir()
    (stale_folder / "index.html").write_text("half", encoding="utf-8")
    stale_old = tmp_path / f".report.strategygraph-{dead}-0a1b2c3e.old"
    stale_old.mkdir()
    stale_file = tmp_path / f".graph.ttl.strategygraph-{dead}-0a1b2c3f.tmp"
    stale_file.write_text("half", encoding="utf-8")
    running = tmp_path / f".report.strategygraph-{alive}-0a1b2c40.tmp"
    running.mkdir()
    assert (
        runner.invoke(cli, ["--data", str(REPORT_DATA), "report", "--out", str(tmp_path / "report"), "-q"]).exit_code
        == 0
    )
    assert (
        runner.invoke(cli, ["--data", str(REPORT_DATA), "build", "--out", str(tmp_path / "graph.ttl")]).exit_code == 0
    )
    assert not stale_folder.exists()
    assert not stale_old.exists()
    assert not stale_file.exists()
    assert running.exists(), "a running process's temporary folder is left alone"


@pytest.mark.parametrize(("errno", "reason"), [(28, "No space left on device"), (30, "Read-only file system")])
@pytest.mark.parametrize("command", ["report", "import", "export", "view", "build"])
def test_a_write_error_is_one_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, errno: int, reason: str
) -> None:
    """A full disk or a read-only folder (simulated: root writes anywhere) is one line, and leaves nothing."""
    from strategygraph.cli import _output

    def failing(path: Path, data: bytes) -> None:
        raise OSError(errno, reason, str(path))

    monkeypatch.setattr(_output, "_write_file", failing)
    out = tmp_path / "out"
    arguments = {
        "report": ["--data", str(REPORT_DATA), "report", "-q", "--out", str(out)],
        "import": ["import", str(SEMINAR), "--out", str(out)],
        "export": ["--data", str(REPORT_DATA), "export", "--format", "ttl", "--out", str(out), "-q"],
        "view": ["--data", str(REPORT_DATA), "view", "overview", "--out", str(out)],
        "build": ["--data", str(REPORT_DATA), "build", "--out", str(out)],
    }[command]
    result = runner.invoke(cli, ["--lang", "en", *arguments])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("Error: ")
    assert reason in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_run_killed_between_its_renames_gets_the_previous_output_back(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report"
    assert runner.invoke(cli, ["--data", str(REPORT_DATA), "report", "--out", str(out), "-q"]).exit_code == 0
    previous = _snapshot(out)
    moved_aside = tmp_path / f".report.strategygraph-{_dead_pid()}-0a1b2c3d.old"
    out.rename(moved_aside)  # what a kill -9 after the first rename leaves: no report, only the moved-aside one
    half_new = tmp_path / f".report.strategygraph-{_dead_pid()}-0a1b2c3e.tmp"
    half_new.mkdir()
    refused = runner.invoke(cli, ["--data", str(REPORT_DATA), "report", "--out", str(out), "-q"])
    assert refused.exit_code == 2, "the restored report is there, so replacing it needs --force"
    assert _snapshot(out) == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
