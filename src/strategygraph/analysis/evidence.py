"""Who carries which theme, on what evidence — and the NetworkX graphs built from it.

*Evidence* is a distinct statement or reflection that mentions a theme. Which kinds count is the
``mode``:

- ``statements`` (the default): only the committees' own focus-area statements. A statement speaks for
  the committee that presented its focus area.
- ``reflections``: only the group reflections. A reflection belongs to a slide, not to one focus area,
  so it counts for every committee presenting on that slide.
- ``all``: both.

The default keeps what a committee *put forward* apart from what mixed groups *said about a slide*; with
reflections counted, committees that merely shared a slide would look alike.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from ..corpus import Corpus, TextUnit
from ..errors import StrategyGraphError

EVIDENCE_MODES = ("statements", "reflections", "all")
DEFAULT_MODE = "statements"


@dataclass(frozen=True)
class Quote:
    """One piece of evidence: a verbatim statement or reflection, and whose it is."""

    committee: str
    focus_area: str | None
    kind: str
    text: str
    unit: str
    seminar: str
    slide: int
    source_start: int | None
    source_end: int | None


def _counts(unit: TextUnit, mode: str) -> bool:
    return mode == "all" or (unit.kind == "statement") == (mode == "statements")


@dataclass(frozen=True)
class EvidenceIndex:
    """Committee → theme → quotes under one evidence mode; focus area → theme → statement keys (a focus
    area owns the themes of its own statements, whatever the mode)."""

    mode: str
    by_committee: Mapping[str, Mapping[str, tuple[Quote, ...]]]
    by_focus_area: Mapping[str, Mapping[str, tuple[str, ...]]]

    def themes_of(self, committee: str) -> frozenset[str]:
        return frozenset(self.by_committee.get(committee, {}))

    def carriers(self) -> dict[str, tuple[str, ...]]:
        """Theme → the committees carrying it (at least one piece of evidence), sorted."""
        found: dict[str, list[str]] = defaultdict(list)
        for committee in sorted(self.by_committee):
            for theme in self.by_committee[committee]:
                found[theme].append(committee)
        return {theme: tuple(committees) for theme, committees in sorted(found.items())}


def evidence_index(corpus: Corpus, mode: str = DEFAULT_MODE) -> EvidenceIndex:
    """Collect, per committee and theme, the distinct units that evidence it under ``mode``."""
    if mode not in EVIDENCE_MODES:
        raise StrategyGraphError("error_unknown_evidence_mode", mode=mode, choices=", ".join(EVIDENCE_MODES))
    quotes: dict[str, dict[str, list[Quote]]] = defaultdict(lambda: defaultdict(list))
    areas: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for unit in corpus.units:
        themes = corpus.themes_of_unit.get(unit.key, ())
        if unit.focus_area is not None:  # a focus area owns its statements' themes, whatever the mode
            for theme in themes:
                areas[unit.focus_area][theme].append(unit.key)
        if not themes or not _counts(unit, mode):
            continue
        for committee in corpus.committees_of_unit(unit):
            quote = Quote(
                committee,
                unit.focus_area,
                unit.kind,
                unit.text,
                unit.key,
                unit.seminar,
                unit.slide,
                unit.source_start,
                unit.source_end,
            )
            for theme in themes:
                quotes[committee][theme].append(quote)
    return EvidenceIndex(
        mode=mode,
        by_committee={c: {t: tuple(q) for t, q in sorted(ts.items())} for c, ts in sorted(quotes.items())},
        by_focus_area={f: {t: tuple(u) for t, u in sorted(ts.items())} for f, ts in sorted(areas.items())},
    )


EXACT_PAIR_SHARES = 200_000
"""Up to this many (pair, shared theme) combinations, weights are summed exactly in pure Python; above it
(national scale) as a sparse matrix product (:mod:`.matrices`)."""


def pair_shares(profiles: Mapping[str, frozenset[str]]) -> int:
    """How many (node pair, shared theme) combinations the profiles hold: the cost of the pure-Python path."""
    carriers: dict[str, int] = defaultdict(int)
    for themes in profiles.values():
        for theme in themes:
            carriers[theme] += 1
    return sum(k * (k - 1) // 2 for k in carriers.values())


def specificity_weights(profiles: Mapping[str, frozenset[str]]) -> dict[tuple[str, str], float]:
    """Overlap weight of every pair of nodes that share a theme (pairs sorted: ``a < b``).

    weight(a, b) = Σ over shared themes t of 1 / (k_t − 1), divided by √(|T_a| · |T_b|),

    where T_x is the set of themes x carries and k_t the number of nodes carrying t. A theme only these
    two share counts 1; a theme shared by k nodes counts 1/(k − 1), so a theme almost everyone carries
    adds little. The normalisation is that of cosine similarity on theme sets, so the weight lies in
    [0, 1] and is 1 only when both carry exactly the same themes and nobody else carries any of them.
    It depends only on the two nodes' themes and on how many nodes carry those themes: adding a node
    that shares nothing with anyone changes no other pair. Above ``EXACT_PAIR_SHARES`` it is computed as
    a sparse matrix product, equal up to floating-point rounding.
    """
    if pair_shares(profiles) > EXACT_PAIR_SHARES:  # national scale: one sparse product, equal up to ~1e-15
        from .matrices import sparse_specificity_weights  # scipy is imported only where it pays

        return sparse_specificity_weights(profiles)
    carriers: dict[str, list[str]] = defaultdict(list)
    for node in sorted(profiles):
        for theme in profiles[node]:
            carriers[theme].append(node)
    shares: dict[tuple[str, str], list[float]] = defaultdict(list)
    for nodes in carriers.values():
        k = len(nodes)
        if k < 2:
            continue
        share = 1.0 / (k - 1)
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                shares[(a, b)].append(share)
    # fsum is exactly rounded, so the weight does not depend on the order nodes or themes come in
    return {
        pair: min(1.0, math.fsum(values) / math.sqrt(len(profiles[pair[0]]) * len(profiles[pair[1]])))
        for pair, values in sorted(shares.items())
    }


def _node_id(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def _add_labelled_node(
    graph: nx.Graph[str], kind: str, key: str, labels: tuple[str, str], bipartite: int, **extra: str
) -> None:
    """A node of a bipartite graph: its kind, key, Danish and English labels, ``extra`` attributes, and side."""
    label_da, label_en = labels
    graph.add_node(
        _node_id(kind, key), type=kind, key=key, label_da=label_da, label_en=label_en, **extra, bipartite=bipartite
    )


def _add_theme_side(graph: nx.Graph[str], corpus: Corpus, kind: str, weights: Iterable[tuple[str, str, int]]) -> None:
    """Every theme as a node, and an edge (``kind`` key, theme slug, weight) for each of ``weights``."""
    for theme in corpus.themes:
        _add_labelled_node(graph, "theme", theme.slug, (theme.label_da, theme.label_en), 1)
    for key, slug, weight in weights:
        graph.add_edge(_node_id(kind, key), _node_id("theme", slug), weight=weight)


def committee_theme_graph(corpus: Corpus, index: EvidenceIndex) -> nx.Graph[str]:
    """Bipartite committee × theme graph; edge ``weight`` = number of distinct evidence units."""
    graph: nx.Graph[str] = nx.Graph()
    for committee in corpus.committees:
        _add_labelled_node(graph, "committee", committee.key, (committee.label_da, committee.label_en), 0)
    weights = (
        (key, slug, len({q.unit for q in quotes}))
        for key, themes in index.by_committee.items()
        for slug, quotes in themes.items()
    )
    _add_theme_side(graph, corpus, "committee", weights)
    return graph


def focus_area_theme_graph(corpus: Corpus, index: EvidenceIndex) -> nx.Graph[str]:
    """Bipartite focus-area × theme graph (statements only: reflections belong to no one focus area)."""
    graph: nx.Graph[str] = nx.Graph()
    for area in corpus.focus_areas:
        labels = (area.title, area.title)
        _add_labelled_node(graph, "focus-area", area.key, labels, 0, committee=area.committee or "")
    weights = ((key, slug, len(units)) for key, themes in index.by_focus_area.items() for slug, units in themes.items())
    _add_theme_side(graph, corpus, "focus-area", weights)
    return graph


def projection(nodes: Mapping[str, frozenset[str]], kind: str) -> nx.Graph[str]:
    """Project node → themes onto the nodes: an edge per pair sharing a theme, ``weight`` by
    :func:`specificity_weights`, ``shared`` = the number of shared themes. Every node is kept."""
    graph: nx.Graph[str] = nx.Graph()
    for node in sorted(nodes):
        graph.add_node(_node_id(kind, node), key=node, type=kind)
    for (a, b), weight in specificity_weights(nodes).items():
        graph.add_edge(_node_id(kind, a), _node_id(kind, b), weight=weight, shared=len(nodes[a] & nodes[b]))
    return graph


def theme_projection(index: EvidenceIndex) -> nx.Graph[str]:
    """Themes linked when a committee carries both; ``weight`` = number of such committees."""
    graph: nx.Graph[str] = nx.Graph()
    carriers = index.carriers()
    for theme in carriers:
        graph.add_node(_node_id("theme", theme), key=theme, type="theme")
    weights: dict[tuple[str, str], int] = {}  # counted first, then added in the order pairs first occur
    for committee in sorted(index.by_committee):
        for pair in itertools.combinations(sorted(index.by_committee[committee]), 2):
            weights[pair] = weights.get(pair, 0) + 1
    graph.add_edges_from(
        (_node_id("theme", a), _node_id("theme", b), {"weight": weight}) for (a, b), weight in weights.items()
    )
    return graph
