"""The views in a real browser: Debian's Chromium, headless, with every non-file request blocked and counted.

Screenshots land in tests/artifacts/views/ (not committed) for a reviewer to look at.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Request, Route, ViewportSize, sync_playwright

from strategygraph.analysis import Analysis
from strategygraph.i18n import Lang
from strategygraph.views import DEFAULT_TOP, build_view, render_view, view_names

from .conftest import HEDENSTED, HOSTILE_FIXTURE, TESTS, VIEWS_FIXTURE, AnalysisOf
from .test_views import HAND_COUNTS, IMG, XSS

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = TESTS / "artifacts" / "views"
VIEWPORT = {"width": 1400, "height": 900}


@dataclass
class LoadedView:
    page: Page
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, argument: Any = None) -> Any:
        return self.page.evaluate(expression, argument)

    def node_point(self, node: str) -> tuple[float, float]:
        """Where ``node`` is on the screen (page coordinates)."""
        point = self.js(
            """id => {
                const network = window.strategyView.network;
                const dom = network.canvasToDOM(network.getPositions([id])[id]);
                const box = document.getElementById('network').getBoundingClientRect();
                return [box.left + dom.x, box.top + dom.y];
            }""",
            node,
        )
        return float(point[0]), float(point[1])

    def on_canvas(self, point: tuple[float, float]) -> bool:
        """Whether ``point`` shows the network (not the details panel or anything else above it)."""
        return bool(self.js("([x, y]) => document.elementFromPoint(x, y).tagName === 'CANVAS'", list(point)))

    def click_node(self, node: str) -> None:
        """Click ``node`` where it is drawn, as a user would (after any focus animation)."""
        self.page.wait_for_function("() => !window.strategyView.state.animating")
        point = self.node_point(node)
        assert self.on_canvas(point), f"{node} is hidden behind something"
        self.page.mouse.click(*point)
        self.page.wait_for_function("() => !window.strategyView.state.animating")  # a covered node moves into view
        assert self.on_canvas(self.node_point(node)), f"{node} stays behind the details panel"

    def empty_point(self) -> tuple[float, float]:
        """A point on the canvas (page coordinates) with no node or edge under it."""
        point = self.js(
            """() => {
                const network = window.strategyView.network;
                const box = document.getElementById('network').getBoundingClientRect();
                for (let y = 5; y < box.height; y += 20) {
                    for (let x = 5; x < box.width; x += 20) {
                        if (network.getNodeAt({x, y}) === undefined && network.getEdgeAt({x, y}) === undefined) {
                            return [box.left + x, box.top + y];
                        }
                    }
                }
                return null;
            }"""
        )
        assert point, "the canvas has an empty spot"
        return float(point[0]), float(point[1])

    def hover_node(self, node: str) -> None:
        self.page.wait_for_function("() => !window.strategyView.state.animating")
        self.page.mouse.move(*self.node_point(node))

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


OpenView = Callable[..., LoadedView]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.is_file(), "the browser tests need Debian's Chromium: apt-get install chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_view(browser: Browser, tmp_path: Path) -> Iterator[OpenView]:
    """``open_view(analysis, name, lang="da", top=50)``: write the page, open it offline, wait for the layout."""
    loaded: list[LoadedView] = []
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]  # one per test: the pages share no state

    def open_page(analysis: Analysis, name: str, lang: Lang = "da", top: int = DEFAULT_TOP) -> LoadedView:
        path = tmp_path / f"{name.replace(':', '-').replace('/', '_')}-{lang}-{len(loaded)}.html"
        path.write_text(render_view(analysis, name, lang, top), encoding="utf-8")
        view = LoadedView(context.new_page())

        def route(route: Route, request: Request) -> None:
            if request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                view.blocked.append(request.url)
                route.abort()

        view.page.route("**/*", route)
        view.page.on("request", lambda request: view.requests.append(request.url))
        view.page.on("console", lambda message: view.errors.append(message.text) if message.type == "error" else None)
        view.page.on("pageerror", lambda error: view.errors.append(str(error)))
        view.page.goto(path.as_uri())
        view.page.wait_for_function("() => window.strategyView && window.strategyView.state.stabilised", timeout=60_000)
        loaded.append(view)
        return view

    yield open_page
    context.close()


def _assert_clean(view: LoadedView) -> None:
    assert view.blocked == [], "the page asked for something outside itself"
    assert all(url.startswith(("file:", "data:")) for url in view.requests), view.requests
    assert view.errors == []
    assert view.js("typeof window.pwned") == "undefined"


def _counts(view: LoadedView) -> tuple[int, int, int, int]:
    return tuple(
        view.js(
            """() => {
                const v = window.strategyView;
                return [v.nodes.length, v.edges.length,
                        v.network.body.nodeIndices.length, v.network.body.edgeIndices.length];
            }"""
        )
    )


def _file_name(folder: Path, name: str, lang: str) -> str:
    return f"{folder.name}-{name.replace(':', '-').replace('/', '_')}-{lang}"


# --- the fixture: every view, its counts, search, click, filters, layout -------------------------------------


# The page-by-page tests take every SHARDS-th view, so that parallel workers share them.
SHARDS = 3


def _one_of_each_kind(names: tuple[str, ...]) -> tuple[str, ...]:
    """The fixed views and the first view of each kind (``committee:…``, ``theme:…``): a language changes the
    labels, not what a view draws, so English is loaded for these and Danish for every view."""
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(name.split(":")[0] if ":" in name else name, name)
    return tuple(first.values())


@pytest.mark.parametrize(("lang", "shard"), [*(("da", shard) for shard in range(SHARDS)), ("en", 0)])
def test_every_fixture_view_loads_offline_with_its_nodes_and_edges(
    analysis_of: AnalysisOf, open_view: OpenView, lang: Lang, shard: int
) -> None:
    analysis = analysis_of(VIEWS_FIXTURE, "statements")
    names = view_names(analysis.corpus)
    for name in names[shard::SHARDS] if lang == "da" else _one_of_each_kind(names):
        graph = build_view(analysis, name, lang)
        view = open_view(analysis, name, lang)
        _assert_clean(view)
        expected = HAND_COUNTS.get(name, (len(graph.nodes), len(graph.edges)))
        assert _counts(view) == (*expected, *expected), name
        assert view.js("window.strategyView.network.physics.options.enabled") is False, "physics stops"
        view.screenshot(_file_name(VIEWS_FIXTURE, name, lang))


@pytest.mark.parametrize("query", ["Fællesskab forpligter", "fællesskab FORPLIGTER", "skab forp"])
def test_search_focuses_the_node(analysis_of: AnalysisOf, open_view: OpenView, query: str) -> None:
    view = open_view(analysis_of(VIEWS_FIXTURE, "statements"), "overview")
    view.page.fill("#search-input", query)
    assert view.page.inner_text("#search-results li:first-child button").startswith("Fællesskab forpligter")
    view.page.press("#search-input", "Enter")
    target = "focus-area:faellesskab-forpligter"
    assert view.js("window.strategyView.state.focused") == target
    assert view.js("window.strategyView.network.getSelectedNodes()") == [target]
    assert view.page.inner_text("#details h2") == "Fællesskab forpligter"
    view.page.wait_for_function("() => !window.strategyView.state.animating")
    x, y = view.node_point(target)
    assert view.on_canvas((x, y)), "the focused node is in view, not behind the details panel"
    canvas = view.js("document.getElementById('network').getBoundingClientRect().toJSON()")
    panel_right = view.js("document.getElementById('details').getBoundingClientRect().right")
    assert panel_right <= canvas["left"], "the panel is docked beside the canvas"
    centre = (canvas["left"] + canvas["width"] / 2, canvas["top"] + canvas["height"] / 2)
    assert math.dist((x, y), centre) < 3, "centred on the canvas the panel leaves"
    _assert_clean(view)


def test_search_says_when_nothing_matches(analysis_of: AnalysisOf, open_view: OpenView) -> None:
    view = open_view(analysis_of(VIEWS_FIXTURE, "statements"), "overview")
    view.page.fill("#search-input", "ingenting")
    assert view.page.inner_text("#search-results") == "Ingen fund"
    view.page.press("#search-input", "Enter")
    assert view.js("window.strategyView.state.focused") is None


def test_clicking_a_committee_opens_its_panel_with_its_focus_areas(
    analysis_of: AnalysisOf, open_view: OpenView
) -> None:
    view = open_view(analysis_of(VIEWS_FIXTURE, "statements"), "overview")
    view.click_node("committee:plan")
    details = view.page.locator("#details")
    assert details.is_visible()
    assert view.page.inner_text("#details .kind").lower() == "udvalg"
    assert view.page.inner_text("#details h2") == "Planudvalget"
    items = view.page.locator("#details .sections ul").first.locator("li").all_inner_texts()
    assert items[0].startswith("Byer\nstærk slutning — Vand og trafik er planudvalgets område.")
    assert items[1].startswith("Grønne områder\nsvagt gæt — ")
    view.screenshot("views-overview-panel-committee")
    view.page.click("#details button.link >> text=Grønne områder")  # a focus area in the panel is a link
    assert view.js("window.strategyView.state.focused") == "focus-area:groenne-omraader"
    facts = view.page.inner_text("#details dl")
    assert "Tilskrivning\nsvagt gæt" in facts
    quotes = view.page.locator("#details blockquote").all_inner_texts()
    assert quotes == ["Skraldebilen kører hver uge.", "Kloakkerne og containerne skal fornyes."]
    marks = view.page.locator("#details blockquote mark").all_inner_texts()
    assert marks == ["Skraldebilen", "Kloakkerne", "containerne"]
    view.page.mouse.click(*view.empty_point())  # empty canvas closes the panel
    assert not details.is_visible()
    _assert_clean(view)


def test_edge_panel_of_an_overlap_lists_shared_themes_with_quotes(analysis_of: AnalysisOf, open_view: OpenView) -> None:
    view = open_view(analysis_of(VIEWS_FIXTURE, "statements"), "overlap")
    view.js("window.strategyView.showPanel('committee:plan|committee:social')")
    assert view.page.inner_text("#details h2") == "Planudvalget — Socialudvalget"
    headings = view.page.locator("#details h3").all_inner_texts()
    assert headings == ["Sådan er vægten beregnet", "Vand og kloak (båret af 2 udvalg; bidrag 1)"]
    notes = view.page.locator("#details li .note").all_inner_texts()
    assert notes[0].startswith("Planudvalget · Udsagn · slide 1 · tegn ")
    view.screenshot("views-overlap-panel-edge")


def test_filters_by_node_type_and_pillar(analysis_of: AnalysisOf, open_view: OpenView) -> None:
    analysis = analysis_of(VIEWS_FIXTURE, "statements")
    graph = build_view(analysis, "overview")
    view = open_view(analysis, "overview")

    def visible() -> set[str]:
        return set(view.js("window.strategyView.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))

    view.page.uncheck("input[data-type=theme]")
    assert visible() == {n.id for n in graph.nodes if n.type != "theme"}
    assert view.page.inner_text("#shown") == "Viser 12 af 16 noder."
    view.page.check("input[data-type=theme]")
    view.page.select_option("#pillar-filter", "tryghed")
    assert visible() == {
        "pillar:tryghed",
        "theme:beredskab",
        "focus-area:foreningsliv",
        "focus-area:faellesskab-forpligter",
        "committee:kultur",
        "committee:skole",
    }
    view.page.uncheck("input[data-type=pillar]")
    view.page.uncheck("input[data-type=theme]")
    view.page.uncheck("input[data-type=committee]")
    view.page.uncheck("input[data-type=focus-area]")
    assert visible() == set()
    assert view.page.is_visible("#empty"), "an empty filter result says so"
    view.page.fill("#search-input", "Tryghed")
    view.page.press("#search-input", "Enter")  # focusing a hidden node resets the filters
    assert len(visible()) == 16
    assert view.js("window.strategyView.state.focused") == "pillar:tryghed"
    _assert_clean(view)


def test_layout_is_seeded_and_settles(analysis_of: AnalysisOf, open_view: OpenView) -> None:
    analysis = analysis_of(VIEWS_FIXTURE, "statements")
    read = "JSON.stringify(window.strategyView.network.getPositions())"
    first = open_view(analysis, "overview")
    second = open_view(analysis, "overview")
    positions = first.js(read)
    assert positions == second.js(read), "the same page lays out the same way"
    first.page.wait_for_timeout(500)
    assert first.js(read) == positions, "nothing moves once the layout has settled"


# --- hostile text -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("shard", range(SHARDS))
def test_hostile_text_runs_nothing_in_any_view(analysis_of: AnalysisOf, open_view: OpenView, shard: int) -> None:
    analysis = analysis_of(HOSTILE_FIXTURE, "all")
    for name in view_names(analysis.corpus)[shard::SHARDS]:
        view = open_view(analysis, name)
        _assert_clean(view)
        assert view.page.locator("img").count() == 0
        view.screenshot(_file_name(HOSTILE_FIXTURE, name, "da"))


def test_hostile_text_renders_literally_and_runs_nothing(analysis_of: AnalysisOf, open_view: OpenView) -> None:
    analysis = analysis_of(HOSTILE_FIXTURE, "all")
    view = open_view(analysis, "committee:farlig")
    assert view.page.title() == f"Udvalg: Udvalget {XSS} for href & æøå – strategygraph"
    assert view.page.inner_text("h1") == f"Udvalg: Udvalget {XSS} for href & æøå"

    view.hover_node("committee:farlig")
    tooltip = view.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().startswith(f"Udvalget {XSS} for href & æøå\nUdvalg")
    assert view.js("[...document.querySelectorAll('div.vis-tooltip *')].every(e => e.tagName === 'BR')")

    view.click_node("committee:farlig")
    assert view.page.inner_text("#details h2") == f"Udvalget {XSS} for href & æøå"
    assert view.page.inner_text("#details .sections li:first-child button") == f"{IMG} Fællesskab & href"
    assert "&lt;script&gt;" in view.js("document.querySelector('#details h2').innerHTML")
    view.page.click("#details button.link")
    quotes = view.page.locator("#details blockquote").all_inner_texts()
    assert quotes == [
        f"{XSS} står der.",
        'Et </script> midt i teksten & &amp; og href="javascript:window.pwned=1" æøå.',
    ]
    assert "Begrundelse <b>fed</b> </script> &amp; æøå" in view.page.inner_text("#details dl")
    view.screenshot("views-hostile-panel")

    view.page.fill("#search-input", "<script>")
    assert view.page.locator("#search-results button").count() >= 2
    assert view.page.locator("#search-results script, #search-results img").count() == 0
    _assert_clean(view)


# --- the bundled Hedensted data ---------------------------------------------------------------------------


@pytest.mark.parametrize("shard", range(SHARDS))
def test_bundled_views_load_with_their_nodes_and_edges(
    analysis_of: AnalysisOf, open_view: OpenView, shard: int
) -> None:
    analysis = analysis_of(HEDENSTED, "statements")
    for name in view_names(analysis.corpus)[shard::SHARDS]:
        view = open_view(analysis, name)
        _assert_clean(view)
        graph = build_view(analysis, name)
        assert _counts(view)[:2] == (len(graph.nodes), len(graph.edges)), name
        view.screenshot(_file_name(HEDENSTED, name, "da"))


def test_bundled_views_search_finds_faellesskab_forpligter(analysis_of: AnalysisOf, open_view: OpenView) -> None:
    analysis = analysis_of(HEDENSTED, "statements")
    view = open_view(analysis, "overview")
    view.page.fill("#search-input", "Fællesskab forpligter")
    view.page.press("#search-input", "Enter")
    assert view.js("window.strategyView.state.focused") == "focus-area:faellesskab-forpligter"
    assert view.page.inner_text("#details .kind").lower() == "fokusområde"
    assert "Udvalget for Læring" in view.page.inner_text("#details dl")

    view.page.click("#details-close")
    assert not view.page.is_visible("#details")
    view.click_node("committee:laering")
    assert view.page.inner_text("#details h2") == "Udvalget for Læring"
    areas = view.page.locator("#details .sections ul").first.locator("button").all_inner_texts()
    assert areas == ["Fællesskab forpligter", "En god barndom varer hele livet"]
    assert "stærk slutning" in view.page.inner_text("#details .sections")
    view.screenshot("hedensted-overview-panel-laering")
    _assert_clean(view)


def test_bundled_views_show_themes_and_overlaps(analysis_of: AnalysisOf, open_view: OpenView) -> None:
    analysis = analysis_of(HEDENSTED, "statements")
    overview = build_view(analysis, "overview")
    assert sum(1 for n in overview.nodes if n.type == "theme") >= 10
    assert sum(1 for e in overview.edges if e.kind == "mentions") >= 15
    assert len(build_view(analysis, "overlap").edges) >= 5
    themes = open_view(analysis, "themes")
    _assert_clean(themes)
    assert _counts(themes)[0] > 8
    themes.screenshot("hedensted-themes-with-themes")
    overlap = open_view(analysis, "overlap")
    first = build_view(analysis, "overlap").edges[0].id
    overlap.js(f"window.strategyView.showPanel('{first}')")
    assert overlap.page.locator("#details blockquote").count() >= 2, "quotes on both sides"
    overlap.screenshot("hedensted-overlap-panel")


# --- the drawing fills its canvas ---------------------------------------------------------------------------

DRAWN_BOX = """() => {
    const v = window.strategyView, network = v.network;
    const canvas = document.getElementById('network').getBoundingClientRect();
    const box = {left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity};
    v.nodes.getIds().forEach(id => {
        if (v.nodes.get(id).hidden) return;
        const b = network.getBoundingBox(id);
        const a = network.canvasToDOM({x: b.left, y: b.top}), c = network.canvasToDOM({x: b.right, y: b.bottom});
        box.left = Math.min(box.left, a.x); box.top = Math.min(box.top, a.y);
        box.right = Math.max(box.right, c.x); box.bottom = Math.max(box.bottom, c.y);
    });
    return {width: canvas.width, height: canvas.height, box: box, scale: network.getScale()};
}"""


def _fills_canvas(view: LoadedView, where: str) -> float:
    """The larger share of the canvas's width or height that the drawn nodes span; they lie inside it."""
    drawn = view.js(DRAWN_BOX)
    box, width, height = drawn["box"], drawn["width"], drawn["height"]
    slack = 2.0  # pixels of rounding
    inside = (-slack, -slack, width + slack, height + slack)
    assert min(box["left"] - inside[0], box["top"] - inside[1]) >= 0, (where, drawn)
    assert min(inside[2] - box["right"], inside[3] - box["bottom"]) >= 0, (where, drawn)
    share = max((box["right"] - box["left"]) / width, (box["bottom"] - box["top"]) / height)
    assert share >= 0.75, f"{where}: the nodes span only {share:.0%} of the canvas ({drawn})"
    return float(share)


@pytest.mark.parametrize("name", ["overlap", "overview", "themes", "committee:laering"])
def test_the_drawing_fills_its_canvas_and_follows_a_resize(
    analysis_of: AnalysisOf, open_view: OpenView, name: str
) -> None:
    view = open_view(analysis_of(HEDENSTED, "statements"), name)
    _fills_canvas(view, f"{name} after the layout settled")
    view.screenshot(f"hedensted-{name.replace(':', '-')}-fit")
    sizes: list[ViewportSize] = [{"width": 900, "height": 650}, {"width": 1800, "height": 1100}]
    for size in sizes:
        view.page.set_viewport_size(size)
        view.page.wait_for_function("() => !window.strategyView.state.fitting")
        view.page.wait_for_timeout(100)
        _fills_canvas(view, f"{name} at {size['width']}×{size['height']}")
    _assert_clean(view)


def test_zoom_stays_within_limits_and_a_zoomed_view_is_not_refitted(
    analysis_of: AnalysisOf, open_view: OpenView
) -> None:
    view = open_view(analysis_of(HEDENSTED, "statements"), "overlap")
    limits = view.js("window.strategyView.zoomLimits")
    # a small network is laid out with room between its labels, then drawn near its own size or magnified to fill
    assert 0.75 < view.js("window.strategyView.network.getScale()") <= 3
    view.page.mouse.move(500, 400)
    for _ in range(12):
        view.page.mouse.wheel(0, -400)
        view.page.wait_for_timeout(30)
    view.page.wait_for_timeout(200)
    assert view.js("window.strategyView.network.getScale()") <= limits["max"] + 1e-9
    for _ in range(25):
        view.page.mouse.wheel(0, 400)
        view.page.wait_for_timeout(30)
    view.page.wait_for_timeout(200)
    assert view.js("window.strategyView.network.getScale()") >= limits["min"] - 1e-9
    fits = view.js("window.strategyView.state.fits")
    view.page.set_viewport_size({"width": 1000, "height": 700})
    view.page.wait_for_timeout(300)
    assert view.js("window.strategyView.state.fits") == fits, "the user's zoom is theirs: no refit"
    _assert_clean(view)
