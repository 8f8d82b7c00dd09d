"""The data tables as one Excel workbook: a sheet per table, the header row frozen, column widths set."""

from __future__ import annotations

import io
from collections.abc import Mapping

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..tables import Cell, Table

MIN_WIDTH = 6
MAX_WIDTH = 70  # longer texts wrap within the column
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


EXCEL_CELL_CHARACTERS = 32_767  # Excel refuses (and "repairs") longer cells


def _cell_value(value: Cell) -> Cell:
    if isinstance(value, str):
        # control characters are not allowed in XLSX; nothing in the bundled data has any
        value = str(ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
        if len(value) > EXCEL_CELL_CHARACTERS:  # a national graph's list of carriers; the CSV keeps it whole
            marker = " … [+{} characters: see the CSV]"
            keep = EXCEL_CELL_CHARACTERS - len(marker.format(len(value)))
            return value[:keep] + marker.format(len(value) - keep)
    return value


def _width(values: list[Cell]) -> int:
    longest = max((len(str(v)) for v in values if v is not None), default=0)
    return max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))


def workbook_bytes(tables: Mapping[str, Table]) -> bytes:
    """A workbook with one sheet per table (sheet name = table name; translated headers in row 1)."""
    book = Workbook()
    book.remove(book.active)
    for name, table in tables.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.append([_cell_value(h) for h in table.headers])
        for row in table.rows:
            sheet.append([_cell_value(c) for c in row])
        for cell in sheet[1]:
            cell.font = HEADER_FONT
        for column, header in enumerate(table.headers, start=1):
            values: list[Cell] = [header, *(row[column - 1] for row in table.rows)]
            width = _width(values)
            sheet.column_dimensions[get_column_letter(column)].width = width
            alignment = WRAP if width == MAX_WIDTH else TOP
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.alignment = alignment
                if cell.data_type == "f":  # data text that starts with "=" is text, never a formula
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
        if table.rows:
            sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
