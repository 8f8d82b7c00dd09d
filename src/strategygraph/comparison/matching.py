"""Which committees and focus areas of two seminars are the same — by a fixed, conservative rule.

**Committees** are the same when they are the same node of the graph (two seminars of one municipality
name the same committee), or else when their names are equal after this normalisation, and no other
committee on either side has that normalised name:

1. Unicode NFKC and case folding; only words count: punctuation (``&``, ``,``, ``-``, ``/``) separates
   words and is dropped, and so is the word *og* (``&`` and *og* are the same, ``Teknik- og Miljø`` is
   ``teknik miljø``).
2. The committee word goes: a leading *Udvalget for* / *Udvalg for*, or else a trailing *udvalget* /
   *udvalg*, as a word of its own (``Miljø-udvalget``) or as the last part of a compound
   (``Økonomiudvalget`` → ``økonomi``).
3. The remaining words must be the same, in the same order. Nothing else is guessed: no stemming, no
   linking letters, no synonyms. *Beskæftigelsesudvalget* (``beskæftigelses``) and *Udvalget for
   Beskæftigelse* (``beskæftigelse``) stay apart and are reported as unmatched on each side.

So *Udvalget for Teknik & Miljø*, *Teknik og Miljø-udvalget* and *Teknik- og Miljøudvalget* are one
committee; *Udvalget for Klima & Teknik* and *Udvalget for Teknik & Klima* are not.

**Focus areas** are the same when their titles are equal after step 1 (case, punctuation and *og*/``&``
ignored). Where a title occurs more than once on a side, areas are paired first within matched
committees, and otherwise only when exactly one area with that title is left on each side.

Both rules are symmetric: comparing B with A pairs exactly what comparing A with B pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..corpus import Committee, FocusArea

SAME_COMMITTEE = "same-committee"
SAME_NAME = "same-name"

_WORD = re.compile(r"\w+")
_CONNECTIVES = frozenset({"og"})
_COMMITTEE_PREFIXES = (("udvalget", "for"), ("udvalg", "for"))
_COMMITTEE_SUFFIXES = ("udvalget", "udvalg")  # the longer first


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return [word for word in _WORD.findall(folded) if word not in _CONNECTIVES]


def committee_name_key(name: str) -> str:
    """The normalised name committees are matched by (see the module): ``Teknik og Miljø-udvalget`` →
    ``teknik miljø``; empty when nothing but the committee word is left (such names never match)."""
    words = _words(name)
    if tuple(words[:2]) in _COMMITTEE_PREFIXES:
        return " ".join(words[2:])
    if words and words[-1] in _COMMITTEE_SUFFIXES:
        return " ".join(words[:-1])
    for suffix in _COMMITTEE_SUFFIXES:
        if words and words[-1].endswith(suffix):
            words[-1] = words[-1].removesuffix(suffix)
            break
    return " ".join(words)


def title_key(title: str) -> str:
    """The normalised focus-area title: ``Klima & bæredygtighed`` → ``klima bæredygtighed``."""
    return " ".join(_words(title))


@dataclass(frozen=True)
class CommitteeMatch:
    """Committee ``a`` (its key in seminar A) is committee ``b`` (its key in B), because ``matched_by``
    is ``same-committee`` (one node of the graph) or ``same-name`` (``name``, the normalised name)."""

    a: str
    b: str
    matched_by: str
    name: str


@dataclass(frozen=True)
class CommitteeMatching:
    """The matched committees (sorted by key in A) and those without a counterpart, by key."""

    matches: tuple[CommitteeMatch, ...]
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]

    @cached_property
    def b_of(self) -> dict[str, str]:
        """Committee key in A → its counterpart's key in B."""
        return {m.a: m.b for m in self.matches}

    @cached_property
    def a_of(self) -> dict[str, str]:
        """Committee key in B → its counterpart's key in A."""
        return {m.b: m.a for m in self.matches}


def match_committees(a: Sequence[Committee], b: Sequence[Committee]) -> CommitteeMatching:
    """Pair the committees of A with those of B by the rule in the module docstring."""
    b_by_iri = {c.iri: c for c in b}
    matches = [
        CommitteeMatch(c.key, b_by_iri[c.iri].key, SAME_COMMITTEE, committee_name_key(c.label_da))
        for c in a
        if c.iri in b_by_iri
    ]
    paired_a, paired_b = {m.a for m in matches}, {m.b for m in matches}
    left_a = [c for c in a if c.key not in paired_a]
    left_b = [c for c in b if c.key not in paired_b]
    by_name_a = _by_name(left_a)
    by_name_b = _by_name(left_b)
    for name, found_a in by_name_a.items():
        found_b = by_name_b.get(name, [])
        if name and len(found_a) == 1 and len(found_b) == 1:
            matches.append(CommitteeMatch(found_a[0].key, found_b[0].key, SAME_NAME, name))
    paired_a, paired_b = {m.a for m in matches}, {m.b for m in matches}
    return CommitteeMatching(
        tuple(sorted(matches, key=lambda m: (m.a, m.b))),
        tuple(sorted(c.key for c in a if c.key not in paired_a)),
        tuple(sorted(c.key for c in b if c.key not in paired_b)),
    )


def _by_name(committees: Sequence[Committee]) -> dict[str, list[Committee]]:
    found: dict[str, list[Committee]] = defaultdict(list)
    for committee in committees:
        found[committee_name_key(committee.label_da)].append(committee)
    return found


@dataclass(frozen=True)
class FocusAreaMatch:
    """Focus area ``a`` (key in A) is focus area ``b`` (key in B); ``same_committee`` tells whether the
    committees presenting them are matched (False: it moved, or a committee has no counterpart)."""

    a: str
    b: str
    same_committee: bool


@dataclass(frozen=True)
class FocusAreaMatching:
    """Matched focus areas (in A's order), those dropped (in A only, A's order) and new ones (B's order)."""

    matches: tuple[FocusAreaMatch, ...]
    dropped: tuple[str, ...]
    new: tuple[str, ...]


def match_focus_areas(
    a: Sequence[FocusArea], b: Sequence[FocusArea], committees: CommitteeMatching
) -> FocusAreaMatching:
    """Pair focus areas by normalised title (see the module docstring)."""
    pairs: dict[str, FocusAreaMatch] = {}
    b_by_title: dict[str, list[FocusArea]] = defaultdict(list)
    for area in b:
        b_by_title[title_key(area.title)].append(area)

    def same_committee(x: FocusArea, y: FocusArea) -> bool:
        return x.committee is not None and committees.b_of.get(x.committee) == y.committee

    a_by_title: dict[str, list[FocusArea]] = defaultdict(list)
    for area in a:
        a_by_title[title_key(area.title)].append(area)
    for title, found_a in a_by_title.items():
        found_b = list(b_by_title.get(title, []))
        left_a = []
        for x in found_a:
            y = next((y for y in found_b if same_committee(x, y)), None)
            if y is None:
                left_a.append(x)
            else:
                found_b.remove(y)
                pairs[x.key] = FocusAreaMatch(x.key, y.key, True)
        if len(left_a) == 1 and len(found_b) == 1:
            pairs[left_a[0].key] = FocusAreaMatch(left_a[0].key, found_b[0].key, False)
    paired_b = {m.b for m in pairs.values()}
    return FocusAreaMatching(
        tuple(pairs[x.key] for x in a if x.key in pairs),
        tuple(x.key for x in a if x.key not in pairs),
        tuple(y.key for y in b if y.key not in paired_b),
    )
