"""A seminar as a planner writes it: slides of committees' focus areas, their statements, the group reflections.

The Markdown and spreadsheet readers produce a :class:`SeminarOutline`; the Turtle writer turns one into the
curated model; the Markdown export reads one back from a graph. Every text carries, where it came from a
file, its :class:`Span` in the source text (so that ``normalise(source[span]) == text``) and, for
spreadsheets, its row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

CONFIDENCES = ("stated", "strong-inference", "weak-guess")
# Danish words a planner may write for a confidence; the graph always stores the English value.
CONFIDENCE_ALIASES = {"angivet": "stated", "stærk slutning": "strong-inference", "svagt gæt": "weak-guess"}


@dataclass(frozen=True)
class Span:
    """Character offsets ``start`` ≤ i < ``end`` into the source text."""

    start: int
    end: int


@dataclass(frozen=True)
class TextUnit:
    """One statement, reflection or title: the curated text and where it sits in the source."""

    text: str
    span: Span | None = None
    row: int | None = None


@dataclass(frozen=True)
class AttributionOutline:
    """How sure it is that the committee presented the focus area, and why."""

    confidence: str = "stated"
    rationale: str | None = None


@dataclass(frozen=True)
class FocusAreaOutline:
    title: TextUnit
    committee: str
    attribution: AttributionOutline
    statements: tuple[TextUnit, ...]


@dataclass(frozen=True)
class PillarOutline:
    """One of the council's pillars (sigtepunkter), by theme slug: ``themes`` serve it (``sg:servedBy``),
    ``own_theme`` is the pillar itself in the thesaurus (``sg:pillarTheme``); ``name_en`` None: as ``name``."""

    name: str
    themes: tuple[str, ...] = ()
    own_theme: str | None = None
    name_en: str | None = None


@dataclass(frozen=True)
class SlideOutline:
    number: int
    focus_areas: tuple[FocusAreaOutline, ...]
    reflections: tuple[TextUnit, ...]
    span: Span | None = None


@dataclass(frozen=True)
class SeminarOutline:
    """A seminar; ``slug`` is its chosen ID (None: minted from the title), ``remits`` the theme slugs of
    committees' remits by committee name, ``pillars`` the council's pillars."""

    municipality: str
    title: TextUnit
    slides: tuple[SlideOutline, ...]
    date: str | None = None
    language: str = "da"
    description: TextUnit | None = None
    slug: str | None = None
    remits: tuple[tuple[str, tuple[str, ...]], ...] = ()
    pillars: tuple[PillarOutline, ...] = ()

    def remit(self, committee: str) -> tuple[str, ...]:
        """The slugs of the themes of ``committee``'s remit, as written (empty: none given)."""
        return dict(self.remits).get(committee, ())

    def committees(self) -> list[str]:
        """Committee names in order of first appearance."""
        names: dict[str, None] = {}
        for slide in self.slides:
            for area in slide.focus_areas:
                names.setdefault(area.committee, None)
        return list(names)

    def focus_areas(self) -> list[FocusAreaOutline]:
        return [area for slide in self.slides for area in slide.focus_areas]

    def counts(self) -> dict[str, int]:
        """How many of each thing the outline holds (keys as in ``info``)."""
        areas = self.focus_areas()
        return {
            "slides": len(self.slides),
            "committees": len(self.committees()),
            "focus_areas": len(areas),
            "statements": sum(len(area.statements) for area in areas),
            "reflections": sum(len(slide.reflections) for slide in self.slides),
        }

    def content(self) -> SeminarOutline:
        """The same outline without positions (spans, rows): what two renderings of a seminar share."""

        def bare(unit: TextUnit) -> TextUnit:
            return TextUnit(unit.text)

        slides = tuple(
            SlideOutline(
                number=slide.number,
                focus_areas=tuple(
                    replace(area, title=bare(area.title), statements=tuple(bare(s) for s in area.statements))
                    for area in slide.focus_areas
                ),
                reflections=tuple(bare(r) for r in slide.reflections),
            )
            for slide in self.slides
        )
        description = bare(self.description) if self.description else None
        return replace(self, title=bare(self.title), slides=slides, description=description)
