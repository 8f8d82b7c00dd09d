"""Committee overlaps: which committees meet on which themes, how strongly, and on what evidence."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..corpus import Corpus
from .evidence import EvidenceIndex, Quote, specificity_weights


@dataclass(frozen=True)
class SharedTheme:
    """A theme two committees share, how many committees carry it, and the quotes on both sides."""

    theme: str
    carriers: int
    quotes_a: tuple[Quote, ...]
    quotes_b: tuple[Quote, ...]

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.quotes_a + self.quotes_b


@dataclass(frozen=True)
class WeightTerms:
    """What an overlap's weight is computed from: each shared theme's share ``1/(k − 1)`` (``k`` committees carry
    it), their sum, and the two committees' theme counts; ``weight = total ÷ √(themes_a · themes_b)``."""

    shares: tuple[tuple[str, int, float], ...]  # (theme, carriers, share), in the order of ``shared_themes``
    themes_a: int
    themes_b: int

    @property
    def total(self) -> float:
        return math.fsum(share for _, _, share in self.shares)

    @property
    def denominator(self) -> float:
        return math.sqrt(self.themes_a * self.themes_b)


@dataclass(frozen=True)
class _Profiles:
    """What every overlap of one analysis reads its shared themes and quotes from."""

    index: EvidenceIndex
    themes: Mapping[str, frozenset[str]]
    carriers: Mapping[str, int]


@dataclass(frozen=True)
class Overlap:
    """Two committees (``a`` < ``b`` by key) and the themes they share; ``weight`` in [0, 1].

    The shared themes and their quotes are looked up when first read: at national scale there are hundreds of
    thousands of pairs, and most outputs show only the strongest."""

    a: str
    b: str
    weight: float
    profiles: _Profiles = field(repr=False, compare=False)

    @cached_property
    def shared_themes(self) -> tuple[str, ...]:
        """Most specific first (fewest carriers), then by slug."""
        carriers = self.profiles.carriers
        return tuple(
            sorted(self.profiles.themes[self.a] & self.profiles.themes[self.b], key=lambda t: (carriers[t], t))
        )

    @cached_property
    def shared(self) -> tuple[SharedTheme, ...]:
        index, carriers = self.profiles.index, self.profiles.carriers
        return tuple(
            SharedTheme(t, carriers[t], index.by_committee[self.a][t], index.by_committee[self.b][t])
            for t in self.shared_themes
        )

    @property
    def terms(self) -> WeightTerms:
        """The terms of :attr:`weight` (see :func:`~strategygraph.analysis.evidence.specificity_weights`)."""
        carriers = self.profiles.carriers
        shares = tuple((t, carriers[t], 1.0 / (carriers[t] - 1)) for t in self.shared_themes)
        return WeightTerms(shares, len(self.profiles.themes[self.a]), len(self.profiles.themes[self.b]))


def committee_overlaps(corpus: Corpus, index: EvidenceIndex, min_shared: int = 1) -> list[Overlap]:
    """Every committee pair sharing at least ``min_shared`` themes, strongest first.

    The weight is :func:`~strategygraph.analysis.evidence.specificity_weights` on the committees' theme
    sets; shared themes are listed most specific first (fewest carriers), then by slug.
    """
    themes = {c.key: index.themes_of(c.key) for c in corpus.committees}
    profiles = _Profiles(index, themes, {theme: len(keys) for theme, keys in index.carriers().items()})
    ranked = sorted(  # as plain tuples: a national graph has hundreds of thousands of pairs
        (-round(weight, 12), a, b, weight)
        for (a, b), weight in specificity_weights(themes).items()
        if min_shared == 1 or len(themes[a] & themes[b]) >= min_shared
    )
    return [Overlap(a, b, weight, profiles) for _rank, a, b, weight in ranked]


BACKBONE_PARTNERS = 8  # overlaps per committee a drawing of many committees keeps (the source's most is 7)


def strongest_overlaps(
    overlaps: Sequence[Overlap], committees: Collection[str], per_committee: int = BACKBONE_PARTNERS
) -> list[Overlap]:
    """The overlaps among ``committees`` that are among the ``per_committee`` strongest of either committee, in
    the order of ``overlaps`` (strongest first): a k-nearest backbone, so every committee keeps its closest
    partners and a national graph, where almost every pair shares some theme, does not become a hairball."""
    shown = set(committees)
    taken: dict[str, int] = dict.fromkeys(shown, 0)
    kept: set[int] = set()
    for position, overlap in enumerate(overlaps):
        if overlap.a in shown and overlap.b in shown:
            for key in (overlap.a, overlap.b):
                if taken[key] < per_committee:
                    kept.add(position)
                taken[key] += 1
    return [overlaps[position] for position in sorted(kept)]
