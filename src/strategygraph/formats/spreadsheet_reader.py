"""Read a seminar from a spreadsheet (CSV, or the first sheet of an XLSX workbook), one row per text.

Columns (any order, header in row 1): ``slide``, ``committee``, ``focus_area``, ``kind``
(``statement`` | ``reflection``), ``text``; optional ``attribution``, ``rationale``. An empty ``slide``,
``committee`` or ``focus_area`` cell repeats the value above it (as merged cells do), within a slide.

A spreadsheet has no running text to point into, so the reader also writes a **text rendition**: a plain
UTF-8 file with one block per row, ``row N`` and then each cell verbatim after its column name. Every
pointer in the imported graph points into that rendition (``text == normalise(rendition[start:end])``),
each statement and reflection keeps its row as ``sg:sourceRow``, and the spreadsheet itself is copied
alongside, so the chain cell → rendition → graph can be checked by eye and by `strategygraph validate`.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from hashlib import sha256
from pathlib import Path

from ..errors import InputError
from ..i18n import Phrase
from ..source_text import normalise
from ..text_files import decode_utf8
from .outline import SeminarOutline, Span, TextUnit
from .outline_builder import Location, OutlineBuilder, parse_date, parse_seminar_id

REQUIRED_COLUMNS = ("slide", "committee", "focus_area", "kind", "text")
OPTIONAL_COLUMNS = ("attribution", "rationale")
KINDS = ("statement", "reflection")
# A seminar is tens to hundreds of rows; these bounds stop a runaway file early with a clear error.
MAX_ROWS = 20_000
MAX_COLUMNS = 64


@dataclass(frozen=True)
class SeminarMetadata:
    """What a spreadsheet does not hold: given on the command line."""

    municipality: str | None = None
    title: str | None = None
    date: str | None = None
    seminar_id: str | None = None


@dataclass(frozen=True)
class SpreadsheetSeminar:
    outline: SeminarOutline
    rendition: str


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _csv_rows(data: bytes, path: str) -> list[list[str]]:
    text = decode_utf8(data, path).removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        return _bounded(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), path)
    except csv.Error as error:
        raise InputError("error_csv_unreadable", path=path, detail=str(error)) from None


def _bounded(rows: Iterable[Sequence[object]], path: str) -> list[list[str]]:
    """The rows as text, refusing more than :data:`MAX_ROWS` rows or :data:`MAX_COLUMNS` filled columns."""
    read: list[list[str]] = []
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise InputError("error_too_many_rows", path=path, limit=MAX_ROWS)
        cells = [_cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) > MAX_COLUMNS:
            raise InputError("error_too_many_columns", path=path, row=number, limit=MAX_COLUMNS)
        read.append(cells)
    return read


def _xlsx_rows(data: bytes, path: str) -> list[list[str]]:
    import openpyxl

    try:
        with warnings.catch_warnings():  # openpyxl warns about styles and extensions it ignores
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                # read-only mode trusts the sheet's <dimension> record, which may cover fewer rows than the sheet
                # holds (a writer's bug, or a hand-edited file): read every row, bounded by MAX_ROWS instead
                sheet.reset_dimensions()
                return _bounded(sheet.iter_rows(values_only=True), path)
            finally:
                workbook.close()
    except InputError:
        raise
    except Exception as error:  # zipfile, XML and openpyxl errors alike: the file is not a usable workbook
        raise InputError("error_xlsx_unreadable", path=path, kind=type(error).__name__) from None


def _columns(header: list[str], path: str) -> dict[str, int]:
    where = Location(path, row=1)
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = "_".join(name.strip().lower().replace("-", " ").split())
        if key in columns and key in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS):
            raise where.error("error_column_appears_twice", key=key)
        columns.setdefault(key, index)
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise where.error("error_missing_columns", missing=", ".join(missing), required=", ".join(REQUIRED_COLUMNS))
    return {name: columns[name] for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS) if name in columns}


@dataclass
class _Rendition:
    """The text rendition, written as the rows are read; ``add`` returns the span of a cell's text."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def add(self, name: str, value: str) -> Span:
        self.write(f"{name}: " if value else f"{name}:")
        start = self.length
        self.write(value + "\n")
        return Span(start, start + len(value))

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _RowReader:
    path: str
    builder: OutlineBuilder
    slide: int = 0
    slide_span: Span | None = None
    committee: str = ""
    area: str = ""
    area_row: int = 0
    area_attribution: tuple[str, str] = ("", "")
    in_reflections: bool = False

    def end_slide(self) -> None:
        if self.slide:
            self.builder.end_slide(self.slide_span, self.slide)
        self.slide_span, self.committee, self.area, self.in_reflections = None, "", "", False

    def row(self, number: int, cells: dict[str, str], spans: dict[str, Span], block: Span) -> None:
        where = Location(self.path, row=number)
        self._slide(cells["slide"], where)
        start = self.slide_span.start if self.slide_span else block.start
        self.slide_span = Span(start, block.end)
        kind = cells["kind"].strip().lower()
        if kind not in KINDS:
            raise where.error("error_unknown_kind", kind=cells["kind"].strip())
        unit = TextUnit(normalise(cells["text"]), spans["text"], number)
        if not unit.text:
            raise where.error("error_empty_text")
        if kind == "reflection":
            self._reflection(unit, cells, where)
        else:
            self._statement(unit, cells, spans, where)

    def _slide(self, value: str, where: Location) -> None:
        if not value.strip():
            if not self.slide:
                raise where.error("error_first_row_slide")
            return
        try:
            number = int(value.strip())
        except ValueError:
            number = 0
        if number < 1:
            raise where.error("error_bad_slide_number", value=value.strip())
        if number < self.slide:
            raise where.error("error_slide_order", number=str(number), previous=str(self.slide))
        if number != self.slide:
            self.end_slide()
            self.slide = number

    def _reflection(self, unit: TextUnit, cells: dict[str, str], where: Location) -> None:
        if any(cells.get(name, "").strip() for name in ("committee", "focus_area", "attribution", "rationale")):
            raise where.error("error_reflection_cells")
        if not self.in_reflections:
            self.builder.reflections_heading()
            self.in_reflections, self.area = True, ""
        self.builder.reflection(unit)

    def _statement(self, unit: TextUnit, cells: dict[str, str], spans: dict[str, Span], where: Location) -> None:
        self.in_reflections = False
        committee, area = normalise(cells["committee"]), normalise(cells["focus_area"])
        if committee and committee != self.committee:
            self.builder.committee(committee, where)
            self.committee, self.area = committee, ""
        attribution = (cells.get("attribution", "").strip(), normalise(cells.get("rationale", "")))
        if area and area != self.area:
            self.builder.focus_area(TextUnit(area, spans["focus_area"]), where)
            self.area, self.area_row, self.area_attribution = area, where.row or 0, attribution
            if any(attribution):
                if not attribution[0]:
                    raise where.error("error_rationale_without_attribution")
                self.builder.attribution(attribution[0], attribution[1], where)
        elif any(attribution) and attribution != self.area_attribution:
            raise where.error("error_attribution_differs", first=str(self.area_row))
        self.builder.statement(unit, where)


def parse_spreadsheet(data: bytes, path: str, kind: str, metadata: SeminarMetadata) -> SpreadsheetSeminar:
    """The seminar in a spreadsheet (``kind`` ``csv`` or ``xlsx``) and the text rendition its pointers use."""
    if not metadata.municipality or not metadata.title:
        raise InputError("error_spreadsheet_metadata", path=path)
    rows = _csv_rows(data, path) if kind == "csv" else _xlsx_rows(data, path)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise Location(path, row=1).error("error_no_header_row", columns=", ".join(REQUIRED_COLUMNS))
    columns = _columns(rows[0], path)
    if metadata.date is not None:
        parse_date(metadata.date, Location("--date"))
    if metadata.seminar_id is not None:
        parse_seminar_id(metadata.seminar_id, Location("--id"))
    rendition = _Rendition()
    sheet = "the first sheet of " if kind == "xlsx" else ""
    rendition.write(f"strategygraph: text rendition of {sheet}{Path(path).name} (SHA-256 {sha256(data).hexdigest()})\n")
    rendition.write("One block per row: the row number, then each cell's text verbatim after its column name.\n")
    rendition.add("municipality", metadata.municipality)
    title_span = rendition.add("title", metadata.title)
    if metadata.seminar_id:
        rendition.add("id", metadata.seminar_id)
    if metadata.date:
        rendition.add("date", metadata.date)
    reader = _RowReader(path, OutlineBuilder(path, Phrase("error_hint_spreadsheet_area")))
    for number, row in enumerate(rows[1:], start=2):
        cells = {name: (row[index] if index < len(row) else "") for name, index in columns.items()}
        if not any(value.strip() for value in cells.values()):
            continue
        rendition.write(f"\nrow {number}\n")
        block_start = rendition.length
        spans = {name: rendition.add(name, value) for name, value in cells.items()}
        reader.row(number, cells, spans, Span(block_start, rendition.length - 1))
    reader.end_slide()
    outline = SeminarOutline(
        municipality=normalise(metadata.municipality),
        title=TextUnit(normalise(metadata.title), title_span),
        slides=reader.builder.slides(),
        date=metadata.date,
        slug=metadata.seminar_id,
    )
    return SpreadsheetSeminar(outline, rendition.text())
