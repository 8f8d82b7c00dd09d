"""What the report says, as plain values: the HTML page and the Markdown file both render one
:class:`ReportContent`, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Lang, phrase
from ..tables import Table
from .heatmap import Heatmap


@dataclass(frozen=True)
class Figure:
    value: str
    label: str


@dataclass(frozen=True)
class FocusAreaItem:
    title: str
    slide: int
    confidence: str  # stated | strong-inference | weak-guess | unknown
    confidence_label: str
    rationale: str
    statements: int
    themes: tuple[str, ...]  # labels


@dataclass(frozen=True)
class CommitteeItem:
    label: str
    focus_areas: tuple[FocusAreaItem, ...]


@dataclass(frozen=True)
class QuoteItem:
    text: str
    kind: str  # statement | reflection
    source: str  # "Fokusområde · slide 1"
    offset: str  # "tegn 123–160" (where in the source text; "" when unknown), left out in print
    confidence: str
    confidence_label: str  # the attribution behind a statement's committee; "" for reflections
    number: int  # the quote's number in the report, counted at its first appearance
    repeat_of: str = ""  # where the quote first appeared ("Tema · A ↔ B"), when this is a later appearance


@dataclass(frozen=True)
class SharedThemeItem:
    label: str
    carried_by: str
    quotes_a: tuple[QuoteItem, ...]
    quotes_b: tuple[QuoteItem, ...]
    more: int  # quotes left out


@dataclass(frozen=True)
class OverlapItem:
    a: str
    b: str
    weight: str
    shared: tuple[SharedThemeItem, ...]


@dataclass(frozen=True)
class ViewLink:
    name: str
    title: str
    href: str


@dataclass(frozen=True)
class Section:
    """A titled block of prose and tables (the generic sections: reach, pillars, gaps, structure, method)."""

    anchor: str
    title: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[tuple[str, Table], ...] = ()  # (caption, table)


@dataclass(frozen=True)
class Summary:
    """The report's first page: date and scope, the strongest overlaps and the gaps in words, and the caveat
    about what is inferred."""

    scope: tuple[tuple[str, str], ...]  # (label, value): date, municipality, seminar, what the report rests on
    overlaps: tuple[str, ...]  # one sentence per pair, strongest first
    gaps: tuple[str, ...]  # sentences; empty when there are none
    caveat: str


@dataclass(frozen=True)
class ReportContent:
    lang: Lang
    evidence: str  # what counts as evidence, in words ("udsagn", "statements", …)
    title: str
    subtitle: str
    date: str  # the report's date, as its reader writes it
    summary: Summary
    figures: tuple[Figure, ...]
    committees_intro: str  # what the source says about who presented what, and what is inferred
    committees: tuple[CommitteeItem, ...]
    heatmap: Heatmap
    heatmap_columns: str  # how many themes the heatmap shows, of how many mentioned, and why
    overlaps: tuple[OverlapItem, ...]
    overlaps_note: str
    overlaps_table: Table
    reach: Section
    pillars: Section
    gaps: Section
    structure: Section
    views: tuple[ViewLink, ...]
    method: tuple[Section, ...]
    comparison: Section | None = None  # with another seminar (report --compare)
    abridged: tuple[str, ...] = ()  # what a large graph's report shows only in part, and where the rest is
    left_out: tuple[str, ...] = ()  # files the bundle leaves out, each with the command that writes it

    def t(self, key: str, **values: object) -> str:
        """A translated text of the report's language, formatted with ``values``."""
        return phrase(key, self.lang, **values)
