"""The heavy parts of the analysis as sparse matrix products (scipy), for graphs of national size.

A projection onto nodes that share themes is ``B · D · Bᵀ`` for the node × theme incidence matrix ``B``: what
takes NetworkX seconds per hundred thousand pairs takes scipy milliseconds. The results are the same numbers up
to floating-point rounding (summation order, about 1e-15); below
:data:`~strategygraph.analysis.evidence.EXACT_PAIR_SHARES` the callers keep the
exactly rounded pure-Python path, so small graphs (the bundled data, the goldens) are computed as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components


def incidence(profiles: Mapping[str, frozenset[str]]) -> tuple[list[str], list[str], sp.csr_matrix]:
    """Nodes (sorted), themes (sorted) and the 0/1 node × theme matrix."""
    nodes = sorted(profiles)
    themes = sorted({theme for found in profiles.values() for theme in found})
    column = {theme: number for number, theme in enumerate(themes)}
    rows = [row for row, node in enumerate(nodes) for _ in profiles[node]]
    columns = [column[theme] for node in nodes for theme in profiles[node]]
    matrix = sp.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(nodes), len(themes)))
    return nodes, themes, matrix


def _scaled_incidence(profiles: Mapping[str, frozenset[str]]) -> tuple[list[str], sp.csr_matrix, np.ndarray]:
    """Nodes, ``B̃`` (rows of ``B`` divided by ``√|T_x|``) and the theme shares ``1 / (k_t − 1)`` (0 when k_t < 2)."""
    nodes, _themes, matrix = incidence(profiles)
    carriers = np.asarray(matrix.sum(axis=0)).ravel()
    share = np.divide(1.0, carriers - 1, out=np.zeros_like(carriers), where=carriers > 1)
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    scaled = (sp.diags(np.divide(1.0, np.sqrt(sizes), out=np.zeros_like(sizes), where=sizes > 0)) @ matrix).tocsr()
    return nodes, scaled, share


def sparse_specificity_weights(profiles: Mapping[str, frozenset[str]]) -> dict[tuple[str, str], float]:
    """:func:`~strategygraph.analysis.evidence.specificity_weights` as one sparse product: ``B̃ · D · B̃ᵀ`` with
    ``D = diag(1 / (k_t − 1))`` (0 for a theme only one node carries) and ``B̃`` the rows of ``B`` divided by
    ``√|T_x|``. Pairs sorted (``a < b``)."""
    nodes, scaled, share = _scaled_incidence(profiles)
    if not nodes or scaled.shape[1] == 0:
        return {}
    product = sp.triu(scaled @ sp.diags(share) @ scaled.T, k=1).tocoo()
    order = np.lexsort((product.col, product.row))
    rows, columns, values = product.row[order], product.col[order], np.minimum(product.data[order], 1.0)
    return {
        (nodes[a], nodes[b]): float(value)
        for a, b, value in zip(rows.tolist(), columns.tolist(), values.tolist(), strict=True)
        if value > 0
    }


def _connected_pairs(together: np.ndarray) -> int:
    count, labels = connected_components(sp.csr_matrix(together > 0.5), directed=False)
    return sum(int(size) * (int(size) - 1) // 2 for size in np.bincount(labels, minlength=count))


def connected_theme_pairs(profiles: Mapping[str, frozenset[str]]) -> tuple[int, dict[str, int]]:
    """How many theme pairs are connected (themes linked when a node carries both), and for each node how
    many still are once that node is gone. Themes are few, so each answer is a components count on the small
    theme × theme matrix ``Bᵀ·B`` less the node's own outer product."""
    nodes, _themes, matrix = incidence(profiles)
    together = (matrix.T @ matrix).toarray()
    dense = matrix.toarray()
    after = {node: _connected_pairs(together - np.outer(dense[row], dense[row])) for row, node in enumerate(nodes)}
    return _connected_pairs(together), after


def weight_factors(profiles: Mapping[str, frozenset[str]]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """The projection of ``profiles`` in factors: nodes (sorted); the dense node × theme matrix ``V = B̃ · √D``,
    whose rows' products are the weights (``wᵢⱼ = vᵢ · vⱼ`` for ``i ≠ j``, as :func:`sparse_specificity_weights`);
    each node's ``|vᵢ|²`` (the diagonal, which is no edge); and each node's weighted degree."""
    nodes, scaled, share = _scaled_incidence(profiles)
    vectors = np.zeros((len(nodes), 0))
    if scaled.shape[1]:
        vectors = np.asarray((scaled @ sp.diags(np.sqrt(share))).toarray())
    self_weight = (vectors * vectors).sum(axis=1)
    degree = vectors @ vectors.sum(axis=0) - self_weight
    return nodes, vectors, self_weight, degree


def partition_modularity(profiles: Mapping[str, frozenset[str]], groups: Sequence[Sequence[str]]) -> float:
    """Newman modularity of ``groups`` on the weighted projection of ``profiles`` (weights as
    :func:`sparse_specificity_weights`), without building the projection: with ``V`` of :func:`weight_factors`,
    every sum the modularity needs is a product with the small theme dimension."""
    nodes, vectors, self_weight, degree = weight_factors(profiles)
    total = degree.sum()
    if not nodes or total <= 0:
        return 0.0
    position = {node: row for row, node in enumerate(nodes)}
    quality = 0.0
    for group in groups:
        rows = [position[member] for member in group]
        summed = vectors[rows].sum(axis=0)
        inside = float(summed @ summed) - float(self_weight[rows].sum())
        quality += inside / total - (float(degree[rows].sum()) / total) ** 2
    return quality


_BLOCK_CELLS = 1 << 22  # sources × nodes per block of the betweenness: four matrices of 32 MB at most


def level_betweenness(adjacency: sp.csr_matrix) -> np.ndarray:
    """Exact normalised betweenness centrality of every node of an unweighted, undirected graph (``adjacency``
    symmetric, 0/1), as ``networkx.betweenness_centrality(normalized=True)``: Brandes' algorithm run for a block
    of sources at once, each breadth-first level one sparse product (the shortest-path counts forward, the
    dependencies back). Equal to NetworkX's up to floating-point rounding, in a fraction of its time."""
    count = adjacency.shape[0]
    found = np.zeros(count)
    block = max(1, _BLOCK_CELLS // max(count, 1))
    for start in range(0, count, block):
        sources = np.arange(start, min(count, start + block))
        found += _dependencies(adjacency, sources).sum(axis=0)
    return found / ((count - 1) * (count - 2)) if count > 2 else found


def _dependencies(adjacency: sp.csr_matrix, sources: np.ndarray) -> np.ndarray:
    """Brandes' dependency of each source (rows) on each node (columns)."""
    rows = np.arange(len(sources))
    paths = np.zeros((len(sources), adjacency.shape[0]))
    paths[rows, sources] = 1.0
    distance = np.full(paths.shape, -1)
    distance[rows, sources] = 0
    frontier, level = paths.copy(), 0
    while True:
        reached = np.asarray(adjacency @ frontier.T).T  # shortest paths into the next level
        reached[distance >= 0] = 0.0
        new = reached > 0
        if not new.any():
            break
        level += 1
        paths[new], distance[new] = reached[new], level
        frontier = np.where(new, reached, 0.0)
    dependency = np.zeros(paths.shape)
    safe = np.where(paths > 0, paths, 1.0)
    for depth in range(level - 1, 0, -1):
        share = np.where(distance == depth + 1, (1.0 + dependency) / safe, 0.0)
        inflow = np.asarray(adjacency @ share.T).T
        at = distance == depth
        dependency[at] += paths[at] * inflow[at]
    return dependency
