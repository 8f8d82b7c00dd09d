"""Overlap analysis with NetworkX: who meets on which themes, how strongly, and on what evidence.

:func:`analyse` runs everything for one evidence mode and returns one :class:`Analysis` value that the
CLI, the views and the reports all read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..corpus import Corpus
from .evidence import (
    DEFAULT_MODE,
    EVIDENCE_MODES,
    EvidenceIndex,
    Quote,
    committee_theme_graph,
    evidence_index,
    focus_area_theme_graph,
    projection,
    specificity_weights,
    theme_projection,
)
from .gaps import (
    CollaborationCandidate,
    ReflectionGap,
    collaboration_candidates,
    reflection_gaps,
    strong_overlap_threshold,
)
from .overlaps import Overlap, SharedTheme, committee_overlaps
from .reach import ThemeReach, normalised_entropy, theme_reach
from .structure import Broker, Communities, brokers, committee_communities, focus_area_communities

__all__ = [
    "DEFAULT_MODE",
    "EVIDENCE_MODES",
    "Analysis",
    "Broker",
    "CollaborationCandidate",
    "Communities",
    "EvidenceIndex",
    "Overlap",
    "Quote",
    "ReflectionGap",
    "SharedTheme",
    "ThemeReach",
    "analyse",
    "brokers",
    "collaboration_candidates",
    "committee_communities",
    "committee_overlaps",
    "committee_theme_graph",
    "evidence_index",
    "focus_area_communities",
    "focus_area_theme_graph",
    "normalised_entropy",
    "projection",
    "reflection_gaps",
    "specificity_weights",
    "theme_projection",
    "theme_reach",
]


@dataclass(frozen=True)
class Analysis:
    """All analysis results for one corpus and evidence mode.

    Each part is computed on first use and then kept, so a command pays only for what it shows: ``overlaps``
    needs no communities, ``themes`` no brokers."""

    corpus: Corpus
    index: EvidenceIndex
    min_shared: int = 1
    min_weight: float | None = None

    @property
    def mode(self) -> str:
        return self.index.mode

    @cached_property
    def overlaps(self) -> tuple[Overlap, ...]:
        return tuple(committee_overlaps(self.corpus, self.index, self.min_shared))

    @cached_property
    def reach(self) -> tuple[ThemeReach, ...]:
        return tuple(theme_reach(self.corpus, self.index))

    @cached_property
    def committee_communities(self) -> Communities:
        return committee_communities(self.corpus, self.index)

    @cached_property
    def focus_area_communities(self) -> Communities:
        return focus_area_communities(self.corpus, self.index)

    @cached_property
    def brokers(self) -> tuple[Broker, ...]:
        return tuple(brokers(self.corpus, self.index))

    @cached_property
    def gaps(self) -> tuple[ReflectionGap, ...]:
        return tuple(reflection_gaps(self.corpus))

    @cached_property
    def committee_evidence(self) -> dict[str, int]:
        """Committee → number of distinct statements and reflections evidencing any of its themes."""
        return {
            key: len({q.unit for quotes in themes.values() for q in quotes})
            for key, themes in self.index.by_committee.items()
        }

    @cached_property
    def committees_by_evidence(self) -> tuple[str, ...]:
        """Committee keys, most evidence first, then most focus areas, then key: whom a view or report keeps
        when it cannot show every committee."""
        corpus = self.corpus

        def rank(key: str) -> tuple[int, int, str]:
            return (-self.committee_evidence.get(key, 0), -len(corpus.focus_areas_of(key)), key)

        return tuple(sorted((c.key for c in corpus.committees), key=rank))

    @cached_property
    def strong_overlap_bar(self) -> float:
        """The weight a candidate pair must exceed (strictly): ``min_weight``, else the median of all pairs."""
        return strong_overlap_threshold(list(self.overlaps)) if self.min_weight is None else self.min_weight

    @cached_property
    def candidates(self) -> tuple[CollaborationCandidate, ...]:
        return tuple(collaboration_candidates(self.corpus, self.index, list(self.overlaps), self.strong_overlap_bar))


def analyse(corpus: Corpus, mode: str = DEFAULT_MODE, min_shared: int = 1, min_weight: float | None = None) -> Analysis:
    """The analysis of ``corpus`` under evidence ``mode``; its parts are computed when first read."""
    return Analysis(corpus, evidence_index(corpus, mode), min_shared, min_weight)
