"""Plain tables and their renderings (aligned text, CSV, TSV, Markdown, JSON) for command output."""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
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
    """A cell as text for people; decimals with three digits, with a decimal comma for Danish readers
    (``lang="da"``). CSV and TSV write every digit a table holds (with a point, or a comma in ``csv-excel``)."""
    if cell is None:
        return ""
    if isinstance(cell, float):
        return format_number(cell, lang)
    return str(cell)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: combining marks none, wide East Asian characters two."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


ELLIPSIS = "…"
_COLUMN_GAP = 2
_MIN_COLUMN = 5  # a column squeezed to fit the terminal keeps at least this many characters (or its own width)
_CELL_LINES = 6  # a wrapped cell shows at most this many lines; the last ends with an ellipsis when cut


def _clip_to(text: str, width: int) -> str:
    """``text`` cut to ``width`` display columns, ending with an ellipsis when cut."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        if used + display_width(ch) > width - 1:
            break
        out, used = out + ch, used + display_width(ch)
    return out + ELLIPSIS


def _wrapped(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` columns, at most :data:`_CELL_LINES` lines (the last marked when cut)."""
    if display_width(text) <= width:
        return [text]
    lines = textwrap.wrap(text, width, break_on_hyphens=False) or [""]
    lines = [_clip_to(line, width) for line in lines]  # wide characters can overrun textwrap's count
    if len(lines) > _CELL_LINES:
        lines = [*lines[: _CELL_LINES - 1], _clip_to(lines[_CELL_LINES - 1] + " " + ELLIPSIS, width)]
    return lines


def _fitted_widths(natural: list[int], longest_words: list[int], width: int) -> list[int]:
    """Column widths that fit ``width`` with the gaps between columns. Each column first gets room for its longest
    word in the data (so words are not broken), at least :data:`_MIN_COLUMN`; the space left is shared out in
    proportion to what each column still lacks. When even that does not fit, the widest columns are narrowed
    first (a table with too many columns for that is cut at the end of each line)."""
    available = width - _COLUMN_GAP * (len(natural) - 1)
    if sum(natural) <= available:
        return natural
    floors = [min(n, max(w, _MIN_COLUMN)) for n, w in zip(natural, longest_words, strict=True)]
    if sum(floors) > available:
        cap = max(floors, default=0)
        while cap > _MIN_COLUMN and sum(min(f, cap) for f in floors) > available:
            cap -= 1
        return [min(f, cap) for f in floors]
    spare, lacking = available - sum(floors), [n - f for n, f in zip(natural, floors, strict=True)]
    shares = [spare * lack // sum(lacking) for lack in lacking]
    for i in sorted(range(len(natural)), key=lambda i: -lacking[i])[: spare - sum(shares)]:
        shares[i] += 1
    return [f + share for f, share in zip(floors, shares, strict=True)]


def render_text(table: Table, max_width: int = 80, lang: Lang = "en", width: int | None = None) -> str:
    """An aligned text table. Without ``width`` long cells are cut at ``max_width`` characters with an ellipsis;
    with ``width`` (a terminal's) the table fits it: the widest columns are narrowed and their cells wrap onto
    further lines (at most six, the last ending in "…"), and no line is longer than ``width``."""
    texts = [[" ".join(_printable(cell_text(c, lang)).split()) for c in row] for row in table.rows]
    if width is None:
        texts = [[_clip_to(t, max_width) for t in row] for row in texts]
    headers = [" ".join(_printable(h).split()) for h in table.headers]
    natural = [display_width(h) for h in headers]
    for row in texts:
        natural = [max(w, display_width(t)) for w, t in zip(natural, row, strict=True)]
    if width is None:
        widths = natural
    else:
        longest = [0] * len(headers)  # headers may break inside a word; data words are kept whole where they fit
        for row in texts:
            longest = [max([n, *(display_width(w) for w in t.split())]) for n, t in zip(longest, row, strict=True)]
        widths = _fitted_widths(natural, longest, width)

    def lines(values: Sequence[str]) -> list[str]:
        cells = [_wrapped(v, w) for v, w in zip(values, widths, strict=True)]
        out = []
        for i in range(max(len(c) for c in cells) if cells else 1):
            parts = [(c[i] if i < len(c) else "") for c in cells]
            line = "  ".join(p + " " * (w - display_width(p)) for p, w in zip(parts, widths, strict=True)).rstrip()
            out.append(line if width is None else _clip_to(line, width))
        return out

    out = [*lines(headers), *lines(["-" * w for w in widths])]
    for row in texts:
        out.extend(lines(row))
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


def _delimited_cell(cell: Cell, decimal_comma: bool = False) -> str:
    if isinstance(cell, float):  # every digit the table holds (the tables round as they mean to)
        return repr(cell).replace(".", ",") if decimal_comma else repr(cell)
    if not isinstance(cell, str):
        return cell_text(cell)
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
    writer.writerows([_delimited_cell(c, excel) for c in row] for row in table.rows)
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


def render(table: Table, fmt: str, lang: Lang = "en", width: int | None = None) -> str:
    """Render ``table`` as ``table``, ``csv``, ``csv-excel`` (for Danish Excel: BOM, ``;``, decimal comma),
    ``tsv``, ``md`` or ``json``; the formats for people (``table``, ``md``) write decimals as a ``lang`` reader
    does, the machine formats keep the point; ``table`` fits ``width`` columns when given (:func:`render_text`)."""
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
    return render_text(table, lang=lang, width=width)
