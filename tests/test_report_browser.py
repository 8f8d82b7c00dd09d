"""index.html in a real browser (Debian's Chromium, headless, every non-file request blocked and counted):
no network requests, no console errors, the heatmap drawn, nothing injected, and an A4 PDF of sensible length.
Screenshots of the top and the heatmap go to tests/artifacts/ for a reviewer to look at."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, Request, Route, sync_playwright

from .conftest import TESTS
from .report_support import build_report
from .test_views_browser import CHROMIUM, CHROMIUM_ARGS

ARTIFACTS = TESTS / "artifacts"
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (apt-get install chromium)"),
]


@dataclass
class Visit:
    page: Page
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def _visit(browser: Browser, path: Path) -> Visit:
    """Open ``path`` with every request outside the file blocked and counted, dialogs dismissed and counted,
    console errors collected; wait for a view's layout where the page is one."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    visit = Visit(page)

    def route(route: Route, request: Request) -> None:
        if request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            visit.blocked.append(request.url)
            route.abort()

    def dialog(dialog: Dialog) -> None:
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    page.route("**/*", route)
    page.on("dialog", dialog)
    page.on("console", lambda message: visit.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    if page.evaluate("() => Boolean(window.strategyView)"):
        page.wait_for_function("() => window.strategyView.state.stabilised", timeout=60_000)
    return visit


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


@pytest.mark.parametrize(("name", "data", "pages"), [("fixture", True, (3, 16)), ("hedensted", False, (3, 40))])
def test_report_page_in_chromium(
    browser: Browser, tmp_path: Path, name: str, data: bool, pages: tuple[int, int]
) -> None:
    out = tmp_path / "report"
    if data:
        build_report(out, "--quiet")
    else:
        build_report(out, "--quiet", data=None)
    visit = _visit(browser, out / "index.html")
    page = visit.page
    assert visit.blocked == []
    assert visit.errors == []
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("h1").inner_text().startswith("Strategirapport")
    heatmap = page.locator("#heatmap .heatmap-screen svg")
    if heatmap.count():
        assert heatmap.locator("g.cells rect").count() == heatmap.locator("g.row-labels text").count() * (
            heatmap.locator("g.column-labels text").count()
        )
        printed = page.locator("#heatmap .heatmap-print svg")
        assert not printed.is_visible(), "the transposed heatmap is for paper only"
        assert printed.locator("g.row-labels text").count() == heatmap.locator("g.column-labels text").count()
        assert heatmap.locator("g.legend rect").count() >= 2
        box = heatmap.bounding_box()
        assert box is not None
        assert box["width"] <= 1200
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"report-{name}-top.png"))
    if heatmap.count():
        page.locator("#heatmap").screenshot(path=str(ARTIFACTS / f"report-{name}-heatmap.png"))
    frame = page.locator("#network iframe")
    assert frame.count() == 1
    frame.scroll_into_view_if_needed()
    view = next(f for f in page.frames if f.url == "about:srcdoc")
    view.wait_for_function("() => window.strategyView && window.strategyView.state.stabilised", timeout=60_000)
    assert view.locator("h1").inner_text() == "Overlap mellem udvalg"
    assert view.locator("canvas").count() == 1
    assert visit.errors == []
    page.locator("#network").screenshot(path=str(ARTIFACTS / f"report-{name}-network.png"))
    pdf = page.pdf(format="A4", print_background=True)
    (ARTIFACTS / f"report-{name}.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    low, high = pages
    assert low <= _pdf_pages(pdf) <= high
    page.close()


@pytest.mark.parametrize("data", [True, False], ids=["fixture", "hedensted"])
def test_printed_page_is_no_wider_than_a4(browser: Browser, tmp_path: Path, data: bool) -> None:
    """Chromium shrinks every printed page to fit the widest thing on any of them: nothing may be wider than A4
    between its margins (182 mm, 688 CSS px), or all the text prints smaller than its 10 pt."""
    out = tmp_path / "report"
    if data:
        build_report(out, "--quiet")
    else:
        build_report(out, "--quiet", data=None)
    visit = _visit(browser, out / "index.html")
    page = visit.page
    page.set_viewport_size({"width": 688, "height": 900})
    page.emulate_media(media="print")
    assert page.evaluate("document.documentElement.scrollWidth") <= 688
    assert page.locator("#heatmap .heatmap-print svg").is_visible()
    assert not page.locator(".offset").first.is_visible(), "no character offsets on paper"
    assert not page.locator("ul.views").is_visible(), "no list of view files on paper"
    quotes = page.locator("blockquote.quote p:visible").all_inner_texts()
    assert quotes, "quotes on paper"
    assert len(quotes) == len(set(quotes)), "each quote printed once; a repeat refers back to it"
    page.emulate_media(media="screen")
    assert page.locator("p.quote-repeat:visible").count() == 0, "on screen a repeated quote is shown in full"
    page.close()


def test_hostile_text_stays_text(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "report"
    build_report(out, "--quiet")
    visit = _visit(browser, out / "index.html")
    body = visit.page.locator("body").inner_text()
    assert "<script>window.pwned=1</script> Grønne områder" in body
    assert '"><img src=x onerror="window.pwned=1">' in body
    assert visit.page.locator("img").count() == 0
    assert visit.page.evaluate("typeof window.pwned") == "undefined"
    assert visit.errors == []


def test_bundle_views_load_their_shared_vis_network(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "report"
    build_report(out, "--quiet")
    for name in ("overview", "committee-plan"):
        path = out / "views" / f"{name}.html"
        assert path.stat().st_size < 200_000, "a bundle view carries no copy of vis-network of its own"
        visit = _visit(browser, path)
        page = visit.page
        page.wait_for_function("() => window.strategyView && window.strategyView.state.stabilised", timeout=60_000)
        assert page.locator("canvas").count() == 1
        assert visit.blocked == []
        assert visit.errors == []
        page.close()
