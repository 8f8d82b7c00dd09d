"""`strategygraph report`: the bundle's files, golden report.md, escaping, confidence shown, atomic writes."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from strategygraph import report as report_module
from strategygraph.analysis import Analysis, analyse
from strategygraph.cli import cli
from strategygraph.corpus import read_corpus
from strategygraph.loading import DataSources, load_graph
from strategygraph.report import TABLE_NAMES
from strategygraph.report.heatmap import committee_theme_heatmap, scale_colour, text_colour
from strategygraph.report.sections import pillar_table

from .conftest import GoldenCheck
from .report_support import REPORT_FIXTURE, build_report

HOSTILE = ("<script>window.pwned=1</script>", '"><img src=x onerror="window.pwned=1">')
BUNDLE_FILES = {
    ".strategygraph-output",
    "index.html",
    "report.md",
    "strategygraph.xlsx",
    "graph.graphml",
    "graph.gexf",
    "graph.ttl",
    "graph.jsonld",
    *(f"tables/{name}.csv" for name in TABLE_NAMES),
}


@pytest.fixture(scope="module")
def fixture_analysis() -> Analysis:
    return analyse(read_corpus(load_graph(DataSources.bundled([REPORT_FIXTURE]))))


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "bundle"
    build_report(out, "--quiet")
    return out


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_bundle_holds_every_file(bundle: Path, fixture_analysis: Analysis) -> None:
    assert _files(bundle) >= BUNDLE_FILES
    assert {f for f in _files(bundle) - BUNDLE_FILES if not f.startswith("views/")} == set()
    views = {f for f in _files(bundle) if f.startswith("views/") and f.endswith(".html")}
    corpus = fixture_analysis.corpus
    mentioned = {m.theme for m in corpus.mentions}
    assert len(views) == 3 + len(corpus.committees) + len(mentioned), "no empty views of unmentioned themes"
    assert "views/vis-network.min.js" in _files(bundle), "the views share one copy of vis-network"
    assert {"views/overview.html", "views/overlap.html", "views/themes.html", "views/committee-plan.html"} <= views


def test_golden_report_md_for_the_bundled_data(tmp_path: Path, golden: GoldenCheck) -> None:
    out = tmp_path / "report"
    build_report(out, "--quiet", data=None)
    golden("report/hedensted-report.md", (out / "report.md").read_text(encoding="utf-8"))


def test_golden_report_md_for_the_fixture_in_english(tmp_path: Path, golden: GoldenCheck) -> None:
    out = tmp_path / "report"
    build_report(out, "--quiet", lang="en")
    text = (out / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# Strategy report · Testby Municipality\n")
    golden("report/fixture-report-en.md", text)


def test_tables_hold_the_corpus(bundle: Path, fixture_analysis: Analysis) -> None:
    corpus = fixture_analysis.corpus
    statements = _csv_rows(bundle / "tables" / "statements.csv")
    assert [r["key"] for r in statements] == [u.key for u in corpus.units if u.kind == "statement"]
    assert {r["text"] for r in statements} == {u.text for u in corpus.units if u.kind == "statement"}
    assert len(_csv_rows(bundle / "tables" / "reflections.csv")) == 3
    assert len(_csv_rows(bundle / "tables" / "theme_mentions.csv")) == len(corpus.mentions) == 18
    assert len(_csv_rows(bundle / "tables" / "committees.csv")) == 4
    assert len(_csv_rows(bundle / "tables" / "overlaps.csv")) == len(fixture_analysis.overlaps) == 5
    assert [r["theme"] for r in _csv_rows(bundle / "tables" / "theme_reach.csv")] == [
        r.theme for r in fixture_analysis.reach
    ]


def test_attribution_confidence_wherever_a_committee_meets_a_focus_area(bundle: Path) -> None:
    areas = {r["key"]: r["attribution_confidence"] for r in _csv_rows(bundle / "tables" / "focus_areas.csv")}
    assert areas == {
        "byer": "strong-inference",
        "groenne-omraader": "weak-guess",
        "skoleveje": "stated",
        "trivsel": "strong-inference",
        "skolemad": "strong-inference",
    }
    for row in _csv_rows(bundle / "tables" / "statements.csv"):
        assert row["attribution_confidence"] == areas[row["focus_area"]]
    page = lxml_html.fromstring((bundle / "index.html").read_bytes())
    committee_rows = page.xpath('//table[@class="committees"]/tbody/tr')
    assert len(committee_rows) == 5
    assert all(row.xpath('.//span[contains(@class, "confidence")]') for row in committee_rows)
    statement_quotes = page.xpath('//blockquote[contains(@class, "quote-statement")]')
    assert statement_quotes
    for quote in statement_quotes:
        assert quote.xpath('.//footer/span[contains(@class, "confidence")]'), "a statement's committee is inferred"
    assert page.xpath('//span[contains(@class, "confidence-weak-guess")]/text()')[0] == "svagt gæt"
    markdown = (bundle / "report.md").read_text(encoding="utf-8")
    assert "| svagt gæt |" in markdown
    assert "| angivet i kilden |" in markdown


def test_html_escapes_every_data_text(bundle: Path) -> None:
    page_text = (bundle / "index.html").read_text(encoding="utf-8")
    for hostile in HOSTILE:
        assert hostile not in page_text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page_text
    page = lxml_html.fromstring(page_text)
    assert page.xpath("//script") == [], "the report page has no scripts of its own (the view is in a frame)"
    assert page.xpath("//img") == []
    assert "<script>window.pwned=1</script> Grønne områder" in page.text_content()
    assert 'Foreninger | frivillige skal bruge naturen "><img src=x' in page.text_content()
    assert "trivsel &amp; glæde" in page.text_content()


def test_markdown_renders_data_text_literally(bundle: Path) -> None:
    markdown = (bundle / "report.md").read_text(encoding="utf-8")
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    page = lxml_html.fromstring(f"<div>{rendered}</div>")
    assert page.xpath("//script | //img") == []
    text = page.text_content()
    assert "<script>window.pwned=1</script> Grønne områder" in text
    assert 'Foreninger | frivillige skal bruge naturen "><img src=x onerror="window.pwned=1"> sammen.' in text
    assert "trivsel &amp; glæde" in text
    overlap_tables = page.xpath("//h3/following-sibling::table[1]")
    assert overlap_tables
    for table in page.xpath("//table"):
        widths = {len(row.xpath("./th | ./td")) for row in table.xpath(".//tr")}
        assert len(widths) == 1, "a | in the data never adds a table cell"


def test_heatmap_counts_by_hand(fixture_analysis: Analysis) -> None:
    heatmap = committee_theme_heatmap(fixture_analysis, "da")
    assert [label for _, label in heatmap.rows] == [
        "Kultur- & Fritidsudvalget",
        "Planudvalget",
        "Skoleudvalget",
        "Socialudvalget",
    ]
    assert [key for key, _ in heatmap.columns] == ["natur", "boliger", "trafiksikkerhed", "trivsel", "skolemad"]
    assert heatmap.counts == (
        (2, 0, 0, 1, 0),
        (1, 1, 1, 0, 0),
        (1, 0, 2, 0, 2),
        (0, 1, 0, 2, 0),
    )
    assert heatmap.maximum == 2


def _luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_heatmap_scale_is_sequential_and_readable() -> None:
    colours = [scale_colour(v, 9) for v in range(1, 10)]
    luminances = [_luminance(c) for c in colours]
    assert luminances == sorted(luminances, reverse=True), "more evidence, darker cell"
    assert scale_colour(0, 9) == "#ffffff"
    assert colours[0] == "#fde725"
    assert colours[-1] == "#440154"
    assert text_colour(colours[0]) == "#000000"
    assert text_colour(colours[-1]) == "#ffffff"


def test_pillar_coverage_by_hand(fixture_analysis: Analysis) -> None:
    table = pillar_table(fixture_analysis, "en")
    assert table.rows == [
        ("Green growth", "Housing, Nature", 2, 4, 1.0, 6, 1),
        ("Safe communities", 'Road safety, Well-being & "health"', 2, 4, 1.0, 6, 2),
    ]


def test_index_links_every_view_it_carries(bundle: Path) -> None:
    page = lxml_html.fromstring((bundle / "index.html").read_bytes())
    links = page.xpath('//ul[@class="views"]//a/@href')
    assert sorted(links) == sorted(f for f in _files(bundle) if f.startswith("views/") and f.endswith(".html"))


def test_progress_on_stderr_and_quiet(tmp_path: Path) -> None:
    noisy = build_report(tmp_path / "noisy")
    assert "rapport: regneark (XLSX) …" in noisy
    assert "rapporten er skrevet" in noisy
    assert build_report(tmp_path / "quiet", "--quiet") == ""
    assert "report: workbook (XLSX) …" in build_report(tmp_path / "english", lang="en")


def test_an_existing_folder_is_replaced_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "report"
    out.mkdir()
    (out / "old.txt").write_text("old", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--data", str(REPORT_FIXTURE), "report", "--out", str(out)])
    assert result.exit_code == 2
    assert "brug --force" in result.stderr
    assert result.stderr.count("\n") == 1, "one line, before any work"
    assert _files(out) == {"old.txt"}
    (out / "old.txt").unlink()
    build_report(out, "--quiet")
    (out / "old.txt").write_text("old", encoding="utf-8")
    build_report(out, "--quiet", "--force")
    assert "old.txt" not in _files(out)
    assert _files(out) >= BUNDLE_FILES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_a_failure_while_building_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> bytes:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(report_module, "workbook_bytes", broken)
    out = tmp_path / "report"
    result = CliRunner().invoke(cli, ["--data", str(REPORT_FIXTURE), "report", "--out", str(out), "--quiet"])
    assert result.exit_code != 0
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_writing_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from strategygraph.cli import _output as cli_module

    real_write = cli_module._write_file
    written: list[Path] = []

    def write_then_fail(path: Path, data: bytes) -> None:
        if len(written) == 5:
            raise OSError("no space left on device")
        written.append(path)
        real_write(path, data)

    monkeypatch.setattr(cli_module, "_write_file", write_then_fail)
    out = tmp_path / "report"
    result = CliRunner().invoke(cli, ["--data", str(REPORT_FIXTURE), "report", "--out", str(out), "--quiet"])
    assert result.exit_code != 0
    assert len(written) == 5, "the failure came midway"
    assert list(tmp_path.iterdir()) == [], "no bundle and no temporary folder"


def test_report_is_deterministic(tmp_path: Path) -> None:
    build_report(tmp_path / "one", "--quiet")
    build_report(tmp_path / "two", "--quiet")
    for name in ("index.html", "report.md", "graph.graphml", "graph.gexf", "tables/overlaps.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_the_summary_comes_first_and_says_who_meets_whom(bundle: Path, fixture_analysis: Analysis) -> None:
    page = lxml_html.fromstring((bundle / "index.html").read_bytes())
    sections = [s.get("id") for s in page.xpath("//body/section | //main/section")]
    assert sections[:2] == ["summary", "figures"], "the summary precedes everything else"
    summary = page.get_element_by_id("summary")
    sentences = [_normal(li.text_content()) for li in summary.xpath(".//ol[@class='summary-overlaps']/li")]
    corpus = fixture_analysis.corpus
    strongest = fixture_analysis.overlaps[:5]
    assert len(sentences) == len(strongest)
    for sentence, overlap in zip(sentences, strongest, strict=True):
        a, b = (corpus.committee_by_key[key].label("da") for key in (overlap.a, overlap.b))
        units = {quote.unit for shared in overlap.shared for quote in shared.quotes}
        assert sentence.startswith(f"{a} og {b} mødes om ")
        assert sentence.endswith(f"({len(units)} citater som belæg).")
    scope = dict(zip(summary.xpath(".//dt/text()"), summary.xpath(".//dd/text()"), strict=True))
    assert scope["Dato"] == "5. marts 2026"
    caveat = _normal(summary.xpath(".//div[@class='caveat']/p")[0].text_content())
    assert caveat.startswith("4 af 5 tilknytninger af fokusområder til udvalg står ikke i kilden, men er udledt")
    assert "(3 stærk slutning, 1 svagt gæt)" in caveat


def test_a_quote_is_printed_once_and_later_appearances_refer_back(bundle: Path) -> None:
    """On screen a quote shown again is in full under the same number; on paper a line refers back to it."""
    page = lxml_html.fromstring((bundle / "index.html").read_bytes())
    blockquotes = page.xpath("//blockquote[contains(@class, 'quote')]")
    printed = [q for q in blockquotes if not q.xpath("ancestor::*[contains(@class, 'screen-only')]")]
    texts = [_normal(q.xpath("p")[0].text_content()) for q in printed]
    assert texts
    assert len(texts) == len(set(texts)), "no quote is printed twice"
    anchors = {q.get("id") for q in printed}
    references = page.xpath("//p[contains(@class, 'quote-repeat')]/a")
    assert references, "the fixture's overlaps share statements"
    assert len(references) == len(blockquotes) - len(printed), "every repeat has its reference for paper"
    for reference in references:
        assert reference.get("href").removeprefix("#") in anchors
        assert re.match(r"Samme citat som \[\d+\] under ", reference.text_content())


def _normal(text: str) -> str:
    return " ".join(text.split())
