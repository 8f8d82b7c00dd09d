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
FOOTER_TOP = 18 / 25.4 * 72  # points: the bottom margin (18 mm) holds the running footer
SUMMARY = {"da": ("Sammenfatning", "5. marts 2026", "Nøgletal"), "en": ("Summary", "5 March 2026", "Key figures")}


def _normal(text: str) -> str:
    """One space between words, ligatures (ﬁ) as their letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


Fragment = tuple[str, bool]  # a run of text on a page, and whether it is set in bold


def _page_fragments(reader: PdfReader) -> list[list[Fragment]]:
    """Each page's runs of text in reading order, without the running footer (the @page margin boxes)."""
    pages = []
    for page in reader.pages:
        fragments: list[Fragment] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: dict[str, object] | None,
            _size: object,
            out: list[Fragment] = fragments,
        ) -> None:
            if tm[4] * cm[1] + tm[5] * cm[3] + cm[5] < FOOTER_TOP:  # the text's height on the page (tm × cm)
                return  # the running footer, in the page's bottom margin
            bold = "Bold" in str((font or {}).get("/BaseFont", ""))
            out.extend((line, bold) for line in (_normal(t) for t in text.splitlines()) if line)

        page.extract_text(visitor_text=visit)
        pages.append(fragments)
    return pages


def _page_endings(index: Path) -> tuple[set[str], set[str]]:
    """What must not end a page: the headings and captions (set in bold); a heading with the intro paragraph
    before its content, and an overlap's heading with its list of shared themes."""
    tree = lxml_html.fromstring(index.read_bytes())
    headings, blocks = set(), set()
    for heading in tree.xpath("//h1|//h2|//h3|//h4|//caption"):
        headings.add(_normal(heading.text_content()))
        following = heading.getnext()
        if following is not None and following.tag == "p" and following.getnext() is not None:
            blocks.add(_normal(heading.text_content() + " " + following.text_content()))
    for chips in tree.xpath("//ul[@class='chips']"):
        pair = chips.getprevious()
        blocks.add(_normal(" ".join([pair.text_content(), *(li.text_content() for li in chips.xpath("li"))])))
    return headings - {""}, blocks - {""}


def _ending(fragments: list[Fragment], headings: set[str], blocks: set[str]) -> list[str]:
    """The heading or block ``fragments`` end with, if any."""
    tail = " ".join(text for text, _ in fragments)
    bold: list[str] = []
    for text, is_bold in reversed(fragments):
        if not is_bold:
            break
        bold.insert(0, text)
    bold_tail = " ".join(bold)
    return [h for h in headings if bold_tail.endswith(h)] + [b for b in blocks if tail.endswith(b)]


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

    pages_text = _page_fragments(reader)
    summary, day, next_section = SUMMARY[lang]
    first = " ".join(text for text, _ in pages_text[0])
    assert summary in first, "page 1 is the summary"
    assert day in first, "the summary is dated"
    assert next_section not in first, "the summary has page 1 to itself"
    assert pages_text[1][0][0] == next_section, "the key figures start page 2"
    assert re.search(r"(Side|Page) 1 (af|of) \d+", reader.pages[0].extract_text()), "pages are numbered"

    text = " ".join(text for page in pages_text for text, _ in page)
    assert not re.search(r"\b(tegn|characters) \d+–\d+", text), "no character offsets on paper"
    assert "views/overview.html" not in text, "no list of view files on paper"

    headings, blocks = _page_endings(out / "index.html")
    for number, page in enumerate(pages_text[:-1], 1):
        assert _ending(page, headings, blocks) == [], f"page {number} ends with a heading"


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
        "Fejl: Chromium kunne ikke udskrive PDF'en (exit 3: cannot open display)"
    ]
    assert not out.exists()


def test_without_chromium_the_report_fails_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "report"
    env = {"STRATEGYGRAPH_CHROMIUM": str(tmp_path / "no-such-chromium")}
    result = CliRunner().invoke(cli, ["report", "--out", str(out), "--pdf"], env=env)
    assert result.exit_code == 2
    assert result.stderr.startswith("Fejl: STRATEGYGRAPH_CHROMIUM=")
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
    assert result.stderr.strip() == "Fejl: SOURCE_DATE_EPOCH=yesterday: ikke et helt antal sekunder siden 1970"


def test_a_chromium_that_cannot_run_is_one_line(fake_chromium: Path) -> None:
    fake_chromium.write_text("not a program\n", encoding="utf-8")  # not executable
    with pytest.raises(PdfError, match=r"^cannot run .*fake-chromium: Permission denied$"):
        print_pdf("<p>x</p>", fake_chromium)
