"""The graph's content as plain, sorted dataclasses: committees, focus areas, statements, reflections,
themes, pillars and theme mentions — the common input of the analyses, views and reports.

Everything is read with standard SPARQL through :class:`~strategygraph.stores.base.GraphStore`, so it works
the same on every store. Short keys (``laering``, ``smidige-processer``, ``smidige-processer-4``) are
qualified with the municipality or seminar only when a graph holds several and plain slugs would clash.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from .i18n import Lang, in_language
from .stores.base import GraphStore, as_int, as_str

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


def _last_segment(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _text(value: object) -> str:
    return "" if value is None else str(value)


_COMMITTEES = """
SELECT ?committee ?slug ?labelDa ?labelEn ?municipality ?municipalitySlug ?municipalityDa ?municipalityEn WHERE {
    ?committee a sg:Committee ; sg:slug ?slug .
    OPTIONAL {
        ?committee org:unitOf ?municipality .
        OPTIONAL { ?municipality sg:slug ?municipalitySlug }
        OPTIONAL { ?municipality skos:prefLabel ?municipalityDa . FILTER (lang(?municipalityDa) = "da") }
        OPTIONAL { ?municipality skos:prefLabel ?municipalityEn . FILTER (lang(?municipalityEn) = "en") }
    }
    OPTIONAL { ?committee skos:prefLabel ?labelDa . FILTER (lang(?labelDa) = "da") }
    OPTIONAL { ?committee skos:prefLabel ?labelEn . FILTER (lang(?labelEn) = "en") }
}
"""

_REMITS = "SELECT ?committee ?slug WHERE { ?committee a sg:Committee ; sg:remit ?theme . ?theme sg:slug ?slug }"

_FOCUS_AREAS = """
SELECT ?area ?slug ?title ?order ?slideNumber ?seminar ?committee ?confidence ?rationaleDa ?rationaleEn WHERE {
    ?area a sg:FocusArea ; sg:slug ?slug ; dcterms:title ?title ; sg:order ?order ; sg:slide ?slide ;
        sg:seminar ?seminar .
    ?slide sg:slideNumber ?slideNumber .
    OPTIONAL { ?area sg:presentedBy ?committee }
    OPTIONAL {
        ?area sg:attribution ?attribution .
        OPTIONAL { ?attribution sg:confidence ?confidence }
        OPTIONAL { ?attribution sg:rationale ?rationaleDa . FILTER (lang(?rationaleDa) = "da") }
        OPTIONAL { ?attribution sg:rationale ?rationaleEn . FILTER (lang(?rationaleEn) = "en") }
    }
}
"""

_SEMINARS = """
SELECT ?seminar ?slug ?municipalitySlug WHERE {
    ?seminar a sg:Seminar ; sg:slug ?slug .
    OPTIONAL { ?seminar sg:municipality ?municipality . ?municipality sg:slug ?municipalitySlug }
}
"""

_ALT_LABELS = "SELECT ?area ?label WHERE { ?area a sg:FocusArea ; skos:altLabel ?label }"

_UNITS = """
SELECT ?unit ?kind ?text ?order ?area ?slideNumber ?seminar ?start ?end WHERE {
    {
        ?unit a sg:Statement ; sg:focusArea ?area .
        ?area sg:slide ?slide .
        BIND ("statement" AS ?kind)
    } UNION {
        ?unit a sg:Reflection ; sg:slide ?slide .
        BIND ("reflection" AS ?kind)
    }
    ?unit sg:text ?text ; sg:order ?order .
    ?slide sg:slideNumber ?slideNumber ; sg:seminar ?seminar .
    OPTIONAL {
        ?unit sg:source ?source .
        ?source oa:hasSelector ?position .
        ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    }
}
"""

_THEMES = """
SELECT ?theme ?slug ?labelDa ?labelEn WHERE {
    ?theme a sg:Theme ; sg:slug ?slug .
    OPTIONAL { ?theme skos:prefLabel ?labelDa . FILTER (lang(?labelDa) = "da") }
    OPTIONAL { ?theme skos:prefLabel ?labelEn . FILTER (lang(?labelEn) = "en") }
}
"""

_BROADER = "SELECT ?theme ?broader WHERE { ?theme a sg:Theme ; skos:broader ?other . ?other sg:slug ?broader }"

_PILLARS = """
SELECT ?pillar ?slug ?labelDa ?labelEn WHERE {
    ?pillar a sg:Pillar ; sg:slug ?slug .
    OPTIONAL { ?pillar skos:prefLabel ?labelDa . FILTER (lang(?labelDa) = "da") }
    OPTIONAL { ?pillar skos:prefLabel ?labelEn . FILTER (lang(?labelEn) = "en") }
}
"""

_PILLAR_THEMES = """
SELECT ?pillar ?theme ?own WHERE {
    { ?pillar a sg:Pillar ; sg:pillarTheme ?t . BIND (true AS ?own) }
    UNION { ?pillar a sg:Pillar ; sg:servedBy ?t . BIND (false AS ?own) }
    ?t sg:slug ?theme .
}
"""

_MENTIONS = """
SELECT ?unit ?theme ?matched ?start ?end ?method WHERE {
    ?mention a sg:ThemeMention ; sg:theme ?t ; sg:mentionIn ?unit ; sg:matchedText ?matched ;
        sg:start ?start ; sg:end ?end .
    ?t sg:slug ?theme .
    OPTIONAL { ?mention sg:method ?method }
}
"""


def _qualified_keys(items: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """(iri, scope, name) → key: the plain name if unique across the graph, else ``scope/name``."""
    rows = list(items)
    scopes_of: dict[str, set[str]] = defaultdict(set)
    for _iri, scope, name in rows:
        scopes_of[name].add(scope)
    return {iri: name if len(scopes_of[name]) == 1 else f"{scope}/{name}" for iri, scope, name in rows}


def _qualify_clashing_names(committees: tuple[Committee, ...]) -> tuple[Committee, ...]:
    """Committees whose Danish name another municipality's committee also has are shown with their
    municipality's name ("Økonomiudvalget (Hedensted Kommune)"); a graph of one municipality shows own names."""
    places: dict[str, set[str]] = defaultdict(set)
    for committee in committees:
        places[committee.label_da.casefold()].add(committee.municipality)
    return tuple(
        dataclasses.replace(c, qualified=True) if len(places[c.label_da.casefold()]) > 1 else c for c in committees
    )


def read_corpus(store: GraphStore) -> Corpus:
    """Read the graph's content into a :class:`Corpus` (sorted, with short keys)."""
    committee_rows = list(store.select(_COMMITTEES).dicts())
    committee_keys = _qualified_keys(
        (str(r["committee"]), _text(r["municipalitySlug"]), str(r["slug"])) for r in committee_rows
    )
    remits: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_REMITS).dicts():
        remits[str(row["committee"])].add(str(row["slug"]))
    committees = tuple(
        sorted(
            (
                Committee(
                    iri=str(r["committee"]),
                    key=committee_keys[str(r["committee"])],
                    slug=str(r["slug"]),
                    label_da=_text(r["labelDa"]) or str(r["slug"]),
                    label_en=_text(r["labelEn"]),
                    municipality=_text(r["municipalitySlug"]),
                    remit=tuple(sorted(remits[str(r["committee"])])),
                    municipality_da=_text(r["municipalityDa"]),
                    municipality_en=_text(r["municipalityEn"]),
                )
                for r in committee_rows
            ),
            key=lambda c: c.key,
        )
    )
    committees = _qualify_clashing_names(committees)

    seminar_keys = _qualified_keys(
        (str(r["seminar"]), _text(r["municipalitySlug"]), str(r["slug"])) for r in store.select(_SEMINARS).dicts()
    )
    area_rows = list(store.select(_FOCUS_AREAS).dicts())
    area_keys = _qualified_keys((str(r["area"]), seminar_keys[str(r["seminar"])], str(r["slug"])) for r in area_rows)
    alt_labels: dict[str, list[str]] = defaultdict(list)
    for row in store.select(_ALT_LABELS).dicts():
        alt_labels[str(row["area"])].append(str(row["label"]))
    focus_areas = tuple(
        sorted(
            (
                FocusArea(
                    iri=str(r["area"]),
                    key=area_keys[str(r["area"])],
                    slug=str(r["slug"]),
                    title=str(r["title"]),
                    alt_labels=tuple(sorted(alt_labels[str(r["area"])])),
                    seminar=seminar_keys[str(r["seminar"])],
                    slide=as_int(r["slideNumber"]),
                    order=as_int(r["order"]),
                    committee=committee_keys.get(_text(r["committee"])),
                    confidence=as_str(r["confidence"]),
                    rationale_da=_text(r["rationaleDa"]),
                    rationale_en=_text(r["rationaleEn"]),
                )
                for r in area_rows
            ),
            key=lambda f: (f.seminar, f.slide, f.order, f.key),
        )
    )

    unit_rows = list(store.select(_UNITS).dicts())
    unit_keys = _qualified_keys(
        (str(r["unit"]), seminar_keys[str(r["seminar"])], _last_segment(str(r["unit"]))) for r in unit_rows
    )
    area_position = {f.key: i for i, f in enumerate(focus_areas)}
    units = tuple(
        sorted(
            (
                TextUnit(
                    iri=str(r["unit"]),
                    key=unit_keys[str(r["unit"])],
                    kind=str(r["kind"]),
                    text=str(r["text"]),
                    seminar=seminar_keys[str(r["seminar"])],
                    slide=as_int(r["slideNumber"]),
                    order=as_int(r["order"]),
                    focus_area=area_keys.get(_text(r["area"])),
                    source_start=None if r["start"] is None else as_int(r["start"]),
                    source_end=None if r["end"] is None else as_int(r["end"]),
                )
                for r in unit_rows
            ),
            key=lambda u: (
                u.seminar,
                u.slide,
                u.kind == "reflection",
                area_position.get(u.focus_area or "", 0),
                u.order,
                u.key,
            ),
        )
    )

    broader: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_BROADER).dicts():
        broader[str(row["theme"])].add(str(row["broader"]))
    pillar_themes: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    for row in store.select(_PILLAR_THEMES).dicts():
        own = str(row["own"]).lower() == "true"
        pillar_themes[str(row["pillar"])].append((not own, str(row["theme"])))
    pillars = tuple(
        sorted(
            (
                Pillar(
                    iri=str(r["pillar"]),
                    slug=str(r["slug"]),
                    label_da=_text(r["labelDa"]) or str(r["slug"]),
                    label_en=_text(r["labelEn"]),
                    themes=tuple(dict.fromkeys(theme for _, theme in sorted(pillar_themes[str(r["pillar"])]))),
                )
                for r in store.select(_PILLARS).dicts()
            ),
            key=lambda p: p.slug,
        )
    )
    pillars_of_theme: dict[str, set[str]] = defaultdict(set)
    for pillar in pillars:
        for theme in pillar.themes:
            pillars_of_theme[theme].add(pillar.slug)
    themes = tuple(
        sorted(
            (
                Theme(
                    iri=str(r["theme"]),
                    slug=str(r["slug"]),
                    label_da=_text(r["labelDa"]) or str(r["slug"]),
                    label_en=_text(r["labelEn"]),
                    broader=tuple(sorted(broader[str(r["theme"])])),
                    pillars=tuple(sorted(pillars_of_theme[str(r["slug"])])),
                )
                for r in store.select(_THEMES).dicts()
            ),
            key=lambda t: t.slug,
        )
    )

    unit_key_of_iri = {u.iri: u.key for u in units}
    mentions = tuple(
        sorted(
            Mention(
                unit=unit_key_of_iri[str(r["unit"])],
                theme=str(r["theme"]),
                matched=str(r["matched"]),
                start=as_int(r["start"]),
                end=as_int(r["end"]),
                method=_text(r["method"]) or "lexical",
            )
            for r in store.select(_MENTIONS).dicts()
            if str(r["unit"]) in unit_key_of_iri
        )
    )
    return Corpus(committees, focus_areas, units, themes, pillars, mentions)
