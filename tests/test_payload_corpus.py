"""The payload corpus, end to end: a seminar written in Markdown whose every text field carries an injection
payload is imported, reported and drawn, and every HTML page it yields is opened in Debian's Chromium.

Each payload kind (script tag, img onerror, javascript: URL, ``</script>`` inside embedded JSON, SVG onload,
attribute breaks in both quote styles, template literals, Jinja syntax, unicode and HTML escapes, comment and
CDATA openers, a style tag, line and paragraph separators) sits in the municipality, title, committee names,
focus-area titles, statements and reflections. On every page: nothing runs (``window.pwned`` stays unset, no
dialog opens), nothing is fetched, no console error, no element gains an event handler or a ``javascript:``
link from data, and the payloads a page shows as text are shown literally.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Frame

from strategygraph.cli import cli

from .test_report_browser import Visit, _visit, browser  # noqa: F401  (browser is a fixture)
from .test_views_browser import CHROMIUM

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (apt-get install chromium)"),
]

PAYLOADS = {
    "script": "<script>window.pwned=1</script>",
    "img": "<img src=x onerror=window.pwned=1>",
    "javascript-url": "<a href='javascript:window.pwned=1'>klik</a>",
    "json-close": '</script><script>window.pwned=1</script>{"a":"',
    "svg": "<svg onload=window.pwned=1>",
    "attribute-double": '" onmouseover="window.pwned=1" x="',
    "attribute-single": "' onfocus='window.pwned=1' autofocus='",
    "template-literal": "${window.pwned=1}`${window.pwned=1}`",
    "jinja": "{{ 7*7 }}{% raw %}",
    "unicode-escape": "\\u003cscript\\u003ewindow.pwned=1\\u003c/script\\u003e",
    "html-escape": "&lt;script&gt;window.pwned=1&lt;/script&gt; &amp;",
    "comment": "--> --!> <![CDATA[ ]]> */",
    "style": "<style>body{display:none}</style>",
    "separators": "før\u2028efter\u2029slut",
}
# What a page must show literally where it shows the text (a sample that survives every field's rendering)
SHOWN = ["<script>window.pwned=1</script>", "{{ 7*7 }}", "${window.pwned=1}", "&lt;script&gt;"]


def _seminar() -> str:
    kinds = list(PAYLOADS.values())
    lines = [
        "---",
        f"municipality: Payload {PAYLOADS['attribute-double']} Kommune",
        f"title: Seminar {PAYLOADS['script']} {PAYLOADS['jinja']}",
        "id: payload-seminar",
        "date: 2024-03",
        "language: da",
        "---",
        "",
    ]
    for number, (first, second) in enumerate(zip(kinds[::2], kinds[1::2], strict=True), start=1):
        lines += [
            f"# Udvalget {number} {first}",
            "",
            f"## Trivsel og klima {second}",
            f"- Trivsel for børn og unge {first} kræver samarbejde om klima og grøn omstilling.",
            f"- Frivillige foreninger {second} styrker fællesskaber og forebyggelse.",
            "",
            "## Refleksioner fra gruppedrøftelserne",
            f"Grupperne talte om digitalisering {first} og rekruttering {second} på tværs.",
            "",
            "---",
            "",
        ]
    return "\n".join(lines[:-2]) + "\n"


@pytest.fixture(scope="module")
def payload_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The payload seminar imported (``data/``), reported in both languages and drawn as each view by name."""
    root = tmp_path_factory.mktemp("payloads")
    source = root / "seminar.md"
    source.write_text(_seminar(), encoding="utf-8")
    runner = CliRunner()

    def run(*args: str) -> None:
        result = runner.invoke(cli, list(args))
        assert result.exit_code == 0, f"{args}: {result.output}"

    run("import", str(source), "--out", str(root / "data"))
    data = ["--data", str(root / "data")]
    run(*data, "report", "--out", str(root / "report"), "--quiet")
    run(*data, "--lang", "en", "report", "--out", str(root / "report-en"), "--quiet")
    (root / "views").mkdir()
    for name in (
        "overview",
        "overlap",
        "themes",
        "committee:udvalget-1-script-window-pwned-1-script",
        "theme:faellesskaber",
    ):
        run(*data, "view", name, "--out", str(root / "views" / f"{name.replace(':', '-')}.html"))
    return root


@pytest.fixture(scope="module")
def pages(payload_root: Path) -> list[Path]:
    found = sorted(payload_root.rglob("*.html"))
    assert len(found) >= 10, found
    return found


# Any element (in the page or its srcdoc frames) with an event-handler attribute or a javascript: link
_INJECTED = """() => [...document.querySelectorAll('*')].flatMap(element => [...element.attributes]
    .filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))
    .map(a => element.tagName + ' ' + a.name + '=' + a.value.slice(0, 60)))"""


def test_payload_seminar_imports_with_every_payload_verbatim(payload_root: Path) -> None:
    turtle = "\n".join(path.read_text(encoding="utf-8") for path in sorted((payload_root / "data").rglob("*.ttl")))
    for kind, payload in PAYLOADS.items():
        if kind != "separators":  # Turtle writes U+2028/U+2029 as escapes
            assert payload.replace("\\", "\\\\").replace('"', '\\"') in turtle, kind


# The pages are checked in shards, so that parallel workers share them (each is a Chromium page load).
SHARDS = 3


def _frames(visit: Visit) -> list[Frame]:
    page = visit.page
    return [page.main_frame, *[frame for frame in page.frames if frame.url == "about:srcdoc"]]


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_payload_runs_or_reaches_out_on_any_page(browser: Browser, pages: list[Path], shard: int) -> None:
    for path in pages[shard::SHARDS]:
        visit = _visit(browser, path)
        for frame in _frames(visit):
            assert frame.evaluate("typeof window.pwned") == "undefined", path
            assert frame.evaluate(_INJECTED) == [], path
        assert visit.blocked == [], path
        assert visit.dialogs == [], path
        assert visit.errors == [], (path, visit.errors)
        visit.page.close()


def test_each_sample_payload_is_shown_literally_on_some_page(browser: Browser, pages: list[Path]) -> None:
    shown_somewhere: set[str] = set()
    for path in pages:
        visit = _visit(browser, path)
        for frame in _frames(visit):
            text = frame.evaluate("() => document.body ? document.body.innerText : ''")
            shown_somewhere |= {payload for payload in SHOWN if payload in text}
        visit.page.close()
        if shown_somewhere == set(SHOWN):
            break
    assert shown_somewhere == set(SHOWN), "each sample payload is shown literally on some page"
