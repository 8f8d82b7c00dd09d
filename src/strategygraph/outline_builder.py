"""The rules of the seminar formats, shared by the Markdown and spreadsheet readers.

A reader walks its file and reports what it meets (a committee, an attribution, a focus area, a statement,
a reflection, the end of a slide) to an :class:`OutlineBuilder`, which enforces the structure and raises
an :class:`~strategygraph.errors.InputError` naming the file and the line (or row) at the first problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InputError
from .outline import CONFIDENCES, AttributionOutline, FocusAreaOutline, SlideOutline, Span, TextUnit


@dataclass(frozen=True)
class Location:
    """Where something is in an input file: a line (text files) or a row (spreadsheets)."""

    path: str
    line: int | None = None
    row: int | None = None

    def describe(self) -> str:
        return f"row {self.row}" if self.row is not None else f"line {self.line}"

    def error(self, message: str) -> InputError:
        if self.row is not None:
            return InputError(message, path=self.path, field=f"row {self.row}")
        return InputError(message, path=self.path, line=self.line)


def decode_utf8(data: bytes, path: str) -> str:
    """``data`` as text; a byte that is not UTF-8 is an error naming its line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(f"not UTF-8 text (byte {error.start}); save the file as UTF-8", path=path, line=line) from None


def parse_confidence(value: str, where: Location) -> str:
    confidence = value.strip().lower()
    if confidence not in CONFIDENCES:
        raise where.error(f"unknown attribution {value.strip()!r} (use {', '.join(CONFIDENCES)})")
    return confidence


@dataclass
class _Committee:
    name: str
    where: Location
    attribution: AttributionOutline | None = None
    focus_areas: int = 0


@dataclass
class _FocusArea:
    title: TextUnit
    committee: _Committee
    where: Location
    attribution: AttributionOutline | None = None
    statements: list[TextUnit] = field(default_factory=list)


@dataclass
class OutlineBuilder:
    """Collects slides from a reader's events, checking the format's rules as it goes."""

    path: str
    _slides: list[SlideOutline] = field(default_factory=list)
    _areas: list[FocusAreaOutline] = field(default_factory=list)
    _reflections: list[TextUnit] = field(default_factory=list)
    _committee: _Committee | None = None
    _area: _FocusArea | None = None
    _after: str = ""  # "committee" or "focus-area" right after such a heading: where an attribution may go
    _titles: dict[tuple[str, str], Location] = field(default_factory=dict)

    def committee(self, name: str, where: Location) -> None:
        if not name:
            raise where.error("empty committee name")
        self._close_area()
        self._close_committee()
        self._committee = _Committee(name, where)
        self._after = "committee"

    def attribution(self, confidence: str, rationale: str | None, where: Location) -> None:
        """The attribution of the committee just started, or of the focus area just started."""
        value = parse_confidence(confidence, where)
        if value != "stated" and not rationale:
            raise where.error(f"attribution {value!r} needs a rationale: Attribution: {value} — <why>")
        attribution = AttributionOutline(value, rationale or None)
        if self._after == "focus-area" and self._area is not None:
            if self._area.attribution is not None:
                raise where.error("a second attribution for the same focus area")
            self._area.attribution = attribution
        elif self._after == "committee" and self._committee is not None:
            if self._committee.attribution is not None:
                raise where.error("a second attribution for the same committee")
            self._committee.attribution = attribution
        else:
            raise where.error("an attribution must directly follow a committee or focus-area heading")

    def focus_area(self, title: TextUnit, where: Location) -> None:
        if self._committee is None:
            raise where.error(f"focus area {title.text!r} before any committee")
        if not title.text:
            raise where.error("empty focus-area title")
        self._close_area()
        key = (self._committee.name, title.text.casefold())
        if key in self._titles:
            raise where.error(
                f"duplicate focus-area title {title.text!r} in committee {self._committee.name!r} "
                f"(first at {self._titles[key].describe()})"
            )
        self._titles[key] = where
        self._committee.focus_areas += 1
        self._area = _FocusArea(title, self._committee, where)
        self._after = "focus-area"

    def reflections_heading(self) -> None:
        """The slide's reflections follow; the focus area before them is complete."""
        self._close_area()
        self._after = ""

    def statement(self, unit: TextUnit, where: Location) -> None:
        if self._area is None:
            raise where.error("statement before any focus area")
        self._area.statements.append(unit)
        self._after = ""

    def reflection(self, unit: TextUnit) -> None:
        self._reflections.append(unit)
        self._after = ""

    def end_slide(self, span: Span | None, number: int | None = None) -> None:
        """Close the slide; one with neither focus areas nor reflections is left out."""
        self._close_area()
        self._close_committee()
        if self._areas or self._reflections:
            previous = self._slides[-1].number if self._slides else 0
            slide = SlideOutline(number or previous + 1, tuple(self._areas), tuple(self._reflections), span)
            self._slides.append(slide)
        self._areas, self._reflections = [], []
        self._committee, self._after = None, ""

    def slides(self) -> tuple[SlideOutline, ...]:
        if not any(slide.focus_areas for slide in self._slides):
            raise InputError("no focus areas found", path=self.path)
        return tuple(self._slides)

    def _close_area(self) -> None:
        area = self._area
        if area is None:
            return
        if not area.statements:
            raise area.where.error(f"focus area {area.title.text!r} has no statements")
        attribution = area.attribution or area.committee.attribution or AttributionOutline()
        self._areas.append(FocusAreaOutline(area.title, area.committee.name, attribution, tuple(area.statements)))
        self._area = None

    def _close_committee(self) -> None:
        committee = self._committee
        if committee is not None and committee.focus_areas == 0:
            raise committee.where.error(f"committee {committee.name!r} has no focus areas")
        self._committee = None
