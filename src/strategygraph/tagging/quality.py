"""Precision and recall of theme tagging against a hand-labelled gold set.

A gold set is JSON: ``{"units": [{"id": ..., "text": ..., "themes": [slug, ...]}, ...]}``; a unit may also
carry ``split`` ("dev" or "heldout") and ``kind`` ("sentence" or "heading"). Scores count exact
(unit, theme) pairs, micro-averaged: a narrower theme does not stand in for its broader one.

Blind labels of one annotator are JSON ``{"labels": {unit id: [slug, ...]}}``; :func:`agreement` scores
two annotators against each other the same way (micro F1 over pairs, which is symmetric).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .lexicon import Lexicon
from .tagger import ThemeHit, tag


@dataclass(frozen=True)
class GoldUnit:
    id: str
    text: str
    themes: frozenset[str]
    split: str = ""
    """Which part of the gold set the unit belongs to ("dev", "heldout"), or "" when it has no split."""
    kind: str = "sentence"
    """"sentence" or "heading"."""


def load_gold(path: Path) -> list[GoldUnit]:
    """The units of a gold-set file; a malformed file names the file and what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            GoldUnit(
                str(u["id"]),
                str(u["text"]),
                frozenset(map(str, u["themes"])),
                str(u.get("split", "")),
                str(u.get("kind", "sentence")),
            )
            for u in data["units"]
        ]
    except FileNotFoundError:
        raise InputError("error_file_not_found", path=path) from None
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
        raise InputError("error_not_gold_set", path=path, detail=str(error)) from None


def load_labels(path: Path) -> dict[str, frozenset[str]]:
    """One annotator's blind labels: the themes per unit id."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(unit): frozenset(map(str, themes)) for unit, themes in data["labels"].items()}
    except FileNotFoundError:
        raise InputError("error_file_not_found", path=path) from None
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
        raise InputError("error_not_label_file", path=path, detail=str(error)) from None


def split(gold: Iterable[GoldUnit], name: str) -> list[GoldUnit]:
    """The units of one part of a gold set."""
    return [unit for unit in gold if unit.split == name]


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


def tag_units(gold: Iterable[GoldUnit], lexicon: Lexicon) -> dict[str, list[ThemeHit]]:
    """The tagger's hits for each unit, by unit id."""
    return {unit.id: tag(unit.text, lexicon) for unit in gold}


def themes_of(hits: Mapping[str, Sequence[ThemeHit]]) -> dict[str, set[str]]:
    """The themes found per unit id."""
    return {unit: {hit.theme for hit in found} for unit, found in hits.items()}


def agreement(a: Mapping[str, Iterable[str]], b: Mapping[str, Iterable[str]]) -> Score:
    """How far two annotators agree: their (unit, theme) pairs over the units either labelled, one
    scored against the other (micro F1 is the same whichever is taken as gold)."""
    units = sorted(set(a) | set(b))
    gold = [GoldUnit(unit, "", frozenset(a.get(unit, ()))) for unit in units]
    return score_tagging(gold, b).overall


@dataclass(frozen=True)
class ErrorDetail:
    """One wrong (unit, theme) pair with its evidence: for a false positive the words that matched (and
    through which patterns), for a false negative nothing (the tagger found no evidence)."""

    unit: str
    theme: str
    kind: str
    """"fp" (found, not in the gold set) or "fn" (in the gold set, missed)."""
    text: str
    evidence: tuple[tuple[str, str], ...]
    """(matched words, patterns) of each hit of the theme in the unit."""


def error_details(gold: Iterable[GoldUnit], hits: Mapping[str, Sequence[ThemeHit]]) -> list[ErrorDetail]:
    """Every false positive and false negative, in unit order, with the words that matched."""
    details = []
    for unit in gold:
        found = hits.get(unit.id, ())
        themes = {hit.theme for hit in found}
        for theme in sorted(themes - unit.themes):
            evidence = tuple((hit.matched, hit.via) for hit in found if hit.theme == theme)
            details.append(ErrorDetail(unit.id, theme, "fp", unit.text, evidence))
        for theme in sorted(unit.themes - themes):
            details.append(ErrorDetail(unit.id, theme, "fn", unit.text, ()))
    return details
