"""bench/generate.py: deterministic synthetic data in the bundled model, built from the gold-set sentences."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generate import generate, gold_files
from strategygraph.loading import DataSources, load_graph
from strategygraph.resources import bundle
from strategygraph.stores.opening import open_store

from .conftest import REPO


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    first, second, other = (generate(tmp_path / name, 3_000, seed) for name, seed in (("a", 7), ("b", 7), ("c", 8)))
    assert first == second
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
    assert other.triples >= 3_000


def test_a_smaller_target_writes_a_prefix_of_a_larger_ones_files(tmp_path: Path) -> None:
    small, large = generate(tmp_path / "small", 2_000, 1), generate(tmp_path / "large", 6_000, 1)
    assert small.seminars < large.seminars
    small_files, large_files = _files(tmp_path / "small"), _files(tmp_path / "large")
    assert all(large_files[name] == data for name, data in small_files.items())


def test_the_summary_counts_what_the_graph_holds(generated_data: Path, tmp_path: Path) -> None:
    summary = generate(tmp_path / "again", 10_000, seed=1)
    store = open_store(DataSources.bundled([generated_data]).files(), "oxigraph")  # without derived mentions
    ontology = open_store(bundle().ontology_files(), "memory")
    assert len(store) - len(ontology) == summary.triples >= 10_000
    counts = store.select(
        "SELECT (COUNT(DISTINCT ?s) AS ?statements) (COUNT(DISTINCT ?c) AS ?committees) WHERE { "
        "{ ?s a sg:Statement } UNION { ?c a sg:Committee } }"
    ).rows[0]
    assert [int(str(value)) for value in counts] == [summary.statements, summary.committees]


def test_texts_are_the_gold_sentences(generated_data: Path) -> None:
    gold = {unit["text"] for path in gold_files() for unit in json.loads(path.read_text(encoding="utf-8"))["units"]}
    store = load_graph(DataSources.bundled([generated_data]), "oxigraph")
    result = store.select(
        "SELECT DISTINCT ?text ?name WHERE { ?unit sg:text ?text . "
        "{ ?unit sg:focusArea/sg:seminar ?seminar } UNION { ?unit sg:slide/sg:seminar ?seminar } "
        "?seminar sg:municipality/skos:prefLabel ?name FILTER (lang(?name) = 'da') }"
    )
    assert len(result.rows) > 100
    for text, name in result.rows:
        short_name = str(name).removesuffix(" Kommune").removesuffix("s Regionskommune").removesuffix("s")
        original = str(text).replace(str(name), "Hedensted Kommune").replace(short_name, "Hedensted")
        assert str(text) in gold or original in gold, text


def test_command_line_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    script = str(REPO / "bench" / "generate.py")
    refused = subprocess.run([sys.executable, script, "--out", str(tmp_path)], capture_output=True, text=True)
    assert refused.returncode == 2
    assert "not empty" in refused.stderr
    written = subprocess.run(
        [sys.executable, script, "--out", str(tmp_path / "new"), "--triples", "1500"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "1 seminars" in written.stdout


@pytest.mark.parametrize("arguments", [["--help"], ["--store", "memory", "info"]])
def test_light_commands_do_not_import_pyoxigraph(arguments: list[str]) -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom strategygraph.cli import cli\n"
        f"result = CliRunner().invoke(cli, {arguments!r})\nassert result.exit_code == 0, result.output\n"
        "print('pyoxigraph' in sys.modules)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"
