"""The page `serve` opens on (issue [outputs] 5): the prefixes, the catalogue ready to pick and run, and the
endpoint's own query URL — in Debian's Chromium against a real `serve`, every request outside it blocked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, Request, Route, sync_playwright

from strategygraph.catalogue.queries import catalogue
from strategygraph.catalogue.query_page import compose_query, entity_choices, query_page
from strategygraph.stores.base import GraphStore

from .conftest import TESTS
from .oxigraph_servers import spawn_serve
from .test_views_browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (apt-get install chromium)"),
]


@dataclass
class Editor:
    page: Page
    base_url: str
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def run(self) -> str:
        self.page.click("#run")
        self.page.wait_for_function("() => !document.getElementById('run').disabled")
        return self.page.locator("#status").inner_text()

    def rows(self) -> int:
        return self.page.locator("#results tbody tr").count()


@pytest.fixture(scope="module")
def editor() -> Iterator[Editor]:
    process, first_line = spawn_serve()
    base_url = re.search(r"(http://127\.0\.0\.1:\d+)/query", first_line)
    assert base_url is not None, first_line
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            found = Editor(page, base_url.group(1))

            def route(route: Route, request: Request) -> None:
                if request.url.startswith(found.base_url):
                    route.continue_()
                else:
                    found.outside.append(request.url)
                    route.abort()

            page.route("**/*", route)
            page.on("console", lambda message: found.errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: found.errors.append(str(error)))
            page.goto(found.base_url + "/")
            page.wait_for_function("() => window.strategyQueryPage && window.strategyQueryPage.ready")
            page.wait_for_function("() => document.getElementById('query').value.includes('SELECT')")
            yield found
            browser.close()
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_the_page_offers_the_catalogue_prefixes_and_the_endpoint(editor: Editor) -> None:
    page = editor.page
    options = page.locator("#catalogue option")
    assert options.count() == len(catalogue()) + 1  # the catalogue and "your own query"
    assert f"{editor.base_url}/query" in page.locator("#endpoint").inner_text()
    assert page.locator("#query").input_value().lstrip().startswith("PREFIX")
    page.select_option("#catalogue", "")
    own = page.locator("#query").input_value()
    assert "PREFIX sg: <https://w3id.org/strategygraph/ontology#>" in own
    assert "PREFIX theme:" in own
    TESTS.joinpath("artifacts").mkdir(exist_ok=True)
    page.screenshot(path=str(TESTS / "artifacts" / "serve-query-page.png"), full_page=True)


def test_a_catalogue_query_runs_with_its_parameters_bound(editor: Editor) -> None:
    page = editor.page
    page.select_option("#catalogue", "committees")
    page.wait_for_function("() => document.getElementById('query').value.includes('sg:Committee')")
    status = editor.run()
    assert editor.rows() == 8, status
    page.select_option("#catalogue", "committee-themes")
    page.wait_for_selector("#parameter-committee")
    page.select_option("#parameter-committee", "laering")
    page.wait_for_function("() => document.getElementById('query').value.includes('\"laering\"')")
    editor.run()
    assert editor.rows() > 0
    assert "theme:boern-og-unge" in page.locator("#results").inner_text()
    assert page.locator("#results th").first.inner_text() == "Committee (slug)"
    page.screenshot(path=str(TESTS / "artifacts" / "serve-query-page-results.png"), full_page=True)
    assert editor.outside == []
    assert editor.errors == []


def test_typed_values_are_bound_as_terms_and_hostile_text_stays_text(editor: Editor) -> None:
    page = editor.page
    page.select_option("#catalogue", "search-text")
    page.wait_for_selector("#parameter-search")
    hostile = '"} } ; <img src=x onerror=window.pwned=1> DROP ALL #'
    page.fill("#parameter-search", hostile)
    page.dispatch_event("#parameter-search", "change")
    page.wait_for_function("() => document.getElementById('query').value.includes('onerror')")
    assert '"\\"} } ; <img src=x onerror=window.pwned=1> DROP ALL #"' in page.locator("#query").input_value()
    status = editor.run()
    assert "Error" not in status, status
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("#results img").count() == 0
    page.select_option("#catalogue", "committee-themes")
    page.wait_for_selector("#parameter-committee")
    response = page.request.get(editor.base_url + "/catalogue?name=committee-themes&committee=nobody")
    assert response.status == 400
    assert "no committee 'nobody'" in response.text()


def test_the_danish_page_speaks_danish_and_binds_like_the_cli(bundled_store: GraphStore) -> None:
    store = bundled_store
    page = query_page(catalogue(), entity_choices(store, "da"), "da")
    assert "Forespørgsel fra kataloget" in page.html
    assert "Your own query" not in page.html
    assert "script-src 'sha256-" in page.policy
    assert "unsafe-inline" not in page.policy
    committees = {choice["value"] for choice in entity_choices(store, "da")["committee"]}
    assert "laering" in committees
    themes = entity_choices(store, "en")["theme"]
    assert any(choice["value"] == "theme:faellesskaber" for choice in themes)
    assert '"laering"' in compose_query(store, "committee-themes", {"committee": "Udvalget for Læring"})
