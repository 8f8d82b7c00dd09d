"""Overlap analysis with NetworkX: who meets on which themes, how strongly, and on what evidence.

:func:`analyse` runs everything for one evidence mode and returns one :class:`Analysis` value that the
CLI, the views and the reports all read.
"""

from __future__ import annotations

from dataclasses import dataclass

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
from .gaps import CollaborationCandidate, ReflectionGap, collaboration_candidates, reflection_gaps
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
    """All analysis results for one corpus and evidence mode."""

    corpus: Corpus
    index: EvidenceIndex
    overlaps: tuple[Overlap, ...]
    reach: tuple[ThemeReach, ...]
    committee_communities: Communities
    focus_area_communities: Communities
    brokers: tuple[Broker, ...]
    gaps: tuple[ReflectionGap, ...]
    candidates: tuple[CollaborationCandidate, ...]

    @property
    def mode(self) -> str:
        return self.index.mode


def analyse(corpus: Corpus, mode: str = DEFAULT_MODE, min_shared: int = 1, min_weight: float | None = None) -> Analysis:
    index = evidence_index(corpus, mode)
    overlaps = committee_overlaps(corpus, index, min_shared)
    return Analysis(
        corpus=corpus,
        index=index,
        overlaps=tuple(overlaps),
        reach=tuple(theme_reach(corpus, index)),
        committee_communities=committee_communities(corpus, index),
        focus_area_communities=focus_area_communities(corpus, index),
        brokers=tuple(brokers(corpus, index)),
        gaps=tuple(reflection_gaps(corpus)),
        candidates=tuple(collaboration_candidates(corpus, index, overlaps, min_weight)),
    )
