"""What every view builder needs to hand: the analysis, the language, labels, ranks and quoted units."""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar, cast

from ..analysis import Analysis
from ..analysis.overlaps import Overlap
from ..analysis.reach import ThemeReach
from ..corpus import Committee, Corpus, FocusArea, Mention, Theme
from ..i18n import Lang, format_number, phrase
from .model import COMMITTEE_PALETTE, NO_PILLAR_COLOUR, PILLAR_PALETTE, UnitText

QUOTE_PREVIEW = 110  # characters of a quote shown in a tooltip (the panel shows it whole)


def node_id(kind: str, key: str) -> str:
    """The id a node has in every view: ``committee:laering``, ``focus-area:smidige-processer``, ``theme:vaekst``."""
    return f"{kind}:{key}"


def utf16_offset(value: str, index: int) -> int:
    """Code-point ``index`` into ``value`` as a UTF-16 offset (what JavaScript strings count)."""
    head = value[:index]
    if head.isascii() or max(head) < "\U00010000":
        return index  # no character outside the Basic Multilingual Plane: the two counts agree
    return len(head.encode("utf-16-le")) // 2


def preview(value: str, limit: int = QUOTE_PREVIEW) -> str:
    """``value`` cut at a word boundary to about ``limit`` characters, with an ellipsis if cut."""
    if len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + " …"


T = TypeVar("T")


class _shared(Generic[T]):
    """Like :func:`functools.cached_property`, but kept in the context's ``derived`` table, which every
    :meth:`ViewContext.for_another_view` copy shares: what one view derives from the analysis, the next reuses."""

    def __init__(self, compute: Callable[[ViewContext], T]) -> None:
        self._compute, self._name = compute, compute.__name__

    def __get__(self, context: ViewContext, owner: type[ViewContext] | None = None) -> T:
        if self._name not in context.derived:
            context.derived[self._name] = self._compute(context)
        return cast(T, context.derived[self._name])


@dataclass
class ViewContext:
    """One view being built. ``units`` collects the statements and reflections the panels quote; ``derived``
    holds what is derived from the analysis alone, shared by the contexts of further views."""

    analysis: Analysis
    lang: Lang
    units: dict[str, UnitText] = field(default_factory=dict)
    derived: dict[str, object] = field(default_factory=dict, repr=False)
    quotes_carried: int | None = None
    """Quotes one panel section carries at most (``None``: :data:`~.panels.ITEMS_CARRIED`); a report bundle's
    views carry fewer (:class:`~strategygraph.report.limits.BundleLimits`), and the panel counts the rest."""
    not_carried: list[int] = field(default_factory=list, repr=False)
    """The quotes each cut section left out, shared with the contexts of further views (the bundle counts them)."""

    def for_another_view(self) -> ViewContext:
        """A context for the next view of the same analysis: what this one derived and cached is shared, the
        table of quoted units starts empty."""
        other = copy.copy(self)
        other.units = {}
        return other

    @property
    def corpus(self) -> Corpus:
        return self.analysis.corpus

    def t(self, key: str, **values: object) -> str:
        """The words for ``key`` with ``values`` filled in (see :func:`strategygraph.i18n.phrase`)."""
        return phrase(key, self.lang, **values)

    def number(self, value: float) -> str:
        """``value`` as every output shows a decimal (:func:`strategygraph.i18n.format_number`)."""
        return format_number(value, self.lang)

    # --- labels -------------------------------------------------------------------------------------

    def committee(self, key: str) -> Committee | None:
        return self.corpus.committee_by_key.get(key)

    def committee_label(self, key: str | None) -> str:
        committee = self.committee(key) if key else None
        return committee.label(self.lang) if committee else (key or self.t("view_unattributed"))

    def theme_label(self, slug: str) -> str:
        theme = self.corpus.theme_by_slug.get(slug)
        return theme.label(self.lang) if theme else slug

    def pillar_label(self, slug: str) -> str:
        pillar = self.corpus.pillar_by_slug.get(slug)
        return pillar.label(self.lang) if pillar else slug

    def confidence_label(self, confidence: str | None) -> str:
        return self.t(f"confidence_{confidence or 'unknown'}")

    # --- colours ------------------------------------------------------------------------------------

    @_shared
    def committee_colours(self) -> dict[str, str]:
        """Each committee's colour, the same in every view (palette by position, repeating after ten)."""
        palette = COMMITTEE_PALETTE
        return {c.key: palette[i % len(palette)] for i, c in enumerate(self.corpus.committees)}

    @_shared
    def pillar_colours(self) -> dict[str, str]:
        return {p.slug: PILLAR_PALETTE[i % len(PILLAR_PALETTE)] for i, p in enumerate(self.corpus.pillars)}

    def theme_pillar_colour(self, theme: Theme) -> str:
        return self.pillar_colours[theme.pillars[0]] if theme.pillars else NO_PILLAR_COLOUR

    # --- evidence -----------------------------------------------------------------------------------

    @_shared
    def _areas_of_committee(self) -> dict[str, tuple[FocusArea, ...]]:
        found: dict[str, list[FocusArea]] = defaultdict(list)
        for area in self.corpus.focus_areas:
            found[area.committee or ""].append(area)
        return {key: tuple(areas) for key, areas in found.items()}

    def focus_areas_of(self, committee: str) -> tuple[FocusArea, ...]:
        """The committee's focus areas in corpus order (an indexed :meth:`Corpus.focus_areas_of`)."""
        return self._areas_of_committee.get(committee, ())

    @_shared
    def _units_by_owner(self) -> dict[str, list[str]]:
        """``area:<key>`` → its statements; ``theme:<slug>`` → every unit mentioning it; corpus order."""
        found: dict[str, list[str]] = defaultdict(list)
        for unit in self.corpus.units:
            if unit.focus_area is not None:
                found[f"area:{unit.focus_area}"].append(unit.key)
            for slug in self.corpus.themes_of_unit.get(unit.key, ()):
                found[f"theme:{slug}"].append(unit.key)
        return found

    def statements_of(self, focus_area: str) -> list[str]:
        return self._units_by_owner.get(f"area:{focus_area}", [])

    def units_mentioning(self, slug: str) -> list[str]:
        return self._units_by_owner.get(f"theme:{slug}", [])

    @_shared
    def carriers(self) -> dict[str, tuple[str, ...]]:
        """Theme slug → committees carrying it under the evidence mode."""
        return self.analysis.index.carriers()

    def evidence_units(self, committee: str, theme: str) -> tuple[str, ...]:
        """Distinct units evidencing ``theme`` for ``committee`` under the evidence mode, in corpus order."""
        quotes = self.analysis.index.by_committee.get(committee, {}).get(theme, ())
        return tuple(dict.fromkeys(q.unit for q in quotes))

    def statement_units(self, focus_area: str, theme: str) -> tuple[str, ...]:
        return self.analysis.index.by_focus_area.get(focus_area, {}).get(theme, ())

    def themes_of_focus_area(self, focus_area: str) -> tuple[str, ...]:
        return tuple(self.analysis.index.by_focus_area.get(focus_area, {}))

    def reflection_only_themes(self, committee: str) -> tuple[str, ...]:
        """Themes ``committee`` carries under the mode but not through its own focus areas' statements."""
        own = {t for area in self.focus_areas_of(committee) for t in self.themes_of_focus_area(area.key)}
        return tuple(t for t in self.analysis.index.by_committee.get(committee, {}) if t not in own)

    @_shared
    def theme_evidence(self) -> dict[str, int]:
        """Theme → number of distinct statements and reflections mentioning it (any mode)."""
        found: dict[str, set[str]] = defaultdict(set)
        for mention in self.corpus.mentions:
            found[mention.theme].add(mention.unit)
        return {theme: len(units) for theme, units in found.items()}

    @_shared
    def unit_kinds_of_theme(self) -> dict[str, set[str]]:
        """Theme → the kinds of unit (statement, reflection) that mention it."""
        found: dict[str, set[str]] = defaultdict(set)
        for mention in self.corpus.mentions:
            found[mention.theme].add(self.corpus.unit_by_key[mention.unit].kind)
        return found

    @_shared
    def _committee_order(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self.analysis.committees_by_evidence)}

    def committee_rank(self, committee: Committee) -> int:
        """Sort key: most evidence first, then most focus areas, then key."""
        return self._committee_order[committee.key]

    def theme_rank(self, slug: str) -> tuple[int, int, str]:
        """Sort key: most carrying committees first, then most evidence, then slug."""
        return (-len(self.carriers.get(slug, ())), -self.theme_evidence.get(slug, 0), slug)

    @_shared
    def reach_of(self) -> dict[str, ThemeReach]:
        return {r.theme: r for r in self.analysis.reach}

    @_shared
    def overlaps_of(self) -> dict[str, list[Overlap]]:
        found: dict[str, list[Overlap]] = defaultdict(list)
        for overlap in self.analysis.overlaps:
            found[overlap.a].append(overlap)
            found[overlap.b].append(overlap)
        return found

    @_shared
    def overlap_ranks(self) -> dict[tuple[str, str], int]:
        """(a, b) → the pair's place among all overlaps, strongest first (0 = the strongest)."""
        return {(o.a, o.b): position for position, o in enumerate(self.analysis.overlaps)}

    def pillars_of_themes(self, themes: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        found = {p for slug in themes if (theme := self.corpus.theme_by_slug.get(slug)) for p in theme.pillars}
        return tuple(sorted(found))

    # --- quoted units -------------------------------------------------------------------------------

    @_shared
    def _mentions_of_unit(self) -> dict[str, list[Mention]]:
        found: dict[str, list[Mention]] = defaultdict(list)
        for mention in self.corpus.mentions:
            found[mention.unit].append(mention)
        return found

    @_shared
    def _several_seminars(self) -> bool:
        return len({u.seminar for u in self.corpus.units}) > 1

    def quote(self, unit_key: str) -> str:
        """Register ``unit_key`` for the page's unit table and return the key."""
        if unit_key not in self.units:
            unit = self.corpus.unit_by_key[unit_key]
            parts = [self.t(unit.kind)]
            if self._several_seminars:
                parts.append(unit.seminar)
            parts.append(f"{self.t('slide')} {unit.slide}")
            if unit.source_start is not None and unit.source_end is not None:
                parts.append(f"{self.t('view_characters')} {unit.source_start}–{unit.source_end}")
            if unit.focus_area is not None:
                area = self.corpus.focus_area_by_key[unit.focus_area]
                parts.append(area.title)
            self.units[unit_key] = UnitText(unit.text, " · ".join(parts))
        return unit_key

    def marks(self, unit_key: str, themes: set[str] | None = None) -> tuple[tuple[int, int], ...]:
        """Where ``themes`` (default: every theme) are mentioned in the unit, as merged UTF-16 spans."""
        value = self.corpus.unit_by_key[unit_key].text
        spans = sorted(
            (m.start, m.end) for m in self._mentions_of_unit.get(unit_key, ()) if themes is None or m.theme in themes
        )
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        if value.isascii() or max(value, default="") < "\U00010000":  # UTF-16 counts as code points: one check
            return tuple(merged)
        return tuple((utf16_offset(value, s), utf16_offset(value, e)) for s, e in merged)

    def focus_area_note(self, area: FocusArea) -> str:
        """``Udvalget for Læring · stærk slutning`` — who presented it and how sure that is."""
        return f"{self.committee_label(area.committee)} · {self.confidence_label(area.confidence)}"
