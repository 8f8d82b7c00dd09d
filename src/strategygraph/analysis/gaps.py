"""Gaps and candidates: what the groups raised that no focus area owns, and who should talk to whom."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass

from ..corpus import Corpus, TextUnit
from .evidence import EvidenceIndex
from .overlaps import Overlap


@dataclass(frozen=True)
class ReflectionGap:
    """A theme the group reflections of a seminar raise that none of its focus areas' statements mention."""

    theme: str
    seminar: str
    reflections: tuple[TextUnit, ...]

    @property
    def slides(self) -> tuple[int, ...]:
        return tuple(sorted({u.slide for u in self.reflections}))


def reflection_gaps(corpus: Corpus) -> list[ReflectionGap]:
    """Themes emphasised in reflections but owned by no focus area, most-raised first."""
    in_statements: dict[str, set[str]] = defaultdict(set)
    in_reflections: dict[tuple[str, str], list[TextUnit]] = defaultdict(list)
    for unit in corpus.units:
        for theme in corpus.themes_of_unit.get(unit.key, ()):
            if unit.kind == "statement":
                in_statements[unit.seminar].add(theme)
            else:
                in_reflections[(unit.seminar, theme)].append(unit)
    gaps = [
        ReflectionGap(theme, seminar, tuple(units))
        for (seminar, theme), units in in_reflections.items()
        if theme not in in_statements[seminar]
    ]
    gaps.sort(key=lambda g: (-len(g.reflections), -len(g.slides), g.seminar, g.theme))
    return gaps


@dataclass(frozen=True)
class CollaborationCandidate:
    """A strongly overlapping committee pair whose statements never mention each other's remit.

    ``a_silent_on``: themes of ``b``'s remit that ``a`` never mentions (and vice versa); a pair is a
    candidate when each is silent on the whole of the other's remit although they share themes.
    """

    overlap: Overlap
    a_silent_on: tuple[str, ...]
    b_silent_on: tuple[str, ...]


def strong_overlap_threshold(overlaps: list[Overlap]) -> float:
    """The default bar for a *strong* overlap: the median weight of all overlapping pairs. A pair is strong when its
    weight is strictly above the bar, so the pair at the median itself is not (half the pairs are at most it)."""
    return statistics.median(o.weight for o in overlaps) if overlaps else 1.0


def collaboration_candidates(
    corpus: Corpus, index: EvidenceIndex, overlaps: list[Overlap], min_weight: float | None = None
) -> list[CollaborationCandidate]:
    """Pairs with overlap weight strictly above ``min_weight`` (default: the median) that never mention each
    other's remit (``sg:remit``: the themes of a committee's portfolio). Committees without a remit are skipped."""
    bar = strong_overlap_threshold(overlaps) if min_weight is None else min_weight
    candidates = []
    for overlap in overlaps:
        if overlap.weight <= bar:
            continue
        a, b = corpus.committee_by_key[overlap.a], corpus.committee_by_key[overlap.b]
        if not a.remit or not b.remit:
            continue
        a_themes, b_themes = index.themes_of(a.key), index.themes_of(b.key)
        if a_themes.isdisjoint(b.remit) and b_themes.isdisjoint(a.remit):
            candidates.append(CollaborationCandidate(overlap, b.remit, a.remit))
    return candidates
