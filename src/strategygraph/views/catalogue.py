"""The views by name — ``overview``, ``overlap``, ``themes``, ``committee:<key>``, ``theme:<slug>`` — built
as :class:`~strategygraph.views.model.ViewGraph` values from one :class:`~strategygraph.analysis.Analysis`.

``top`` keeps large graphs usable: a view shows at most ``top`` committees and ``top`` themes (those with
the most evidence; ``0`` shows all) and says on the page what it left out.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ..analysis import Analysis
from ..analysis.overlaps import BACKBONE_PARTNERS, Overlap, strongest_overlaps
from ..corpus import Committee, Corpus, FocusArea
from ..errors import NotFoundError
from ..i18n import Lang
from . import panels
from .context import ViewContext, node_id
from .model import (
    CONFIDENCE_DASHES,
    EDGE_COLOURS,
    EDGE_DASHES,
    NO_PILLAR_COLOUR,
    SHAPES,
    TYPE_COLOURS,
    LegendEntry,
    Panel,
    ViewEdge,
    ViewGraph,
    ViewNode,
    tint,
)

DEFAULT_TOP = 50
FIXED_VIEWS = ("overview", "overlap", "themes")
FOCUS_AREA_TINT = 0.45
LEGEND_COMMITTEES = 10  # committees listed one by one in a legend; beyond that, one line explains the colours

T = TypeVar("T")
PanelFactory = Callable[[set[str]], Panel]


def view_names(corpus: Corpus, *, mentioned_themes_only: bool = False) -> tuple[str, ...]:
    """Every view name this corpus offers; with ``mentioned_themes_only``, no views of themes that nothing
    mentions (they would be empty pages in a report bundle). A graph of several municipalities also offers a
    ``municipality:<slug>`` view of each (of one, it would be the overlap view again)."""
    mentioned = {m.theme for m in corpus.mentions}
    places = corpus.municipalities
    return (
        *FIXED_VIEWS,
        *(f"municipality:{slug}" for slug in (places if len(places) > 1 else ())),
        *(f"committee:{c.key}" for c in corpus.committees),
        *(f"theme:{t.slug}" for t in corpus.themes if t.slug in mentioned or not mentioned_themes_only),
    )


def _unknown_view(corpus: Corpus, name: str) -> NotFoundError:
    names = view_names(corpus)
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""

    def listing(prefix: str, keys: Sequence[str]) -> str:
        shown = ", ".join(keys[:12]) + (", …" if len(keys) > 12 else "")
        return f"{prefix} ({shown or 'none'})"

    valid = ", ".join(
        (
            *FIXED_VIEWS,
            *([listing("municipality:<slug>", list(places))] if len(places := corpus.municipalities) > 1 else []),
            listing("committee:<key>", [c.key for c in corpus.committees]),
            listing("theme:<slug>", [t.slug for t in corpus.themes]),
        )
    )
    return NotFoundError(f"unknown view {name!r}{hint}. Valid views: {valid}")


def build_view(
    analysis: Analysis, name: str, lang: Lang = "da", top: int = DEFAULT_TOP, *, context: ViewContext | None = None
) -> ViewGraph:
    """The view called ``name`` (see :func:`view_names`); unknown names raise :class:`NotFoundError`. Views built
    one after another can share a ``context`` (``ViewContext(analysis, lang)``: what it derives is cached)."""
    corpus = analysis.corpus
    ctx = ViewContext(analysis, lang) if context is None else context.for_another_view()
    kind, _, key = name.partition(":")
    if name == "overview":
        return _overview(ctx, top)
    if name == "overlap":
        return _overlap(ctx, top)
    if name == "themes":
        return _themes(ctx, top)
    if kind == "committee" and key in corpus.committee_by_key:
        return _committee(ctx, key, top)
    if kind == "theme" and key in corpus.theme_by_slug:
        return _theme(ctx, key, top)
    if kind == "municipality" and key in corpus.municipalities:
        return _municipality(ctx, key, top)
    raise _unknown_view(corpus, name)


def _top(items: Iterable[T], rank: Callable[[T], object], top: int) -> tuple[list[T], int]:
    """The ``top`` best items by ``rank`` (all when ``top`` is 0), in rank order, and how many there were."""
    ranked = sorted(items, key=rank)  # type: ignore[arg-type]
    return (ranked[:top] if top else ranked), len(ranked)


@dataclass
class _Builder:
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
            edge = ViewEdge(source, target, "overlap", width, EDGE_COLOURS["overlap"], tooltip)
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
        for confidence, pattern in CONFIDENCE_DASHES.items():
            if confidence in confidences:
                label = f"{ctx.t('view_edge_presents')}: {ctx.confidence_label(confidence)}"
                self.legend.append(LegendEntry(label, TYPE_COLOURS["committee"], None, pattern))
        for kind in ("mentions", "carries", "reflection", "overlap"):
            if kind in kinds:
                label = ctx.t(f"view_edge_{kind}")
                self.legend.append(LegendEntry(label, EDGE_COLOURS[kind], None, EDGE_DASHES.get(kind, False)))
        if "serves" in kinds:
            self.legend.append(LegendEntry(ctx.t("view_edge_serves"), NO_PILLAR_COLOUR))

    def pillar_legend(self) -> None:
        ctx = self.ctx
        for pillar in ctx.corpus.pillars:
            if node_id("pillar", pillar.slug) in self.nodes:
                colour = ctx.pillar_colours[pillar.slug]
                self.legend.append(LegendEntry(pillar.label(ctx.lang), colour, SHAPES["pillar"]))

    def build(self, title: str) -> ViewGraph:
        ctx = self.ctx
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
        )


def _evidence_width(count: int) -> float:
    return round(1 + 1.5 * math.log2(1 + count), 2)


def _overview(ctx: ViewContext, top: int) -> ViewGraph:
    corpus, builder = ctx.corpus, _Builder(ctx, "overview")
    committees, total = _top(corpus.committees, ctx.committee_rank, top)
    builder.trimmed(len(committees), total, "committees")
    kept = {c.key for c in committees}
    areas = [a for a in corpus.focus_areas if a.committee in kept or a.committee is None]
    reflected = {c.key: ctx.reflection_only_themes(c.key) for c in committees}
    candidates = {t for a in areas for t in ctx.themes_of_focus_area(a.key)} | {
        t for themes in reflected.values() for t in themes
    }
    themes, total = _top(candidates, ctx.theme_rank, top)
    builder.trimmed(len(themes), total, "themes")
    shown = set(themes)

    def area_themes(area: FocusArea) -> list[str]:
        return [t for t in ctx.themes_of_focus_area(area.key) if t in shown]

    for committee in committees:
        own = [t for a in ctx.focus_areas_of(committee.key) for t in area_themes(a)]
        builder.committee(
            committee.key, ctx.committee_colours[committee.key], themes=own + list(reflected[committee.key])
        )
    for area in areas:
        builder.focus_area(area, area_themes(area))
    for slug in sorted(themes):
        builder.theme(slug)
    for pillar in corpus.pillars:
        builder.pillar(pillar.slug)
    for area in areas:
        builder.presents(area)
        for slug in area_themes(area):
            builder.mentions(area, slug)
    for committee in committees:
        for slug in reflected[committee.key]:
            builder.carries(committee.key, slug, "reflection")
    for slug in sorted(themes):
        for served in corpus.theme_by_slug[slug].pillars:
            builder.serves(slug, served)

    builder.committee_legend([c.key for c in committees], lambda k: ctx.committee_colours[k])
    builder.legend.append(
        LegendEntry(ctx.t("view_legend_focus_area"), tint(TYPE_COLOURS["committee"], FOCUS_AREA_TINT), "square")
    )
    builder.legend.append(LegendEntry(ctx.t("theme"), TYPE_COLOURS["theme"], SHAPES["theme"]))
    builder.pillar_legend()
    builder.edge_legend()
    builder.legend_notes.append(ctx.t("view_note_theme_size"))
    return builder.build(ctx.t("view_overview"))


def _municipality(ctx: ViewContext, slug: str, top: int) -> ViewGraph:
    """The overlap view of one municipality's committees: the drill-down from a national graph."""
    members = [c for c in ctx.corpus.committees if c.municipality == slug]
    label = ctx.corpus.municipality_name(slug, ctx.lang)
    return _overlap(ctx, top, members, f"municipality:{slug}", ctx.t("view_municipality", label=label))


def _overlap(
    ctx: ViewContext, top: int, among: Sequence[Committee] | None = None, name: str = "overlap", title: str = ""
) -> ViewGraph:
    corpus, builder = ctx.corpus, _Builder(ctx, name)
    committees, total = _top(corpus.committees if among is None else among, ctx.committee_rank, top)
    builder.trimmed(len(committees), total, "committees")
    community = ctx.analysis.committee_communities.community_of()
    palette = list(ctx.committee_colours.values()) or [TYPE_COLOURS["committee"]]

    def colour(key: str) -> str:
        return palette[(community.get(key, 1) - 1) % len(palette)]

    most = max((len(t) for t in ctx.analysis.index.by_committee.values()), default=1)
    for committee in committees:
        themes = tuple(ctx.analysis.index.by_committee.get(committee.key, {}))
        builder.committee(committee.key, colour(committee.key), 14 + 16 * len(themes) / most, themes)
    kept = {c.key for c in committees}
    strongest = strongest_overlaps(ctx.analysis.overlaps, kept)
    for overlap in strongest:
        builder.overlap(overlap)
    pairs = sum(1 for o in ctx.analysis.overlaps if o.a in kept and o.b in kept)
    if len(strongest) < pairs:
        builder.notes.append(ctx.t("view_overlaps_note", per=BACKBONE_PARTNERS, shown=len(strongest), total=pairs))

    groups = ctx.analysis.committee_communities.groups
    for number, group in enumerate(groups, 1):
        members = [k for k in group if node_id("committee", k) in builder.nodes]
        if members and number <= LEGEND_COMMITTEES:
            label = f"{ctx.t('community')} {number}: " + ", ".join(ctx.committee_label(k) for k in members)
            builder.legend.append(LegendEntry(label, colour(members[0]), SHAPES["committee"]))
    builder.edge_legend()
    builder.legend_notes += [ctx.t("view_note_overlap_width"), ctx.t("view_note_committee_size")]
    return builder.build(title or ctx.t("view_overlap"))


def _themes(ctx: ViewContext, top: int) -> ViewGraph:
    corpus, builder = ctx.corpus, _Builder(ctx, "themes")
    themes, total = _top(ctx.carriers, ctx.theme_rank, top)
    builder.trimmed(len(themes), total, "themes")
    carrying = {key for slug in themes for key in ctx.carriers[slug]}
    committees, total = _top([c for c in corpus.committees if c.key in carrying], ctx.committee_rank, top)
    builder.trimmed(len(committees), total, "committees")
    for committee in committees:
        held = [t for t in themes if committee.key in ctx.carriers[t]]
        builder.committee(committee.key, TYPE_COLOURS["committee"], 22, held)
    for slug in sorted(themes):
        builder.theme(slug, ctx.theme_pillar_colour(corpus.theme_by_slug[slug]))
    for committee in committees:
        for slug in sorted(themes):
            if committee.key in ctx.carriers[slug]:
                builder.carries(committee.key, slug)

    builder.legend.append(LegendEntry(ctx.t("committee"), TYPE_COLOURS["committee"], SHAPES["committee"]))
    first_pillars = {corpus.theme_by_slug[slug].pillars[:1] for slug in themes}
    for pillar in corpus.pillars:
        if (pillar.slug,) in first_pillars:
            label = f"{ctx.t('theme')}: {pillar.label(ctx.lang)}"
            builder.legend.append(LegendEntry(label, ctx.pillar_colours[pillar.slug], SHAPES["theme"]))
    if () in first_pillars:
        builder.legend.append(LegendEntry(ctx.t("view_legend_no_pillar"), NO_PILLAR_COLOUR, SHAPES["theme"]))
    builder.edge_legend()
    builder.legend_notes += [ctx.t("view_note_theme_size"), ctx.t("view_note_pillar_colour")]
    return builder.build(ctx.t("view_themes"))


def _committee(ctx: ViewContext, key: str, top: int) -> ViewGraph:
    corpus, builder = ctx.corpus, _Builder(ctx, f"committee:{key}")
    areas = ctx.focus_areas_of(key)
    reflected = ctx.reflection_only_themes(key)
    candidates = {t for a in areas for t in ctx.themes_of_focus_area(a.key)} | set(reflected)
    themes, total = _top(candidates, ctx.theme_rank, top)
    builder.trimmed(len(themes), total, "themes")
    shown = set(themes)
    weights = {o.b if o.a == key else o.a: o.weight for o in ctx.overlaps_of.get(key, [])}
    sharing = [c for c in corpus.committees if c.key != key and shown & set(ctx.analysis.index.themes_of(c.key))]
    others, total = _top(sharing, lambda c: (-weights.get(c.key, 0.0), c.key), top)
    builder.trimmed(len(others), total, "committees")

    builder.committee(key, ctx.committee_colours[key], 30, shown)
    for area in areas:
        builder.focus_area(area, [t for t in ctx.themes_of_focus_area(area.key) if t in shown])
    for slug in sorted(themes):
        builder.theme(slug)
    for other in others:
        held = [t for t in themes if other.key in ctx.carriers.get(t, ())]
        builder.committee(other.key, ctx.committee_colours[other.key], 18, held)
    for area in areas:
        builder.presents(area)
        for slug in ctx.themes_of_focus_area(area.key):
            builder.mentions(area, slug)
    for slug in reflected:
        builder.carries(key, slug, "reflection")
    for other in others:
        for slug in sorted(themes):
            if other.key in ctx.carriers.get(slug, ()):
                builder.carries(other.key, slug)

    builder.committee_legend([key, *(o.key for o in others)], lambda k: ctx.committee_colours[k], first=key)
    builder.legend.append(
        LegendEntry(ctx.t("view_legend_focus_area"), tint(ctx.committee_colours[key], FOCUS_AREA_TINT), "square")
    )
    builder.legend.append(LegendEntry(ctx.t("theme"), TYPE_COLOURS["theme"], SHAPES["theme"]))
    builder.edge_legend()
    builder.legend_notes.append(ctx.t("view_note_theme_size"))
    return builder.build(ctx.t("view_committee", label=ctx.committee_label(key)))


def _theme(ctx: ViewContext, slug: str, top: int) -> ViewGraph:
    corpus, builder = ctx.corpus, _Builder(ctx, f"theme:{slug}")
    theme = corpus.theme_by_slug[slug]
    areas = [a for a in corpus.focus_areas if ctx.statement_units(a.key, slug)]
    involved = {a.committee for a in areas if a.committee} | set(ctx.carriers.get(slug, ()))
    committees, total = _top(
        [c for c in corpus.committees if c.key in involved],
        lambda c: (-len(ctx.evidence_units(c.key, slug)), c.key),
        top,
    )
    builder.trimmed(len(committees), total, "committees")
    kept = {c.key for c in committees}
    areas = [a for a in areas if a.committee in kept or a.committee is None]

    builder.theme(slug, scale=1.3)
    for pillar in theme.pillars:
        builder.pillar(pillar)
    for area in areas:
        builder.focus_area(area, [slug])
    for committee in committees:
        builder.committee(committee.key, ctx.committee_colours[committee.key], 22, [slug])
    for pillar in theme.pillars:
        builder.serves(slug, pillar)
    for area in areas:
        builder.mentions(area, slug)
        builder.presents(area)
    for committee in committees:
        if slug in ctx.reflection_only_themes(committee.key):
            builder.carries(committee.key, slug, "reflection")

    builder.committee_legend([c.key for c in committees], lambda k: ctx.committee_colours[k])
    builder.legend.append(
        LegendEntry(ctx.t("view_legend_focus_area"), tint(TYPE_COLOURS["committee"], FOCUS_AREA_TINT), "square")
    )
    builder.legend.append(LegendEntry(ctx.t("theme"), TYPE_COLOURS["theme"], SHAPES["theme"]))
    if theme.pillars:
        builder.pillar_legend()
    builder.edge_legend()
    return builder.build(ctx.t("view_theme", label=theme.label(ctx.lang)))
