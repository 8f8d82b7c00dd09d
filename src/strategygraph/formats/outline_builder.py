"""The rules of the seminar formats, shared by the Markdown and spreadsheet readers.

A reader walks its file and reports what it meets (a committee, an attribution, a focus area, a statement,
a reflection, the end of a slide) to an :class:`OutlineBuilder`, which enforces the structure and raises
an :class:`~strategygraph.errors.InputError` naming the file and the line (or row) at the first problem.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from ..errors import InputError
from ..i18n import Phrase
from .iri_minting import RESERVED_SEMINAR_SLUGS
from .outline import (
    CONFIDENCE_ALIASES,
    CONFIDENCES,
    AttributionOutline,
    FocusAreaOutline,
    SlideOutline,
    Span,
    TextUnit,
)
from .slugs import MAX_LENGTH, SLUG_PATTERN, slugify

_CONFIDENCE_WORD_BREAK = re.compile(r"[\s_-]+")
_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def confidence_key(value: str) -> str:
    """``value``'s words in lower case joined by one space: ``Strong-Inference`` → ``strong inference``."""
    return " ".join(word for word in _CONFIDENCE_WORD_BREAK.split(value.strip().casefold()) if word)


# Every way to write a confidence (by its key; any case, hyphens or spaces between words) → the stored value.
_WRITTEN_FORMS = {confidence_key(form): form for form in (*CONFIDENCES, *CONFIDENCE_ALIASES)}
CONFIDENCE_FORMS = {key: CONFIDENCE_ALIASES.get(form, form) for key, form in _WRITTEN_FORMS.items()}


@dataclass(frozen=True)
class Location:
    """Where something is in an input file: a line (text files) or a row (spreadsheets)."""

    path: str
    line: int | None = None
    row: int | None = None

    def describe(self) -> Phrase:
        return (
            Phrase("error_row", {"row": self.row})
            if self.row is not None
            else Phrase("error_line", {"line": self.line})
        )

    def error(self, key: str, field: str | None = None, /, **values: object) -> InputError:
        """The error ``key`` (filled in with ``values``) at this place; ``field`` names the key or column it is in
        (``Ressort``, ``sigtepunkter``)."""
        return InputError(key, path=self.path, line=self.line, row=self.row, field=field, **values)


def parse_confidence(value: str, where: Location) -> str:
    """The stored (English) confidence that ``value`` names: a confidence or a Danish alias, in any case."""
    confidence = CONFIDENCE_FORMS.get(confidence_key(value))
    if confidence is None:
        close = difflib.get_close_matches(confidence_key(value), list(CONFIDENCE_FORMS), n=1, cutoff=0.6)
        hint = Phrase("error_did_you_mean_attribution", {"name": _WRITTEN_FORMS[close[0]]}) if close else ""
        raise where.error(
            "error_unknown_attribution",
            value=value.strip(),
            confidences=", ".join(CONFIDENCES),
            aliases=", ".join(CONFIDENCE_ALIASES),
            hint=hint,
        )
    return confidence


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only spaces, invisible format characters (zero-width space and joiners,
    byte-order marks) or control characters."""
    return all(ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs") for ch in text)


def parse_seminar_id(value: str, where: Location) -> str:
    """``value`` if it can be a seminar's slug (its ID within the municipality)."""
    if not SLUG_PATTERN.match(value) or len(value) > MAX_LENGTH:
        suggestion = slugify(value, "")
        hint = Phrase("error_for_example", {"example": suggestion}) if suggestion else ""
        raise where.error("error_id_not_slug", value=value, limit=MAX_LENGTH, hint=hint)
    if value in RESERVED_SEMINAR_SLUGS:
        raise where.error("error_id_reserved", value=value, reserved=", ".join(sorted(RESERVED_SEMINAR_SLUGS)))
    return value


def parse_date(value: str, where: Location) -> str:
    """``value`` if it is a real YYYY, YYYY-MM or YYYY-MM-DD date."""
    match = _DATE.match(value)
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = match["year"], match["month"], match["day"]
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise where.error("error_bad_date", value=value) from None
    return value


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
    focus_area_hint: Phrase | str = ""  # how the format starts a focus area, added to "statement before any focus area"
    _slides: list[SlideOutline] = field(default_factory=list)
    _areas: list[FocusAreaOutline] = field(default_factory=list)
    _reflections: list[TextUnit] = field(default_factory=list)
    _committee: _Committee | None = None
    _area: _FocusArea | None = None
    _after: str = ""  # "committee" or "focus-area" right after such a heading: where an attribution may go
    _titles: dict[tuple[str, str], Location] = field(default_factory=dict)
    _remits: dict[str, tuple[tuple[str, ...], Location]] = field(default_factory=dict)

    def committee(self, name: str, where: Location) -> None:
        if is_blank(name):
            raise where.error("error_empty_committee_name")
        self._close_area()
        self._close_committee()
        self._committee = _Committee(name, where)
        self._after = "committee"

    def attribution(self, confidence: str, rationale: str | None, where: Location) -> None:
        """The attribution of the committee just started, or of the focus area just started."""
        value = parse_confidence(confidence, where)
        if value != "stated" and not rationale:
            raise where.error("error_attribution_needs_rationale", value=value)
        attribution = AttributionOutline(value, rationale or None)
        if self._after == "focus-area" and self._area is not None:
            if self._area.attribution is not None:
                raise where.error("error_second_area_attribution")
            self._area.attribution = attribution
        elif self._after == "committee" and self._committee is not None:
            if self._committee.attribution is not None:
                raise where.error("error_second_committee_attribution")
            self._committee.attribution = attribution
        else:
            raise where.error("error_attribution_misplaced")

    @property
    def under_heading(self) -> str:
        """``committee`` or ``focus-area`` while nothing but attributions and remits has followed such a heading."""
        return self._after

    def check_remit_place(self, where: Location) -> str:
        """The name of the committee a remit given at ``where`` belongs to: the one whose heading it follows."""
        if self._after != "committee" or self._committee is None:
            raise where.error("error_remit_misplaced")
        name = self._committee.name
        if name in self._remits:
            first = self._remits[name][1]
            raise where.error("error_remit_twice", name=name, first=first.describe())
        return name

    def remit(self, themes: tuple[str, ...], where: Location) -> None:
        """The remit (theme slugs) of the committee just started."""
        self._remits[self.check_remit_place(where)] = (themes, where)

    def remits(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each committee's remit, by committee name, in the order they were given."""
        return tuple((name, themes) for name, (themes, _) in self._remits.items())

    def focus_area(self, title: TextUnit, where: Location) -> None:
        if self._committee is None:
            raise where.error("error_area_before_committee", title=title.text)
        if is_blank(title.text):
            raise where.error("error_empty_area_title")
        self._close_area()
        key = (self._committee.name, title.text.casefold())
        if key in self._titles:
            raise where.error(
                "error_duplicate_area_title",
                title=title.text,
                committee=self._committee.name,
                first=self._titles[key].describe(),
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
            raise where.error("error_statement_before_area", hint=self.focus_area_hint)
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
            raise InputError("error_no_focus_areas", path=self.path)
        return tuple(self._slides)

    def _close_area(self) -> None:
        area = self._area
        if area is None:
            return
        if not area.statements:
            raise area.where.error("error_area_without_statements", title=area.title.text)
        attribution = area.attribution or area.committee.attribution or AttributionOutline()
        self._areas.append(FocusAreaOutline(area.title, area.committee.name, attribution, tuple(area.statements)))
        self._area = None

    def _close_committee(self) -> None:
        committee = self._committee
        if committee is not None and committee.focus_areas == 0:
            raise committee.where.error("error_committee_without_areas", name=committee.name)
        self._committee = None
