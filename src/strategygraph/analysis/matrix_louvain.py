"""Louvain communities of a theme projection at national scale, computed on the node × theme matrix.

The projection's weight of two nodes is ``wᵢⱼ = vᵢ · vⱼ`` (``i ≠ j``) for the rows ``v`` of ``V = B̃ · √D``
(:mod:`.matrices`): a national projection is nearly complete (708 committees: 250,000 edges; a municipality's
900 focus areas at 10 M triples: 400,000), but its rank is at most the number of themes. So each step of Louvain
(Blondel et al. 2008, as NetworkX runs it: nodes in a seeded random order, each moved to the neighbouring
community of greatest modularity gain, then communities merged into nodes, until a level gains no more than
``threshold``) needs only one product of a community × theme matrix with a node's theme vector — memory and time
grow with nodes × themes, never with pairs. The partitions are found by the same method on the same weights as
NetworkX's ``louvain_communities``, not the same ones: the random order differs (NumPy's generator, seeded).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .matrices import weight_factors

THRESHOLD = 1e-7  # NetworkX's default: a level that gains no more modularity than this ends the search
_TIE = 1e-12  # gains closer than this are ties (keeps the node where it is; rounding never moves a node back and forth)


def _quality(vectors: np.ndarray, inner: np.ndarray, degree: np.ndarray, labels: np.ndarray, m: float) -> float:
    """Modularity of ``labels`` (node → community) for nodes with theme ``vectors``, the weight of the pairs
    inside each node (``inner``, at the first level each node's own ``|vᵢ|²``, which is no edge) and ``degree``."""
    count = int(labels.max()) + 1
    summed = np.zeros((count, vectors.shape[1]))
    np.add.at(summed, labels, vectors)
    inside = ((summed * summed).sum(axis=1) - np.bincount(labels, inner, count)) / 2
    total = np.bincount(labels, degree, count)
    return float((inside / m - (total / (2 * m)) ** 2).sum())


def _one_level(vectors: np.ndarray, degree: np.ndarray, m: float, rng: np.random.Generator) -> tuple[np.ndarray, bool]:
    """One level of local moving: each node's community (numbered 0…, in order of first node), and whether any
    node moved."""
    count = len(degree)
    community = np.arange(count)
    summed = vectors.copy()  # community → the sum of its nodes' theme vectors
    total = degree.astype(float).copy()  # community → the sum of its nodes' degrees
    size = np.ones(count, dtype=np.int64)
    order = rng.permutation(count)
    moved, moves = False, 1
    while moves:
        moves = 0
        for node in order.tolist():
            own, vector, node_degree = int(community[node]), vectors[node], float(degree[node])
            summed[own] -= vector
            total[own] -= node_degree
            size[own] -= 1
            weights = summed @ vector
            gains = weights / m - total * (node_degree / (2 * m * m))
            gains[(weights <= _TIE) | (size == 0)] = -np.inf  # only communities the node has a link into
            found = int(gains.argmax())  # the first of equal gains
            best = found if gains[found] - (weights[own] / m - total[own] * (node_degree / (2 * m * m))) > _TIE else own
            summed[best] += vector
            total[best] += node_degree
            size[best] += 1
            if best != own:
                community[node], moved, moves = best, True, moves + 1
    _, renumbered = np.unique(community, return_inverse=True)
    return renumbered, moved


def matrix_louvain(
    profiles: Mapping[str, frozenset[str]], seed: int, threshold: float = THRESHOLD
) -> tuple[tuple[tuple[str, ...], ...], float]:
    """Louvain communities of the weighted projection of ``profiles`` (weights as
    :func:`~strategygraph.analysis.evidence.specificity_weights`), and their modularity; groups largest first,
    members sorted. Nodes without a shared theme stay alone."""
    nodes, vectors, self_weight, degree = weight_factors(profiles)
    m = float(degree.sum()) / 2
    if m <= 0:
        return tuple((node,) for node in nodes), 0.0
    rng = np.random.default_rng(seed)
    member_of = np.arange(len(nodes))  # original node → its node at the current level
    labels, moved = _one_level(vectors, degree, m, rng)
    member_of = labels[member_of]
    quality = _quality(vectors, self_weight, degree, np.arange(len(nodes)), m)
    while True:
        level_quality = _quality(vectors, self_weight, degree, member_of, m)
        if level_quality - quality <= threshold:
            break
        quality = level_quality
        count = int(member_of.max()) + 1
        merged = np.zeros((count, vectors.shape[1]))
        np.add.at(merged, member_of, vectors)
        labels, moved = _one_level(merged, np.bincount(member_of, degree, count), m, rng)
        if not moved:
            break
        member_of = labels[member_of]
    groups: dict[int, list[str]] = {}
    for node, label in zip(nodes, member_of.tolist(), strict=True):
        groups.setdefault(label, []).append(node)
    ordered = sorted((tuple(sorted(group)) for group in groups.values()), key=lambda g: (-len(g), g))
    return tuple(ordered), _quality(vectors, self_weight, degree, member_of, m)
