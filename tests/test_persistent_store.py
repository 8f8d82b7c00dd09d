"""The persistent store (``--store PATH`` and ``--store auto`` on large data): built once, the same answers as the
stores in memory, never stale, and safe against killed builds and concurrent readers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from strategygraph import summary
from strategygraph.cli import cli
from strategygraph.corpus import read_corpus, reading
from strategygraph.errors import InputError
from strategygraph.loading import DataSources, load_curated, load_graph
from strategygraph.namespaces import SG
from strategygraph.stores.base import GraphStore
from strategygraph.stores.opening import AUTO_PERSISTENT_BYTES
from strategygraph.stores.oxigraph import OxigraphStore
from strategygraph.stores.persistent import PersistentStore
from strategygraph.summary import count_graph
from strategygraph.tagging import mentions, scoped
from strategygraph.tagging.lexicon import compiled_lexicon
from strategygraph.tagging.thesaurus import read_thesaurus

from .conftest import HEDENSTED
from .store_readers import StoreReaders

COMMANDS = (
    ("info", "--format", "json"),
    ("query", "committees", "--format", "csv"),
    ("query", "focus-areas-by-committee", "--format", "csv"),
    ("query", "themes-shared-by-committees", "--format", "csv"),
    ("query", "theme-evidence", "--format", "csv"),
    ("overlaps", "--format", "json"),
)
EXTRA_COMMITTEE = f"\n<urn:example:extra-committee> a <{SG.Committee}> .\n"


def _run(runner: CliRunner, store: str, folder: Path, *arguments: str) -> str:
    result = runner.invoke(cli, ["--store", store, "--data", str(folder), *arguments])
    assert result.exit_code == 0, result.output
    return result.stdout


def _keys(folder: Path) -> list[str]:
    """The stores' folders in ``folder`` (the cache folder also holds the tagger's lemma table and thesaurus)."""
    if not folder.exists():
        return []
    return sorted(entry.name for entry in folder.iterdir() if entry.name not in ("lemmas", "thesaurus"))


@pytest.fixture(scope="module", params=["bundled", "generated"])
def data_folder(request: pytest.FixtureRequest, generated_data: Path) -> Path:
    return HEDENSTED if request.param == "bundled" else generated_data


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command[:2]))
def test_same_answers_in_memory_oxigraph_and_on_disk(
    data_folder: Path, runner: CliRunner, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """On the bundled data against rdflib too; on generated data against Oxigraph in memory (rdflib takes half a
    minute for theme-evidence there, and tests/test_store_equivalence.py holds rdflib and Oxigraph to each other)."""
    store = str(tmp_path / "store")
    expected = _rows(command, _run(runner, "oxigraph", data_folder, *command))
    if data_folder == HEDENSTED:
        assert _rows(command, _run(runner, "memory", data_folder, *command)) == expected
    assert _rows(command, _run(runner, store, data_folder, *command)) == expected  # builds
    (key,) = _keys(tmp_path / "store")
    assert _rows(command, _run(runner, store, data_folder, *command)) == expected  # reuses
    assert _keys(tmp_path / "store") == [key]


def _rows(command: tuple[str, ...], output: str) -> list[str]:
    """The output's lines, sorted where the query's ORDER BY is not total: `committees` orders by slug, and the
    generated municipalities repeat committee slugs, so each engine may order those ties differently."""
    lines = output.splitlines()
    return sorted(lines) if command[:2] == ("query", "committees") else lines


def test_the_bounded_build_gives_the_graph_a_build_in_memory_gives(
    data_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build derives scope by scope from the store on disk (scopes of 7 units and focus areas here: a focus
    area's statements, curated mentions and pillars fall across scopes); the result is the graph of loading and
    deriving everything in memory, triple for triple, each file's copy holds that file's triples, and the store
    records its count and whether every triple has one source as a build in memory would."""
    monkeypatch.setattr(scoped, "SCOPE_SIZE", 7)
    sources = DataSources.bundled([data_folder])
    stored = load_graph(sources, str(tmp_path / "store"))
    memory = load_graph(sources, "oxigraph")
    assert isinstance(stored, PersistentStore)
    assert isinstance(memory, OxigraphStore)
    assert set(stored.oxigraph) == set(memory.oxigraph)
    (folder,) = (tmp_path / "store").iterdir()
    about = json.loads((folder / "strategygraph.json").read_text(encoding="utf-8"))
    stated = 0
    for name, record in about["files"].items():
        alone = OxigraphStore()
        alone.load_turtle(Path(name))
        assert set(ox.parse(path=folder / record["dump"], format=ox.RdfFormat.N_TRIPLES)) == set(alone.oxigraph)
        stated += len(alone)
    assert sorted(about["files"]) == sorted(str(path.resolve()) for path in sources.files())
    curated = load_curated(sources)
    derived = set(mentions.theme_mention_triples(curated, compiled_lexicon(read_thesaurus(curated))))
    assert about["triples"] == len(memory)
    assert about["disjoint"] == (len(memory) == stated + len(derived))


def test_persistent_store_behaves_like_oxigraph(tmp_path: Path) -> None:
    sources = DataSources.bundled([HEDENSTED])
    stored = load_graph(sources, str(tmp_path / "store"))
    oxigraph = load_graph(sources, "oxigraph")
    assert isinstance(stored, OxigraphStore)
    assert stored.kind == "oxigraph"
    assert len(stored) == len(oxigraph) == len(stored.oxigraph)  # the recorded count is the real one
    assert set(stored.to_rdflib()) == set(oxigraph.to_rdflib())
    assert dict(stored.to_rdflib().namespaces()) == dict(oxigraph.to_rdflib().namespaces())
    scoped = load_graph(sources, str(tmp_path / "store"), seminar="hedensted")
    assert count_graph(scoped) == count_graph(load_graph(sources, "oxigraph", seminar="hedensted"))


def test_the_store_is_built_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = DataSources.bundled([HEDENSTED])
    load_graph(sources, str(tmp_path / "store"))
    monkeypatch.setattr(mentions, "derive_theme_mentions", _fail)  # no second build, no second derivation
    assert count_graph(load_graph(sources, str(tmp_path / "store"))).mentions > 0


def _damaged_corpus(intact: str) -> list[str]:
    return ["{damaged"]


def _damaged_counts(intact: str) -> list[str]:
    return ["{damaged", "[]", intact.replace('"seminars": ', '"seminars": -'), intact[: len(intact) // 2]]


KEPT_VALUES = [
    # what is kept, how it is read, the function a kept file spares, the file, damaged versions of the file
    pytest.param(read_corpus, reading, "_read_corpus", "kept-corpus-*.json", _damaged_corpus, id="corpus"),
    pytest.param(count_graph, summary, "_counted", "kept-counts-*.json", _damaged_counts, id="counts"),
]


@pytest.mark.parametrize(("read", "module", "making", "name", "damaged_versions"), KEPT_VALUES)
def test_a_value_is_made_once_and_kept_beside_the_store(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    read: Callable[[GraphStore], object],
    module: ModuleType,
    making: str,
    name: str,
    damaged_versions: Callable[[str], list[str]],
) -> None:
    sources = DataSources.bundled([HEDENSTED])
    expected = read(load_graph(sources, "oxigraph"))
    assert read(load_graph(sources, str(tmp_path / "store"))) == expected  # made from the store, kept
    (kept,) = (tmp_path / "store").glob(f"*/{name}")
    with monkeypatch.context() as patched:
        patched.setattr(module, making, _fail)
        assert read(load_graph(sources, str(tmp_path / "store"))) == expected  # read back from the file
    intact = kept.read_text(encoding="utf-8")
    for damaged in damaged_versions(intact):
        assert damaged != intact
        kept.write_text(damaged, encoding="utf-8")
        assert read(load_graph(sources, str(tmp_path / "store"))) == expected  # made from the store again


def test_validate_reads_the_source_files(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--store", str(tmp_path / "store"), "--data", str(HEDENSTED), "validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout == runner.invoke(cli, ["--store", "memory", "--data", str(HEDENSTED), "validate"]).stdout


def test_an_edited_file_gives_a_new_key_and_new_answers(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(HEDENSTED, folder)
    store = str(tmp_path / "store")
    before = _run(runner, store, folder, "info", "--format", "json")
    (old_key,) = _keys(tmp_path / "store")
    data_file = sorted(folder.glob("*.ttl"))[0]
    stat = data_file.stat()
    data_file.write_text(data_file.read_text(encoding="utf-8") + EXTRA_COMMITTEE, encoding="utf-8")
    os.utime(data_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same mtime: the bytes decide
    after = _run(runner, store, folder, "info", "--format", "json")
    assert after != before
    assert after == _run(runner, "memory", folder, "info", "--format", "json")
    (new_key,) = _keys(tmp_path / "store")  # the old key is gone
    assert new_key != old_key
    assert new_key.split("-")[0] == old_key.split("-")[0]


def test_a_store_inside_a_data_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(HEDENSTED, folder)
    with pytest.raises(InputError, match="inside an input folder"):
        load_graph(DataSources.bundled([folder]), str(folder / "store"))
    assert not (folder / "store").exists()


def test_auto_caches_large_data_only(generated_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache = tmp_path / "cache" / "strategygraph"
    small = load_graph(DataSources.bundled([HEDENSTED]), "auto")
    assert isinstance(small, OxigraphStore)
    assert not isinstance(small, PersistentStore), "small data: Oxigraph in memory"
    assert _keys(cache) == []
    large = DataSources.bundled([generated_data])
    assert sum(path.stat().st_size for path in large.files()) >= AUTO_PERSISTENT_BYTES
    store = load_graph(large, "auto")
    assert isinstance(store, OxigraphStore)
    assert len(_keys(cache)) == 1
    assert count_graph(store) == count_graph(load_graph(large, "oxigraph"))


def test_auto_replaces_the_old_key_of_the_same_data(
    generated_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache = tmp_path / "cache" / "strategygraph"
    folder = tmp_path / "data"
    shutil.copytree(generated_data, folder)
    load_graph(DataSources.bundled([generated_data]), "auto")  # other data folders: their key stays
    (kept,) = _keys(cache)
    load_graph(DataSources.bundled([folder]), "auto")
    (first,) = set(_keys(cache)) - {kept}
    data_file = sorted(folder.rglob("*.ttl"))[0]
    data_file.write_text(data_file.read_text(encoding="utf-8") + EXTRA_COMMITTEE, encoding="utf-8")
    load_graph(DataSources.bundled([folder]), "auto")
    assert kept in _keys(cache)
    assert first not in _keys(cache)
    assert len(_keys(cache)) == 2


def _fail(*_arguments: object) -> None:
    raise RuntimeError("the build stops here")


def _dead_pid() -> int:
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    return int(process.stdout)


def test_a_killed_or_failed_build_leaves_the_previous_store(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(HEDENSTED, folder)
    store = tmp_path / "store"
    before = _run(runner, str(store), folder, "info", "--format", "json")
    (key,) = _keys(store)
    dead = _dead_pid()
    (store / f".tmp-{dead}-0badc0de" / "sub").mkdir(parents=True)  # what kill -9 during a build leaves: a store
    (store / f".tmp-{dead}-0badf11e").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")  # and a dump
    data_file = sorted(folder.glob("*.ttl"))[0]
    original = data_file.read_bytes()
    data_file.write_bytes(original + EXTRA_COMMITTEE.encode())
    monkeypatch.setattr(mentions, "derive_theme_mentions", _fail)  # the next build fails midway
    monkeypatch.setattr(scoped, "theme_mention_triples", _fail)  # and so does an update in place
    with pytest.raises(RuntimeError, match="the build stops here"):
        load_graph(DataSources.bundled([folder]), str(store))
    assert _keys(store) == [key]  # the litter is removed, the failed build left nothing, the old store stays
    data_file.write_bytes(original)
    assert _run(runner, str(store), folder, "info", "--format", "json") == before  # opened, not built


def test_readers_see_the_old_or_the_new_store_during_a_rebuild(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(HEDENSTED, folder)
    store = str(tmp_path / "store")
    old = count_graph(load_graph(DataSources.bundled([folder]), store)).committees
    readers = StoreReaders(folder, store, "committees", tmp_path / "stop")
    try:
        assert readers.first_answers() == [old, old]
        data_file = sorted(folder.glob("*.ttl"))[0]
        edited = tmp_path / "edited.ttl"
        edited.write_text(data_file.read_text(encoding="utf-8") + EXTRA_COMMITTEE, encoding="utf-8")
        edited.replace(data_file)  # one atomic edit; the readers and this process race to rebuild
        new = count_graph(load_graph(DataSources.bundled([folder]), store)).committees
        assert new == old + 1
        seen = readers.all_answers()
    finally:
        readers.close()
    assert set(seen) <= {old, new}
    assert new in seen, "a load that began after the change sees it"
