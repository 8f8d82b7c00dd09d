"""A static drawing of the overlap network (committees on a circle, lines as wide as their overlap weight):
what the printed report shows where the screen shows the interactive view. Geometry only; the template draws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..analysis import Analysis
from ..analysis.overlaps import strongest_overlaps
from ..i18n import Lang, format_number

# Okabe–Ito: distinguishable with the common forms of colour-blindness
COMMUNITY_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
RADIUS = 150.0
LABEL_GAP = 14.0
LABEL_ROOM = 190.0  # horizontal room for labels left and right of the circle
MARGIN = 36.0


@dataclass(frozen=True)
class DiagramNode:
    x: float
    y: float
    r: float
    fill: str
    label: str
    label_x: float
    label_y: float
    anchor: str  # start | middle | end
    title: str


@dataclass(frozen=True)
class DiagramEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    title: str


@dataclass(frozen=True)
class NetworkDiagram:
    width: float
    height: float
    nodes: tuple[DiagramNode, ...]
    edges: tuple[DiagramEdge, ...]


def overlap_diagram(analysis: Analysis, lang: Lang, top: int = 0) -> NetworkDiagram:
    """Committees that present focus areas (the ``top`` with most evidence; 0: all), by community then label,
    around a circle; their overlaps as lines (each committee's strongest, when there are many)."""
    corpus = analysis.corpus
    community = analysis.committee_communities.community_of()
    presenting = [key for key in analysis.committees_by_evidence if corpus.focus_areas_of(key)]
    committees = sorted(
        (corpus.committee_by_key[key] for key in (presenting[:top] if top else presenting)),
        key=lambda c: (community.get(c.key, 0), c.label(lang).casefold(), c.key),
    )
    cx, cy = LABEL_ROOM + RADIUS, MARGIN + RADIUS
    position: dict[str, tuple[float, float]] = {}
    nodes = []
    for i, committee in enumerate(committees):
        angle = 2 * math.pi * i / max(1, len(committees)) - math.pi / 2
        x, y = cx + RADIUS * math.cos(angle), cy + RADIUS * math.sin(angle)
        position[committee.key] = (x, y)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        themes = len(analysis.index.themes_of(committee.key))
        number = community.get(committee.key, 0)
        nodes.append(
            DiagramNode(
                x=round(x, 1),
                y=round(y, 1),
                r=round(6 + 1.5 * math.sqrt(themes), 1),
                fill=COMMUNITY_COLOURS[(number - 1) % len(COMMUNITY_COLOURS)] if number else "#999999",
                label=committee.label(lang),
                label_x=round(cx + (RADIUS + LABEL_GAP) * cos, 1),
                label_y=round(
                    cy + (RADIUS + LABEL_GAP) * sin + (4 if abs(cos) >= 0.2 else 14 * (1 if sin > 0 else -0.4)), 1
                ),
                anchor=anchor,
                title=committee.label(lang),
            )
        )
    edges = []
    for overlap in reversed(strongest_overlaps(analysis.overlaps, position)):  # strongest drawn last, on top
        (x1, y1), (x2, y2) = position[overlap.a], position[overlap.b]
        a, b = corpus.committee_by_key[overlap.a], corpus.committee_by_key[overlap.b]
        edges.append(
            DiagramEdge(
                round(x1, 1),
                round(y1, 1),
                round(x2, 1),
                round(y2, 1),
                round(0.8 + 9 * overlap.weight, 2),
                f"{a.label(lang)} ↔ {b.label(lang)}: {format_number(overlap.weight, lang)}",
            )
        )
    return NetworkDiagram(
        width=2 * (LABEL_ROOM + RADIUS), height=2 * (MARGIN + RADIUS), nodes=tuple(nodes), edges=tuple(edges)
    )
