"""Reading a :class:`~strategygraph.corpus.model.Corpus` from a store: one SELECT per kind of value, each
sorted, with short keys qualified only where plain slugs would clash.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from rdflib.term import Identifier

from ..stores.base import GraphStore, as_int, as_str
from . import queries
from .kept import KEPT_CORPUS
from .model import Committee, Corpus, FocusArea, Mention, Pillar, TextUnit, Theme

Row = dict[str, Identifier | None]


def read_corpus(store: GraphStore) -> Corpus:
    """Read the graph's content into a :class:`Corpus` (sorted, with short keys); a store that keeps derived
    data (a persistent store) reads it once and keeps it (:mod:`.kept`)."""
    kept = store.kept(KEPT_CORPUS, lambda: _read_corpus(store))
    return kept if kept is not None else _read_corpus(store)


def _read_corpus(store: GraphStore) -> Corpus:
    committees = _read_committees(store)
    seminar_keys = _qualified_keys(
        (str(r["seminar"]), _text(r["municipalitySlug"]), str(r["slug"])) for r in _rows(store, queries.SEMINARS)
    )
    focus_areas = _read_focus_areas(store, seminar_keys, {c.iri: c.key for c in committees})
    units = _read_units(store, seminar_keys, focus_areas)
    pillars = _read_pillars(store)
    themes = _read_themes(store, pillars)
    mentions = _read_mentions(store, {u.iri: u.key for u in units})
    return Corpus(committees, focus_areas, units, themes, pillars, mentions)


def _rows(store: GraphStore, query: str) -> list[Row]:
    return list(store.select(query).dicts())


def _text(value: Identifier | None) -> str:
    return "" if value is None else str(value)


def _label_da(row: Row) -> str:
    """A row's Danish label, else its slug."""
    return _text(row["labelDa"]) or str(row["slug"])


def _last_segment(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _values_by(store: GraphStore, query: str, key: str, value: str) -> dict[str, list[str]]:
    """The ``value`` column of ``query``'s rows, by their ``key`` column, in the order of the rows."""
    found: dict[str, list[str]] = defaultdict(list)
    for row in _rows(store, query):
        found[str(row[key])].append(str(row[value]))
    return found


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


def _read_committees(store: GraphStore) -> tuple[Committee, ...]:
    rows = _rows(store, queries.COMMITTEES)
    keys = _qualified_keys((str(r["committee"]), _text(r["municipalitySlug"]), str(r["slug"])) for r in rows)
    remits = _values_by(store, queries.REMITS, "committee", "slug")
    committees = (
        Committee(
            iri=str(r["committee"]),
            key=keys[str(r["committee"])],
            slug=str(r["slug"]),
            label_da=_label_da(r),
            label_en=_text(r["labelEn"]),
            municipality=_text(r["municipalitySlug"]),
            remit=tuple(sorted(set(remits[str(r["committee"])]))),
            municipality_da=_text(r["municipalityDa"]),
            municipality_en=_text(r["municipalityEn"]),
        )
        for r in rows
    )
    return _qualify_clashing_names(tuple(sorted(committees, key=lambda c: c.key)))


def _read_focus_areas(
    store: GraphStore, seminar_keys: dict[str, str], committee_keys: dict[str, str]
) -> tuple[FocusArea, ...]:
    rows = _rows(store, queries.FOCUS_AREAS)
    keys = _qualified_keys((str(r["area"]), seminar_keys[str(r["seminar"])], str(r["slug"])) for r in rows)
    alt_labels = _values_by(store, queries.ALT_LABELS, "area", "label")
    areas = (
        FocusArea(
            iri=str(r["area"]),
            key=keys[str(r["area"])],
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
        for r in rows
    )
    return tuple(sorted(areas, key=lambda f: (f.seminar, f.slide, f.order, f.key)))


def _read_units(
    store: GraphStore, seminar_keys: dict[str, str], focus_areas: tuple[FocusArea, ...]
) -> tuple[TextUnit, ...]:
    """Statements and reflections, by slide: a slide's statements in the order of their focus areas, then its
    reflections."""
    rows = _rows(store, queries.UNITS)
    keys = _qualified_keys(
        (str(r["unit"]), seminar_keys[str(r["seminar"])], _last_segment(str(r["unit"]))) for r in rows
    )
    area_keys = {f.iri: f.key for f in focus_areas}
    area_position = {f.key: i for i, f in enumerate(focus_areas)}
    units = (
        TextUnit(
            iri=str(r["unit"]),
            key=keys[str(r["unit"])],
            kind=str(r["kind"]),
            text=str(r["text"]),
            seminar=seminar_keys[str(r["seminar"])],
            slide=as_int(r["slideNumber"]),
            order=as_int(r["order"]),
            focus_area=area_keys.get(_text(r["area"])),
            source_start=None if r["start"] is None else as_int(r["start"]),
            source_end=None if r["end"] is None else as_int(r["end"]),
        )
        for r in rows
    )
    return tuple(
        sorted(
            units,
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


def _read_pillars(store: GraphStore) -> tuple[Pillar, ...]:
    """Pillars by slug (then IRI), each with its own theme first, then the themes serving it."""
    served: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    for row in _rows(store, queries.PILLAR_THEMES):
        own = as_int(row["own"]) == 1
        served[str(row["pillar"])].append((not own, str(row["theme"])))
    pillars = (
        Pillar(
            iri=str(r["pillar"]),
            slug=str(r["slug"]),
            label_da=_label_da(r),
            label_en=_text(r["labelEn"]),
            themes=tuple(dict.fromkeys(theme for _, theme in sorted(served[str(r["pillar"])]))),
        )
        for r in _rows(store, queries.PILLARS)
    )
    return tuple(sorted(pillars, key=lambda p: (p.slug, p.iri)))  # slugs repeat across municipalities


def _read_themes(store: GraphStore, pillars: tuple[Pillar, ...]) -> tuple[Theme, ...]:
    broader = _values_by(store, queries.BROADER, "theme", "broader")
    pillars_of_theme: dict[str, set[str]] = defaultdict(set)
    for pillar in pillars:
        for theme in pillar.themes:
            pillars_of_theme[theme].add(pillar.slug)
    themes = (
        Theme(
            iri=str(r["theme"]),
            slug=str(r["slug"]),
            label_da=_label_da(r),
            label_en=_text(r["labelEn"]),
            broader=tuple(sorted(set(broader[str(r["theme"])]))),
            pillars=tuple(sorted(pillars_of_theme[str(r["slug"])])),
        )
        for r in _rows(store, queries.THEMES)
    )
    return tuple(sorted(themes, key=lambda t: t.slug))


def _read_mentions(store: GraphStore, unit_keys: dict[str, str]) -> tuple[Mention, ...]:
    """The theme mentions in the corpus's units (``unit_keys``: unit IRI → key)."""
    return tuple(
        sorted(
            Mention(
                unit=unit_keys[str(r["unit"])],
                theme=str(r["theme"]),
                matched=str(r["matched"]),
                start=as_int(r["start"]),
                end=as_int(r["end"]),
                method=_text(r["method"]) or "lexical",
            )
            for r in _rows(store, queries.MENTIONS)
            if str(r["unit"]) in unit_keys
        )
    )
