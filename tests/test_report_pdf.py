"""`report --pdf`: report.pdf printed by the system's headless Chromium — the summary alone on page 1, a sensible
number of A4 pages, no heading left at the foot of a page, no network request — and the failures (no Chromium,
a Chromium that fails or hangs) as one line each, with nothing written."""

from __future__ import annotations

import http.server
import re
import threading
import time
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from pypdf import PdfReader

from strategygraph.cli import cli
from strategygraph.report import PdfError, print_pdf

from .report_support import REPORT_EPOCH, build_report
from .test_views_browser import CHROMIUM

pytestmark = pytest.mark.slow
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium is not installed (apt-get install chromium)"
)
A4 = (595, 842)  # points
FOOTER = re.compile(r"(Side|Page) \d+ (af|of) \d+|(Strategirapport|Strategy report) · \d+\.? \w+ \d{4}")
SUMMARY = {"da": ("Sammenfatning", "5. marts 2026", "Nøgletal"), "en": ("Summary", "5 March 2026", "Key figures")}


def _normal(text: str) -> str:
    """One space between words, ligatures (ﬁ) as their letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _page_lines(reader: PdfReader) -> list[list[str]]:
    """Each page's text lines, without the running footer (the @page margin boxes)."""
    pages = []
    for page in reader.pages:
        lines = [_normal(FOOTER.sub("", line)) for line in page.extract_text().splitlines()]
        pages.append([line for line in lines if line])
    return pages


def _headings(index: Path) -> set[str]:
    """The page's headings and captions, and an overlap's list of shared themes (its heading's second line)."""
    tree = lxml_html.fromstring(index.read_bytes())
    headings = {_normal(h.text_content()) for h in tree.xpath("//h1|//h2|//h3|//h4|//caption")}
    chips = {_normal(" ".join(li.text_content() for li in ul.xpath("li"))) for ul in tree.xpath("//ul[@class='chips']")}
    return {h for h in headings | chips if h}


@needs_chromium
@pytest.mark.parametrize(
    ("name", "lang", "pages"),
    [("hedensted", "da", (10, 22)), ("fixture", "en", (3, 10))],
)
def test_report_pdf_opens_with_the_summary_and_keeps_headings_with_their_content(
    tmp_path: Path, name: str, lang: str, pages: tuple[int, int]
) -> None:
    out = tmp_path / "report"
    build_report(out, "--quiet", "--pdf", lang=lang, **({"data": None} if name == "hedensted" else {}))
    reader = PdfReader(out / "report.pdf")
    low, high = pages
    assert low <= len(reader.pages) <= high, f"{len(reader.pages)} pages"
    assert all(
        round(float(p.mediabox.width)) == A4[0] and round(float(p.mediabox.height)) == A4[1] for p in reader.pages
    )

    lines = _page_lines(reader)
    summary, day, next_section = SUMMARY[lang]
    first = " ".join(lines[0])
    assert summary in first, "page 1 is the summary"
    assert day in first, "the summary is dated"
    assert next_section not in first, "the summary has page 1 to itself"
    assert lines[1][0] == next_section, "the key figures start page 2"
    footer = reader.pages[0].extract_text()
    assert re.search(r"(Side|Page) 1 (af|of) \d+", footer), "pages are numbered"

    text = " ".join(" ".join(page) for page in lines)
    assert not re.search(r"\b(tegn|characters) \d+–\d+", text), "no character offsets on paper"
    assert "views/overview.html" not in text, "no list of view files on paper"

    headings = _headings(out / "index.html")
    for number, page in enumerate(lines[:-1], 1):
        tail = " ".join(page[-3:])
        ending = [h for h in headings if tail.endswith(h)]
        assert ending == [], f"page {number} ends with the heading {ending}"


@needs_chromium
def test_print_pdf_makes_no_network_request() -> None:
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *_: object) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        page = f'<html><head><link rel="stylesheet" href="{url}/a.css"></head><body><img src="{url}/b.png">x</body>'
        pdf = print_pdf(page, CHROMIUM)
    finally:
        server.shutdown()
        server.server_close()
    assert pdf.startswith(b"%PDF")
    assert requests == []


@pytest.fixture
def fake_chromium(tmp_path: Path) -> Path:
    return tmp_path / "fake-chromium"


def test_a_chromium_that_hangs_is_stopped_within_the_time_limit(fake_chromium: Path) -> None:
    fake_chromium.write_text("#!/bin/sh\nsleep 60\n", encoding="utf-8")
    fake_chromium.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(PdfError, match="within 1 s"):
        print_pdf("<p>x</p>", fake_chromium, timeout=1)
    assert time.monotonic() - started < 10


def test_a_failing_chromium_is_one_line_and_writes_nothing(fake_chromium: Path, tmp_path: Path) -> None:
    fake_chromium.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n", encoding="utf-8")
    fake_chromium.chmod(0o755)
    out = tmp_path / "report"
    env = {"STRATEGYGRAPH_CHROMIUM": str(fake_chromium), "SOURCE_DATE_EPOCH": REPORT_EPOCH}
    result = CliRunner().invoke(cli, ["report", "--out", str(out), "--pdf", "--quiet"], env=env)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: Chromium could not print the PDF (exit 3): cannot open display"
    ]
    assert not out.exists()


def test_without_chromium_the_report_fails_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "report"
    env = {"STRATEGYGRAPH_CHROMIUM": str(tmp_path / "no-such-chromium")}
    result = CliRunner().invoke(cli, ["report", "--out", str(out), "--pdf"], env=env)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: STRATEGYGRAPH_CHROMIUM=")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "rapport:" not in result.stderr, "no step of the work started"
    assert not out.exists()


def test_the_date_comes_from_the_option_or_source_date_epoch(tmp_path: Path) -> None:
    build_report(tmp_path / "epoch", "--quiet")
    build_report(tmp_path / "option", "--quiet", "--date", "2027-01-31")
    assert "- **Dato:** 5. marts 2026" in (tmp_path / "epoch" / "report.md").read_text(encoding="utf-8")
    assert "- **Dato:** 31. januar 2027" in (tmp_path / "option" / "report.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "--out", str(tmp_path / "bad")], env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: SOURCE_DATE_EPOCH=yesterday: not a whole number of seconds since 1970"
