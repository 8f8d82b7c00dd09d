"""Precision and recall of theme tagging against a hand-labelled gold set.

A gold set is JSON: ``{"units": [{"id": ..., "text": ..., "themes": [slug, ...]}, ...]}``. Scores count
exact (unit, theme) pairs, micro-averaged: a narrower theme does not stand in for its broader one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True)
class GoldUnit:
    id: str
    text: str
    themes: frozenset[str]


def load_gold(path: Path) -> list[GoldUnit]:
    """The units of a gold-set file; a malformed file names the file and what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [GoldUnit(str(u["id"]), str(u["text"]), frozenset(map(str, u["themes"]))) for u in data["units"]]
    except FileNotFoundError:
        raise InputError("file not found", path=path) from None
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise InputError(f"not a gold set (units with id, text, themes): {error}", path=path) from None


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives for one theme (or overall)."""

    theme: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float | None:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else None

    @property
    def recall(self) -> float | None:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)


@dataclass(frozen=True)
class Errors:
    """What went wrong in one unit: themes found but not in the gold set, and themes missed."""

    unit: str
    extra: tuple[str, ...]
    missed: tuple[str, ...]


@dataclass(frozen=True)
class QualityReport:
    per_theme: tuple[Score, ...]
    overall: Score
    errors: tuple[Errors, ...]


def score_tagging(gold: Iterable[GoldUnit], predicted: Mapping[str, Iterable[str]]) -> QualityReport:
    """Compare the predicted themes per unit id with the gold labels (a unit not predicted has none)."""
    counts: dict[str, list[int]] = {}
    errors = []
    for unit in gold:
        found = frozenset(predicted.get(unit.id, ()))
        for theme in unit.themes | found:
            row = counts.setdefault(theme, [0, 0, 0])
            row[0 if theme in unit.themes and theme in found else 1 if theme in found else 2] += 1
        if found != unit.themes:
            errors.append(Errors(unit.id, tuple(sorted(found - unit.themes)), tuple(sorted(unit.themes - found))))
    per_theme = tuple(Score(theme, *row) for theme, row in sorted(counts.items()))
    overall = Score("overall", *(sum(s[i] for s in counts.values()) for i in range(3)))
    return QualityReport(per_theme, overall, tuple(errors))
