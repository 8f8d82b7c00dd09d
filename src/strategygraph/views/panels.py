"""The details panel behind each node and edge, and the plain-text tooltips: the evidence, verbatim."""

from __future__ import annotations

from ..analysis.overlaps import Overlap
from ..corpus import FocusArea, Pillar, Theme
from ..i18n import format_number
from .context import ViewContext, node_id, preview
from .model import Panel, PanelItem, PanelSection

QUOTES_PER_SIDE = 2  # quotes per committee and shared theme shown at first in an overlap panel
SECTION_LIMIT = 20  # items listed in one panel section before "… and N more" (the source's largest has 18)
ITEMS_CARRIED = 200  # items a "… and N more" button can reveal; past that the page says how many it left out
OVERLAPS_LISTED = 15  # strongest overlaps listed in a committee's panel
THEMES_NAMED = 5  # shared themes named in one line of a panel or tooltip
EDGE_LABEL_THEMES = 1  # shared themes named on an overlap edge (the tooltip and panel name them all)
EDGE_LABEL_CHARACTERS = 24  # characters of one theme's name on an edge
TIE_DIGITS = 5  # digits that show where two weights that read alike differ
_SMALL_WORDS = frozenset({"og", "i", "for", "med", "af", "and", "of", "in", "with"})


def _limited(
    ctx: ViewContext, items: list[PanelItem], total: int | None = None, shown: int = SECTION_LIMIT
) -> tuple[PanelItem, ...]:
    """The first ``shown`` items, then a "… and N more" button that reveals the rest (``total`` of them all, when
    the caller already cut the list: the uncarried ones are counted in one plain line)."""
    total = len(items) if total is None else total
    if total <= shown:
        return tuple(items)
    hidden = tuple(items[shown:ITEMS_CARRIED])
    left_out = total - shown - len(hidden)
    if left_out > 0:
        hidden += (PanelItem(text=ctx.t("view_left_out", count=left_out)),)
    return (*items[:shown], PanelItem(text=ctx.t("view_and_more", count=total - shown), more=hidden))


def _limited_quotes(
    ctx: ViewContext,
    units: tuple[str, ...] | list[str],
    themes: set[str] | None,
    note: str = "",
    shown: int = SECTION_LIMIT,
) -> tuple[PanelItem, ...]:
    """Quote items for the units a panel can reveal (``ctx.quotes_carried``, else :data:`ITEMS_CARRIED`): only
    those go into the page's unit table."""
    carried = ITEMS_CARRIED if ctx.quotes_carried is None else ctx.quotes_carried
    if len(units) > carried:
        ctx.not_carried.append(len(units) - carried)
    return _limited(ctx, _quote_items(ctx, units[:carried], themes, note), len(units), min(shown, carried))


def _link(ctx: ViewContext, kind: str, key: str, in_view: set[str]) -> str | None:
    node = node_id(kind, key)
    return node if node in in_view else None


def _quote_items(
    ctx: ViewContext, units: tuple[str, ...] | list[str], themes: set[str] | None, note: str = ""
) -> list[PanelItem]:
    return [PanelItem(unit=ctx.quote(u), marks=ctx.marks(u, themes), note=note) for u in units]


def _theme_names(ctx: ViewContext, slugs: tuple[str, ...]) -> str:
    names = ", ".join(ctx.theme_label(t) for t in slugs[:THEMES_NAMED])
    return names + (" …" if len(slugs) > THEMES_NAMED else "")


def _theme_items(ctx: ViewContext, counts: dict[str, int], in_view: set[str]) -> list[PanelItem]:
    return [
        PanelItem(
            text=ctx.theme_label(slug),
            note=ctx.t("view_evidence_count", count=count),
            node=_link(ctx, "theme", slug, in_view),
        )
        for slug, count in sorted(counts.items(), key=lambda item: (-item[1], ctx.theme_label(item[0])))
    ]


def committee_panel(ctx: ViewContext, key: str, in_view: set[str]) -> Panel:
    committee = ctx.corpus.committee_by_key[key]
    areas = ctx.focus_areas_of(key)
    themes = {slug: len(ctx.evidence_units(key, slug)) for slug in ctx.analysis.index.by_committee.get(key, {})}
    sections = [
        PanelSection(
            ctx.t("focus_areas"),
            tuple(
                PanelItem(
                    text=area.title,
                    note=f"{ctx.confidence_label(area.confidence)} — {area.rationale(ctx.lang)}".rstrip(" —"),
                    node=_link(ctx, "focus-area", area.key, in_view),
                )
                for area in areas
            ),
        ),
        PanelSection(ctx.t("themes"), _limited(ctx, _theme_items(ctx, themes, in_view))),
    ]
    overlaps = ctx.overlaps_of.get(key, [])  # strongest first
    if overlaps:
        items = [
            PanelItem(
                text=ctx.committee_label(other),
                note=f"{ctx.t('weight')} {ctx.number(o.weight)} · {_theme_names(ctx, o.shared_themes)}",
                node=_link(ctx, "committee", other, in_view),
            )
            for o in overlaps[:ITEMS_CARRIED]
            for other in (o.b if o.a == key else o.a,)
        ]
        sections.append(PanelSection(ctx.t("view_overlaps_with"), _limited(ctx, items, len(overlaps), OVERLAPS_LISTED)))
    facts = (
        (ctx.t("focus_areas"), str(len(areas))),
        (ctx.t("themes"), str(len(themes))),
        (ctx.t("view_evidence"), ctx.t("view_evidence_count", count=ctx.analysis.committee_evidence.get(key, 0))),
    )
    return Panel(committee.label(ctx.lang), ctx.t("committee"), facts, tuple(s for s in sections if s.items))


def focus_area_panel(ctx: ViewContext, area: FocusArea, in_view: set[str]) -> Panel:
    facts = [
        (ctx.t("committee"), ctx.committee_label(area.committee)),
        (ctx.t("view_attribution"), ctx.confidence_label(area.confidence)),
    ]
    if area.rationale(ctx.lang):
        facts.append((ctx.t("view_rationale"), area.rationale(ctx.lang)))
    facts.append((ctx.t("slide").capitalize(), str(area.slide)))
    if area.alt_labels:
        facts.append((ctx.t("view_alt_labels"), " | ".join(area.alt_labels)))
    statements = ctx.statements_of(area.key)
    themes = {slug: len(units) for slug, units in ctx.analysis.index.by_focus_area.get(area.key, {}).items()}
    sections = (
        PanelSection(ctx.t("statements"), _limited_quotes(ctx, statements, None)),
        PanelSection(ctx.t("themes"), _limited(ctx, _theme_items(ctx, themes, in_view))),
    )
    return Panel(area.title, ctx.t("focus_area"), tuple(facts), tuple(s for s in sections if s.items))


def theme_panel(ctx: ViewContext, theme: Theme, in_view: set[str]) -> Panel:
    reach = ctx.reach_of.get(theme.slug)
    facts = [(ctx.t("pillars"), ", ".join(ctx.pillar_label(p) for p in theme.pillars) or "–")]
    if reach is not None:
        facts += [
            (ctx.t("committees"), str(len(reach.committees))),
            (ctx.t("cross_cutting"), ctx.number(reach.cross_cutting)),
            (ctx.t("statements"), str(reach.statements)),
            (ctx.t("reflections"), str(reach.reflections)),
        ]
    carriers = [
        PanelItem(
            text=ctx.committee_label(key),
            note=ctx.t("view_evidence_count", count=len(ctx.evidence_units(key, theme.slug))),
            node=_link(ctx, "committee", key, in_view),
        )
        for key in ctx.carriers.get(theme.slug, ())
    ]
    units = ctx.units_mentioning(theme.slug)
    sections = (
        PanelSection(ctx.t("committees"), _limited(ctx, carriers)),
        PanelSection(ctx.t("quotes"), _limited_quotes(ctx, units, {theme.slug})),
    )
    return Panel(theme.label(ctx.lang), ctx.t("theme"), tuple(facts), tuple(s for s in sections if s.items))


def pillar_panel(ctx: ViewContext, pillar: Pillar, in_view: set[str]) -> Panel:
    items = [
        PanelItem(text=ctx.theme_label(slug), node=_link(ctx, "theme", slug, in_view))
        for slug in pillar.themes
        if slug in ctx.corpus.theme_by_slug
    ]
    return Panel(
        pillar.label(ctx.lang),
        ctx.t("pillar"),
        ((ctx.t("themes"), str(len(items))),),
        (PanelSection(ctx.t("view_served_by"), tuple(items)),) if items else (),
    )


def presents_panel(ctx: ViewContext, area: FocusArea) -> Panel:
    facts = [(ctx.t("view_attribution"), ctx.confidence_label(area.confidence))]
    if area.rationale(ctx.lang):
        facts.append((ctx.t("view_rationale"), area.rationale(ctx.lang)))
    return Panel(f"{ctx.committee_label(area.committee)} → {area.title}", ctx.t("view_edge_presents"), tuple(facts))


def mentions_panel(ctx: ViewContext, area: FocusArea, slug: str) -> Panel:
    units = ctx.statement_units(area.key, slug)
    return Panel(
        f"{area.title} — {ctx.theme_label(slug)}",
        ctx.t("view_edge_mentions"),
        ((ctx.t("statements"), str(len(units))),),
        (PanelSection(ctx.t("quotes"), _limited_quotes(ctx, units, {slug})),),
    )


def carries_panel(ctx: ViewContext, committee: str, slug: str, kind: str) -> Panel:
    """A committee's evidence for a theme (``kind``: ``carries`` or ``reflection``)."""
    units = ctx.evidence_units(committee, slug)
    return Panel(
        f"{ctx.committee_label(committee)} — {ctx.theme_label(slug)}",
        ctx.t(f"view_edge_{kind}"),
        ((ctx.t("view_evidence"), ctx.t("view_evidence_count", count=len(units))),),
        (PanelSection(ctx.t("quotes"), _limited_quotes(ctx, units, {slug})),),
    )


def overlap_panel(ctx: ViewContext, overlap: Overlap) -> Panel:
    sections = [
        PanelSection(ctx.t("view_weight_how"), tuple(PanelItem(text=line) for line in weight_lines(ctx, overlap)))
    ]
    shares = {theme: share for theme, _, share in overlap.terms.shares}
    for shared in overlap.shared:
        items: list[PanelItem] = []
        for side, quotes in ((overlap.a, shared.quotes_a), (overlap.b, shared.quotes_b)):
            units = list(dict.fromkeys(q.unit for q in quotes))
            items += _limited_quotes(ctx, units, {shared.theme}, ctx.committee_label(side), QUOTES_PER_SIDE)
        carried = ctx.t("view_carried_by", count=shared.carriers)
        heading = (
            f"{ctx.theme_label(shared.theme)} ({carried}; {ctx.t('view_share')} {_fraction(shares[shared.theme])})"
        )
        sections.append(PanelSection(heading, tuple(items)))
    facts = (
        (ctx.t("weight"), ctx.number(overlap.weight)),
        (ctx.t("shared_themes"), str(len(overlap.shared))),
        (ctx.t("quotes"), str(_quote_count(overlap))),
    )
    label = f"{ctx.committee_label(overlap.a)} — {ctx.committee_label(overlap.b)}"
    return Panel(label, ctx.t("view_edge_overlap"), facts, tuple(sections))


def _quote_count(overlap: Overlap) -> int:
    """Distinct statements and reflections behind the overlap (the *quotes* column of the overlaps table)."""
    return len({q.unit for s in overlap.shared for q in s.quotes})


def _fraction(share: float) -> str:
    """A theme's share 1/(k − 1) as a person writes it: ``1``, ``1/2``, ``1/3`` …"""
    return "1" if share >= 1 else f"1/{round(1 / share)}"


def weight_lines(ctx: ViewContext, overlap: Overlap) -> tuple[str, ...]:
    """In plain words: what the weight is computed from, and where the pair ranks and why (ties broken by the exact
    weight, then by the committees' keys)."""
    terms = overlap.terms
    parts = ", ".join(f"{ctx.theme_label(t)} {_fraction(share)}" for t, _, share in terms.shares)
    explained = ctx.t(
        "view_weight_explained",
        themes=ctx.t("view_shared_theme_count", count=len(terms.shares)),
        quotes=ctx.t("view_quote_count", count=_quote_count(overlap)),
        weight=ctx.number(overlap.weight),
        total=ctx.number(terms.total),
        themes_a=terms.themes_a,
        themes_b=terms.themes_b,
        terms=parts,
    )
    ranked = ctx.overlap_ranks
    position = ranked[(overlap.a, overlap.b)]
    lines = [explained, ctx.t("view_weight_rank", rank=position + 1, total=len(ranked))]
    for other in ctx.analysis.overlaps[max(0, position - 1) : position + 2]:
        if other is not overlap and ctx.number(other.weight) == ctx.number(overlap.weight):
            lines.append(_tie_line(ctx, overlap, other))
    return tuple(lines)


def _tie_line(ctx: ViewContext, overlap: Overlap, other: Overlap) -> str:
    """Why ``overlap`` stands before or after ``other``, whose weight reads the same."""
    before = ctx.overlap_ranks[(overlap.a, overlap.b)] < ctx.overlap_ranks[(other.a, other.b)]
    pair = f"{ctx.committee_label(other.a)} — {ctx.committee_label(other.b)}"
    exact = TIE_DIGITS
    if round(overlap.weight, 12) != round(other.weight, 12):
        return ctx.t(
            "view_weight_tie_exact" if before else "view_weight_tie_exact_after",
            other=pair,
            weight=format_number(overlap.weight, ctx.lang, digits=exact),
            other_weight=format_number(other.weight, ctx.lang, digits=exact),
        )
    return ctx.t("view_weight_tie_keys" if before else "view_weight_tie_keys_after", other=pair)


def overlap_label(ctx: ViewContext, overlap: Overlap) -> str:
    """The most specific shared theme on the edge, shortened, and how many more: ``Beskæftigelse… +2``."""
    names = [_short(ctx.theme_label(t)) for t in overlap.shared_themes[:EDGE_LABEL_THEMES]]
    rest = len(overlap.shared_themes) - len(names)
    return " ".join(names + ([f"+{rest}"] if rest > 0 else []))


def _short(name: str) -> str:
    if len(name) <= EDGE_LABEL_CHARACTERS:
        return name
    words: list[str] = []
    for word in name.split():
        if len(" ".join([*words, word])) > EDGE_LABEL_CHARACTERS - 1:
            break
        words.append(word)
    while len(words) > 1 and words[-1].casefold() in _SMALL_WORDS:
        words.pop()
    return (" ".join(words) or name[: EDGE_LABEL_CHARACTERS - 1]).rstrip(" ,;:–-") + "…"


def reflection_panel(ctx: ViewContext, unit_key: str, in_view: set[str]) -> Panel:
    """A group reflection that search found: the text, where it stands, and the themes it mentions."""
    unit = ctx.corpus.unit_by_key[unit_key]
    themes = ctx.corpus.themes_of_unit.get(unit_key, ())
    items = tuple(PanelItem(text=ctx.theme_label(t), node=_link(ctx, "theme", t, in_view)) for t in themes)
    sections = [PanelSection(ctx.t("quotes"), tuple(_quote_items(ctx, [unit_key], None)))]
    sections += [PanelSection(ctx.t("themes"), items)] if items else []
    label = f"{ctx.t('reflection')} · {ctx.t('slide')} {unit.slide}"
    return Panel(label, ctx.t("reflection"), ((ctx.t("slide").capitalize(), str(unit.slide)),), tuple(sections))


def serves_panel(ctx: ViewContext, slug: str, pillar: str) -> Panel:
    return Panel(f"{ctx.theme_label(slug)} → {ctx.pillar_label(pillar)}", ctx.t("view_edge_serves"))


# --- tooltips: plain text, one fact per line -------------------------------------------------------------


def committee_tooltip(ctx: ViewContext, key: str) -> str:
    areas = len(ctx.focus_areas_of(key))
    themes = len(ctx.analysis.index.by_committee.get(key, {}))
    counts = f"{ctx.t('focus_areas').lower()}: {areas} · {ctx.t('themes').lower()}: {themes}"
    return f"{ctx.committee_label(key)}\n{ctx.t('committee')} · {counts}"


def focus_area_tooltip(ctx: ViewContext, area: FocusArea) -> str:
    return f"{area.title}\n{ctx.t('focus_area')} · {ctx.focus_area_note(area)}"


def theme_tooltip(ctx: ViewContext, theme: Theme) -> str:
    carriers = len(ctx.carriers.get(theme.slug, ()))
    pillars = ", ".join(ctx.pillar_label(p) for p in theme.pillars)
    line = f"{ctx.t('theme')} · {ctx.t('view_carried_by', count=carriers)}"
    return "\n".join((theme.label(ctx.lang), f"{line} · {pillars}" if pillars else line))


def pillar_tooltip(ctx: ViewContext, pillar: Pillar) -> str:
    return f"{pillar.label(ctx.lang)}\n{ctx.t('pillar')} · {ctx.t('themes').lower()}: {len(pillar.themes)}"


def presents_tooltip(ctx: ViewContext, area: FocusArea) -> str:
    return (
        f"{ctx.committee_label(area.committee)} → {area.title}\n"
        f"{ctx.t('view_attribution')}: {ctx.confidence_label(area.confidence)}"
    )


def quotes_tooltip(ctx: ViewContext, heading: str, units: tuple[str, ...]) -> str:
    lines = [heading, ctx.t("view_evidence_count", count=len(units))]
    lines += [f"“{preview(ctx.corpus.unit_by_key[u].text)}”" for u in units[:QUOTES_PER_SIDE]]
    return "\n".join(lines)


def overlap_tooltip(ctx: ViewContext, overlap: Overlap) -> str:
    lines = [f"{ctx.committee_label(overlap.a)} — {ctx.committee_label(overlap.b)}", *weight_lines(ctx, overlap)]
    for shared in overlap.shared[:THEMES_NAMED]:
        first_a = preview(shared.quotes_a[0].text, 70) if shared.quotes_a else ""
        first_b = preview(shared.quotes_b[0].text, 70) if shared.quotes_b else ""
        lines.append(f"• {ctx.theme_label(shared.theme)}: “{first_a}” / “{first_b}”")
    if len(overlap.shared) > THEMES_NAMED:
        lines.append(ctx.t("view_and_more", count=len(overlap.shared) - THEMES_NAMED))
    return "\n".join(lines)
