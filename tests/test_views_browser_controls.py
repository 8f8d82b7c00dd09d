"""The views' controls in a real browser (Debian's Chromium, headless, offline): the overlap filters, the docked
details panel, lists that expand, search beyond the drawn nodes, a legend in the canvas's colours, and hostile
text that stays text. Screenshots land in tests/artifacts/views/ (not committed) for a reviewer to look at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from strategygraph.analysis.overlaps import Overlap, strongest_overlaps
from strategygraph.i18n import Lang
from strategygraph.views import build_view

from .conftest import HEDENSTED, HOSTILE_FIXTURE, AnalysisOf
from .test_views import XSS
from .test_views_browser import (  # noqa: F401  (browser and open_view are fixtures)
    DRAWN_BOX,
    LoadedView,
    OpenView,
    _assert_clean,
    browser,
    open_view,
)

pytestmark = pytest.mark.slow

VISIBLE_OVERLAPS = (
    "() => window.strategyView.edges.get({filter: e => e.kind === 'overlap' && !e.hidden}).map(e => e.id)"
)


def _set_min_weight(view: LoadedView, value: float) -> None:
    view.js(
        """value => {
            const slider = document.getElementById('min-weight');
            slider.value = String(value);
            slider.dispatchEvent(new Event('input', {bubbles: true}));
        }""",
        value,
    )


def _ids(overlaps: Sequence[Overlap]) -> set[str]:
    return {f"committee:{o.a}|committee:{o.b}" for o in overlaps}


# --- the overlap view's filters ------------------------------------------------------------------------------


def test_weight_slider_filters_overlaps_live_and_says_how_many(analysis_of: AnalysisOf, open_view: OpenView) -> None:
    analysis = analysis_of(HEDENSTED, "statements")
    view = open_view(analysis, "overlap")
    view.page.select_option("#strongest", "0")  # every committee's every overlap
    assert view.page.inner_text("#edges-shown") == "Viser 23 af 23 forbindelser."
    assert len(view.js(VISIBLE_OVERLAPS)) == 23
    _set_min_weight(view, 0.2)
    expected = {f"committee:{o.a}|committee:{o.b}" for o in analysis.overlaps if o.weight >= 0.2}
    assert len(expected) == 5
    assert set(view.js(VISIBLE_OVERLAPS)) == expected
    assert view.page.inner_text("#edges-shown") == "Viser 5 af 23 forbindelser."
    assert view.page.inner_text("#min-weight-label") == "Mindste vægt: 0,200"
    view.screenshot("hedensted-overlap-min-weight")
    _set_min_weight(view, 0)
    assert len(view.js(VISIBLE_OVERLAPS)) == 23
    _assert_clean(view)


def test_strongest_n_per_committee_keeps_each_committees_closest_partners(
    analysis_of: AnalysisOf, open_view: OpenView
) -> None:
    analysis = analysis_of(HEDENSTED, "statements")
    view = open_view(analysis, "overlap")
    committees = [c.key for c in analysis.corpus.committees]
    default = _ids(strongest_overlaps(analysis.overlaps, committees, 3))
    assert set(view.js(VISIBLE_OVERLAPS)) == default, "at first each committee shows its 3 strongest"
    assert view.page.inner_text("#edges-shown") == f"Viser {len(default)} af 23 forbindelser."
    view.page.select_option("#strongest", "1")
    strongest = _ids(strongest_overlaps(analysis.overlaps, committees, 1))
    assert set(view.js(VISIBLE_OVERLAPS)) == strongest
    assert view.page.inner_text("#edges-shown") == f"Viser {len(strongest)} af 23 forbindelser."
    _set_min_weight(view, 0.3)  # both filters at once: what passes both
    assert set(view.js(VISIBLE_OVERLAPS)) == {e for e in strongest if e in _ids(analysis.overlaps[:2])}
    view.screenshot("hedensted-overlap-strongest-1")
    _assert_clean(view)


def test_overlap_edges_carry_their_shared_theme_and_the_weight_explained(
    analysis_of: AnalysisOf, open_view: OpenView
) -> None:
    analysis = analysis_of(HEDENSTED, "statements")
    view = open_view(analysis, "overlap", "en")
    edge = view.js("window.strategyView.edges.get('committee:beskaeftigelse|committee:ungeudvalget')")
    assert edge["label"] == "Employment… +2"
    assert "weight 0.386 = 2.500 ÷ √(6 × 7)" in edge["title"]
    view.js("window.strategyView.showPanel('committee:beskaeftigelse|committee:ungeudvalget')")
    explained = view.page.locator("#details .sections ul").first.inner_text()
    assert "ranks above it, because its unrounded weight is larger: 0.38576 against 0.38557" in explained
    assert view.page.inner_text("#min-weight-label") == "Minimum weight: 0.000"
    _assert_clean(view)


# --- the docked details panel --------------------------------------------------------------------------------


def _boxes_overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("name", ["overlap", "overview"])
def test_details_panel_is_docked_beside_the_canvas_and_every_node_stays_visible(
    analysis_of: AnalysisOf, open_view: OpenView, name: str
) -> None:
    view = open_view(analysis_of(HEDENSTED, "statements"), name)
    before = view.js("document.getElementById('network').getBoundingClientRect().toJSON()")
    node = "committee:oekonomiudvalget"
    view.click_node(node)
    view.page.wait_for_function("() => !window.strategyView.state.fitting")
    view.page.wait_for_timeout(150)
    panel = view.js("document.getElementById('details').getBoundingClientRect().toJSON()")
    canvas = view.js("document.getElementById('network').getBoundingClientRect().toJSON()")
    assert panel["width"] > 250
    assert not _boxes_overlap(panel, canvas), (panel, canvas)
    assert canvas["width"] < before["width"], "the canvas made room for the panel"
    drawn = view.js(DRAWN_BOX)
    box = drawn["box"]
    assert box["left"] >= -2
    assert box["top"] >= -2
    assert box["right"] <= drawn["width"] + 2
    assert box["bottom"] <= drawn["height"] + 2, "every node is still on the canvas"
    assert view.on_canvas(view.node_point(node))
    view.screenshot(f"hedensted-{name}-docked-panel")
    view.page.click("#details-close")
    after = view.js("document.getElementById('network').getBoundingClientRect().toJSON()")
    assert after["width"] == before["width"], "closing the panel gives the canvas its width back"
    _assert_clean(view)


def test_and_n_more_is_a_button_that_reveals_the_rest(analysis_of: AnalysisOf, open_view: OpenView) -> None:
    analysis = analysis_of(HEDENSTED, "statements")
    view = open_view(analysis, "overlap")
    pair = "committee:oekonomiudvalget|committee:vaekst-klima"
    view.js(f"window.strategyView.showPanel('{pair}')")
    button = view.page.locator("#details button.more").first
    label = button.inner_text()
    match = re.fullmatch(r"… og (\d+) til", label)
    assert match, label
    hidden = int(match.group(1))
    quotes = view.page.locator("#details blockquote").count()
    buttons = view.page.locator("#details button.more").count()
    button.click()
    assert view.page.locator("#details blockquote").count() == quotes + hidden
    assert view.page.locator("#details button.more").count() == buttons - 1
    overlap = next(o for o in analysis.overlaps if (o.a, o.b) == ("oekonomiudvalget", "vaekst-klima"))
    every = {q.text for s in overlap.shared for q in s.quotes}
    shown = set(view.page.locator("#details blockquote").all_inner_texts())
    assert shown <= every
    view.screenshot("hedensted-overlap-panel-expanded")
    _assert_clean(view)


# --- search beyond the drawn nodes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("da", "»Ældre, demens og handicap« er et tema, men kun gruppernes refleksioner nævner det"),
        ("en", "“Older people, dementia and disability” is a theme, but only the groups' reflections mention it"),
    ],
)
def test_search_finds_reflections_and_says_why_a_theme_is_not_drawn(
    analysis_of: AnalysisOf, open_view: OpenView, lang: Lang, hint: str
) -> None:
    analysis = analysis_of(HEDENSTED, "statements")
    assert "theme:aeldre-handicap" not in {n.id for n in build_view(analysis, "overview", lang).nodes}
    view = open_view(analysis, "overview", lang)
    view.page.fill("#search-input", "ældre")
    results = view.page.inner_text("#search-results")
    assert "Ingen fund" not in results
    assert hint in view.page.locator("#search-results li.hint").first.inner_text()
    reflections = view.page.locator("#search-results button.reflection")
    assert reflections.count() >= 1
    view.screenshot(f"hedensted-overview-search-aeldre-{lang}")
    reflections.first.click()
    assert view.page.inner_text("#details .kind").lower() == ("refleksion" if lang == "da" else "reflection")
    assert "ældre" in view.page.locator("#details blockquote").first.inner_text()
    _assert_clean(view)


# --- the legend draws what the canvas draws ---------------------------------------------------------------------

LEGEND = """() => [...document.querySelectorAll('#legend li')].map(li => ({
    colour: li.dataset.colour, shape: li.dataset.shape, kind: li.dataset.kind,
    byCommittee: li.hasAttribute('data-by-committee'),
    drawn: [...li.querySelectorAll('svg [fill], svg [stroke]')]
        .map(e => e.getAttribute('fill') || e.getAttribute('stroke')),
}))"""


@pytest.mark.parametrize("name", ["overview", "overlap", "themes", "committee:laering", "theme:vaekst-i-balance"])
def test_legend_colours_are_the_canvas_colours(analysis_of: AnalysisOf, open_view: OpenView, name: str) -> None:
    view = open_view(analysis_of(HEDENSTED, "statements"), name)
    legend = view.js(LEGEND)
    nodes = view.js(
        "window.strategyView.nodes.get().map(n => ({id: n.id, shape: n.shape, colour: n.color.background}))"
    )
    edges = view.js(
        "window.strategyView.edges.get().map(e => ({from: e.from, kind: e.kind, confidence: e.confidence,"
        " colour: e.color.color}))"
    )
    colour_of = {n["id"]: n["colour"] for n in nodes}
    for entry in legend:
        assert entry["drawn"] == [entry["colour"]], entry  # the swatch is drawn in the colour it says
        if entry["shape"] and "#" in entry["colour"] and entry["kind"] == "":
            shapes = {(n["shape"], n["colour"]) for n in nodes}
            if entry["shape"] != "square":  # a focus area's swatch stands for its committee's tint
                assert (entry["shape"], entry["colour"]) in shapes, entry
    lines = {entry["kind"]: entry for entry in legend if not entry["shape"]}
    for edge in edges:
        kind = f"presents:{edge['confidence']}" if edge["kind"] == "presents" else edge["kind"]
        matching = [entry for entry in legend if not entry["shape"] and entry["kind"] == kind]
        assert matching, f"no legend line for {kind}"
        if any(entry["byCommittee"] for entry in matching):
            assert edge["colour"] == colour_of[edge["from"]], edge
        else:
            assert edge["colour"] in {entry["colour"] for entry in matching}, (edge, matching)
    assert lines or not edges
    _assert_clean(view)


# --- hostile text in the new places ----------------------------------------------------------------------------


def test_hostile_text_stays_text_in_search_hints_reflections_and_edge_panels(
    analysis_of: AnalysisOf, open_view: OpenView
) -> None:
    analysis = analysis_of(HOSTILE_FIXTURE, "all")
    view = open_view(analysis, "overlap")
    view.page.fill("#search-input", "<script>")
    assert view.page.locator("#search-results script, #search-results img").count() == 0
    reflections = view.page.locator("#search-results button.reflection")
    assert reflections.count() == 1, "the group reflection that holds the markup"
    assert XSS in reflections.first.inner_text()
    reflections.first.click()
    assert view.page.locator("#details blockquote").first.inner_text().startswith(XSS)
    assert view.page.locator("#details script, #details img").count() == 0
    for edge in view.js("window.strategyView.edges.getIds()"):
        view.js("id => window.strategyView.showPanel(id)", edge)
        for button in view.page.locator("#details button.more").all():
            button.click()
        assert view.page.locator("#details script, #details img").count() == 0
    view.screenshot("views-hostile-overlap-search")
    _assert_clean(view)


# --- screenshots of every kind of view, in both languages, for a person to look at ---------------------------


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    ("name", "click"),
    [
        ("overview", "committee:laering"),
        ("overlap", "committee:beskaeftigelse|committee:ungeudvalget"),
        ("themes", "theme:vaekst-i-balance"),
        ("committee:laering", "committee:laering"),
        ("theme:vaekst-i-balance", "pillar:vaekst-i-balance"),
    ],
)
def test_screenshots_of_each_view_with_its_panel(
    analysis_of: AnalysisOf, open_view: OpenView, lang: Lang, name: str, click: str
) -> None:
    view = open_view(analysis_of(HEDENSTED, "statements"), name, lang)
    stem = f"look-{name.replace(':', '-')}-{lang}"
    view.screenshot(stem)
    view.js("id => window.strategyView.showPanel(id)", click)
    view.page.wait_for_timeout(300)
    assert view.page.is_visible("#details")
    view.screenshot(f"{stem}-panel")
    _assert_clean(view)
