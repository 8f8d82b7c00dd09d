"""Import fuzzing: whatever a user feeds `import` — Markdown, CSV or XLSX, well-formed or not — the result is a
valid data folder or one clear error (a StrategyGraphError with a one-line message), never a traceback, and
quickly."""

from __future__ import annotations

import io
import string
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategygraph.errors import StrategyGraphError
from strategygraph.formats.importing import ImportedSeminar, check_data_folder, import_seminar
from strategygraph.formats.spreadsheet_reader import SeminarMetadata

FUZZ = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
SHEET = SeminarMetadata("Fuzzby Kommune", "Fuzzseminar", "2024", None)

_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(string.ascii_letters + "æøåÆØÅ .,:;-–—'\"()/&|#*_`<>!?0123456789"),
        st.characters(codec="utf-8"),
    ),
    max_size=40,
)
_markdown_line = st.one_of(
    st.builds(lambda t: f"# {t}", _text),
    st.builds(lambda t: f"## {t}", _text),
    st.builds(lambda t: f"- {t}", _text),
    st.builds(lambda t: f"Attribution: {t}", _text),
    st.builds(lambda t: f"Tilskrivning: strong-inference — {t}", _text),
    st.builds(lambda t: f"Ressort: {t}", _text),
    st.sampled_from(["---", "", "## Refleksioner", "## Gruppernes refleksioner", "sigtepunkter:", "  - Vækst"]),
    _text,
)
_front = st.lists(
    st.sampled_from(
        ["municipality: Fuzzby Kommune", "title: Fuzz", "date: 2024-05-14", "id: fuzz", "date: 2024-13-40", "title:"]
    ),
    max_size=5,
)


def _outcome(data: bytes, name: str, metadata: SeminarMetadata | None = None) -> ImportedSeminar | None:
    try:
        return import_seminar(data, name, metadata or SeminarMetadata(None, None, None, None))
    except StrategyGraphError as error:
        message = str(error)
        assert message.strip(), "an error says what is wrong"
        assert "\n" not in message, f"one line: {message!r}"
        assert "Traceback" not in message
        return None


@FUZZ
@given(front=_front, body=st.lists(_markdown_line, max_size=30), framed=st.booleans())
def test_markdown_gives_a_seminar_or_one_clear_error(front: list[str], body: list[str], framed: bool) -> None:
    lines = (["---", *front, "---"] if framed else front) + body
    imported = _outcome("\n".join(lines).encode("utf-8"), "fuzz.md")
    if imported is not None:
        assert imported.files, "a seminar is written as files"


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_as_markdown_or_spreadsheet_give_one_clear_error_at_most(data: bytes) -> None:
    for name in ("fuzz.md", "fuzz.csv", "fuzz.xlsx"):
        _outcome(data, name, SHEET if not name.endswith(".md") else None)


_cell = st.one_of(_text, st.sampled_from(["statement", "reflection", "1", "2", "=1+1", "strong-inference", ""]))


@FUZZ
@given(
    header=st.permutations(["slide", "committee", "focus_area", "kind", "text"]),
    rows=st.lists(st.lists(_cell, min_size=0, max_size=7), max_size=20),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_csv_gives_a_seminar_or_one_clear_error(header: list[str], rows: list[list[str]], delimiter: str) -> None:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    _outcome(buffer.getvalue().encode("utf-8"), "fuzz.csv", SHEET)


@settings(max_examples=25, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(_cell, min_size=0, max_size=6), max_size=12), dimension=st.sampled_from(["A1:A1", "A1:E2"])
)
def test_xlsx_gives_a_seminar_or_one_clear_error(rows: list[list[str]], dimension: str) -> None:
    import openpyxl
    from openpyxl.utils.exceptions import IllegalCharacterError

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["slide", "committee", "focus_area", "kind", "text"])
    buffer = io.BytesIO()
    try:
        for row in rows:
            sheet.append([cell or None for cell in row])
        workbook.save(buffer)
    except IllegalCharacterError:  # openpyxl refuses control characters itself: no such workbook can exist
        return
    _outcome(_with_dimension(buffer.getvalue(), dimension), "fuzz.xlsx", SHEET)


def _with_dimension(data: bytes, ref: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                start = content.find(b'<dimension ref="')
                end = content.find(b'"', start + 16)
                content = content[: start + 16] + ref.encode() + content[end:]
            target.writestr(name, content)
    return out.getvalue()


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.lists(
        st.sampled_from(["- Vi skal styrke fællesskabet.", "## Trivsel", "- Flere boliger <b>&amp;"]), max_size=8
    )
)
def test_what_imports_also_validates(tmp_path: Path, body: list[str]) -> None:
    """Every seminar the importer accepts is a sound data folder (SHACL and source pointers)."""
    text = "\n".join(["---", "municipality: Fuzzby Kommune", "title: Fuzz", "---", "", "# Udvalget for Fuzz", *body])
    imported = _outcome(text.encode("utf-8"), "fuzz.md")
    if imported is None:
        return
    folder = tmp_path / f"folder-{abs(hash(text))}"
    for relative, data in imported.files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    assert check_data_folder(folder) == []
