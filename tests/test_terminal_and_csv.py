"""Output for people at a terminal and for Danish Excel: tables that fit the terminal's width, `overlaps --pair`,
plain words, `gaps` examples around the matched words, CSV from every table command, and one CSV dialect rule:
RFC 4180 by default, `csv-excel` (BOM, ';', decimal comma) wherever a CSV is written."""

from __future__ import annotations

import csv
import io
import statistics
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from strategygraph.analysis import Analysis
from strategygraph.cli import cli
from strategygraph.tables import Table, display_width, render_text

from .conftest import HEDENSTED

NARROW = {"COLUMNS": "80"}


def _run(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(cli, list(args), env=env or NARROW)
    assert result.exit_code == 0, result.output
    return result.stdout


def _excel_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "a byte-order mark, so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))


@pytest.fixture(scope="module")
def analysis(analysis_of: object) -> Analysis:
    return analysis_of(HEDENSTED)  # type: ignore[operator,no-any-return]


@pytest.mark.parametrize(
    "args",
    [
        ("overlaps",),
        ("overlaps", "--top", "0"),
        ("themes",),
        ("gaps",),
        ("structure",),
        ("info",),
        ("queries",),
        ("overlaps", "--pair", "laering", "ungeudvalget"),
        ("--lang", "en", "themes"),
        ("--lang", "en", "structure"),
        ("query", "committees"),
    ],
)
@pytest.mark.parametrize("columns", [80, 60])
def test_no_line_is_wider_than_the_terminal(runner: CliRunner, args: tuple[str, ...], columns: int) -> None:
    shown = _run(runner, *args, env={"COLUMNS": str(columns)})
    too_wide = [line for line in shown.splitlines() if len(line) > columns]
    assert not too_wide, too_wide[:3]
    assert len(shown.splitlines()) > 2


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.text(max_size=90), st.integers(), st.floats(allow_nan=False)), max_size=6),
    st.integers(min_value=20, max_value=120),
)
def test_a_fitted_table_never_exceeds_its_width(rows: list[tuple[str, int, float]], width: int) -> None:
    table = Table(("Navn på noget langt", "Antal", "Vægt"), rows)
    shown = render_text(table, width=width)
    assert all(display_width(line) <= width for line in shown.splitlines()), "in terminal columns"


def test_cut_text_is_marked_and_short_text_is_whole() -> None:
    long = " ".join(f"ord{i}" for i in range(200))
    shown = render_text(Table(("a", "b"), [("kort", long)]), width=40)
    assert "…" in shown
    assert "kort" in shown
    assert len(shown.splitlines()) <= 2 + 6, "a cell wraps onto at most six lines"


def test_pair_shows_each_shared_theme_with_quotes_from_both_sides(runner: CliRunner, analysis: Analysis) -> None:
    by_key = _run(runner, "overlaps", "--pair", "ungeudvalget", "laering")
    by_name = _run(runner, "overlaps", "--pair", "Udvalget for Læring", "ungeudvalget")
    assert by_key == by_name, "keys or names, in either order"
    assert by_key.startswith("Udvalget for Læring ↔ Ungeudvalget: vægt 0,283, 2 fælles temaer")
    assert "1. Børn og unge (bæres af 2 udvalg)" in by_key
    assert "Udvalget for Læring — Fællesskab forpligter, slide 5:" in by_key
    assert "Ungeudvalget — Unge på vej, slide 4:" in by_key
    overlap = next(o for o in analysis.overlaps if (o.a, o.b) == ("laering", "ungeudvalget"))
    assert by_key.count("»") == sum(len(s.quotes) for s in overlap.shared)
    english = _run(runner, "--lang", "en", "overlaps", "--pair", "Committee for Learning", "ungeudvalget")
    assert "weight 0.283, 2 shared themes" in english


def test_pair_as_csv_and_json(runner: CliRunner, analysis: Analysis) -> None:
    rows = list(
        csv.DictReader(io.StringIO(_run(runner, "overlaps", "--pair", "laering", "ungeudvalget", "--format", "csv")))
    )
    overlap = next(o for o in analysis.overlaps if (o.a, o.b) == ("laering", "ungeudvalget"))
    assert len(rows) == sum(len(s.quotes) for s in overlap.shared)
    assert {r["committee"] for r in rows} == {"laering", "ungeudvalget"}
    assert {r["theme"] for r in rows} == set(overlap.shared_themes)
    import json

    found = json.loads(_run(runner, "overlaps", "--pair", "laering", "ungeudvalget", "--format", "json"))
    assert [(p["a"], p["b"]) for p in found["pairs"]] == [("laering", "ungeudvalget")]


def test_pair_errors_are_one_line(runner: CliRunner) -> None:
    unknown = runner.invoke(cli, ["overlaps", "--pair", "laerin", "ungeudvalget"])
    assert unknown.exit_code == 2
    assert "ukendt udvalg 'laerin'; mente du 'laering'" in unknown.stderr
    same = runner.invoke(cli, ["overlaps", "--pair", "laering", "Udvalget for Læring"])
    assert same.exit_code == 2
    assert "samme udvalg" in same.stderr


def test_pair_without_shared_themes_says_so(runner: CliRunner, analysis: Analysis) -> None:
    keys = [c.key for c in analysis.corpus.committees]
    paired = {(o.a, o.b) for o in analysis.overlaps}
    a, b = next((a, b) for a in keys for b in keys if a < b and (a, b) not in paired)
    assert "deler ingen temaer" in _run(runner, "overlaps", "--pair", a, b)


def test_strong_means_strictly_above_the_median(runner: CliRunner, analysis: Analysis) -> None:
    median = statistics.median(o.weight for o in analysis.overlaps)
    assert analysis.strong_overlap_bar == median
    assert analysis.candidates, "the bundled data has candidates"
    assert all(c.overlap.weight > median for c in analysis.candidates)
    at_median = [o for o in analysis.overlaps if o.weight == median]
    assert at_median, "the bundled data has a pair at the median (0,086)"
    assert not {(o.a, o.b) for o in at_median} & {(c.overlap.a, c.overlap.b) for c in analysis.candidates}
    assert "stærkt overlap (vægt over 0,086)" in _run(runner, "gaps")


def test_gaps_shows_the_example_around_the_matched_words(runner: CliRunner, analysis: Analysis) -> None:
    shown = _run(runner, "gaps", "--table", "gaps", env={"COLUMNS": "200"})
    for gap in analysis.gaps:
        unit = gap.reflections[0]
        matched = min(
            (m.start, m.matched) for m in analysis.corpus.mentions if m.unit == unit.key and m.theme == gap.theme
        )
        line = next(
            line
            for line in shown.splitlines()
            if line.startswith(gap.theme.split("-")[0][:3].title()) or matched[1] in line
        )
        assert matched[1] in line, (matched, line)
    assert "…" in shown


def test_plain_words_and_a_glossary(runner: CliRunner) -> None:
    for args in (("themes",), ("structure",)):
        danish = _run(runner, *args)
        for jargon in ("Grad", "Mellemled", "Tværgående", "Modularitet", "Louvain"):
            assert jargon not in danish, (args, jargon)
    assert "Spredning: 0 = kun ét udvalg" in _run(runner, "themes", env={"COLUMNS": "400"})
    assert "Brobygning: hvor ofte udvalget" in _run(runner, "structure", env={"COLUMNS": "400"})
    assert "Bridging: how often the theme" in _run(runner, "--lang", "en", "themes", env={"COLUMNS": "400"})


@pytest.mark.parametrize(
    ("args", "first_key"),
    [
        (("structure", "--table", "clusters"), "kind"),
        (("structure", "--table", "brokers"), "committee"),
        (("gaps", "--table", "gaps"), "theme"),
        (("gaps", "--table", "candidates"), "a"),
        (("themes",), "theme"),
        (("overlaps",), "a"),
    ],
)
def test_table_commands_write_csv_with_stable_keys(runner: CliRunner, args: tuple[str, ...], first_key: str) -> None:
    standard = _run(runner, *args, "--format", "csv")
    assert not standard.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(standard, newline="")))
    assert rows[0][0] == first_key
    assert len(rows) > 1
    assert all(len(row) == len(rows[0]) for row in rows)
    excel = _excel_rows(_run(runner, *args, "--format", "csv-excel"))
    assert excel[0] == rows[0], "the same columns in both dialects"
    assert len(excel) == len(rows)


def test_csv_of_two_table_commands_needs_a_table(runner: CliRunner) -> None:
    for command, names in (("gaps", "--table gaps eller --table candidates"), ("structure", "--table clusters eller")):
        result = runner.invoke(cli, [command, "--format", "csv"])
        assert result.exit_code == 2
        assert names in result.stderr


def test_the_excel_dialect_round_trips_with_decimal_commas(runner: CliRunner, analysis: Analysis) -> None:
    rows = _excel_rows(_run(runner, "overlaps", "--top", "0", "--format", "csv-excel"))
    weights = [row[rows[0].index("weight")] for row in rows[1:]]
    assert all("," in w and "." not in w for w in weights)
    assert [float(w.replace(",", ".")) for w in weights] == [round(o.weight, 4) for o in analysis.overlaps]
    labels = [row[rows[0].index("a_label")] for row in rows[1:]]
    assert "Økonomiudvalget" in labels, "UTF-8 text survives"


def test_every_csv_writer_has_the_excel_dialect(runner: CliRunner, tmp_path: Path) -> None:
    exported = tmp_path / "reach.csv"
    _run(runner, "export", "--format", "csv-excel", "--table", "theme_reach", "--out", str(exported))
    assert _excel_rows(exported.read_bytes().decode("utf-8"))[0][0] == "theme"
    assert b"\r\n" in exported.read_bytes(), "Excel's line ends"
    query = _excel_rows(_run(runner, "query", "committees", "--format", "csv-excel"))
    assert len(query) > 1
    _run(runner, "report", "--out", str(tmp_path / "excel"), "--csv-excel", "--quiet")
    _run(runner, "report", "--out", str(tmp_path / "standard"), "--quiet")
    for table in (tmp_path / "excel" / "tables").glob("*.csv"):
        excel = _excel_rows(table.read_bytes().decode("utf-8"))
        standard = list(
            csv.reader(io.StringIO((tmp_path / "standard" / "tables" / table.name).read_text(), newline=""))
        )
        assert excel[0] == standard[0], table.name
        assert len(excel) == len(standard), table.name
    assert len(list((tmp_path / "excel" / "tables").glob("*.csv"))) == 12
    assert not (tmp_path / "standard" / "tables" / "overlaps.csv").read_bytes().startswith(b"\xef\xbb\xbf")
