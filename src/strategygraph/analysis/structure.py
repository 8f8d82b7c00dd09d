"""Structure: communities of committees and of focus areas, and the committees that broker between themes."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..corpus import Corpus
from .evidence import EvidenceIndex, committee_theme_graph, projection, theme_projection

SEED = 42


@dataclass(frozen=True)
class Communities:
    """A partition found by Louvain (fixed seed) on a weighted projection, and its modularity."""

    kind: str  # "committee" | "focus-area"
    groups: tuple[tuple[str, ...], ...]  # largest first; members sorted
    modularity: float
    seed: int

    def community_of(self) -> dict[str, int]:
        """Member key → 1-based community number."""
        return {member: number for number, group in enumerate(self.groups, 1) for member in group}


def _louvain(graph: nx.Graph[str], kind: str, seed: int) -> Communities:
    if graph.number_of_edges() == 0:
        singletons = tuple((str(graph.nodes[n]["key"]),) for n in sorted(graph))
        return Communities(kind, singletons, 0.0, seed)
    partition = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    groups = sorted(
        (tuple(sorted(str(graph.nodes[n]["key"]) for n in part)) for part in partition), key=lambda g: (-len(g), g)
    )
    modularity = nx.community.modularity(graph, partition, weight="weight")
    return Communities(kind, tuple(groups), float(modularity), seed)


def committee_communities(corpus: Corpus, index: EvidenceIndex, seed: int = SEED) -> Communities:
    """Louvain communities of committees on the overlap-weighted committee projection."""
    profiles = {c.key: index.themes_of(c.key) for c in corpus.committees}
    return _louvain(projection(profiles, "committee"), "committee", seed)


def focus_area_communities(corpus: Corpus, index: EvidenceIndex, seed: int = SEED) -> Communities:
    """Louvain communities of focus areas on their projection (themes of their own statements)."""
    profiles = {f.key: frozenset(index.by_focus_area.get(f.key, {})) for f in corpus.focus_areas}
    return _louvain(projection(profiles, "focus-area"), "focus-area", seed)


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


def _connected_pairs(graph: nx.Graph[str]) -> int:
    return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(graph))


def brokers(corpus: Corpus, index: EvidenceIndex) -> list[Broker]:
    """Committees ranked by how much removing them disconnects the theme graph."""
    themes_before = theme_projection(index)
    before = _connected_pairs(themes_before)
    bipartite = committee_theme_graph(corpus, index)
    bipartite.remove_nodes_from([n for n, d in bipartite.degree() if d == 0])
    betweenness = nx.betweenness_centrality(bipartite, normalized=True)
    carriers = index.carriers()
    result = []
    for committee in corpus.committees:
        without = EvidenceIndex(
            index.mode,
            {c: t for c, t in index.by_committee.items() if c != committee.key},
            index.by_focus_area,
        )
        graph = theme_projection(without)
        graph.add_nodes_from(themes_before.nodes)
        after = _connected_pairs(graph)
        result.append(
            Broker(
                committee=committee.key,
                connectivity_loss=(before - after) / before if before else 0.0,
                disconnected_pairs=before - after,
                sole_carrier_of=tuple(t for t, cs in carriers.items() if cs == (committee.key,)),
                betweenness=betweenness.get(f"committee:{committee.key}", 0.0),
            )
        )
    result.sort(key=lambda b: (-b.disconnected_pairs, -round(b.betweenness, 12), b.committee))
    return result
