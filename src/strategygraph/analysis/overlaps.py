"""Committee overlaps: which committees meet on which themes, how strongly, and on what evidence."""

from __future__ import annotations

from dataclasses import dataclass

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
class Overlap:
    """Two committees (``a`` < ``b`` by key) and the themes they share; ``weight`` in [0, 1]."""

    a: str
    b: str
    weight: float
    shared: tuple[SharedTheme, ...]

    @property
    def shared_themes(self) -> tuple[str, ...]:
        return tuple(s.theme for s in self.shared)


def committee_overlaps(corpus: Corpus, index: EvidenceIndex, min_shared: int = 1) -> list[Overlap]:
    """Every committee pair sharing at least ``min_shared`` themes, strongest first.

    The weight is :func:`~strategygraph.analysis.evidence.specificity_weights` on the committees' theme
    sets; shared themes are listed most specific first (fewest carriers), then by slug.
    """
    profiles = {c.key: index.themes_of(c.key) for c in corpus.committees}
    carriers = {theme: len(keys) for theme, keys in index.carriers().items()}
    overlaps = []
    for (a, b), weight in specificity_weights(profiles).items():
        themes = sorted(profiles[a] & profiles[b], key=lambda t: (carriers[t], t))
        if len(themes) < min_shared:
            continue
        shared = tuple(SharedTheme(t, carriers[t], index.by_committee[a][t], index.by_committee[b][t]) for t in themes)
        overlaps.append(Overlap(a, b, weight, shared))
    overlaps.sort(key=lambda o: (-round(o.weight, 12), o.a, o.b))
    return overlaps
