"""What a view is: nodes, edges, a legend and the details behind every click — plain values, no HTML.

The builders in :mod:`strategygraph.views.catalogue` produce a :class:`ViewGraph`; the page renderer in
:mod:`strategygraph.views.page` turns it into one self-contained HTML file. Every text here is plain
text: the page sets it with ``textContent``, never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..i18n import Lang

NODE_TYPES = ("committee", "focus-area", "theme", "pillar")

# Qualitative palettes (Tableau 10; ColorBrewer Dark2): distinct hues that stay readable on white.
COMMITTEE_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
PILLAR_PALETTE = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02")
TYPE_COLOURS = {"committee": "#34495e", "focus-area": "#8fa3b8", "theme": "#8c6bb1", "pillar": "#1b9e77"}
NO_PILLAR_COLOUR = "#a0a0a0"
SHAPES = {"committee": "diamond", "focus-area": "square", "theme": "dot", "pillar": "star"}
EDGE_COLOURS = {
    "mentions": "#9aa5b1",
    "carries": "#9aa5b1",
    "reflection": "#d4a017",
    "overlap": "#4e79a7",
}
EDGE_DASHES: dict[str, bool | list[int]] = {"reflection": [4, 4]}  # other kinds: solid
# How the committee → focus-area link is drawn: the firmer the attribution, the firmer the line.
CONFIDENCE_DASHES: dict[str, bool | list[int]] = {
    "stated": False,
    "strong-inference": [10, 5],
    "weak-guess": [2, 6],
}


def tint(colour: str, amount: float) -> str:
    """``colour`` (``#rrggbb``) mixed with white: 0 = unchanged, 1 = white."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels)


@dataclass(frozen=True)
class ViewNode:
    """One node: a short readable id (``committee:laering``), its type and how it is drawn."""

    id: str
    type: str
    label: str
    tooltip: str
    colour: str
    size: float
    pillars: tuple[str, ...] = ()  # pillar slugs this node serves (for the pillar filter)
    border: str | None = None
    aliases: tuple[str, ...] = ()  # other names the search box also finds it by

    @property
    def shape(self) -> str:
        return SHAPES[self.type]


@dataclass(frozen=True)
class ViewEdge:
    """One edge; ``kind`` says what it means (``presents``, ``mentions``, ``carries``, ``reflection``,
    ``overlap``, ``serves``); ``confidence`` is set on committee → focus-area links."""

    source: str
    target: str
    kind: str
    width: float
    colour: str
    tooltip: str
    dashes: bool | list[int] = False
    confidence: str | None = None
    label: str = ""  # drawn along the edge (an overlap's shared themes, shortened)
    weight: float | None = None  # an overlap's weight, for the page's weight and strongest-N filters

    @property
    def id(self) -> str:
        return f"{self.source}|{self.target}"


@dataclass(frozen=True)
class PanelItem:
    """A line in the details panel: plain ``text``, or the verbatim text of ``unit`` (with its source
    position) where ``marks`` (UTF-16 offsets, for the browser) are highlighted; ``node`` makes it a
    link that focuses that node."""

    text: str = ""
    note: str = ""
    unit: str | None = None
    marks: tuple[tuple[int, int], ...] = ()
    node: str | None = None
    more: tuple[PanelItem, ...] = ()  # a "… and N more" button that reveals these items in its place


@dataclass(frozen=True)
class PanelSection:
    heading: str
    items: tuple[PanelItem, ...]


@dataclass(frozen=True)
class Panel:
    """What the details panel shows for a node or an edge."""

    label: str
    kind: str
    facts: tuple[tuple[str, str], ...] = ()
    sections: tuple[PanelSection, ...] = ()


@dataclass(frozen=True)
class UnitText:
    """A statement or reflection as the panel quotes it: verbatim text and where it stands in the source."""

    text: str
    position: str


@dataclass(frozen=True)
class LegendEntry:
    """A swatch and what it means: ``shape`` for a node swatch, else a line (``dashes``) for an edge."""

    label: str
    colour: str
    shape: str | None = None
    dashes: bool | list[int] = False
    kind: str = ""  # an edge swatch: the edge kind it stands for (``presents`` edges: ``presents:<confidence>``)
    by_committee: bool = False  # the edges it stands for take their committee's colour, not ``colour``


@dataclass(frozen=True)
class ViewGraph:
    """Everything one page shows."""

    name: str
    lang: Lang
    title: str
    subtitle: str
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    legend: tuple[LegendEntry, ...]
    legend_notes: tuple[str, ...]
    panels: Mapping[str, Panel]  # node id or edge id → panel
    units: Mapping[str, UnitText]  # unit key → text and position
    pillars: tuple[tuple[str, str], ...]  # (slug, label) of the pillars the filter offers
    notes: tuple[str, ...] = field(default=())  # e.g. what --top left out
    # what search finds beyond the nodes: themes the view does not draw (their names and why not), and the
    # group reflections (unit keys; each has a panel ``unit:<key>``)
    search_hints: tuple[SearchHint, ...] = field(default=())
    reflections: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class SearchHint:
    """A theme the view does not draw: the names search knows it by, and why it is not there."""

    names: tuple[str, ...]
    hint: str
