"""The national-scale shortcuts give the exact answers: sparse weights, theme-matrix brokers, modularity."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategygraph.analysis import Analysis, analyse, evidence, structure
from strategygraph.analysis.evidence import projection, specificity_weights
from strategygraph.analysis.matrices import (
    connected_theme_pairs,
    level_betweenness,
    partition_modularity,
    sparse_specificity_weights,
)
from strategygraph.analysis.matrix_louvain import matrix_louvain
from strategygraph.corpus import read_corpus
from strategygraph.loading import DataSources, load_graph

from .conftest import REPO

THEMES = [f"t{i}" for i in range(8)]

profiles_strategy = st.dictionaries(
    st.sampled_from([f"n{i:02d}" for i in range(24)]), st.frozensets(st.sampled_from(THEMES)), max_size=24
)


@given(profiles_strategy)
@settings(max_examples=150, deadline=None)
def test_sparse_weights_equal_exact_weights(profiles: dict[str, frozenset[str]]) -> None:
    exact, fast = specificity_weights(profiles), sparse_specificity_weights(profiles)
    assert list(fast) == list(exact)
    assert all(abs(fast[pair] - exact[pair]) < 1e-12 for pair in exact)


@given(profiles_strategy)
@settings(max_examples=100, deadline=None)
def test_modularity_without_the_projection_equals_networkx(profiles: dict[str, frozenset[str]]) -> None:
    graph = projection(profiles, "x")
    groups: list[list[str]] = [[], [], []]
    for number, node in enumerate(sorted(profiles)):
        groups[(number * 7 + len(profiles[node])) % 3].append(node)
    expected = 0.0  # NetworkX divides by zero on a graph without edges; no edges, no structure
    if graph.number_of_edges():
        expected = nx.community.modularity(graph, [{f"x:{n}" for n in g} for g in groups], weight="weight")
    assert abs(partition_modularity(profiles, groups) - expected) < 1e-9


@given(profiles_strategy)
@settings(max_examples=100, deadline=None)
def test_theme_matrix_components_count_the_pairs_networkx_counts(profiles: dict[str, frozenset[str]]) -> None:
    def pairs(nodes: dict[str, frozenset[str]]) -> int:
        graph: nx.Graph[str] = nx.Graph()
        graph.add_nodes_from(t for themes in profiles.values() for t in themes)
        for themes in nodes.values():
            ordered = sorted(themes)
            graph.add_edges_from((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
        return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(graph))

    before, after = connected_theme_pairs(profiles)
    assert before == pairs(profiles)
    assert after == {node: pairs({k: v for k, v in profiles.items() if k != node}) for node in profiles}


def test_the_exact_path_is_kept_for_small_graphs() -> None:
    assert evidence.pair_shares({"a": frozenset(THEMES), "b": frozenset(THEMES)}) == len(THEMES)
    assert evidence.EXACT_PAIR_SHARES >= 100_000  # the bundled data and every golden stay on the exact path


def test_national_focus_area_communities_are_each_councils_own(monkeypatch: pytest.MonkeyPatch) -> None:
    def analysis(*folders: Path) -> Analysis:
        return analyse(read_corpus(load_graph(DataSources.bundled(list(folders)))))

    alone = [
        analysis(REPO / "data" / "hedensted").focus_area_communities,
        analysis(REPO / "data" / "examples" / "fjordlund" / "data").focus_area_communities,
    ]
    monkeypatch.setattr(evidence, "EXACT_PAIR_SHARES", 0)  # as if the two councils made a national graph
    national = analysis(REPO / "data")
    together = national.focus_area_communities
    assert together.scope == "municipality"
    assert all(c.scope == "graph" for c in alone)
    assert sorted(len(g) for g in together.groups) == sorted(len(g) for c in alone for g in c.groups)
    corpus = national.corpus
    for group in together.groups:
        councils = {
            corpus.committee_by_key[corpus.focus_area_by_key[key].committee or ""].municipality for key in group
        }
        assert len(councils) == 1, group
    assert together.modularity == pytest.approx(sum(c.modularity for c in alone) / 2)


@given(profiles_strategy)
@settings(max_examples=100, deadline=None)
def test_theme_matrix_louvain_partitions_every_node_and_reports_its_modularity(
    profiles: dict[str, frozenset[str]],
) -> None:
    groups, modularity = matrix_louvain(profiles, seed=42)
    assert sorted(key for group in groups for key in group) == sorted(profiles)
    assert list(groups) == sorted(groups, key=lambda g: (-len(g), g))
    assert abs(modularity - partition_modularity(profiles, groups)) < 1e-9
    assert matrix_louvain(profiles, seed=42) == (groups, modularity)  # seeded: the same partition every time
    if modularity:  # never worse than leaving every node alone
        assert modularity >= partition_modularity(profiles, [[node] for node in profiles]) - 1e-12


def test_theme_matrix_louvain_finds_planted_communities_as_networkx_does() -> None:
    profiles = {f"{block}{i}": frozenset(f"{block}{(i + k) % 6}" for k in range(3)) for block in "lr" for i in range(6)}
    profiles["x"] = frozenset()  # shares nothing: alone
    groups, modularity = matrix_louvain(profiles, seed=42)
    expected = structure.louvain(projection(profiles, "n"), "n")
    assert sorted(groups) == sorted(expected.groups)
    assert sorted(groups) == [tuple(f"l{i}" for i in range(6)), tuple(f"r{i}" for i in range(6)), ("x",)]
    assert modularity == pytest.approx(expected.modularity)


def test_national_committee_communities_use_the_theme_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = read_corpus(load_graph(DataSources.bundled([REPO / "data"])))
    exact = analyse(corpus).committee_communities
    monkeypatch.setattr(evidence, "EXACT_PAIR_SHARES", 0)  # as if the bundled councils were a national graph
    national = analyse(corpus).committee_communities
    assert (exact.method, national.method, national.scope) == ("networkx", "theme-matrix", "graph")
    assert sorted(k for g in national.groups for k in g) == sorted(c.key for c in corpus.committees)
    assert national.modularity == pytest.approx(exact.modularity, abs=0.02)  # the same method, as good a partition


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=3, max_value=40))
@settings(max_examples=60, deadline=None)
def test_betweenness_by_levels_equals_networkx(seed: int, nodes: int) -> None:
    graph = nx.gnp_random_graph(nodes, 0.15, seed=seed)
    graph.add_nodes_from(range(nodes, nodes + 2))  # isolated nodes: no paths through them
    order = list(graph)
    found = level_betweenness(nx.to_scipy_sparse_array(graph, nodelist=order, weight=None, format="csr"))
    expected = nx.betweenness_centrality(graph, normalized=True)
    assert all(abs(found[i] - expected[node]) < 1e-12 for i, node in enumerate(order))


def test_large_graphs_betweenness_is_exact_by_levels(monkeypatch: pytest.MonkeyPatch) -> None:
    graph = nx.relabel_nodes(nx.barbell_graph(6, 3), str)
    exact = nx.betweenness_centrality(graph, normalized=True)
    monkeypatch.setattr(structure, "NETWORKX_BETWEENNESS_NODES", 4)  # the graph counts as national: by levels
    found = structure.betweenness(graph)
    assert found.keys() == exact.keys()
    assert all(found[node] == pytest.approx(exact[node], abs=1e-12) for node in graph)
    assert max(found, key=found.__getitem__) in {"8", "7"}  # the middle of the bar carries every path across
