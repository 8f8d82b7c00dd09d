"""Fast analysis against exact analysis: do the national-scale shortcuts give the same answers, and how much
faster are they?

Generates a synthetic national data set (bench/generate.py, seeded), loads it into Oxigraph and, at a size where
the exact computations still finish, runs every shortcut of :mod:`strategygraph.analysis` both ways:

- specificity weights (committee and focus-area projections): sparse matrix product against exact pure-Python
  sums — largest absolute difference;
- brokers' disconnected pairs: components of the theme matrix against one NetworkX projection per committee —
  equal or not;
- betweenness in the committee × theme graph: Brandes by levels (sparse products) against NetworkX's exact
  Brandes — largest absolute error, Spearman rank correlation, and whether the top 10 agree;
- focus-area communities: per municipality (Louvain on the theme matrix) against one NetworkX Louvain on the whole
  projection — the modularity of both partitions on the whole projection.

Then it times the fast analysis at the largest size (``--triples``). CPU seconds (``time.process_time``) are
printed besides wall seconds: on a shared machine CPU time is the steadier figure.

    .venv/bin/python bench/analysis.py [--exact-triples 100000] [--triples 1000000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import networkx as nx
from scipy.stats import spearmanr

from generate import generate
from strategygraph import Corpus, DataSources, analyse, load_graph, read_corpus
from strategygraph.analysis import evidence, structure
from strategygraph.analysis.evidence import committee_theme_graph, projection
from strategygraph.analysis.matrices import partition_modularity, sparse_specificity_weights

T = TypeVar("T")


def timed(label: str, function: Callable[[], T]) -> T:
    cpu, wall = time.process_time(), time.perf_counter()
    result = function()
    print(f"  {label:<44} {time.process_time() - cpu:8.2f} s CPU {time.perf_counter() - wall:8.2f} s wall")
    return result


def exact_weights(profiles: dict[str, frozenset[str]]) -> dict[tuple[str, str], float]:
    limit = evidence.EXACT_PAIR_SHARES
    evidence.EXACT_PAIR_SHARES = 10**15
    try:
        return evidence.specificity_weights(profiles)
    finally:
        evidence.EXACT_PAIR_SHARES = limit


def load_corpus(folder: Path, triples: int) -> Corpus:
    print(f"{triples:,} triples:", generate(folder, triples))
    store = timed("load (Oxigraph) and derive mentions", lambda: load_graph(DataSources.bundled([folder]), "oxigraph"))
    return timed("read corpus", lambda: read_corpus(store))


def compare(corpus: Corpus) -> None:
    index = evidence.evidence_index(corpus)
    committees = {c.key: index.themes_of(c.key) for c in corpus.committees}
    areas = {f.key: frozenset(index.by_focus_area.get(f.key, {})) for f in corpus.focus_areas}
    for name, profiles in (("committee", committees), ("focus-area", areas)):
        exact = timed(f"{name} weights, exact", lambda p=profiles: exact_weights(p))  # type: ignore[misc]
        fast = timed(f"{name} weights, sparse", lambda p=profiles: sparse_specificity_weights(p))  # type: ignore[misc]
        error = max((abs(exact[pair] - fast[pair]) for pair in exact), default=0.0)
        print(f"  {name} pairs {len(exact):,}, same pairs: {exact.keys() == fast.keys()}, max |Δweight| {error:.1e}")

    fast_brokers = timed("brokers, fast", lambda: structure.brokers(corpus, index))
    limits = evidence.EXACT_PAIR_SHARES, structure.NETWORKX_BETWEENNESS_NODES
    evidence.EXACT_PAIR_SHARES, structure.NETWORKX_BETWEENNESS_NODES = 10**15, 10**9
    try:
        exact_brokers = timed("brokers, exact", lambda: structure.brokers(corpus, index))
    finally:
        evidence.EXACT_PAIR_SHARES, structure.NETWORKX_BETWEENNESS_NODES = limits
    exact_by_key = {b.committee: b for b in exact_brokers}
    same_pairs = all(b.disconnected_pairs == exact_by_key[b.committee].disconnected_pairs for b in fast_brokers)
    print(f"  brokers' disconnected pairs equal: {same_pairs}")

    bipartite = committee_theme_graph(corpus, index)
    bipartite.remove_nodes_from([n for n, d in bipartite.degree() if d == 0])
    fast_b = timed("betweenness, by sparse products", lambda: structure.betweenness(bipartite))
    exact_b = timed("betweenness, exact", lambda: nx.betweenness_centrality(bipartite, normalized=True))
    nodes = sorted(exact_b)
    error = max(abs(fast_b[n] - exact_b[n]) for n in nodes)
    rho = spearmanr([fast_b[n] for n in nodes], [exact_b[n] for n in nodes]).statistic
    top = set(sorted(nodes, key=lambda n: -exact_b[n])[:10]) == set(sorted(nodes, key=lambda n: -fast_b[n])[:10])
    print(f"  betweenness on {len(nodes)} nodes: max |error| {error:.1e}, Spearman ρ {rho:.4f}, same top 10: {top}")

    scoped = timed("focus-area communities, per municipality", lambda: structure.focus_area_communities(corpus, index))
    whole = timed("focus-area communities, whole projection", lambda: structure.louvain(projection(areas, "f"), "f"))
    print(
        f"  modularity on the whole projection: per municipality ({scoped.scope}) {scoped.modularity:.4f} "
        f"[{partition_modularity(areas, scoped.groups):.4f}], whole-graph Louvain {whole.modularity:.4f}"
    )


def time_fast(corpus: Corpus) -> None:
    analysis = analyse(corpus)
    total = 0.0
    for part in ("overlaps", "reach", "committee_communities", "focus_area_communities", "brokers", "candidates"):
        cpu = time.process_time()
        timed(part, lambda p=part: getattr(analysis, p))  # type: ignore[misc]
        total += time.process_time() - cpu
    print(f"  whole analysis {total:.2f} s CPU; {len(analysis.overlaps):,} committee pairs")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exact-triples", type=int, default=100_000, help="size for fast-vs-exact (default 100k)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size for the fast timings (default 1M)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = load_corpus(Path(folder) / "exact", args.exact_triples)
        compare(corpus)
        if args.triples:
            corpus = load_corpus(Path(folder) / "fast", args.triples)
            time_fast(corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
