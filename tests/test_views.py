"""Views without a browser: hand-counted graphs on the fixture, names, limits, escaping, self-containment."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from strategygraph.analysis import analyse
from strategygraph.cli import cli
from strategygraph.corpus import Committee, Corpus, FocusArea, Mention, TextUnit, Theme
from strategygraph.errors import NotFoundError
from strategygraph.views import DEFAULT_TOP, build_view, render_html, render_view, script_json, view_names
from strategygraph.views.context import ViewContext

from .conftest import HEDENSTED, HOSTILE_FIXTURE, VIEWS_FIXTURE, AnalysisOf

# Counted by hand from tests/fixtures/views/views.ttl (statements as evidence):
# overview: 4 committees + 6 focus areas + 4 themes + 2 pillars; 6 presents + 9 mentions + 4 serves.
# overlap: plan–social (vand), plan–skole (trafik), plan–kultur (renovation), kultur–skole (beredskab).
# themes: 8 committee–theme pairs. committee:plan: plan, byer, grønne områder, vand, trafik, renovation and the
# three committees sharing them; 2 presents + 4 mentions + 3 carries. theme:renovation: the theme, its pillar,
# the two focus areas mentioning it and their committees; 1 serves + 2 mentions + 2 presents.
HAND_COUNTS = {
    "overview": (16, 19),
    "overlap": (4, 4),
    "themes": (8, 8),
    "committee:plan": (9, 9),
    "committee:social": (4, 3),
    "theme:renovation": (6, 5),
    "theme:beredskab": (6, 5),
}
ID_PATTERN = re.compile(r"^(committee|focus-area|theme|pillar):[a-z0-9][a-z0-9/-]*$")
XSS = "<script>window.pwned=1</script>"
IMG = '"><img src=x onerror="window.pwned=1">'


@pytest.mark.parametrize(("name", "counts"), HAND_COUNTS.items())
def test_fixture_views_have_the_hand_counted_nodes_and_edges(
    analysis_of: AnalysisOf, name: str, counts: tuple[int, int]
) -> None:
    graph = build_view(analysis_of(VIEWS_FIXTURE, "statements"), name)
    assert (len(graph.nodes), len(graph.edges)) == counts
    assert len({n.id for n in graph.nodes}) == len(graph.nodes)
    ends = {n.id for n in graph.nodes}
    assert all(e.source in ends and e.target in ends for e in graph.edges)


def test_theme_view_holds_its_neighbourhood(analysis_of: AnalysisOf) -> None:
    graph = build_view(analysis_of(VIEWS_FIXTURE, "statements"), "theme:renovation")
    assert {n.id for n in graph.nodes} == {
        "theme:renovation",
        "pillar:gode-rammer",
        "focus-area:groenne-omraader",
        "focus-area:foreningsliv",
        "committee:plan",
        "committee:kultur",
    }


def test_reflection_evidence_adds_reflection_only_links(analysis_of: AnalysisOf) -> None:
    # slide 1's reflection mentions traffic: the culture committee carries it through reflections only
    graph = build_view(analysis_of(VIEWS_FIXTURE, "all"), "overview")
    reflection = [(e.source, e.target) for e in graph.edges if e.kind == "reflection"]
    assert reflection == [("committee:kultur", "theme:trafik")]
    assert len(graph.edges) == 20
    assert "udsagn og refleksioner" in graph.subtitle


def test_node_ids_are_short_and_readable(analysis_of: AnalysisOf) -> None:
    analysis = analysis_of(VIEWS_FIXTURE, "all")
    for name in view_names(analysis.corpus):
        for node in build_view(analysis, name).nodes:
            assert ID_PATTERN.match(node.id), node.id


def test_every_committee_focus_area_link_shows_its_confidence(analysis_of: AnalysisOf) -> None:
    graph = build_view(analysis_of(VIEWS_FIXTURE, "statements"), "overview")
    presents = {e.target: e for e in graph.edges if e.kind == "presents"}
    assert presents["focus-area:groenne-omraader"].confidence == "weak-guess"
    assert presents["focus-area:trygge-skoleveje"].confidence == "stated"
    assert presents["focus-area:byer"].confidence == "strong-inference"
    assert presents["focus-area:trygge-skoleveje"].dashes is False
    assert presents["focus-area:groenne-omraader"].dashes != presents["focus-area:byer"].dashes
    assert "Tilskrivning: svagt gæt" in presents["focus-area:groenne-omraader"].tooltip
    edge_panel = graph.panels[presents["focus-area:groenne-omraader"].id]
    assert ("Tilskrivning", "svagt gæt") in edge_panel.facts
    area_panel = graph.panels["focus-area:groenne-omraader"]
    assert ("Tilskrivning", "svagt gæt") in area_panel.facts
    assert ("Begrundelse", "Kunne også være kulturudvalgets; kun plausibelt.") in area_panel.facts
    committee_items = graph.panels["committee:plan"].sections[0].items
    assert [(i.text, i.node) for i in committee_items] == [
        ("Byer", "focus-area:byer"),
        ("Grønne områder", "focus-area:groenne-omraader"),
    ]
    assert committee_items[1].note.startswith("svagt gæt — ")


def test_panels_quote_the_source_with_its_position_and_marks(analysis_of: AnalysisOf) -> None:
    graph = build_view(analysis_of(VIEWS_FIXTURE, "statements"), "overview")
    (statements, _themes) = graph.panels["focus-area:groenne-omraader"].sections
    second = statements.items[1]
    unit = graph.units[second.unit or ""]
    assert unit.text == "Kloakkerne og containerne skal fornyes."
    assert [unit.text[s:e] for s, e in second.marks] == ["Kloakkerne", "containerne"]
    assert re.fullmatch(r"Udsagn · slide 1 · tegn \d+–\d+ · Grønne områder", unit.position)
    source = (VIEWS_FIXTURE / "source" / "views.txt").read_text(encoding="utf-8")
    start, end = (int(x) for x in re.findall(r"\d+", unit.position.split("tegn")[1]))
    assert source[start:end] == unit.text


def test_overlap_panel_quotes_both_sides(analysis_of: AnalysisOf) -> None:
    graph = build_view(analysis_of(VIEWS_FIXTURE, "statements"), "overlap")
    panel = graph.panels["committee:plan|committee:social"]
    assert dict(panel.facts)["Fælles temaer"] == "1"
    explained, section = panel.sections
    assert explained.heading == "Sådan er vægten beregnet"
    assert section.heading == "Vand og kloak (båret af 2 udvalg; bidrag 1)"
    texts = {(item.note, graph.units[item.unit or ""].text) for item in section.items}
    assert texts == {
        ("Planudvalget", "Regnvandet skal væk fra kloakkerne."),
        ("Planudvalget", "Kloakkerne og containerne skal fornyes."),
        ("Socialudvalget", "Drikkevandet skal være rent."),
    }
    edge = next(e for e in graph.edges if e.id == "committee:plan|committee:social")
    assert "Vand og kloak" in edge.tooltip
    assert "“Regnvandet skal væk fra kloakkerne.”" in edge.tooltip


def test_labels_follow_the_language(analysis_of: AnalysisOf) -> None:
    graph = build_view(analysis_of(VIEWS_FIXTURE, "statements"), "themes", lang="en")
    assert graph.title == "Themes and the committees that carry them"
    labels = {n.id: n.label for n in graph.nodes}
    assert labels["committee:plan"] == "Planning Committee"
    assert labels["theme:beredskab"] == "Emergency services"
    assert ("Pillars", "Safety") in graph.panels["theme:beredskab"].facts


def test_top_keeps_the_committees_and_themes_with_most_evidence(analysis_of: AnalysisOf) -> None:
    graph = build_view(analysis_of(VIEWS_FIXTURE, "statements"), "overview", top=2)
    committees = [n.id for n in graph.nodes if n.type == "committee"]
    assert committees == ["committee:plan", "committee:skole"]  # 4 and 3 statements with themes
    assert sum(1 for n in graph.nodes if n.type == "theme") == 2
    assert graph.notes == (
        "Viser 2 af 4 udvalg (dem med mest evidens); --top 0 viser alle.",
        "Viser 2 af 4 temaer (dem med mest evidens); --top 0 viser alle.",
    )
    assert build_view(analysis_of(VIEWS_FIXTURE, "statements"), "overview", top=0).notes == ()


def test_view_names_and_unknown_names(analysis_of: AnalysisOf) -> None:
    analysis = analysis_of(VIEWS_FIXTURE, "statements")
    assert view_names(analysis.corpus)[:4] == ("overview", "overlap", "themes", "committee:kultur")
    assert "theme:trafik" in view_names(analysis.corpus)
    with pytest.raises(NotFoundError, match=r"unknown view 'comittee:plan' \(did you mean 'committee:plan'\?\)"):
        build_view(analysis, "comittee:plan")
    valid = r"Valid views: overview, overlap, themes, committee:<key> \(kultur, plan, skole, social\), theme:<slug> \("
    with pytest.raises(NotFoundError, match=rf"^unknown view 'zzz'\. {valid}"):
        build_view(analysis, "zzz")


def _tags(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every start tag the HTML parser sees (script and style contents are not parsed as tags)."""
    found: list[tuple[str, dict[str, str]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, {name: value or "" for name, value in attrs}))

    Collector().feed(html)
    return found


@pytest.mark.parametrize("folder", [VIEWS_FIXTURE, HOSTILE_FIXTURE, HEDENSTED], ids=lambda p: p.name)
def test_pages_reference_nothing_outside_themselves(analysis_of: AnalysisOf, folder: Path) -> None:
    analysis = analysis_of(folder, "all")
    for name in view_names(analysis.corpus):
        html = render_view(analysis, name)
        tags = _tags(html)
        assert not [t for t in tags if t[1].keys() & {"src", "href", "action", "srcset", "data", "poster"}], name
        assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.IGNORECASE), name
        assert {tag for tag, _ in tags} & {"link", "img", "iframe", "object", "embed", "base"} == set()
        assert [tag for tag, _ in tags if tag == "script"] == ["script"] * 3, name
        csp = next(a["content"] for tag, a in tags if tag == "meta" and "script-src" in a.get("content", ""))
        assert "default-src 'none'" in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def _page_json(html: str) -> dict[str, object]:
    match = re.search(r'<script id="view-data" type="application/json">(.*?)</script>', html, re.DOTALL)
    assert match
    value: dict[str, object] = json.loads(match.group(1))
    return value


def test_hostile_text_never_reaches_the_page_as_markup(analysis_of: AnalysisOf) -> None:
    analysis = analysis_of(HOSTILE_FIXTURE, "all")
    for name in view_names(analysis.corpus):
        html = render_view(analysis, name)
        assert XSS not in html
        assert "<img" not in html
        assert [tag for tag, _ in _tags(html) if tag in {"script", "img"}] == ["script"] * 3, name
        assert html.lower().count("</script") == 3, name
    title = render_view(analysis, "committee:farlig").split("<style>")[0]
    assert "<title>Udvalg: Udvalget &lt;script&gt;window.pwned=1&lt;/script&gt; for href &amp; æøå" in title
    data = _page_json(render_view(analysis, "overview"))
    labels = {node["id"]: node["name"] for node in data["nodes"]}  # type: ignore[attr-defined]
    assert labels["committee:farlig"] == "Udvalget <script>window.pwned=1</script> for href & æøå"
    assert labels["focus-area:farlig-titel"] == IMG + " Fællesskab & href"
    texts = {unit["text"] for unit in data["units"].values()}  # type: ignore[attr-defined]
    assert 'Et </script> midt i teksten & &amp; og href="javascript:window.pwned=1" æøå.' in texts


@given(st.text())
def test_script_json_round_trips_and_cannot_close_a_script(value: str) -> None:
    encoded = script_json({"text": value})
    assert not set(encoded) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(encoded) == {"text": value}


def test_marks_are_utf16_offsets_for_the_browser() -> None:
    text = "𝔸 nabo og fællesskab"  # one astral character: two UTF-16 code units
    start = text.index("fællesskab")
    corpus = Corpus(
        (Committee("urn:c", "c", "c", "Udvalg", "Committee", "m"),),
        (FocusArea("urn:f", "f", "f", "Fokus", (), "s", 1, 1, "c", "stated", "", ""),),
        (TextUnit("urn:u", "u", "statement", text, "s", 1, 1, "f", None, None),),
        (Theme("urn:t", "t", "Fællesskab", "Community", (), ()),),
        (),
        (Mention("u", "t", "fællesskab", start, start + 10, "curated"),),
    )
    ctx = ViewContext(analyse(corpus), "da")
    ((begin, end),) = ctx.marks("u")
    assert text.encode("utf-16-le")[2 * begin : 2 * end].decode("utf-16-le") == "fællesskab"
    assert (begin, end) == (start + 1, start + 11)


def test_rendering_is_deterministic(analysis_of: AnalysisOf) -> None:
    analysis = analysis_of(VIEWS_FIXTURE, "statements")
    graph = build_view(analysis, "overview")
    assert render_html(graph) == render_view(analysis, "overview")


def test_cli_writes_the_view_and_no_lib_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # pyvis's own writer would drop a lib/ folder here
    result = runner.invoke(cli, ["--data", str(VIEWS_FIXTURE), "view", "overview", "--out", "out.html"])
    assert result.exit_code == 0, result.output
    assert "overview, 16 knuder, 19 kanter" in result.stderr
    html = (tmp_path / "out.html").read_bytes().decode("utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="da">')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]


def test_cli_english_and_top(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "plan.html"
    args = ["--lang", "en", "--data", str(VIEWS_FIXTURE), "view", "committee:plan", "--top", "1", "--out", str(out)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<title>Committee: Planning Committee – strategygraph</title>" in html
    assert "Showing 1 of 3 themes" in html


def test_cli_unknown_view_is_one_line_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    result = runner.invoke(cli, ["--lang", "en", "--data", str(VIEWS_FIXTURE), "view", "overveiw", "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown view 'overveiw' (did you mean 'overview'?). Valid views:")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_cli_help_states_the_default_top(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--lang", "en", "view", "--help"])
    assert result.exit_code == 0
    assert f"(default: {DEFAULT_TOP}; 0: all)" in " ".join(result.stdout.split())
    danish = runner.invoke(cli, ["view", "--help"])
    assert f"(standard: {DEFAULT_TOP}; 0: alle)" in " ".join(danish.stdout.split())


def test_overlap_weight_is_explained_in_plain_words_with_the_tie_broken(analysis_of: AnalysisOf) -> None:
    """The two strongest Hedensted pairs both read 0,386: the line says what each weight is made of and why
    Beskæftigelse–Unge (3 themes, 5 quotes) ranks above Økonomi–Vækst & Klima (5 themes, 15 quotes)."""
    graph = build_view(analysis_of(HEDENSTED, "statements"), "overlap")
    first = graph.panels["committee:beskaeftigelse|committee:ungeudvalget"]
    lines = [item.text for item in first.sections[0].items]
    assert lines[0].startswith("3 fælles temaer, 5 citater; vægt 0,386 = 2,500 ÷ √(6 × 7).")
    assert "Beskæftigelse og selvforsørgelse 1, Uddannelse og læring 1, Helhedsorienteret" in lines[0]
    assert lines[1].startswith("Nr. 1 af 23 par")
    assert "den uafrundede vægt er større: 0,38576 mod 0,38557" in lines[2]
    second = graph.panels["committee:oekonomiudvalget|committee:vaekst-klima"]
    lines = [item.text for item in second.sections[0].items]
    assert lines[0].startswith("5 fælles temaer, 15 citater; vægt 0,386 = 2,833 ÷ √(9 × 6).")
    assert lines[1].startswith("Nr. 2 af 23 par")
    assert "står efter" in lines[2]
    edge = next(e for e in graph.edges if e.id == "committee:beskaeftigelse|committee:ungeudvalget")
    assert edge.label == "Beskæftigelse… +2", "the most specific theme, shortened at a word, and how many more"
    assert "0,386 = 2,500" in edge.tooltip
    english = build_view(analysis_of(HEDENSTED, "statements"), "overlap", "en")
    line = english.panels["committee:beskaeftigelse|committee:ungeudvalget"].sections[0].items[0].text
    assert line.startswith("3 shared themes, 5 quotes; weight 0.386 = 2.500 ÷ √(6 × 7).")


def test_one_number_format_in_views_tables_and_report(analysis_of: AnalysisOf) -> None:
    """A weight reads the same for people in the view and the overlaps table (three decimals); the CSV, for
    machines, keeps every digit the table holds (0.3858, which reads 0,386)."""
    from strategygraph.analysis.presentation import overlaps_table
    from strategygraph.tables import render

    analysis = analysis_of(HEDENSTED, "statements")
    graph = build_view(analysis, "overlap")
    panel = graph.panels["committee:beskaeftigelse|committee:ungeudvalget"]
    assert dict(panel.facts)["Vægt"] == "0,386"
    table = overlaps_table(analysis, "da")
    assert "0,386" in render(table, "table", "da")
    assert "0.3858" in render(table, "csv")


def test_same_named_nodes_of_different_types_are_told_apart(analysis_of: AnalysisOf) -> None:
    graph = build_view(analysis_of(HEDENSTED, "statements"), "overview")
    labels = {n.id: n.label for n in graph.nodes}
    assert labels["theme:vaekst-i-balance"] == "Vækst i balance (tema)"
    assert labels["pillar:vaekst-i-balance"] == "Vækst i balance (sigtepunkt)"
    assert labels["focus-area:smidige-processer"] == "Smidige processer (fokusområde)"
    assert labels["theme:smidige-processer"] == "Smidige processer (tema)"
    assert labels["committee:laering"] == "Udvalget for Læring", "names that differ are left as they are"
