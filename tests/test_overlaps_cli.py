"""Overlap commands on the bundled data: the JSON contract, verbatim evidence, golden outputs, languages."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from strategygraph.cli import cli
from strategygraph.corpus import read_corpus
from strategygraph.loading import DataSources, load_graph
from strategygraph.stores.base import GraphStore

from .conftest import REPO, GoldenCheck


def _json(runner: CliRunner, *args: str) -> object:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_read_corpus_on_bundled_data(bundled_store: GraphStore) -> None:
    corpus = read_corpus(bundled_store)
    assert len(corpus.committees) == 8
    assert len(corpus.focus_areas) == 15
    assert sum(u.kind == "statement" for u in corpus.units) == 48
    assert sum(u.kind == "reflection" for u in corpus.units) == 24
    assert {f.confidence for f in corpus.focus_areas} == {"strong-inference", "weak-guess"}
    smidige = corpus.focus_area_by_key["smidige-processer"]
    assert smidige.committee == "teknik-miljoe"
    assert [u.key for u in corpus.statements_of("smidige-processer")] == [f"smidige-processer-{i}" for i in range(1, 6)]
    assert corpus.committees_on_slide[("tvaergaaende-fokusomraader", 1)] == (
        "faellesskab",
        "teknik-miljoe",
        "vaekst-klima",
    )


def test_overlaps_json_contract(runner: CliRunner, bundled_store: GraphStore) -> None:
    data = _json(runner, "overlaps", "--format", "json")
    assert isinstance(data, dict)
    pairs = data["pairs"]
    assert pairs, "the bundled committees share themes"
    weights = [p["weight"] for p in pairs]
    assert weights == sorted(weights, reverse=True)
    texts = {str(row["t"]) for row in bundled_store.select("SELECT ?t WHERE { ?u sg:text ?t }").dicts()}
    slugs = {c.key for c in read_corpus(bundled_store).committees}
    for pair in pairs:
        assert {"a", "b", "a_label", "b_label", "weight", "shared_themes", "evidence"} <= pair.keys()
        assert pair["a"] in slugs
        assert pair["b"] in slugs
        assert pair["a"] != pair["b"]
        assert 0 < pair["weight"] <= 1
        assert list(pair["evidence"]) == pair["shared_themes"]
        for theme, quotes in pair["evidence"].items():
            sides = {q["committee"] for q in quotes}
            assert sides == {pair["a"], pair["b"]}, f"{theme}: a quote on each side"
            for quote in quotes:
                assert {"committee", "focus_area", "kind", "text"} <= quote.keys()
                assert quote["text"] in texts, "quotes are verbatim statement/reflection texts"
                assert quote["kind"] == "statement", "default evidence is the committees' own statements"


def test_min_shared_and_evidence_mode(runner: CliRunner) -> None:
    every = _json(runner, "overlaps", "--format", "json")
    two = _json(runner, "overlaps", "--format", "json", "--min-shared", "2")
    assert isinstance(every, dict)
    assert isinstance(two, dict)
    assert all(len(p["shared_themes"]) >= 2 for p in two["pairs"])
    assert len(two["pairs"]) <= len(every["pairs"])
    with_reflections = _json(runner, "overlaps", "--format", "json", "--evidence", "all")
    assert isinstance(with_reflections, dict)
    assert with_reflections["evidence_mode"] == "all"
    kinds = {q["kind"] for p in with_reflections["pairs"] for qs in p["evidence"].values() for q in qs}
    assert kinds == {"statement", "reflection"}


@pytest.mark.parametrize("command", ["overlaps", "themes", "gaps", "structure"])
def test_golden_json(runner: CliRunner, golden: GoldenCheck, command: str) -> None:
    result = runner.invoke(cli, [command, "--format", "json"])
    assert result.exit_code == 0, result.output
    golden(f"analysis/{command}.json", result.stdout)


def test_tables_are_danish_by_default_and_english_on_request(runner: CliRunner) -> None:
    danish = runner.invoke(cli, ["themes"]).stdout
    english = runner.invoke(cli, ["--lang", "en", "themes"]).stdout
    assert danish.splitlines()[0].split()[:2] == ["Tema", "Udvalg"]
    assert english.splitlines()[0].split()[:2] == ["Theme", "Committees"]
    gaps_da = runner.invoke(cli, ["gaps"]).stdout
    gaps_en = runner.invoke(cli, ["--lang", "en", "gaps"]).stdout
    assert "Temaer fra refleksionerne" in gaps_da
    assert "Themes raised in reflections" in gaps_en


def test_overlaps_csv_has_slugs_and_labels(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["overlaps", "--format", "csv"])
    header = result.stdout.splitlines()[0]
    assert header == "a,b,a_label,b_label,weight,shared_themes,shared_theme_labels,quotes"


def test_analysis_is_deterministic(runner: CliRunner) -> None:
    first = runner.invoke(cli, ["structure", "--format", "json"]).stdout
    second = runner.invoke(cli, ["structure", "--format", "json"]).stdout
    assert first == second


def test_top_keeps_the_strongest_pairs_and_says_how_many_it_left_out(runner: CliRunner) -> None:
    everything = _json(runner, "overlaps", "--format", "json", "--top", "0")
    assert isinstance(everything, dict)
    result = runner.invoke(cli, ["overlaps", "--format", "json", "--top", "3"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["pairs"] == everything["pairs"][:3]
    assert result.stderr.strip() == f"Viser de 3 stærkeste af {len(everything['pairs'])} par; --top 0 viser alle."
    default = runner.invoke(cli, ["overlaps"])
    assert default.stderr == "", "the source's 23 pairs are all shown by default"


def test_municipality_keeps_pairs_within_one_council(runner: CliRunner) -> None:
    data = ["--data", str(REPO / "data")]
    both = _json(runner, *data, "overlaps", "--format", "json", "--top", "0")
    hedensted = _json(runner, *data, "overlaps", "--format", "json", "--top", "0", "--municipality", "hedensted")
    assert isinstance(both, dict)
    assert isinstance(hedensted, dict)
    corpus = read_corpus(load_graph(DataSources.bundled([REPO / "data"])))
    municipality = {c.key: c.municipality for c in corpus.committees}
    expected = [p for p in both["pairs"] if municipality[p["a"]] == municipality[p["b"]] == "hedensted"]
    assert hedensted["pairs"] == expected
    assert 0 < len(expected) < len(both["pairs"])
    unknown = runner.invoke(cli, ["--lang", "en", *data, "overlaps", "--municipality", "aarhus"])
    assert unknown.exit_code == 2
    assert unknown.stderr.strip() == "Error: unknown municipality 'aarhus' (the graph has: fjordlund, hedensted)"


def test_a_committee_name_two_councils_share_is_shown_with_the_council(bundled_store: GraphStore) -> None:
    national = read_corpus(load_graph(DataSources.bundled([REPO / "data"])))
    both = [c for c in national.committees if c.label_da == "Økonomiudvalget"]
    assert sorted(c.label("da") for c in both) == [
        "Økonomiudvalget (Fjordlund Kommune)",
        "Økonomiudvalget (Hedensted Kommune)",
    ]
    assert {c.own_label("da") for c in both} == {"Økonomiudvalget"}
    unique = national.committee_by_key["teknik-miljoe"]
    assert unique.label("da") == unique.own_label("da") == "Udvalget for Teknik & Miljø"
    assert not any(c.qualified for c in read_corpus(bundled_store).committees), "one council: its own names"
