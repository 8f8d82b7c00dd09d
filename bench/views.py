"""How the interactive views scale: generation time and page size for 100, 1,000 and 5,000 nodes, and how long
the browser (Debian's Chromium, headless, offline) needs until the layout has stabilised and physics stops.

The corpus is synthetic and built in memory in strategygraph's model (committees with two focus areas each,
three statements per focus area, one group reflection per slide, themes mentioned with a skewed, seeded
popularity, three pillars): the overview of ``C`` committees and ``T`` themes has ``3·C + T + 3`` nodes.
Each size is rendered twice: everything (``--top 0``) and with the default limit (``--top 50``), which is
what keeps a large view usable.

    .venv/bin/python bench/views.py [--sizes 100 1000 5000] [--no-browser]

Prints one row per page: nodes, edges, generation seconds, megabytes, browser seconds to a settled layout,
and then, as a measure of how usable the page is, milliseconds per redraw and per filter change.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
from pathlib import Path

from strategygraph import Analysis, Corpus, analyse, build_view, render_html
from strategygraph.corpus import Committee, FocusArea, Mention, Pillar, TextUnit, Theme
from strategygraph.views import DEFAULT_TOP

SEED = 5
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SIZES = {100: (25, 22), 1000: (300, 97), 5000: (1500, 497)}  # overview nodes → (committees, themes)
WORDS = ("vi", "skal", "styrke", "samarbejdet", "om", "gode", "rammer", "for", "borgere", "og", "hele", "kommunen")


def synthetic_corpus(committees: int, themes: int, seed: int = SEED) -> Corpus:
    """A corpus whose overview has ``3 · committees + themes + 3`` nodes."""
    rng = random.Random(seed)
    theme_list = tuple(
        Theme(f"urn:t{i}", f"tema-{i}", f"Tema {i}", f"Theme {i}", (), (f"p{i % 3}",) if i % 7 else ())
        for i in range(themes)
    )
    pillars = tuple(
        Pillar(f"urn:p{p}", f"p{p}", f"Sigtepunkt {p}", f"Pillar {p}", tuple(t.slug for t in theme_list[p::3]))
        for p in range(3)
    )
    weights = [1 / (rank + 1) ** 0.8 for rank in range(themes)]  # a few themes are everywhere, most are rare
    committee_list, areas, units, mentions = [], [], [], []
    for c in range(committees):
        key = f"udvalg-{c:04d}"
        committee_list.append(Committee(f"urn:{key}", key, key, f"Udvalg {c}", f"Committee {c}", "synthetic"))
        slide = c // 2 + 1
        for a in range(2):
            area_key = f"{key}-fokus-{a}"
            confidence = ("stated", "strong-inference", "weak-guess")[rng.randrange(3)]
            areas.append(
                FocusArea(
                    f"urn:{area_key}",
                    area_key,
                    area_key,
                    f"Fokusområde {c}.{a}",
                    (),
                    "s",
                    slide,
                    2 * (c % 2) + a + 1,
                    key,
                    confidence,
                    "Syntetisk.",
                    "Synthetic.",
                )
            )
            for s in range(3):
                unit_key = f"{area_key}-{s}"
                text = " ".join(rng.choice(WORDS) for _ in range(14))
                start = 1000 * len(units)
                units.append(
                    TextUnit(
                        f"urn:{unit_key}", unit_key, "statement", text, "s", slide, s + 1, area_key, start, start + 90
                    )
                )
                for theme in set(rng.choices(range(themes), weights, k=rng.randint(1, 3))):
                    mentions.append(Mention(unit_key, f"tema-{theme}", text[:5], 0, 5, "lexical"))
        if c % 2 == 1 or c == committees - 1:
            unit_key = f"slide-{slide}-refleksion"
            text = " ".join(rng.choice(WORDS) for _ in range(20))
            start = 1000 * len(units)
            units.append(
                TextUnit(f"urn:{unit_key}", unit_key, "reflection", text, "s", slide, 1, None, start, start + 120)
            )
            for theme in set(rng.choices(range(themes), weights, k=2)):
                mentions.append(Mention(unit_key, f"tema-{theme}", text[:5], 0, 5, "lexical"))
    return Corpus(tuple(committee_list), tuple(areas), tuple(units), theme_list, pillars, tuple(sorted(mentions)))


def view_analysis(corpus: Corpus) -> Analysis:
    """The parts of :func:`~strategygraph.analysis.analyse` the views read, computed now so that the view
    times below do not include them (the analysis computes each part on first use)."""
    analysis = analyse(corpus)
    for part in (analysis.overlaps, analysis.reach, analysis.committee_communities):
        assert part is not None
    return analysis


INTERACTION = """() => {
    const view = window.strategyView, started = performance.now();
    for (let i = 0; i < 5; i++) view.network.redraw();
    const redraw = (performance.now() - started) / 5;
    const box = document.querySelector('input[data-type]'), before = performance.now();
    box.click(); box.click();  // hide every node of the first type, then show them again
    return [redraw, (performance.now() - before) / 2];
}"""


def settle_seconds(pages: list[Path]) -> list[tuple[float, float, float]]:
    """Per page: seconds from navigation until the layout has stabilised (physics stopped), then the
    milliseconds one redraw takes (what panning and zooming cost) and one filter change takes."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in pages:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route(
                "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
            )
            started = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("() => window.strategyView && window.strategyView.state.stabilised", timeout=600_000)
            settled = time.perf_counter() - started
            assert page.evaluate("window.strategyView.network.physics.options.enabled") is False
            redraw, filtering = page.evaluate(INTERACTION)
            results.append((settled, redraw, filtering))
            page.close()
        browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=sorted(SIZES), choices=sorted(SIZES))
    parser.add_argument("--no-browser", action="store_true", help="skip the layout timing in Chromium")
    args = parser.parse_args()

    rows: list[tuple[str, int, int, float, float, Path]] = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            committees, themes = SIZES[size]
            corpus = synthetic_corpus(committees, themes)
            started = time.perf_counter()
            analysis = view_analysis(corpus)
            print(
                f"{size:>5} nodes: analysis of {committees} committees, {themes} themes: "
                f"{time.perf_counter() - started:.2f} s (not part of the view times below)",
                file=sys.stderr,
            )
            for name, top in (
                ("overview", 0),
                ("overview", DEFAULT_TOP),
                ("overlap", DEFAULT_TOP),
                ("themes", DEFAULT_TOP),
            ):
                gc.collect()  # a large analysis leaves much garbage; do not charge its collection to the view
                started = time.perf_counter()
                graph = build_view(analysis, name, "da", top)
                html = render_html(graph)
                seconds = time.perf_counter() - started
                path = Path(folder) / f"{size}-{name}-top{top}.html"
                path.write_text(html, encoding="utf-8")
                label = f"{size} {name} --top {top}"
                rows.append((label, len(graph.nodes), len(graph.edges), seconds, len(html.encode()) / 1e6, path))
        nan = float("nan")
        settled = [(nan, nan, nan)] * len(rows) if args.no_browser else settle_seconds([row[5] for row in rows])

    heading = ("page", "nodes", "edges", "generate s", "MB", "layout s", "redraw ms", "filter ms")
    print(f"{heading[0]:<26} " + " ".join(f"{h:>{max(6, len(h) + 1)}}" for h in heading[1:]))
    for (label, nodes, edges, seconds, megabytes, _), (layout, redraw, filtering) in zip(rows, settled, strict=True):
        print(
            f"{label:<26} {nodes:>6} {edges:>6} {seconds:>11.3f} {megabytes:>6.2f} {layout:>9.2f} "
            f"{redraw:>10.1f} {filtering:>10.1f}"
        )
    full = {row[0].split()[0]: row for row in rows if "--top 0" in row[0]}
    if "100" in full and "5000" in full:
        ratio, nodes = full["5000"][3] / full["100"][3], full["5000"][1] / full["100"][1]
        print(f"generation 5,000 vs 100 nodes: {ratio:.1f}× the time for {nodes:.0f}× the nodes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
