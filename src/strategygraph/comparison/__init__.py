"""Compare two seminars: themes gained and lost (overall and per committee), new and dropped focus
areas, and the change in committee overlaps — computed per seminar exactly as ``--seminar`` scopes it.

:func:`compare_seminars` returns a :class:`SeminarComparison`; :mod:`strategygraph.comparison.presentation`
turns it into tables, JSON and a Markdown section. The matching rules are in
:mod:`strategygraph.comparison.matching`.
"""

from __future__ import annotations

from .changes import (
    CommitteeChange,
    ComparedSeminar,
    OverlapChange,
    SeminarComparison,
    ThemeChanges,
    compare,
    compare_seminars,
    compared_seminar,
)
from .matching import (
    SAME_COMMITTEE,
    SAME_NAME,
    CommitteeMatch,
    CommitteeMatching,
    FocusAreaMatch,
    FocusAreaMatching,
    committee_name_key,
    match_committees,
    match_focus_areas,
    title_key,
)

__all__ = [
    "SAME_COMMITTEE",
    "SAME_NAME",
    "CommitteeChange",
    "CommitteeMatch",
    "CommitteeMatching",
    "ComparedSeminar",
    "FocusAreaMatch",
    "FocusAreaMatching",
    "OverlapChange",
    "SeminarComparison",
    "ThemeChanges",
    "committee_name_key",
    "compare",
    "compare_seminars",
    "compared_seminar",
    "match_committees",
    "match_focus_areas",
    "title_key",
]
