"""What changed from seminar A to seminar B: themes, committees, focus areas and committee overlaps.

Each seminar is cut out of the graph with :func:`~strategygraph.seminars.scope_to_seminar` — the code
path of ``--seminar`` — and analysed on its own, so each side is exactly what that seminar loaded alone
gives. The two analyses are then compared through the committee and focus-area matching of
:mod:`strategygraph.comparison.matching`. *Gained* means in B and not in A; *lost* means in A and not in
B; comparing B with A swaps them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from rdflib import URIRef

from ..analysis import DEFAULT_MODE, Analysis, Overlap, analyse
from ..corpus import Committee, read_corpus
from ..i18n import Lang, in_language
from ..seminars import SeminarRef, find_seminar, scope_to_seminar
from ..stores.base import GraphStore
from .matching import (
    CommitteeMatch,
    CommitteeMatching,
    FocusAreaMatching,
    match_committees,
    match_focus_areas,
)

_SEMINAR = """
SELECT ?titleDa ?titleEn ?municipalityDa ?municipalityEn ?date WHERE {
    ?seminar a sg:Seminar .
    OPTIONAL { ?seminar dcterms:title ?titleDa . FILTER (lang(?titleDa) = "da") }
    OPTIONAL { ?seminar dcterms:title ?titleEn . FILTER (lang(?titleEn) = "en") }
    OPTIONAL { ?seminar sg:municipality/skos:prefLabel ?municipalityDa . FILTER (lang(?municipalityDa) = "da") }
    OPTIONAL { ?seminar sg:municipality/skos:prefLabel ?municipalityEn . FILTER (lang(?municipalityEn) = "en") }
    OPTIONAL { ?seminar dcterms:date ?date }
}
"""


@dataclass(frozen=True)
class ComparedSeminar:
    """One side of a comparison: the seminar, its title and municipality (da/en), and its analysis."""

    id: str
    iri: str
    title_da: str
    title_en: str
    municipality_da: str
    municipality_en: str
    date: str | None
    analysis: Analysis

    def title(self, lang: Lang) -> str:
        """The title in ``lang``, else in Danish, else in English, else the seminar's ID."""
        preferred = (self.title_en, self.title_da) if lang == "en" else (self.title_da, self.title_en)
        return next((title for title in preferred if title), self.id)

    def municipality(self, lang: Lang) -> str:
        return in_language(lang, self.municipality_da, self.municipality_en)

    @property
    def committees(self) -> tuple[Committee, ...]:
        """The committees presenting at least one focus area in this seminar (the ones compared)."""
        corpus = self.analysis.corpus
        return tuple(c for c in corpus.committees if corpus.focus_areas_of(c.key))

    @property
    def themes(self) -> frozenset[str]:
        """The themes some committee of the seminar carries under the evidence mode."""
        return frozenset(self.analysis.index.carriers())

    def themes_of(self, committee: str) -> frozenset[str]:
        return self.analysis.index.themes_of(committee)

    def weight(self, pair: tuple[str, str] | None) -> float | None:
        """The pair's overlap weight here: 0.0 when both committees present but share no theme; None when
        the pair cannot exist here (a committee has no counterpart in this seminar)."""
        if pair is None:
            return None
        overlap = self.overlap(pair)
        return 0.0 if overlap is None else overlap.weight

    def shared_themes(self, pair: tuple[str, str] | None) -> tuple[str, ...]:
        overlap = None if pair is None else self.overlap(pair)
        return () if overlap is None else overlap.shared_themes

    def overlap(self, pair: tuple[str, str]) -> Overlap | None:
        first, second = sorted(pair)
        return self._overlaps.get((first, second))

    @cached_property
    def _overlaps(self) -> dict[tuple[str, str], Overlap]:
        return {(o.a, o.b): o for o in self.analysis.overlaps}


@dataclass(frozen=True)
class ThemeChanges:
    """Theme slugs gained (in B only), lost (in A only) and kept (in both), each sorted."""

    gained: tuple[str, ...]
    lost: tuple[str, ...]
    kept: tuple[str, ...]

    @classmethod
    def between(cls, a: Iterable[str], b: Iterable[str]) -> ThemeChanges:
        before, after = frozenset(a), frozenset(b)
        return cls(tuple(sorted(after - before)), tuple(sorted(before - after)), tuple(sorted(before & after)))


@dataclass(frozen=True)
class CommitteeChange:
    """A committee present in both seminars (``match``) and how its themes changed."""

    match: CommitteeMatch
    themes: ThemeChanges


@dataclass(frozen=True)
class OverlapChange:
    """One committee pair's overlap in A and in B.

    ``committees_a`` / ``committees_b``: the pair's committee keys in each seminar, position by position
    the same committees; None where a committee of the pair has no counterpart in that seminar.
    ``weight_a`` / ``weight_b``: the overlap weight there (0.0: both present, no shared theme; None: the
    pair cannot exist there). ``shared_a`` / ``shared_b``: the shared theme slugs, most specific first.
    """

    committees_a: tuple[str, str] | None
    committees_b: tuple[str, str] | None
    weight_a: float | None
    weight_b: float | None
    shared_a: tuple[str, ...]
    shared_b: tuple[str, ...]

    @property
    def comparable(self) -> bool:
        """Both committees are present in both seminars, so an absent overlap is a real change."""
        return self.committees_a is not None and self.committees_b is not None

    @property
    def delta(self) -> float | None:
        """weight in B − weight in A, when the pair is comparable."""
        if self.weight_a is None or self.weight_b is None:
            return None
        return self.weight_b - self.weight_a


@dataclass(frozen=True)
class SeminarComparison:
    """Seminar A compared with seminar B under one evidence mode (see the module docstring).

    Committees are listed by their key in A (``only_in_b`` by key in B); focus areas in seminar order;
    overlaps present in both by the size of the change, the others by weight — all ties by committee key.
    """

    a: ComparedSeminar
    b: ComparedSeminar
    themes: ThemeChanges
    committees: tuple[CommitteeChange, ...]
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    focus_areas: FocusAreaMatching
    overlaps_in_both: tuple[OverlapChange, ...]
    overlaps_only_in_a: tuple[OverlapChange, ...]
    overlaps_only_in_b: tuple[OverlapChange, ...]

    @property
    def mode(self) -> str:
        return self.a.analysis.mode


def compared_seminar(store: GraphStore, ident: str, mode: str = DEFAULT_MODE) -> ComparedSeminar:
    """Seminar ``ident`` of ``store``, scoped out as ``--seminar`` does and analysed under ``mode``."""
    ref = find_seminar(store, ident)
    scoped = scope_to_seminar(store, ref.id)
    return ComparedSeminar(ref.id, ref.iri, *_describe(store, ref), analyse(read_corpus(scoped), mode))


def _describe(store: GraphStore, ref: SeminarRef) -> tuple[str, str, str, str, str | None]:
    """(title da, title en, municipality da, municipality en, date) of one seminar; "" or None if missing."""
    rows = list(store.select(_SEMINAR, {"seminar": URIRef(ref.iri)}).dicts())

    def first(name: str) -> str:
        return min((str(r[name]) for r in rows if r[name] is not None), default="")

    return (
        first("titleDa"),
        first("titleEn"),
        first("municipalityDa"),
        first("municipalityEn"),
        first("date") or None,
    )


def compare_seminars(store: GraphStore, seminar_a: str, seminar_b: str, mode: str = DEFAULT_MODE) -> SeminarComparison:
    """Compare seminar ``seminar_a`` with ``seminar_b`` (IDs as for ``--seminar``) in the graph ``store``.

    An unknown ID raises :class:`~strategygraph.errors.NotFoundError` listing the seminars there are;
    a seminar compared with itself gives no changes.
    """
    a = compared_seminar(store, seminar_a, mode)
    b = a if find_seminar(store, seminar_b).iri == a.iri else compared_seminar(store, seminar_b, mode)
    return compare(a, b)


def compare(a: ComparedSeminar, b: ComparedSeminar) -> SeminarComparison:
    """Compare two analysed seminars (the pure part of :func:`compare_seminars`)."""
    committees = match_committees(a.committees, b.committees)
    changes = tuple(
        CommitteeChange(m, ThemeChanges.between(a.themes_of(m.a), b.themes_of(m.b))) for m in committees.matches
    )
    in_both, only_a, only_b = _overlap_changes(a, b, committees)
    return SeminarComparison(
        a=a,
        b=b,
        themes=ThemeChanges.between(a.themes, b.themes),
        committees=changes,
        only_in_a=committees.only_in_a,
        only_in_b=committees.only_in_b,
        focus_areas=match_focus_areas(a.analysis.corpus.focus_areas, b.analysis.corpus.focus_areas, committees),
        overlaps_in_both=in_both,
        overlaps_only_in_a=only_a,
        overlaps_only_in_b=only_b,
    )


def _counterpart(pair: tuple[str, str], mapping: dict[str, str]) -> tuple[str, str] | None:
    first, second = (mapping.get(key) for key in pair)
    return None if first is None or second is None else (first, second)


def _overlap_changes(
    a: ComparedSeminar, b: ComparedSeminar, committees: CommitteeMatching
) -> tuple[tuple[OverlapChange, ...], tuple[OverlapChange, ...], tuple[OverlapChange, ...]]:
    changes: list[OverlapChange] = []
    seen_in_b: set[tuple[str, str]] = set()
    for overlap in a.analysis.overlaps:
        pair_a = (overlap.a, overlap.b)
        pair_b = _counterpart(pair_a, committees.b_of)
        if pair_b is not None:
            seen_in_b.add((min(pair_b), max(pair_b)))
        changes.append(_change(a, b, pair_a, pair_b))
    for overlap in b.analysis.overlaps:
        pair_b = (overlap.a, overlap.b)
        if pair_b not in seen_in_b:
            changes.append(_change(a, b, _counterpart(pair_b, committees.a_of), pair_b))

    def positive(weight: float | None) -> bool:
        return weight is not None and weight > 0

    def rounded(weight: float | None) -> float:
        return round(weight or 0.0, 12)

    in_both = [c for c in changes if positive(c.weight_a) and positive(c.weight_b)]
    only_a = [c for c in changes if positive(c.weight_a) and not positive(c.weight_b)]
    only_b = [c for c in changes if positive(c.weight_b) and not positive(c.weight_a)]
    in_both.sort(key=lambda c: (-abs(rounded(c.delta)), -rounded(c.delta), c.committees_a or ()))
    only_a.sort(key=lambda c: (-rounded(c.weight_a), c.committees_a or ()))
    only_b.sort(key=lambda c: (-rounded(c.weight_b), c.committees_b or ()))
    return tuple(in_both), tuple(only_a), tuple(only_b)


def _change(
    a: ComparedSeminar, b: ComparedSeminar, pair_a: tuple[str, str] | None, pair_b: tuple[str, str] | None
) -> OverlapChange:
    return OverlapChange(
        pair_a, pair_b, a.weight(pair_a), b.weight(pair_b), a.shared_themes(pair_a), b.shared_themes(pair_b)
    )
