"""The views by name — ``overview``, ``overlap``, ``themes``, ``committee:<key>``, ``theme:<slug>`` — built
as :class:`~strategygraph.views.model.ViewGraph` values from one :class:`~strategygraph.analysis.Analysis`.

``top`` keeps large graphs usable: a view shows at most ``top`` committees and ``top`` themes (those with
the most evidence; ``0`` shows all) and says on the page what it left out.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from ..analysis import Analysis
from ..analysis.overlaps import BACKBONE_PARTNERS, strongest_overlaps
from ..corpus import Committee, Corpus, FocusArea
from ..errors import NotFoundError
from ..i18n import Joined, Lang, Phrase
from .builder import LEGEND_COMMITTEES, ViewBuilder, top_ranked
from .context import ViewContext, node_id
from .model import NO_PILLAR_COLOUR, SHAPES, TYPE_COLOURS, LegendEntry, ViewGraph

DEFAULT_TOP = 50
FIXED_VIEWS = ("overview", "overlap", "themes")


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
    hint = Phrase("error_did_you_mean", {"name": close[0]}) if close else ""

    def listing(prefix: str, keys: Sequence[str]) -> Phrase:
        shown = ", ".join(keys[:12]) + (", …" if len(keys) > 12 else "")
        return Phrase("error_listing", {"prefix": prefix, "names": shown or Phrase("none")})

    valid = Joined(
        (
            *FIXED_VIEWS,
            *([listing("municipality:<slug>", list(places))] if len(places := corpus.municipalities) > 1 else []),
            listing("committee:<key>", [c.key for c in corpus.committees]),
            listing("theme:<slug>", [t.slug for t in corpus.themes]),
        )
    )
    return NotFoundError("error_unknown_view", name=name, hint=hint, valid=valid)


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


def _overview(ctx: ViewContext, top: int) -> ViewGraph:
    builder = ViewBuilder(ctx, "overview")
    scope = _OverviewScope.of(builder, top)
    _overview_nodes(builder, scope)
    _overview_edges(builder, scope)
    builder.committee_legend([c.key for c in scope.committees], lambda k: ctx.committee_colours[k])
    builder.focus_area_and_theme_legend(TYPE_COLOURS["committee"])
    builder.pillar_legend()
    builder.edge_legend()
    builder.legend_notes.append(ctx.t("view_note_theme_size"))
    return builder.build(ctx.t("view_overview"))


@dataclass(frozen=True)
class _OverviewScope:
    """What the overview shows: the top committees, their focus areas (and the unattributed ones) with the
    shown themes each mentions, the top themes (sorted) and each committee's themes from reflections only."""

    committees: list[Committee]
    areas: list[FocusArea]
    area_themes: dict[str, list[str]]  # focus-area key → the shown themes it mentions
    themes: list[str]
    reflected: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, builder: ViewBuilder, top: int) -> _OverviewScope:
        """The ``top`` committees and themes; ``builder`` notes what they leave out."""
        ctx = builder.ctx
        committees, total = top_ranked(ctx.corpus.committees, ctx.committee_rank, top)
        builder.trimmed(len(committees), total, "committees")
        kept = {c.key for c in committees}
        areas = [a for a in ctx.corpus.focus_areas if a.committee in kept or a.committee is None]
        reflected = {c.key: ctx.reflection_only_themes(c.key) for c in committees}
        candidates = {t for a in areas for t in ctx.themes_of_focus_area(a.key)}
        candidates.update(t for themes in reflected.values() for t in themes)
        themes, total = top_ranked(candidates, ctx.theme_rank, top)
        builder.trimmed(len(themes), total, "themes")
        shown = set(themes)
        area_themes = {a.key: [t for t in ctx.themes_of_focus_area(a.key) if t in shown] for a in areas}
        return cls(committees, areas, area_themes, sorted(themes), reflected)


def _overview_nodes(builder: ViewBuilder, scope: _OverviewScope) -> None:
    ctx = builder.ctx
    for committee in scope.committees:
        own = [t for a in ctx.focus_areas_of(committee.key) for t in scope.area_themes[a.key]]
        themes = own + list(scope.reflected[committee.key])
        builder.committee(committee.key, ctx.committee_colours[committee.key], themes=themes)
    for area in scope.areas:
        builder.focus_area(area, scope.area_themes[area.key])
    for slug in scope.themes:
        builder.theme(slug)
    for pillar in ctx.corpus.pillars:
        builder.pillar(pillar.slug)


def _overview_edges(builder: ViewBuilder, scope: _OverviewScope) -> None:
    for area in scope.areas:
        builder.presents(area)
        for slug in scope.area_themes[area.key]:
            builder.mentions(area, slug)
    for committee in scope.committees:
        for slug in scope.reflected[committee.key]:
            builder.carries(committee.key, slug, "reflection")
    for slug in scope.themes:
        for served in builder.ctx.corpus.theme_by_slug[slug].pillars:
            builder.serves(slug, served)


def _municipality(ctx: ViewContext, slug: str, top: int) -> ViewGraph:
    """The overlap view of one municipality's committees: the drill-down from a national graph."""
    members = [c for c in ctx.corpus.committees if c.municipality == slug]
    label = ctx.corpus.municipality_name(slug, ctx.lang)
    return _overlap(ctx, top, members, f"municipality:{slug}", ctx.t("view_municipality", label=label))


def _overlap(
    ctx: ViewContext, top: int, among: Sequence[Committee] | None = None, name: str = "overlap", title: str = ""
) -> ViewGraph:
    corpus, builder = ctx.corpus, ViewBuilder(ctx, name)
    committees, total = top_ranked(corpus.committees if among is None else among, ctx.committee_rank, top)
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
    corpus, builder = ctx.corpus, ViewBuilder(ctx, "themes")
    themes, total = top_ranked(ctx.carriers, ctx.theme_rank, top)
    builder.trimmed(len(themes), total, "themes")
    carrying = {key for slug in themes for key in ctx.carriers[slug]}
    committees, total = top_ranked([c for c in corpus.committees if c.key in carrying], ctx.committee_rank, top)
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
    corpus, builder = ctx.corpus, ViewBuilder(ctx, f"committee:{key}")
    areas = ctx.focus_areas_of(key)
    reflected = ctx.reflection_only_themes(key)
    candidates = {t for a in areas for t in ctx.themes_of_focus_area(a.key)} | set(reflected)
    themes, total = top_ranked(candidates, ctx.theme_rank, top)
    builder.trimmed(len(themes), total, "themes")
    shown = set(themes)
    weights = {o.b if o.a == key else o.a: o.weight for o in ctx.overlaps_of.get(key, [])}
    sharing = [c for c in corpus.committees if c.key != key and shown & set(ctx.analysis.index.themes_of(c.key))]
    others, total = top_ranked(sharing, lambda c: (-weights.get(c.key, 0.0), c.key), top)
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
    builder.focus_area_and_theme_legend(ctx.committee_colours[key])
    builder.edge_legend()
    builder.legend_notes.append(ctx.t("view_note_theme_size"))
    return builder.build(ctx.t("view_committee", label=ctx.committee_label(key)))


def _theme(ctx: ViewContext, slug: str, top: int) -> ViewGraph:
    corpus, builder = ctx.corpus, ViewBuilder(ctx, f"theme:{slug}")
    theme = corpus.theme_by_slug[slug]
    areas = [a for a in corpus.focus_areas if ctx.statement_units(a.key, slug)]
    involved = {a.committee for a in areas if a.committee} | set(ctx.carriers.get(slug, ()))
    committees, total = top_ranked(
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
    builder.focus_area_and_theme_legend(TYPE_COLOURS["committee"])
    if theme.pillars:
        builder.pillar_legend()
    builder.edge_legend()
    return builder.build(ctx.t("view_theme", label=theme.label(ctx.lang)))
