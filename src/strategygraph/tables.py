"""Plain tables and their renderings (aligned text, CSV, TSV, Markdown, JSON) for command output."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from .i18n import Lang, format_number

Cell = str | int | float | None
# the formats :func:`render` writes
RESULT_FORMATS = ("table", "csv", "csv-excel", "tsv", "json", "md")


@dataclass(frozen=True)
class Table:
    """Column headers and rows of cells; ``keys`` name the columns in JSON (default: the headers)."""

    headers: tuple[str, ...]
    rows: Sequence[tuple[Cell, ...]]
    keys: tuple[str, ...] = field(default=())

    @property
    def json_keys(self) -> tuple[str, ...]:
        return self.keys or self.headers


def cell_text(cell: Cell, lang: Lang = "en") -> str:
    """A cell as text; decimals with three digits, with a decimal comma for Danish readers (``lang="da"``).
    Machine formats (CSV, TSV, JSON) keep the point."""
    if cell is None:
        return ""
    if isinstance(cell, float):
        return format_number(cell, lang)
    return str(cell)


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_text(table: Table, max_width: int = 80, lang: Lang = "en") -> str:
    """An aligned text table; long cells are cut at ``max_width`` characters with an ellipsis."""

    def clip(text: str) -> str:
        text = " ".join(_printable(text).split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[clip(cell_text(c, lang)) for c in row] for row in table.rows]
    widths = [_width(h) for h in table.headers]
    for row in cells:
        widths = [max(w, _width(c)) for w, c in zip(widths, row, strict=True)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(table.headers), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "\n".join(out) + "\n"


def _printable(text: str) -> str:
    """``text`` without control characters (a terminal would act on ESC sequences from the data); line breaks and
    tabs become spaces."""
    return "".join(" " if ch in "\t\n\r" else ch for ch in text if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def spreadsheet_safe(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP CSV injection): a leading ``=``, ``+``, ``-``,
    ``@``, tab or carriage return gets an apostrophe before it; plain signed numbers stay as they are."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _delimited_cell(cell: Cell, lang: Lang = "en") -> str:
    if not isinstance(cell, str):
        return cell_text(cell, lang)
    # the csv module quotes a cell holding "\n" but not one holding a lone "\r", which readers take as a row break
    return spreadsheet_safe(cell).replace("\r\n", "\n").replace("\r", "\n")


def render_delimited(table: Table, delimiter: str = ",", *, excel: bool = False) -> str:
    """CSV or TSV; text cells are made spreadsheet-safe (:func:`spreadsheet_safe`), numbers are written as they are.

    ``excel`` writes the dialect Danish Excel opens with a double-click: a byte-order mark (so it reads UTF-8),
    ``;`` between cells and a decimal comma."""
    buffer = io.StringIO()
    if excel:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";" if excel else delimiter, lineterminator="\r\n" if excel else "\n")
    writer.writerow([spreadsheet_safe(h) for h in table.headers])
    writer.writerows([_delimited_cell(c, "da" if excel else "en") for c in row] for row in table.rows)
    return buffer.getvalue()


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MARKDOWN_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def markdown_text(text: str) -> str:
    """Data text as one line of Markdown that renders literally: whitespace collapsed; backslash, backtick,
    ``*``, ``_``, brackets, ``<``, ``>``, ``|`` and an ``&`` that starts an entity escaped with a backslash —
    so no text can become emphasis, code, a link, raw HTML or a new table cell."""
    one_line = " ".join(text.split())
    return _MARKDOWN_ENTITY.sub("\\&", _MARKDOWN_SPECIAL.sub(r"\\\1", one_line))


def render_markdown(table: Table, lang: Lang = "en") -> str:
    out = [
        "| " + " | ".join(markdown_text(h) for h in table.headers) + " |",
        "|" + "|".join(" --- " for _ in table.headers) + "|",
    ]
    out.extend("| " + " | ".join(markdown_text(cell_text(c, lang)) for c in row) + " |" for row in table.rows)
    return "\n".join(out) + "\n"


def render_json(table: Table) -> str:
    records = [dict(zip(table.json_keys, row, strict=True)) for row in table.rows]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def render(table: Table, fmt: str, lang: Lang = "en") -> str:
    """Render ``table`` as ``table``, ``csv``, ``csv-excel`` (for Danish Excel: BOM, ``;``, decimal comma),
    ``tsv``, ``md`` or ``json``; the formats for people (``table``, ``md``) write decimals as a ``lang`` reader
    does, the machine formats keep the point."""
    if fmt == "csv":
        return render_delimited(table, ",")
    if fmt == "csv-excel":
        return render_delimited(table, excel=True)
    if fmt == "tsv":
        return render_delimited(table, "\t")
    if fmt == "md":
        return render_markdown(table, lang)
    if fmt == "json":
        return render_json(table)
    return render_text(table, lang=lang)
