"""The data tables as one Excel workbook for people: a sheet per table named in ``lang``, translated headers and
enumerated values (confidence, kind, method), key columns folded away beside their names, and every sheet set up
to print: landscape A4, fitted to the page width, the header row repeated on every page, frozen and filtered."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n import Lang, has_text, text
from ..tables import Cell, Table

MIN_WIDTH = 6
MAX_WIDTH = 60  # longer texts wrap within the column
NAME_WIDTH = 32  # names and lists of names wrap at this width
KEY_WIDTH = 18  # key columns (folded away; shown on demand)
HEADER_FONT = Font(bold=True)
HEADER = Alignment(wrap_text=True, vertical="top")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
TURNED = Alignment(text_rotation=90, vertical="bottom", horizontal="center")
DECIMALS = "0.000"
PAGE_WIDTH = 130  # column-width units across a landscape A4 page at 100 %: narrower sheets widen their text
CHARACTERS_PER_UNIT = 1.15  # text characters per column-width unit (the unit is the width of a digit)
LINE_HEIGHT = 15  # points per line of 11-point text
MAX_LINES = 27  # a row is at most this tall (Excel's limit is 409 points)

EXCEL_CELL_CHARACTERS = 32_767  # Excel refuses (and "repairs") longer cells
SHEET_NAME_CHARACTERS = 31

# Columns of keys, slugs and offsets: kept for lookups, folded away (an outline group) so the sheet prints names
_KEY_COLUMNS = {
    "key",
    "unit",
    "iri",
    "a",
    "b",
    "committee",
    "focus_area",
    "theme",
    "member",
    "municipality",
    "seminar",
    "themes",
    "remit",
    "committees",
    "committees_on_slide",
    "pillars",
    "shared_themes",
    "a_silent_on",
    "b_silent_on",
    "sole_carrier_of",
    "start",
    "end",
    "source_start",
    "source_end",
}
_TEXT_COLUMNS = {"text", "rationale", "example", "matched"}


def _cell_value(value: Cell) -> Cell:
    if isinstance(value, str):
        # control characters are not allowed in XLSX; nothing in the bundled data has any
        value = str(ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
        if len(value) > EXCEL_CELL_CHARACTERS:  # a national graph's list of carriers; the CSV keeps it whole
            marker = " … [+{} characters: see the CSV]"
            keep = EXCEL_CELL_CHARACTERS - len(marker.format(len(value)))
            return value[:keep] + marker.format(len(value) - keep)
    return value


def _name_key(column: str, code: str) -> str:
    """The message that names an enumerated ``code`` of ``column`` for people ("" if the column has none)."""
    if column == "attribution_confidence":
        return f"confidence_{code}"
    if column == "kind":
        return f"value_{code}"
    if column == "method":
        return f"method_{code}"
    return ""


def _shown(key: str, value: Cell, lang: Lang) -> Cell:
    """A cell as people read it: an enumerated code (confidence, kind, method) by its name in ``lang``."""
    if isinstance(value, str) and has_text(name := _name_key(key, value)):
        return text(name, lang)
    return value


def _width(key: str, values: list[Cell]) -> int:
    longest = max((len(str(v)) for v in values if v is not None), default=0)
    limit = MAX_WIDTH if key in _TEXT_COLUMNS else KEY_WIDTH if key in _KEY_COLUMNS else NAME_WIDTH
    return max(MIN_WIDTH, min(limit, longest + 2))


def _lines(value: Cell, width: float) -> int:
    """How many lines a wrapped cell of ``width`` characters takes (spreadsheets do not all size rows on opening)."""
    if not isinstance(value, str) or not value or width == FOLDED:
        return 1
    per_line = max(1, int(width * CHARACTERS_PER_UNIT) - 1)
    if len(value) <= per_line and "\t" not in value:  # fits on one line (only a tab widens when wrapped)
        return 1
    return len(textwrap.wrap(value, per_line, break_on_hyphens=False)) or 1


def _row_heights(sheet: Worksheet, widths: list[float], matrix: bool) -> None:
    """Rows as tall as their wrapped text (the matrix's header as tall as its turned theme names)."""
    for number, row in enumerate(sheet.iter_rows(), start=1):
        if matrix and number == 1:
            lines = max((len(str(c.value or "")) for c in row[2:]), default=1) * 0.45
        else:
            lines = max(_lines(c.value, w) for c, w in zip(row, widths, strict=False))
        sheet.row_dimensions[number].height = LINE_HEIGHT * min(max(lines, 1), MAX_LINES)


def _widened(widths: list[float], longest: list[int]) -> list[float]:
    """``widths`` with the spare room of a sheet narrower than the page shared among its wrapping columns, each up
    to its longest text (folded columns, of infinite width here, take no room)."""
    shown = [w for w in widths if w != FOLDED]
    spare = PAGE_WIDTH - sum(shown)
    lacking = [max(0.0, n + 2 - w) if w != FOLDED else 0.0 for w, n in zip(widths, longest, strict=True)]
    if spare <= 0 or not sum(lacking):
        return widths
    share = min(1.0, spare / sum(lacking))
    return [w + int(lack * share) for w, lack in zip(widths, lacking, strict=True)]


def sheet_name(name: str, lang: Lang) -> str:
    """The sheet of data table ``name``, named in ``lang`` (the table name when there is no translation)."""
    key = f"sheet_{name}"
    return (text(key, lang) if has_text(key) else name)[:SHEET_NAME_CHARACTERS]


def _print_setup(sheet: Worksheet, lang: Lang) -> None:
    """Landscape A4, fitted to one page wide, the header row on every page, the sheet's name and page numbers."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.oddHeader.center.text = "&A"
    sheet.oddFooter.center.text = text("workbook_page_footer", lang)
    sheet.print_options.gridLines = True


FOLDED = float("inf")  # the layout width of a folded key column: its keys stay on one line


def _column_widths(keys: tuple[str, ...], headers: tuple[str, ...], rows: list[list[Cell]]) -> list[float]:
    """Each column's width (:data:`FOLDED` for a key column), widened to fill a page when the sheet is narrow."""
    widths: list[float] = []
    longest: list[int] = []
    for column, key in enumerate(keys):
        values = [row[column] for row in rows]
        folded = key in _KEY_COLUMNS or (key == "focus_areas" and any(isinstance(v, str) for v in values))
        widths.append(FOLDED if folded else _width(key, [headers[column], *values]))
        longest.append(max((len(str(v)) for v in values if v is not None), default=0))
    return _widened(widths, longest)


def _lay_out_columns(sheet: Worksheet, widths: list[float]) -> None:
    for column, width in enumerate(widths, start=1):
        dimension = sheet.column_dimensions[get_column_letter(column)]
        if width == FOLDED:
            dimension.width, dimension.outlineLevel, dimension.hidden = KEY_WIDTH, 1, True
        else:
            dimension.width = width
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            wraps = isinstance(cell.value, str) and len(cell.value) > width
            cell.alignment = WRAP if wraps else TOP
            if cell.data_type == "f":  # data text that starts with "=" is text, never a formula
                cell.data_type = "s"
            if isinstance(cell.value, float):
                cell.number_format = DECIMALS
    sheet.sheet_properties.outlinePr.summaryRight = False


def _lay_out_matrix(sheet: Worksheet, columns: int, rows: int) -> None:
    """The committee × theme counts: names in the first columns, narrow count columns under turned theme names,
    shaded from white (0) to blue (the largest count)."""
    widths = [KEY_WIDTH, NAME_WIDTH] + [5] * (columns - 2)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.column_dimensions["A"].outlineLevel, sheet.column_dimensions["A"].hidden = 1, True
    for cell in sheet[1][2:]:
        cell.alignment = TURNED
    for (name,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        name.alignment = WRAP  # a long committee name wraps within its row, which is sized for it
    if rows and columns > 2:
        scale = ColorScaleRule(
            start_type="num", start_value=0, start_color="FFFFFF", end_type="max", end_color="9FC5E8"
        )
        sheet.conditional_formatting.add(f"C2:{get_column_letter(columns)}{rows + 1}", scale)
    sheet.sheet_properties.outlinePr.summaryRight = False


def _add_sheet(book: Workbook, name: str, table: Table, lang: Lang) -> None:
    sheet = book.create_sheet(title=sheet_name(name, lang))
    keys = table.json_keys
    rows = [[_cell_value(_shown(k, c, lang)) for k, c in zip(keys, row, strict=True)] for row in table.rows]
    sheet.append([_cell_value(h) for h in table.headers])
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font, cell.alignment = HEADER_FONT, HEADER
    if name == "committee_themes":
        _lay_out_matrix(sheet, len(keys), len(rows))
        sheet.freeze_panes = "C2"
        _row_heights(sheet, [FOLDED, NAME_WIDTH] + [5] * (len(keys) - 2), matrix=True)
    else:
        widths = _column_widths(keys, table.headers, rows)
        _lay_out_columns(sheet, widths)
        sheet.freeze_panes = "A2"
        _row_heights(sheet, widths, matrix=False)
    if rows:
        sheet.auto_filter.ref = sheet.dimensions
    _print_setup(sheet, lang)


def workbook_bytes(tables: Mapping[str, Table], lang: Lang = "da") -> bytes:
    """A workbook with one sheet per table (named in ``lang``; translated headers in row 1), set up to print."""
    book = Workbook()
    book.remove(book.active)
    for name, table in tables.items():
        _add_sheet(book, name, table, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
