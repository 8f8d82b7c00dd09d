"""Tables as output: no CSV cell a spreadsheet would run as a formula, no control characters to a terminal."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from strategygraph.cli import cli
from strategygraph.tables import Table, render, render_text, spreadsheet_safe

FORMULAS = ['=HYPERLINK("http://x","klik")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def test_formula_payloads_are_neutralised_in_csv_and_tsv() -> None:
    table = Table(("tekst", "tal"), [(payload, -3) for payload in FORMULAS] + [("-0,055", 0.5)])
    for fmt in ("csv", "tsv"):
        rendered = render(table, fmt)
        rows = list(csv.reader(io.StringIO(rendered, newline=""), delimiter="," if fmt == "csv" else "\t"))
        texts = [row[0] for row in rows[1:]]
        assert texts[: len(FORMULAS)] == ["'" + payload.replace("\r", "\n") for payload in FORMULAS]
        assert texts[-1] == "-0,055", "a plain signed number stays a number"
        assert [row[1] for row in rows[1:-1]] == ["-3"] * len(FORMULAS), "numbers are written as they are"


@given(st.text())
def test_no_csv_cell_starts_like_a_formula_and_nothing_is_lost(text: str) -> None:
    safe = spreadsheet_safe(text)
    is_number = safe == text and text[:1] in "+-"
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r")) or is_number
    assert safe in (text, "'" + text)


def test_terminal_tables_drop_control_and_escape_characters() -> None:
    table = Table(("udvalg",), [("Børne\x1b[2J\x1b]0;pwned\x07udvalget\x9b31m",)])
    shown = render_text(table)
    assert "\x1b" not in shown
    assert "\x07" not in shown
    assert "\x9b" not in shown
    assert "Børne[2J]0;pwnedudvalget31m" in shown


def test_the_excel_dialect_is_what_danish_excel_opens_with_a_double_click() -> None:
    rendered = render(Table(("udvalg", "vægt"), [("Økonomiudvalget; og mere", 0.386), ("=1+1", 2)]), "csv-excel")
    assert rendered.startswith("\ufeff"), "a byte-order mark, so Excel reads UTF-8"
    rows = list(csv.reader(io.StringIO(rendered.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert rows == [["udvalg", "vægt"], ["Økonomiudvalget; og mere", "0,386"], ["'=1+1", "2"]]


def test_overlaps_and_exports_write_the_excel_dialect(runner: CliRunner, tmp_path: Path) -> None:
    overlaps = runner.invoke(cli, ["overlaps", "--format", "csv-excel"])
    assert overlaps.exit_code == 0, overlaps.output
    assert overlaps.stdout.startswith("\ufeff")
    assert ";0,3858;" in overlaps.stdout, "every digit the table holds, with a decimal comma"
    out = tmp_path / "overlaps.csv"
    exported = runner.invoke(cli, ["export", "--format", "csv-excel", "--table", "overlaps", "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    assert ";" in text.splitlines()[0]
    assert "," not in text.splitlines()[0]
