"""The corpus's values: committees, focus areas, text units, themes, pillars and theme mentions, and the
:class:`Corpus` that holds them all sorted, with the look-ups the analyses, views and reports share.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from ..i18n import Lang, in_language

CONFIDENCES = ("stated", "strong-inference", "weak-guess")


T = TypeVar("T")


@dataclass(frozen=True)
class Committee:
    iri: str
    key: str
    slug: str
    label_da: str
    label_en: str
    municipality: str
    remit: tuple[str, ...] = ()  # theme slugs of the committee's portfolio (curated, sg:remit)
    municipality_da: str = ""  # the municipality's name (its skos:prefLabel)
    municipality_en: str = ""
    qualified: bool = False  # another municipality has a committee of the same name: labels name the municipality

    def own_label(self, lang: Lang) -> str:
        """The committee's own name (skos:prefLabel) in ``lang``, else in Danish."""
        return in_language(lang, self.label_da, self.label_en)

    def label(self, lang: Lang) -> str:
        """The name to show: its own, followed by its municipality's when that name alone is ambiguous."""
        own = self.own_label(lang)
        return f"{own} ({self.municipality_label(lang)})" if self.qualified else own

    def municipality_label(self, lang: Lang) -> str:
        """The name of the committee's municipality in ``lang``, else in Danish, else its slug."""
        return (self.municipality_en if lang == "en" else "") or self.municipality_da or self.municipality


@dataclass(frozen=True)
class FocusArea:
    iri: str
    key: str
    slug: str
    title: str
    alt_labels: tuple[str, ...]
    seminar: str
    slide: int
    order: int
    committee: str | None  # committee key
    confidence: str | None  # attribution confidence: stated | strong-inference | weak-guess
    rationale_da: str
    rationale_en: str

    def rationale(self, lang: Lang) -> str:
        return in_language(lang, self.rationale_da, self.rationale_en)


@dataclass(frozen=True)
class TextUnit:
    """A statement (under a focus area) or a reflection (on a slide), verbatim, with its source span."""

    iri: str
    key: str
    kind: str  # "statement" | "reflection"
    text: str
    seminar: str
    slide: int
    order: int
    focus_area: str | None  # focus-area key, for statements
    source_start: int | None
    source_end: int | None


@dataclass(frozen=True)
class Theme:
    iri: str
    slug: str
    label_da: str
    label_en: str
    broader: tuple[str, ...]
    pillars: tuple[str, ...]  # slugs of the pillars this theme serves or is

    def label(self, lang: Lang) -> str:
        return in_language(lang, self.label_da, self.label_en)


@dataclass(frozen=True)
class Pillar:
    iri: str
    slug: str
    label_da: str
    label_en: str
    themes: tuple[str, ...]  # theme slugs that serve it (its own theme first, if any)

    def label(self, lang: Lang) -> str:
        return in_language(lang, self.label_da, self.label_en)


@dataclass(frozen=True, order=True)
class Mention:
    unit: str  # unit key
    theme: str  # theme slug
    matched: str
    start: int
    end: int
    method: str


@dataclass(frozen=True)
class Corpus:
    """Everything the analyses need, sorted so that every output built on it is deterministic."""

    committees: tuple[Committee, ...]
    focus_areas: tuple[FocusArea, ...]
    units: tuple[TextUnit, ...]
    themes: tuple[Theme, ...]
    pillars: tuple[Pillar, ...]
    mentions: tuple[Mention, ...]

    @cached_property
    def committee_by_key(self) -> dict[str, Committee]:
        return {c.key: c for c in self.committees}

    @cached_property
    def focus_area_by_key(self) -> dict[str, FocusArea]:
        return {f.key: f for f in self.focus_areas}

    @cached_property
    def unit_by_key(self) -> dict[str, TextUnit]:
        return {u.key: u for u in self.units}

    @cached_property
    def theme_by_slug(self) -> dict[str, Theme]:
        return {t.slug: t for t in self.themes}

    @cached_property
    def pillar_by_slug(self) -> dict[str, Pillar]:
        return {p.slug: p for p in self.pillars}

    @cached_property
    def themes_of_unit(self) -> dict[str, tuple[str, ...]]:
        """Unit key → the distinct theme slugs mentioned in it, sorted."""
        found: dict[str, set[str]] = defaultdict(set)
        for mention in self.mentions:
            found[mention.unit].add(mention.theme)
        return {unit: tuple(sorted(themes)) for unit, themes in found.items()}

    @cached_property
    def committees_on_slide(self) -> dict[tuple[str, int], tuple[str, ...]]:
        """(seminar, slide) → keys of the committees presenting a focus area on it, sorted."""
        found: dict[tuple[str, int], set[str]] = defaultdict(set)
        for area in self.focus_areas:
            if area.committee is not None:
                found[(area.seminar, area.slide)].add(area.committee)
        return {slide: tuple(sorted(keys)) for slide, keys in found.items()}

    def committees_of_unit(self, unit: TextUnit) -> tuple[str, ...]:
        """The committees a unit speaks for: a statement's presenter; every presenter on a reflection's slide."""
        if unit.focus_area is not None:
            committee = self.focus_area_by_key[unit.focus_area].committee
            return (committee,) if committee is not None else ()
        return self.committees_on_slide.get((unit.seminar, unit.slide), ())

    @cached_property
    def _focus_areas_by_committee(self) -> dict[str | None, tuple[FocusArea, ...]]:
        return _grouped(self.focus_areas, lambda area: area.committee)

    @cached_property
    def _units_by_focus_area(self) -> dict[str | None, tuple[TextUnit, ...]]:
        return _grouped(self.units, lambda unit: unit.focus_area)

    @cached_property
    def municipalities(self) -> tuple[str, ...]:
        """The slugs of the municipalities whose committees the corpus holds, sorted."""
        return tuple(sorted({c.municipality for c in self.committees if c.municipality}))

    def municipality_name(self, slug: str, lang: Lang) -> str:
        """The name of the municipality ``slug`` in ``lang`` (else Danish, else the slug), from its committees."""
        found = next((c for c in self.committees if c.municipality == slug), None)
        return found.municipality_label(lang) if found else slug

    def focus_areas_of(self, committee: str) -> tuple[FocusArea, ...]:
        return self._focus_areas_by_committee.get(committee, ())

    def statements_of(self, focus_area: str) -> tuple[TextUnit, ...]:
        return self._units_by_focus_area.get(focus_area, ())


def _grouped(items: Iterable[T], key: Callable[[T], str | None]) -> dict[str | None, tuple[T, ...]]:
    """``items`` by ``key``, each group in the order of ``items``."""
    found: dict[str | None, list[T]] = defaultdict(list)
    for item in items:
        found[key(item)].append(item)
    return {group: tuple(members) for group, members in found.items()}
