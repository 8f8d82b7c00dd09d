"""The :class:`ViewBuilder` every view is drawn with: it adds nodes, edges and legend entries in the view's
terms (a committee, a focus area, a theme presented, carried, shared …), styles them, and makes each one's
panel once every node of the view is known.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from ..analysis.overlaps import Overlap
from ..corpus import FocusArea
from . import panels
from .context import ViewContext, node_id
from .model import (
    CONFIDENCE_DASHES,
    EDGE_COLOURS,
    EDGE_DASHES,
    SHAPES,
    TYPE_COLOURS,
    LegendEntry,
    Panel,
    SearchHint,
    ViewEdge,
    ViewGraph,
    ViewNode,
    tint,
)

FOCUS_AREA_TINT = 0.45
REFLECTIONS_SEARCHED = 500  # group reflections a page's search looks through (each adds its text to the page)
LEGEND_COMMITTEES = 10  # committees listed one by one in a legend; beyond that, one line explains the colours

T = TypeVar("T")
PanelFactory = Callable[[set[str]], Panel]


def top_ranked(items: Iterable[T], rank: Callable[[T], object], top: int) -> tuple[list[T], int]:
    """The ``top`` best items by ``rank`` (all when ``top`` is 0), in rank order, and how many there were."""
    ranked = sorted(items, key=rank)  # type: ignore[arg-type]
    return (ranked[:top] if top else ranked), len(ranked)


@dataclass
class ViewBuilder:
    """Collects nodes, edges and their panels; panels are made last, when every node in the view is known."""

    ctx: ViewContext
    name: str
    nodes: dict[str, ViewNode] = field(default_factory=dict)
    edges: dict[str, ViewEdge] = field(default_factory=dict)
    factories: dict[str, PanelFactory] = field(default_factory=dict)
    legend: list[LegendEntry] = field(default_factory=list)
    legend_notes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    # --- nodes --------------------------------------------------------------------------------------

    def add_node(self, node: ViewNode, panel: PanelFactory) -> None:
        if node.id not in self.nodes:
            self.nodes[node.id] = node
            self.factories[node.id] = panel

    def committee(self, key: str, colour: str, size: float = 26, themes: Iterable[str] = ()) -> None:
        ctx = self.ctx
        node = ViewNode(
            node_id("committee", key),
            "committee",
            ctx.committee_label(key),
            panels.committee_tooltip(ctx, key),
            colour,
            size,
            ctx.pillars_of_themes(tuple(themes)),
        )
        self.add_node(node, lambda in_view: panels.committee_panel(ctx, key, in_view))

    def focus_area(self, area: FocusArea, themes: Iterable[str]) -> None:
        ctx = self.ctx
        colour = ctx.committee_colours.get(area.committee or "", TYPE_COLOURS["focus-area"])
        node = ViewNode(
            node_id("focus-area", area.key),
            "focus-area",
            area.title,
            panels.focus_area_tooltip(ctx, area),
            tint(colour, FOCUS_AREA_TINT),
            14,
            ctx.pillars_of_themes(tuple(themes)),
            border=colour,
            aliases=area.alt_labels,
        )
        self.add_node(node, lambda in_view: panels.focus_area_panel(ctx, area, in_view))

    def theme(self, slug: str, colour: str | None = None, scale: float = 1.0) -> None:
        ctx = self.ctx
        theme = ctx.corpus.theme_by_slug[slug]
        most = max((len(c) for c in ctx.carriers.values()), default=1)
        size = (10 + 22 * len(ctx.carriers.get(slug, ())) / most) * scale
        node = ViewNode(
            node_id("theme", slug),
            "theme",
            theme.label(ctx.lang),
            panels.theme_tooltip(ctx, theme),
            colour or TYPE_COLOURS["theme"],
            round(size, 1),
            theme.pillars,
        )
        self.add_node(node, lambda in_view: panels.theme_panel(ctx, theme, in_view))

    def pillar(self, slug: str) -> None:
        ctx = self.ctx
        pillar = ctx.corpus.pillar_by_slug[slug]
        colour = ctx.pillar_colours[slug]
        tooltip = panels.pillar_tooltip(ctx, pillar)
        node = ViewNode(node_id("pillar", slug), "pillar", pillar.label(ctx.lang), tooltip, colour, 24, (slug,))
        self.add_node(node, lambda in_view: panels.pillar_panel(ctx, pillar, in_view))

    # --- edges --------------------------------------------------------------------------------------

    def wants_edge(self, source: str, target: str) -> bool:
        """Whether an edge between these nodes belongs in the view (both shown, not there yet); checked before
        an edge's tooltip is built, since views offered a million overlaps keep only a few."""
        return source in self.nodes and target in self.nodes and f"{source}|{target}" not in self.edges

    def add_edge(self, edge: ViewEdge, panel: PanelFactory) -> None:
        self.edges[edge.id] = edge
        self.factories[edge.id] = panel

    def presents(self, area: FocusArea) -> None:
        ctx, committee = self.ctx, area.committee or ""
        source, target = node_id("committee", committee), node_id("focus-area", area.key)
        if self.wants_edge(source, target):
            colour = ctx.committee_colours.get(committee, TYPE_COLOURS["committee"])
            dashes = CONFIDENCE_DASHES.get(area.confidence or "", [2, 6])
            tooltip = panels.presents_tooltip(ctx, area)
            edge = ViewEdge(source, target, "presents", 2, colour, tooltip, dashes, area.confidence or "unknown")
            self.add_edge(edge, lambda _: panels.presents_panel(ctx, area))

    def mentions(self, area: FocusArea, slug: str) -> None:
        ctx = self.ctx
        source, target = node_id("focus-area", area.key), node_id("theme", slug)
        if self.wants_edge(source, target):
            units = ctx.statement_units(area.key, slug)
            tooltip = panels.quotes_tooltip(ctx, f"{area.title} — {ctx.theme_label(slug)}", units)
            width = _evidence_width(len(units))
            edge = ViewEdge(source, target, "mentions", width, EDGE_COLOURS["mentions"], tooltip)
            self.add_edge(edge, lambda _: panels.mentions_panel(ctx, area, slug))

    def carries(self, committee: str, slug: str, kind: str = "carries") -> None:
        """A committee's evidence for a theme; ``kind="reflection"`` when it comes from group reflections only."""
        ctx = self.ctx
        source, target = node_id("committee", committee), node_id("theme", slug)
        if self.wants_edge(source, target):
            units = ctx.evidence_units(committee, slug)
            tooltip = panels.quotes_tooltip(ctx, f"{ctx.committee_label(committee)} — {ctx.theme_label(slug)}", units)
            width, colour, dashes = _evidence_width(len(units)), EDGE_COLOURS[kind], EDGE_DASHES.get(kind, False)
            edge = ViewEdge(source, target, kind, width, colour, tooltip, dashes)
            self.add_edge(edge, lambda _: panels.carries_panel(ctx, committee, slug, kind))

    def overlap(self, overlap: Overlap) -> None:
        ctx = self.ctx
        source, target = node_id("committee", overlap.a), node_id("committee", overlap.b)
        if self.wants_edge(source, target):
            width, tooltip = round(1 + 11 * overlap.weight, 2), panels.overlap_tooltip(ctx, overlap)
            label = panels.overlap_label(ctx, overlap)
            colour = EDGE_COLOURS["overlap"]
            edge = ViewEdge(source, target, "overlap", width, colour, tooltip, label=label, weight=overlap.weight)
            self.add_edge(edge, lambda _: panels.overlap_panel(ctx, overlap))

    def serves(self, slug: str, pillar: str) -> None:
        ctx = self.ctx
        source, target = node_id("theme", slug), node_id("pillar", pillar)
        if self.wants_edge(source, target):
            tooltip = f"{ctx.theme_label(slug)} → {ctx.pillar_label(pillar)}"
            edge = ViewEdge(source, target, "serves", 1, ctx.pillar_colours[pillar], tooltip)
            self.add_edge(edge, lambda _: panels.serves_panel(ctx, slug, pillar))

    # --- legend and result --------------------------------------------------------------------------

    def trimmed(self, shown: int, total: int, what: str) -> None:
        if shown < total:
            self.notes.append(self.ctx.t("view_top_note", shown=shown, total=total, what=self.ctx.t(what).lower()))

    def committee_legend(self, keys: Sequence[str], colour_of: Callable[[str], str], first: str = "") -> None:
        """One swatch per committee (``first``, then by name), or one line when there are too many."""
        ctx = self.ctx
        if len(keys) <= LEGEND_COMMITTEES:
            ordered = sorted(keys, key=lambda k: (k != first, ctx.committee_label(k).casefold()))
            self.legend += [LegendEntry(ctx.committee_label(k), colour_of(k), SHAPES["committee"]) for k in ordered]
        else:
            self.legend.append(LegendEntry(ctx.t("committee"), TYPE_COLOURS["committee"], SHAPES["committee"]))
            self.legend_notes.append(ctx.t("view_note_committee_colours"))

    def edge_legend(self) -> None:
        ctx = self.ctx
        kinds = {e.kind for e in self.edges.values()}
        confidences = {e.confidence for e in self.edges.values() if e.kind == "presents"}
        # a committee → focus-area line has its committee's colour: the legend draws that colour when all are one
        colours = {e.colour for e in self.edges.values() if e.kind == "presents"}
        several = len(colours) > 1
        colour = TYPE_COLOURS["committee"] if several else next(iter(colours), TYPE_COLOURS["committee"])
        for confidence, pattern in CONFIDENCE_DASHES.items():
            if confidence in confidences:
                label = f"{ctx.t('view_edge_presents')}: {ctx.confidence_label(confidence)}"
                self.legend.append(LegendEntry(label, colour, None, pattern, f"presents:{confidence}", several))
        if several:
            self.legend_notes.append(ctx.t("view_note_presents_colour"))
        for kind in ("mentions", "carries", "reflection", "overlap"):
            if kind in kinds:
                label = ctx.t(f"view_edge_{kind}")
                dashes = EDGE_DASHES.get(kind, False)
                self.legend.append(LegendEntry(label, EDGE_COLOURS[kind], None, dashes, kind))
        served = {e.target.removeprefix("pillar:") for e in self.edges.values() if e.kind == "serves"}
        for pillar in ctx.corpus.pillars:  # one line per pillar, in the pillar's colour as on the canvas
            if pillar.slug in served:
                label = f"{ctx.t('view_edge_serves')}: {pillar.label(ctx.lang)}"
                self.legend.append(LegendEntry(label, ctx.pillar_colours[pillar.slug], None, False, "serves"))

    def focus_area_and_theme_legend(self, focus_area_colour: str) -> None:
        """A swatch for focus areas (tinted ``focus_area_colour``) and one for themes."""
        ctx = self.ctx
        self.legend.append(
            LegendEntry(ctx.t("view_legend_focus_area"), tint(focus_area_colour, FOCUS_AREA_TINT), "square")
        )
        self.legend.append(LegendEntry(ctx.t("theme"), TYPE_COLOURS["theme"], SHAPES["theme"]))

    def pillar_legend(self) -> None:
        ctx = self.ctx
        for pillar in ctx.corpus.pillars:
            if node_id("pillar", pillar.slug) in self.nodes:
                colour = ctx.pillar_colours[pillar.slug]
                self.legend.append(LegendEntry(pillar.label(ctx.lang), colour, SHAPES["pillar"]))

    def _told_apart(self) -> None:
        """Nodes of different types with the same name (the theme and the pillar *Vækst i balance*) get their
        type after the name on the canvas, as well as their own shape."""
        names: dict[str, set[str]] = {}
        for node in self.nodes.values():
            names.setdefault(node.label.casefold(), set()).add(node.type)
        for key, node in self.nodes.items():
            if len(names[node.label.casefold()]) > 1:
                suffix = self.ctx.t(node.type.replace("-", "_")).lower()
                self.nodes[key] = replace(node, label=f"{node.label} ({suffix})")

    def _search_hints(self) -> tuple[SearchHint, ...]:
        """Every theme the view does not draw, with why: only group reflections mention it (and this evidence
        mode leaves them out), nothing mentions it, or this view leaves it out."""
        ctx, hints = self.ctx, []
        kinds = ctx.unit_kinds_of_theme
        for theme in ctx.corpus.themes:
            if node_id("theme", theme.slug) in self.nodes:
                continue
            found = kinds.get(theme.slug, set())
            if not found:
                reason = "view_hint_unmentioned"
            elif found == {"reflection"} and ctx.analysis.mode == "statements":
                reason = "view_hint_reflections_only"
            else:
                reason = "view_hint_left_out"
            hint = ctx.t(reason, label=theme.label(ctx.lang), slug=theme.slug)
            hints.append(
                SearchHint(tuple(dict.fromkeys((theme.label(ctx.lang), theme.label_da, theme.label_en))), hint)
            )
        return tuple(hints)

    def _searched_reflections(self) -> tuple[str, ...]:
        """The group reflections search looks through (the first ``REFLECTIONS_SEARCHED``), each with its panel."""
        ctx = self.ctx
        found = tuple(u.key for u in ctx.corpus.units if u.kind == "reflection")[:REFLECTIONS_SEARCHED]
        for key in found:
            ctx.quote(key)
            self.factories[f"unit:{key}"] = _reflection_factory(ctx, key)
        return found

    def build(self, title: str) -> ViewGraph:
        ctx = self.ctx
        self._told_apart()
        hints, reflections = self._search_hints(), self._searched_reflections()
        in_view = set(self.nodes) | set(self.edges)
        panels_by_id = {key: factory(in_view) for key, factory in self.factories.items()}
        used = {p for node in self.nodes.values() for p in node.pillars}
        subtitle = ctx.t("view_subtitle", evidence=ctx.t(f"evidence_{ctx.analysis.mode}"))
        shapes = {node.shape for node in self.nodes.values()}
        legend = tuple(entry for entry in self.legend if entry.shape is None or entry.shape in shapes)
        if not self.nodes:
            self.notes.append(ctx.t("view_empty"))
        return ViewGraph(
            name=self.name,
            lang=ctx.lang,
            title=title,
            subtitle=subtitle,
            nodes=tuple(self.nodes.values()),
            edges=tuple(self.edges.values()),
            legend=legend,
            legend_notes=tuple(self.legend_notes),
            panels=panels_by_id,
            units=dict(ctx.units),
            pillars=tuple((p.slug, p.label(ctx.lang)) for p in ctx.corpus.pillars if p.slug in used),
            notes=tuple(self.notes),
            search_hints=hints,
            reflections=reflections,
        )


def _reflection_factory(ctx: ViewContext, key: str) -> PanelFactory:
    return lambda in_view: panels.reflection_panel(ctx, key, in_view)


def _evidence_width(count: int) -> float:
    return round(1 + 1.5 * math.log2(1 + count), 2)
