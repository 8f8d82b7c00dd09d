"""Theme reach: how far each theme cuts across the organisation."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from ..corpus import Corpus
from .evidence import EvidenceIndex, theme_projection


@dataclass(frozen=True)
class ThemeReach:
    """One theme's reach.

    ``committees``: the committees carrying it (under the evidence mode); ``slides``: every slide where a
    statement or reflection mentions it (``seminar/slide``); ``cross_cutting``: the normalised entropy of
    its evidence over all committees (0 = one committee, 1 = evenly spread over every committee);
    ``degree`` and ``betweenness``: normalised centralities in the theme projection (themes linked when
    a committee carries both; betweenness with distance 1/weight).
    """

    theme: str
    committees: tuple[str, ...]
    focus_areas: tuple[str, ...]
    slides: tuple[str, ...]
    statements: int
    reflections: int
    cross_cutting: float
    degree: float
    betweenness: float
    pillars: tuple[str, ...]


def normalised_entropy(counts: list[int], population: int) -> float:
    """Shannon entropy of ``counts`` divided by log(``population``): 0 when one holds all, 1 when even."""
    total = sum(counts)
    if population < 2 or total == 0:
        return 0.0
    entropy = -sum(c / total * math.log(c / total) for c in counts if c > 0)
    return max(0.0, min(1.0, entropy / math.log(population)))


def theme_reach(corpus: Corpus, index: EvidenceIndex) -> list[ThemeReach]:
    """Reach of every theme in the thesaurus, the most cross-cutting first (unmentioned themes last)."""
    projected = theme_projection(index)
    degree = nx.degree_centrality(projected) if len(projected) > 1 else {}
    for u, v, data in projected.edges(data=True):
        projected.edges[u, v]["distance"] = 1.0 / data["weight"]
    betweenness = nx.betweenness_centrality(projected, weight="distance", normalized=True)

    slides: dict[str, set[str]] = defaultdict(set)
    statements: dict[str, int] = defaultdict(int)
    reflections: dict[str, int] = defaultdict(int)
    for unit in corpus.units:
        for slug in corpus.themes_of_unit.get(unit.key, ()):
            slides[slug].add(f"{unit.seminar}/{unit.slide}")
            if unit.kind == "statement":
                statements[slug] += 1
            else:
                reflections[slug] += 1
    areas: dict[str, set[str]] = defaultdict(set)
    for area, themes in index.by_focus_area.items():
        for slug in themes:
            areas[slug].add(area)

    population = sum(1 for c in corpus.committees if corpus.focus_areas_of(c.key))
    carriers = index.carriers()
    reaches = []
    for theme in corpus.themes:
        committees = carriers.get(theme.slug, ())
        counts = [len({q.unit for q in index.by_committee[c][theme.slug]}) for c in committees]
        node = f"theme:{theme.slug}"
        reaches.append(
            ThemeReach(
                theme=theme.slug,
                committees=committees,
                focus_areas=tuple(sorted(areas[theme.slug])),
                slides=tuple(sorted(slides[theme.slug])),
                statements=statements[theme.slug],
                reflections=reflections[theme.slug],
                cross_cutting=normalised_entropy(counts, population),
                degree=degree.get(node, 0.0),
                betweenness=betweenness.get(node, 0.0),
                pillars=theme.pillars,
            )
        )
    reaches.sort(
        key=lambda r: (-round(r.cross_cutting, 12), -len(r.committees), -r.statements - r.reflections, r.theme)
    )
    return reaches
