"""A persistent store updated in place when seminars are added, replaced or removed: the same graph and the same
answers as a full build of the same files, without a full build; killed updates leave the previous store; readers
see the old graph or the new one."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from strategygraph.cli import cli
from strategygraph.errors import InputError
from strategygraph.loading import DataSources, load_graph
from strategygraph.namespaces import SG
from strategygraph.stores import persistent
from strategygraph.summary import count_graph

from .conftest import HEDENSTED, REPO
from .store_readers import ENVIRONMENT, StoreReaders

FJORDLUND = REPO / "data" / "examples" / "fjordlund" / "data"
COMMANDS = (
    ("info", "--format", "json"),
    ("query", "committees", "--format", "csv"),
    ("query", "themes-shared-by-committees", "--format", "csv"),
    ("query", "theme-evidence", "--format", "csv"),
    ("overlaps", "--format", "json"),
)
_TEXT = re.compile(r'sg:text "((?:[^"\\]|\\.)*)"@da')


def _no_full_build(*_arguments: object) -> None:
    raise AssertionError("a full build where an update in place was due")


def _same_as_a_full_build(runner: CliRunner, folder: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store at ``store`` is updated in place for the files in ``folder`` (no full build), and then holds
    exactly the graph a full build gives, and answers every command as a store in memory does."""
    sources = DataSources.bundled([folder])
    with monkeypatch.context() as patched:
        patched.setattr(persistent, "_build", _no_full_build)
        updated = load_graph(sources, str(store))
    full = load_graph(sources, "oxigraph")
    assert len(updated) == len(full) == len(updated.oxigraph)  # type: ignore[attr-defined]
    assert set(updated.to_rdflib()) == set(full.to_rdflib())
    for command in COMMANDS:
        arguments = ["--data", str(folder), *command]
        expected = runner.invoke(cli, ["--store", "oxigraph", *arguments])
        got = runner.invoke(cli, ["--store", str(store), *arguments])
        assert got.exit_code == expected.exit_code == 0, got.output
        assert _lines(command, got.stdout) == _lines(command, expected.stdout), command


def _lines(command: tuple[str, ...], output: str) -> list[str]:
    """Output lines, sorted for `committees`, whose ORDER BY leaves ties between the generated municipalities."""
    lines = output.splitlines()
    return sorted(lines) if command[:2] == ("query", "committees") else lines


def _swap_first_texts(path: Path) -> None:
    """Give the first two statements each other's text: their mentions and contributions change."""
    text = path.read_text(encoding="utf-8")
    first, second = _TEXT.findall(text)[:2]
    text = text.replace(first, "\0").replace(second, first, 1).replace("\0", second, 1)
    path.write_text(text, encoding="utf-8")


def test_bundled_seminars_added_replaced_and_removed(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seminars, store = tmp_path / "seminars", tmp_path / "store"
    shutil.copytree(HEDENSTED, seminars / "hedensted")
    load_graph(DataSources.bundled([seminars]), str(store))  # the full build
    shutil.copytree(FJORDLUND, seminars / "fjordlund")
    _same_as_a_full_build(runner, seminars, store, monkeypatch)  # added
    _swap_first_texts(seminars / "hedensted" / "seminar.ttl")
    curation = seminars / "hedensted" / "curation.ttl"
    curation.write_text(curation.read_text(encoding="utf-8").split("\n\n", 3)[0] + "\n", encoding="utf-8")
    _same_as_a_full_build(runner, seminars, store, monkeypatch)  # replaced: texts, and curators' corrections gone
    shutil.rmtree(seminars / "fjordlund")
    _same_as_a_full_build(runner, seminars, store, monkeypatch)  # removed
    assert len(list(store.iterdir())) == 1  # one store left of these data folders


def test_generated_seminars_added_replaced_and_removed(
    generated_data: Path, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, store, seminar = _held_back(generated_data, tmp_path)
    _same_as_a_full_build(runner, folder, store, monkeypatch)  # added
    _swap_first_texts(seminar / "seminar.ttl")
    _same_as_a_full_build(runner, folder, store, monkeypatch)  # replaced
    shutil.rmtree(seminar)
    _same_as_a_full_build(runner, folder, store, monkeypatch)  # removed


def test_a_triple_two_files_state_outlives_one_of_them(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, store = tmp_path / "hedensted", tmp_path / "store"
    shutil.copytree(HEDENSTED, folder)
    restated = (folder / "municipality.ttl").read_text(encoding="utf-8")
    (folder / "restated.ttl").write_text(restated, encoding="utf-8")  # every triple of municipality.ttl twice
    load_graph(DataSources.bundled([folder]), str(store))
    (folder / "restated.ttl").unlink()
    _same_as_a_full_build(runner, folder, store, monkeypatch)
    (folder / "restated.ttl").write_text(restated + f"<urn:example:extra> a <{SG.Committee}> .\n", encoding="utf-8")
    _same_as_a_full_build(runner, folder, store, monkeypatch)
    (folder / "municipality.ttl").unlink()
    _same_as_a_full_build(runner, folder, store, monkeypatch)


def test_a_pillar_change_is_applied_in_place(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, store = tmp_path / "hedensted", tmp_path / "store"
    shutil.copytree(HEDENSTED, folder)
    load_graph(DataSources.bundled([folder]), str(store))
    strategy = folder / "strategy.ttl"
    text = strategy.read_text(encoding="utf-8")
    strategy.write_text(text.replace("sg:servedBy theme:vaekst ,", "sg:servedBy", 1), encoding="utf-8")
    _same_as_a_full_build(runner, folder, store, monkeypatch)  # one theme no longer serves a pillar
    strategy.write_text(text.replace("dcterms:creator hed: ;", "", 1), encoding="utf-8")
    _same_as_a_full_build(runner, folder, store, monkeypatch)  # a strategy of no municipality: every focus area


def test_a_theme_in_the_data_builds_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, store = tmp_path / "hedensted", tmp_path / "store"
    shutil.copytree(HEDENSTED, folder)
    load_graph(DataSources.bundled([folder]), str(store))
    theme = f'<urn:example:theme> a <{SG.Theme}> ; <{SG.slug}> "x" ; <{SG.pattern}> "kommune"@da .\n'
    (folder / "theme.ttl").write_text(theme, encoding="utf-8")
    builds: list[None] = []
    build = persistent._build
    monkeypatch.setattr(persistent, "_build", lambda *arguments: builds.append(build(*arguments)))
    updated = load_graph(DataSources.bundled([folder]), str(store))
    assert len(builds) == 1  # the thesaurus changed: mentions anywhere may change
    assert set(updated.to_rdflib()) == set(load_graph(DataSources.bundled([folder]), "oxigraph").to_rdflib())


def test_an_edited_text_changes_the_answers(runner: CliRunner, tmp_path: Path) -> None:
    folder, store = tmp_path / "hedensted", tmp_path / "store"
    shutil.copytree(HEDENSTED, folder)
    command = ["--store", str(store), "--data", str(folder), "query", "theme-evidence", "--format", "csv"]
    before = runner.invoke(cli, command).stdout
    _swap_first_texts(folder / "seminar.ttl")
    after = runner.invoke(cli, command).stdout
    assert after != before
    assert after == runner.invoke(cli, [*command[:1], "memory", *command[2:]]).stdout


def _held_back(generated_data: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the generated data without its last seminar, its store, and the seminar's folder to add."""
    folder, store, held = tmp_path / "national", tmp_path / "store", tmp_path / "held"
    shutil.copytree(generated_data, folder)
    seminar = sorted(folder.rglob("seminar.ttl"))[-1].parent
    shutil.move(seminar, held)
    load_graph(DataSources.bundled([folder]), str(store))
    shutil.move(held, seminar)
    return folder, store, seminar


COUNT = """
import sys
from pathlib import Path
from strategygraph.loading import DataSources, load_graph
from strategygraph.summary import count_graph
print(count_graph(load_graph(DataSources.bundled([Path(sys.argv[1])]), sys.argv[2])).statements, flush=True)
"""


@pytest.mark.parametrize("point", ["updated", "dumped", "built"])
def test_a_killed_update_or_build_leaves_the_previous_store(generated_data: Path, tmp_path: Path, point: str) -> None:
    folder, store, seminar = _held_back(generated_data, tmp_path)
    (before,) = list(store.iterdir())
    kommune = sorted(folder.rglob("kommune.ttl"))[0]
    original = kommune.read_bytes()
    if point != "updated":  # a theme in the data: a change only a full build applies
        kommune.write_bytes(original + f"<urn:example:theme> a <{SG.Theme}> .\n".encode())
    killed = subprocess.run(
        [sys.executable, "-c", COUNT, str(folder), str(store)],
        env={**ENVIRONMENT, "STRATEGYGRAPH_STORE_KILL_AT": point},
        capture_output=True,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    left = sorted(entry.name for entry in store.iterdir())
    assert before.name in left
    assert any(name.startswith(".tmp-") for name in left)  # what the killed process was writing
    kommune.write_bytes(original)
    shutil.rmtree(seminar)  # the data the previous store holds: it is opened as it is
    sources = DataSources.bundled([folder])
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(persistent, "_build", _no_full_build)
        patched.setattr(persistent, "apply_changes", _no_full_build)
        reopened = load_graph(sources, str(store))
    assert count_graph(reopened) == count_graph(load_graph(sources, "oxigraph"))
    assert [entry.name for entry in store.iterdir()] == [before.name]  # the litter is removed


def test_readers_see_the_old_or_the_new_graph_during_an_update(generated_data: Path, tmp_path: Path) -> None:
    folder, store, seminar = _held_back(generated_data, tmp_path)
    held = tmp_path / "held"
    shutil.move(seminar, held)
    old = count_graph(load_graph(DataSources.bundled([folder]), str(store))).statements
    readers = StoreReaders(folder, str(store), "statements", tmp_path / "stop")
    try:
        assert readers.first_answers() == [old, old]
        shutil.move(held, seminar)  # one rename: the readers and this process race to update the store
        new = count_graph(load_graph(DataSources.bundled([folder]), str(store))).statements
        assert new > old
        seen = readers.all_answers()
    finally:
        readers.close()
    assert set(seen) <= {old, new}
    assert new in seen


def test_a_triple_two_new_files_state_outlives_one_of_them(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, store = tmp_path / "hedensted", tmp_path / "store"
    shutil.copytree(HEDENSTED, folder)
    load_graph(DataSources.bundled([folder]), str(store))
    for name in ("a.ttl", "b.ttl"):
        (folder / name).write_text(f"<urn:example:extra> a <{SG.Committee}> .\n", encoding="utf-8")
    _same_as_a_full_build(runner, folder, store, monkeypatch)
    (folder / "a.ttl").unlink()
    _same_as_a_full_build(runner, folder, store, monkeypatch)
    (folder / "b.ttl").unlink()
    _same_as_a_full_build(runner, folder, store, monkeypatch)


def test_an_added_copy_of_a_seminar_is_refused_as_in_a_full_build(tmp_path: Path) -> None:
    folder, store = tmp_path / "seminars", tmp_path / "store"
    shutil.copytree(HEDENSTED, folder / "hedensted")
    shutil.copytree(FJORDLUND, folder / "fjordlund")
    load_graph(DataSources.bundled([folder]), str(store))
    seminar = (folder / "hedensted" / "seminar.ttl").read_text(encoding="utf-8")
    (folder / "fjordlund" / "copy.ttl").write_text(
        seminar.replace("Udvalgsseminarer: tværgående", "Kopi:"), encoding="utf-8"
    )
    with pytest.raises(InputError, match="two data folders define the same seminar") as full:
        load_graph(DataSources.bundled([folder]), "oxigraph")
    with pytest.raises(InputError, match="two data folders define the same seminar") as updated:
        load_graph(DataSources.bundled([folder]), str(store))
    assert str(updated.value).split(";")[0] == str(full.value).split(";")[0]
    assert len(list(store.iterdir())) == 1  # the previous store stays, and nothing else
