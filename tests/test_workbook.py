"""The report's workbook for people: sheets and enumerated values in the chosen language, names beside keys, a
committee column on every mention, the analysis sheets, and a print setup that LibreOffice really applies (the
workbook is printed to PDF headless: landscape pages, far fewer than the 81 a sheet per column gave)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader

from strategygraph.analysis import Analysis
from strategygraph.i18n import text
from strategygraph.report import TABLE_NAMES, data_tables, workbook_bytes
from strategygraph.report.workbook import sheet_name

from .conftest import HEDENSTED

# every code the data tables hold in an enumerated column, and where
ENGLISH_CODES = {"weak-guess", "strong-inference", "stated", "statement", "reflection", "lexical", "curated"}
ENGLISH_SHEETS = {"theme_mentions", "statements", "committees", "Theme mentions", "Statements", "Overlaps"}


@pytest.fixture(scope="module")
def analysis(analysis_of: object) -> Analysis:
    return analysis_of(HEDENSTED)  # type: ignore[operator,no-any-return]


@pytest.fixture(scope="module")
def danish_book(analysis: Analysis) -> bytes:
    return workbook_bytes(data_tables(analysis, "da"), "da")


def _visible_values(sheet: Worksheet) -> list[object]:
    hidden = {letter for letter, d in sheet.column_dimensions.items() if d.hidden}
    return [c.value for row in sheet.iter_rows() for c in row if c.column_letter not in hidden]


def test_the_danish_workbook_has_danish_sheets_and_values(danish_book: bytes) -> None:
    book = load_workbook(io.BytesIO(danish_book))
    assert book.sheetnames == [text(f"sheet_{name}", "da") for name in TABLE_NAMES]
    assert not set(book.sheetnames) & ENGLISH_SHEETS
    assert "Temaforekomster" in book.sheetnames
    assert "Udvalg × tema" in book.sheetnames
    for sheet in book.worksheets:
        shown = {v for v in _visible_values(sheet) if isinstance(v, str)}
        assert not shown & ENGLISH_CODES, (sheet.title, shown & ENGLISH_CODES)
    focus_areas = book[text("sheet_focus_areas", "da")]
    confidences = {row[7] for row in focus_areas.iter_rows(min_row=2, values_only=True)}
    assert confidences == {"stærk slutning", "svagt gæt"}


def test_the_english_workbook_is_english(analysis: Analysis) -> None:
    book = load_workbook(io.BytesIO(workbook_bytes(data_tables(analysis, "en"), "en")))
    assert book.sheetnames[:5] == ["Committees", "Focus areas", "Statements", "Reflections", "Theme mentions"]
    mentions = book["Theme mentions"]
    assert {row[1] for row in mentions.iter_rows(min_row=2, values_only=True)} == {"statement", "reflection"}


def test_every_key_column_has_names_beside_it_and_mentions_name_their_committee(danish_book: bytes) -> None:
    book = load_workbook(io.BytesIO(danish_book))
    mentions = book[sheet_name("theme_mentions", "da")]
    headers = [c.value for c in mentions[1]]
    assert headers[:6] == ["Udsagn/refleksion (nøgle)", "Slags", "Udvalg (nøgle)", "Udvalg", "Tema (nøgle)", "Tema"]
    rows = list(mentions.iter_rows(min_row=2, values_only=True))
    assert all(row[2] and row[3] for row in rows), "every mention names its committee(s)"
    statements = [row for row in rows if row[1] == "udsagn"]
    assert all(";" not in row[3] for row in statements), "a statement's mention has one committee: pivotable"
    assert ("laering", "Udvalget for Læring") in {(row[2], row[3]) for row in statements}
    for sheet in book.worksheets:
        keys = [c.value for c in sheet[1] if "(nøgle" in str(c.value)]
        for key_header in keys:
            letter = next(c.column_letter for c in sheet[1] if c.value == key_header)
            assert sheet.column_dimensions[letter].hidden, (sheet.title, key_header, "keys are folded away")
        visible = [c.value for c in sheet[1] if not sheet.column_dimensions[c.column_letter].hidden]
        assert visible, sheet.title


def test_the_committee_theme_sheet_counts_what_the_heatmap_counts(danish_book: bytes, analysis: Analysis) -> None:
    from strategygraph.report.heatmap import committee_theme_heatmap

    heatmap = committee_theme_heatmap(analysis, "da")
    sheet = load_workbook(io.BytesIO(danish_book))["Udvalg × tema"]
    assert [c.value for c in sheet[1]][2:] == [label for _, label in heatmap.columns]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in rows] == [label for _, label in heatmap.rows]
    assert [tuple(row[2:]) for row in rows] == list(heatmap.counts)
    assert sum(sum(counts) for counts in heatmap.counts) > 0


def test_gaps_candidates_and_clusters_have_sheets(danish_book: bytes, analysis: Analysis) -> None:
    book = load_workbook(io.BytesIO(danish_book))
    gaps = book["Huller"]
    assert gaps.max_row - 1 == sum(len(g.reflections) for g in analysis.gaps) > 0
    candidates = book["Samarbejdskandidater"]
    assert candidates.max_row - 1 == len(analysis.candidates) > 0
    clusters = book["Klynger"]
    members = sum(len(g) for g in analysis.committee_communities.groups)
    assert sum(1 for row in clusters.iter_rows(min_row=2, values_only=True) if row[0] == "udvalg") == members


def test_every_sheet_is_set_up_to_print(danish_book: bytes) -> None:
    for sheet in load_workbook(io.BytesIO(danish_book)).worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.freeze_panes in {"A2", "C2"}, sheet.title
        assert sheet.auto_filter.ref, sheet.title
        widths = [d.width for d in sheet.column_dimensions.values()]
        assert widths, sheet.title
        assert all(5 <= w <= 130 for w in widths), (sheet.title, widths)


def test_libreoffice_prints_the_workbook_landscape_on_few_pages(danish_book: bytes, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice Calc is needed (apt-get install libreoffice-calc-nogui; .ci/run installs it)"
    book = tmp_path / "strategygraph.xlsx"
    book.write_bytes(danish_book)
    profile = tmp_path / "profile"  # a profile of its own, so parallel runs never share one
    command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(tmp_path), str(book)], check=True, capture_output=True, timeout=180)
    pdf = PdfReader(tmp_path / "strategygraph.pdf")
    pages = len(pdf.pages)
    assert 12 <= pages <= 35, f"{pages} pages (a sheet per column printed 81)"
    for page in pdf.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width > height, "landscape"
        assert (round(width), round(height)) == (842, 595), "A4"
    texts = [page.extract_text() for page in pdf.pages]
    assert sum("Temaforekomster" in t for t in texts) >= 2, "the sheet's name heads each of its pages"
    repeated = [t for t in texts if "Temaforekomster" in t]
    assert all("Matchet tekst" in t for t in repeated), "the header row is repeated on every page"
