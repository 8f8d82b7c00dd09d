"""Structure: communities of committees and of focus areas, and the committees that broker between themes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from ..corpus import Corpus
from . import evidence
from .evidence import (
    EvidenceIndex,
    committee_theme_graph,
    pair_shares,
    projection,
    theme_projection,
)

SEED = 42


@dataclass(frozen=True)
class Communities:
    """A partition found by Louvain (fixed seed) on a weighted projection, and its modularity."""

    kind: str  # "committee" | "focus-area"
    groups: tuple[tuple[str, ...], ...]  # largest first; members sorted
    modularity: float
    seed: int
    scope: str = "graph"
    """``graph``: one partition of the whole projection; ``municipality``: at national scale, each municipality's
    nodes partitioned on their own projection, and ``modularity`` the mean of those partitions' modularities (on
    the national projection the union scores near 0: most of its weight joins focus areas of different councils,
    which no council's work connects; bench/analysis.py prints both)."""
    method: str = "networkx"
    """``networkx``: NetworkX's Louvain on the projection; ``theme-matrix``: at national scale (more than
    ``EXACT_PAIR_SHARES`` pair-theme combinations), the same method on the node × theme matrix
    (:mod:`.matrix_louvain`), which never builds the projection's pairs."""

    def community_of(self) -> dict[str, int]:
        """Member key → 1-based community number."""
        return {member: number for number, group in enumerate(self.groups, 1) for member in group}


def louvain(graph: nx.Graph[str], kind: str, seed: int = SEED) -> Communities:
    """Louvain communities (fixed seed) of a weighted projection, largest first, and their modularity."""
    if graph.number_of_edges() == 0:
        singletons = tuple((str(graph.nodes[n]["key"]),) for n in sorted(graph))
        return Communities(kind, singletons, 0.0, seed)
    partition = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    groups = sorted(
        (tuple(sorted(str(graph.nodes[n]["key"]) for n in part)) for part in partition), key=lambda g: (-len(g), g)
    )
    modularity = nx.community.modularity(graph, partition, weight="weight")
    return Communities(kind, tuple(groups), float(modularity), seed)


def _national(profiles: Mapping[str, frozenset[str]]) -> bool:
    return pair_shares(profiles) > evidence.EXACT_PAIR_SHARES


def _matrix_louvain(profiles: Mapping[str, frozenset[str]], kind: str, seed: int) -> Communities:
    from .matrix_louvain import matrix_louvain  # numpy and scipy only where they pay

    groups, modularity = matrix_louvain(profiles, seed)
    return Communities(kind, groups, modularity, seed, method="theme-matrix")


def committee_communities(corpus: Corpus, index: EvidenceIndex, seed: int = SEED) -> Communities:
    """Louvain communities of committees on the overlap-weighted committee projection (at national scale
    computed on the committee × theme matrix: :mod:`.matrix_louvain`)."""
    profiles = {c.key: index.themes_of(c.key) for c in corpus.committees}
    if _national(profiles):
        return _matrix_louvain(profiles, "committee", seed)
    return louvain(projection(profiles, "committee"), "committee", seed)


def focus_area_communities(corpus: Corpus, index: EvidenceIndex, seed: int = SEED) -> Communities:
    """Louvain communities of focus areas on their projection (themes of their own statements).

    At national scale (more than ``EXACT_PAIR_SHARES`` pair-theme combinations: tens of millions of pairs at a
    million triples), each municipality's focus areas are partitioned on their own — a municipality acts on its
    own focus areas — on the focus area × theme matrix (:mod:`.matrix_louvain`), and ``scope`` says so."""
    profiles = {f.key: frozenset(index.by_focus_area.get(f.key, {})) for f in corpus.focus_areas}
    municipality = {
        f.key: corpus.committee_by_key[f.committee].municipality
        if f.committee in corpus.committee_by_key
        else f.seminar
        for f in corpus.focus_areas
    }
    if not _national(profiles):
        return louvain(projection(profiles, "focus-area"), "focus-area", seed)
    places: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    for key, themes in profiles.items():
        places[municipality[key]][key] = themes
    if len(places) < 2:
        return _matrix_louvain(profiles, "focus-area", seed)
    groups: list[tuple[str, ...]] = []
    modularities: list[float] = []
    for place in sorted(places):
        found = _matrix_louvain(places[place], "focus-area", seed)
        groups.extend(found.groups)
        if pair_shares(places[place]):  # the council's projection has an edge
            modularities.append(found.modularity)
    groups.sort(key=lambda g: (-len(g), g))
    modularity = sum(modularities) / len(modularities) if modularities else 0.0
    return Communities("focus-area", tuple(groups), modularity, seed, "municipality", "theme-matrix")


@dataclass(frozen=True)
class Broker:
    """A committee and how much the theme graph falls apart without it.

    ``connectivity_loss``: the share of theme pairs connected (through committees carrying both) that
    are no longer connected once the committee is removed; ``sole_carrier_of``: themes no other committee
    carries; ``betweenness``: its normalised betweenness in the committee × theme graph.
    """

    committee: str
    connectivity_loss: float
    disconnected_pairs: int
    sole_carrier_of: tuple[str, ...]
    betweenness: float


NETWORKX_BETWEENNESS_NODES = 300
"""Betweenness is NetworkX's on graphs of up to this many nodes; on larger ones (a national committee × theme
graph) the same exact values, up to floating-point rounding, come from :func:`.matrices.level_betweenness`
(Brandes' algorithm a breadth-first level at a time, as sparse products): at 1 M triples (736 nodes) 0.34 s
against NetworkX's 10.8 s; it replaces the estimate from 300 seeded pivots used before (4.7 s, ±0.08)."""


def betweenness(graph: nx.Graph[str], weight: str | None = None) -> dict[str, float]:
    """Normalised betweenness centrality, exact (unweighted graphs of more than ``NETWORKX_BETWEENNESS_NODES``
    nodes: by sparse products)."""
    if weight is not None or len(graph) <= NETWORKX_BETWEENNESS_NODES:
        found: dict[str, float] = nx.betweenness_centrality(graph, normalized=True, weight=weight)
        return found
    from .matrices import level_betweenness

    nodes = list(graph)
    values = level_betweenness(nx.to_scipy_sparse_array(graph, nodelist=nodes, weight=None, format="csr"))
    return dict(zip(nodes, values.tolist(), strict=True))


def _connected_pairs(graph: nx.Graph[str]) -> int:
    return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(graph))


def _theme_pairs_without_each(index: EvidenceIndex) -> tuple[int, dict[str, int]]:
    """Theme pairs connected through committees, and for each committee how many stay connected without it."""
    profiles = {committee: frozenset(themes) for committee, themes in index.by_committee.items()}
    if pair_shares(profiles) > evidence.EXACT_PAIR_SHARES:  # national scale: components of the small theme matrix
        from .matrices import connected_theme_pairs

        return connected_theme_pairs(profiles)
    themes_before = theme_projection(index)
    after = {}
    for committee in profiles:
        without = EvidenceIndex(
            index.mode, {c: t for c, t in index.by_committee.items() if c != committee}, index.by_focus_area
        )
        graph = theme_projection(without)
        graph.add_nodes_from(themes_before.nodes)
        after[committee] = _connected_pairs(graph)
    return _connected_pairs(themes_before), after


def brokers(corpus: Corpus, index: EvidenceIndex) -> list[Broker]:
    """Committees ranked by how much removing them disconnects the theme graph."""
    before, after = _theme_pairs_without_each(index)
    bipartite = committee_theme_graph(corpus, index)
    bipartite.remove_nodes_from([n for n, d in bipartite.degree() if d == 0])
    centrality = betweenness(bipartite)
    carriers = index.carriers()
    result = []
    for committee in corpus.committees:
        lost = before - after.get(committee.key, before)
        result.append(
            Broker(
                committee=committee.key,
                connectivity_loss=lost / before if before else 0.0,
                disconnected_pairs=lost,
                sole_carrier_of=tuple(t for t, cs in carriers.items() if cs == (committee.key,)),
                betweenness=centrality.get(f"committee:{committee.key}", 0.0),
            )
        )
    result.sort(key=lambda b: (-b.disconnected_pairs, -round(b.betweenness, 12), b.committee))
    return result
