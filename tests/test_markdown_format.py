"""The Markdown reader: structure, exact spans into the file, and the writer/reader round trip."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategygraph.errors import InputError
from strategygraph.formats.markdown_body import is_reflections_heading
from strategygraph.formats.markdown_reader import parse_markdown
from strategygraph.formats.markdown_writer import render_markdown
from strategygraph.formats.outline import (
    CONFIDENCES,
    AttributionOutline,
    FocusAreaOutline,
    PillarOutline,
    SeminarOutline,
    SlideOutline,
    TextUnit,
)
from strategygraph.formats.theme_references import ThemeIndex
from strategygraph.source_text import normalise

from .conftest import FIXTURES, REPO

FRONT = "---\nmunicipality: Testby Kommune\ntitle: Test\n---\n"
THEMES = ThemeIndex.bundled()
MARKDOWN_FILES = [
    FIXTURES / "import" / "seminar.md",
    REPO / "data" / "examples" / "fjordlund" / "seminar.md",
    REPO / "data" / "templates" / "seminar.md",
]


def _parse(body: str, front: str = FRONT) -> SeminarOutline:
    return parse_markdown((front + body).encode("utf-8"), "test.md")


def _units(outline: SeminarOutline) -> list[TextUnit]:
    units = [outline.title, *([outline.description] if outline.description else [])]
    for slide in outline.slides:
        for area in slide.focus_areas:
            units += [area.title, *area.statements]
        units += slide.reflections
    return units


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=lambda p: p.name if p.parent.name != "fjordlund" else "example")
def test_every_text_is_the_file_at_its_span(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    units = _units(parse_markdown(path.read_bytes(), str(path)))
    assert len(units) > 5
    for unit in units:
        assert unit.span is not None
        assert normalise(text[unit.span.start : unit.span.end]) == unit.text
        assert text[unit.span.start : unit.span.end] == text[unit.span.start : unit.span.end].strip()


def test_list_items_wrapped_lines_and_paragraphs() -> None:
    outline = _parse(
        "# Udvalget for Læring\n## Trivsel\n- Første\n  fortsat.\n* Anden\n1. Tredje\n\nEt afsnit\nover to linjer.\n"
        "- Fjerde efter et afsnit\n"
    )
    (area,) = outline.focus_areas()
    assert [s.text for s in area.statements] == [
        "Første fortsat.",
        "Anden",
        "Tredje",
        "Et afsnit over to linjer.",
        "Fjerde efter et afsnit",
    ]


def test_a_numbered_line_inside_a_paragraph_continues_it() -> None:
    (area,) = _parse("# U\n## F\nVi har afsat\n2. prioritet til det.\n").focus_areas()
    assert [s.text for s in area.statements] == ["Vi har afsat 2. prioritet til det."]


def test_reflections_belong_to_the_slide_one_per_paragraph() -> None:
    outline = _parse("# U\n## F\n- a\n## Refleksioner fra grupperne\nEn\nto.\n\nTre.\n---\n# U\n## G\n- b\n")
    assert [r.text for r in outline.slides[0].reflections] == ["En to.", "Tre."]
    assert outline.slides[1].reflections == ()
    assert [s.number for s in outline.slides] == [1, 2]


def test_attribution_of_a_committee_and_of_one_focus_area() -> None:
    outline = _parse(
        "# U\nAttribution: strong-inference — fordi\n## A\n- a\n"
        "## B\nAttribution: weak-guess – gæt\n- b\n# V\n## C\n- c\n"
    )
    attributions = [area.attribution for area in outline.focus_areas()]
    assert attributions == [
        AttributionOutline("strong-inference", "fordi"),
        AttributionOutline("weak-guess", "gæt"),
        AttributionOutline("stated", None),
    ]


def test_comments_blank_slides_and_a_repeated_committee() -> None:
    outline = _parse(
        "<!-- en\nkommentar -->\nIndledning.\n\n# U\n<!-- note -->\n## A\n- a\n"
        "# V\n## B\n- b\n# U\n## C\n- c\n---\n\n---\n"
    )
    assert outline.description == TextUnit("Indledning.", outline.description.span if outline.description else None)
    assert [a.committee for a in outline.focus_areas()] == ["U", "V", "U"]
    assert outline.committees() == ["U", "V"]
    assert len(outline.slides) == 1


def test_crlf_line_ends_and_a_byte_order_mark() -> None:
    text = "\ufeff" + (FRONT + "# U\r\n## F\r\n- a\r\n  b\r\n").replace("\n", "\r\n").replace("\r\r", "\r")
    outline = parse_markdown(text.encode("utf-8"), "test.md")
    (area,) = outline.focus_areas()
    assert area.statements[0].text == "a b"
    span = area.statements[0].span
    assert span is not None
    assert normalise(text[span.start : span.end]) == "a b"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("# U\n### Underpunkt\n", 6, "only '#' (committee) and '##'"),
        ("# U\n##Trivsel\n", 6, "a heading needs a space"),
        ("# U\n## F\n-\n", 7, "empty list item"),
        ("# U\n## F\n- a <!-- nej --> b\n", 7, "must stand on lines of its own"),
        ("# U\n## F\n- a\nAttribution: stated\n", 8, "must directly follow"),
        ("# U\nAttribution: weak-guess\n## F\n- a\n", 6, "needs a rationale"),
        ("# U\n## F\n- a\n<!-- aldrig lukket\n", 8, "not closed"),
        ("# U\n", 5, "committee 'U' has no focus areas"),
        ("Kun indledning.\n", None, "no focus areas found"),
    ],
)
def test_more_format_errors_name_the_line(body: str, line: int | None, message: str) -> None:
    with pytest.raises(InputError) as caught:
        _parse(body)
    assert message in str(caught.value)
    assert caught.value.line == line


SAFE_TEXT = st.text(
    alphabet=st.sampled_from("abcæøåABCÆØÅ 0123456789.,;:!?()–—-/&\"'#*+"), min_size=1, max_size=40
).map(normalise)
SAFE_TEXT = SAFE_TEXT.filter(lambda text: bool(text) and normalise(text) == text and "<!--" not in text)
TITLE = SAFE_TEXT.filter(lambda text: not is_reflections_heading(text))
ATTRIBUTION = st.one_of(
    st.just(AttributionOutline()),
    st.builds(AttributionOutline, st.sampled_from(CONFIDENCES), SAFE_TEXT),
)


@st.composite
def outlines(draw: st.DrawFn) -> SeminarOutline:
    slides = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        areas = []
        for _ in range(draw(st.integers(1, 3))):
            committee = draw(st.sampled_from(["Udvalget for Læring", "Økonomiudvalget", "Udvalget for Teknik & Miljø"]))
            title = TextUnit(draw(TITLE))
            statements = tuple(TextUnit(t) for t in draw(st.lists(SAFE_TEXT, min_size=1, max_size=3)))
            areas.append(FocusAreaOutline(title, committee, draw(ATTRIBUTION), statements))
        reflections = tuple(TextUnit(t) for t in draw(st.lists(SAFE_TEXT, max_size=2)))
        slides.append(SlideOutline(number, tuple(areas), reflections))
    description = draw(st.none() | SAFE_TEXT.map(TextUnit))
    outline = SeminarOutline("Testby Kommune", TextUnit(draw(TITLE)), tuple(slides), description=description)
    slugs = st.lists(st.sampled_from(sorted(THEMES.labels)), max_size=4, unique=True).map(tuple)
    remits = tuple((name, themes) for name in outline.committees() if (themes := draw(slugs)))
    pillars = []
    for name in draw(st.lists(SAFE_TEXT, max_size=3, unique_by=str.casefold)):
        themes = draw(slugs)
        own = draw(st.sampled_from([None, *themes]))
        english = draw(st.none() | SAFE_TEXT.filter(name.__ne__))
        pillars.append(PillarOutline(name, tuple(t for t in themes if t != own), own, english))
    slug = draw(st.sampled_from([None, "seminar-2025", "x1"]))
    return replace(outline, slug=slug, remits=remits, pillars=tuple(pillars))


def _unique_titles(outline: SeminarOutline) -> bool:
    keys = [(area.committee, area.title.text.casefold()) for area in outline.focus_areas()]
    return len(keys) == len(set(keys))


@settings(max_examples=150, deadline=None)
@given(outlines().filter(_unique_titles))
def test_what_the_writer_writes_the_reader_reads_back(outline: SeminarOutline) -> None:
    text = render_markdown(outline, note="round trip")
    assert parse_markdown(text.encode("utf-8"), "export.md", THEMES).content() == outline


# --- what a planner writes from the README alone (issue: a new seminar written without help) ---


def _parse_with_themes(body: str, front: str = FRONT) -> SeminarOutline:
    return parse_markdown((front + body).encode("utf-8"), "test.md", THEMES)


def _error(body: str, front: str = FRONT) -> InputError:
    with pytest.raises(InputError) as caught:
        _parse_with_themes(body, front)
    return caught.value


def _assert_error_at(line: int, message: str, body: str, front: str = FRONT) -> None:
    error = _error(body, front)
    assert message in str(error)
    assert error.line == line


@pytest.mark.parametrize(
    "heading",
    [
        "Refleksioner",
        "refleksionerne",
        "Gruppernes refleksioner",
        "Refleksion fra grupperne",
        "REFLEKSIONER FRA GRUPPEDRØFTELSERNE",
        "Gruppe-refleksioner",
        "Group reflections",
        "REFLECTIONS",
        "Reflection from the groups",
    ],
)
def test_a_heading_with_a_word_beginning_with_refleksion_holds_the_reflections(heading: str) -> None:
    outline = _parse(f"# U\n## F\n- a\n## {heading}\nEn refleksion.\n\nEn til.\n")
    assert [area.title.text for area in outline.focus_areas()] == ["F"], "not a focus area"
    assert [r.text for r in outline.slides[0].reflections] == ["En refleksion.", "En til."]


@pytest.mark.parametrize(
    "title", ["Selvrefleksion i ledelsen", "Refleks og motorik", "Fleksible refusioner", "Reflexive practice"]
)
def test_other_titles_stay_focus_areas(title: str) -> None:
    outline = _parse(f"# U\n## {title}\n- a\n")
    assert [area.title.text for area in outline.focus_areas()] == [title]
    assert not is_reflections_heading(title)


@pytest.mark.parametrize(
    ("line", "stored"),
    [
        ("Attribution: strong-inference — fordi", "strong-inference"),
        ("attribution: Strong-Inference — fordi", "strong-inference"),
        ("ATTRIBUTION : weak guess - fordi", "weak-guess"),
        ("Tilskrivning: strong-inference — fordi", "strong-inference"),
        ("tilskrivning: Stærk slutning — fordi", "strong-inference"),
        ("Tilskrivning: stærk-slutning – fordi", "strong-inference"),
        ("Tilskrivning: svagt gæt — fordi", "weak-guess"),
        ("Tilskrivning: Angivet", "stated"),
        ("Attribution: strong inference — fordi", "strong-inference"),
    ],
)
def test_attribution_keyword_and_confidence_in_any_case_and_in_danish(line: str, stored: str) -> None:
    (area,) = _parse(f"# U\n{line}\n## F\n- a\n").focus_areas()
    assert area.attribution.confidence == stored, "the graph stores the English value"
    assert area.attribution.rationale == (None if stored == "stated" else "fordi")


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            "# U\nTilskriving: strong-inference — fordi\n## F\n- a\n",
            6,
            "'Tilskriving:' is not a line the format knows under a committee heading; "
            "did you mean 'Attribution: strong-inference — <begrundelse>'?",
        ),
        (
            "# U\nVurdering: stærk slutning — fordi\n## F\n- a\n",
            6,
            "did you mean 'Attribution: strong-inference — <begrundelse>'?",
        ),
        (
            "# U\n## F\nSikkerhed: svagt gæt — fordi\n- a\n",
            7,
            "'Sikkerhed:' is not a line the format knows under a focus-area heading; "
            "did you mean 'Attribution: weak-guess — <begrundelse>'?",
        ),
        ("# U\n## F\nAtribution: sikker\n- a\n", 7, "did you mean 'Attribution: <sikkerhed> — <begrundelse>'?"),
        ("# U\nResort: kultur-fritid-turisme\n## F\n- a\n", 6, "did you mean 'Ressort: <tema>, <tema>'?"),
        (
            "# U\nFormand: Jens Hansen\n## F\n- a\n",
            6,
            "'Formand:' is not a line the format knows under a committee heading: write "
            "'Attribution: <sikkerhed> — <begrundelse>' or 'Ressort: <tema>, <tema>', or begin a focus area",
        ),
        (
            "# U\nAttribution: strong-inferance — fordi\n## F\n- a\n",
            6,
            "unknown attribution 'strong-inferance' (use stated, strong-inference, weak-guess, or in Danish "
            "angivet, stærk slutning, svagt gæt); did you mean 'strong-inference'?",
        ),
        ("# U\nTilskrivning: svagt gaet — fordi\n## F\n- a\n", 6, "did you mean 'svagt gæt'?"),
        ("# U\nAttribution: strong-inference fordi\n## F\n- a\n", 6, "put a dash between confidence and rationale"),
        ("# U\nTilskrivning: — fordi\n## F\n- a\n", 6, "malformed attribution"),
        ("# U\n## F\n- a\nTilskrivning: angivet\n", 8, "must directly follow"),
    ],
)
def test_a_failed_attempt_at_a_keyword_line_says_what_is_expected(body: str, line: int, message: str) -> None:
    _assert_error_at(line, message, body)


def test_a_word_and_a_colon_in_a_focus_area_is_still_a_statement() -> None:
    (area,) = _parse("# U\n## F\nMål: alle børn skal trives.\n- Vision: stærk slutning på året\n").focus_areas()
    assert [s.text for s in area.statements] == ["Mål: alle børn skal trives.", "Vision: stærk slutning på året"]


def test_ressort_names_the_committees_remit_by_slug_or_danish_label() -> None:
    outline = _parse_with_themes(
        "# Udvalget for Kultur\nRessort: kultur-fritid-turisme, Foreninger, frivillighed og civilsamfund; "
        "LANDDISTRIKTER OG LOKALSAMFUND\nAttribution: weak-guess — gæt\n## F\n- a\n"
        "# Økonomiudvalget\nremit: Økonomi og ressourcer\n## G\n- b\n---\n# Udvalget for Kultur\n## H\n- c\n"
    )
    assert outline.remits == (
        ("Udvalget for Kultur", ("kultur-fritid-turisme", "civilsamfund-frivillighed", "landdistrikter-lokalsamfund")),
        ("Økonomiudvalget", ("oekonomi-ressourcer",)),
    )
    assert outline.focus_areas()[0].attribution.confidence == "weak-guess", "Ressort and Attribution in any order"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            "# U\nRessort: kultur, oekonomi-ressourcer\n## F\n- a\n",
            6,
            "Ressort: unknown theme 'kultur'; close matches: kultur-fritid-turisme (Kultur, fritid og turisme)",
        ),
        ("# U\nRessort: boern-og-ungdom\n## F\n- a\n", 6, "close matches: boern-og-unge (Børn og unge)"),
        ("# U\nRessort: rumfart\n## F\n- a\n", 6, "unknown theme 'rumfart'; no theme is close"),
        ("# U\nRessort:\n## F\n- a\n", 6, "empty Ressort line"),
        ("# U\n## F\nRessort: ledelse\n- a\n", 7, "must directly follow a committee ('#') heading"),
        ("# U\nRessort: ledelse\n## F\n- a\n---\n# U\nRemit: ledelse\n## G\n- b\n", 11, "already (line 6)"),
    ],
)
def test_remit_errors_name_the_line(body: str, line: int, message: str) -> None:
    _assert_error_at(line, message, body)


def test_an_unknown_theme_names_file_line_and_field() -> None:
    remit = _error("# U\nRemit: rumfart\n## F\n- a\n")
    assert (remit.path, remit.line, remit.field) == ("test.md", 6, "Ressort")
    assert str(remit).startswith("test.md:6: Ressort: unknown theme 'rumfart'; no theme is close; ")
    pillar = _error("# U\n## F\n- a\n", "---\nmunicipality: T\ntitle: T\npillars:\n  - Vækst: vaekts\n---\n")
    assert (pillar.path, pillar.line, pillar.field) == ("test.md", 5, "sigtepunkter")
    assert str(pillar).startswith("test.md:5: sigtepunkter: pillar 'Vækst': unknown theme 'vaekts'; close matches: ")


PILLARS_FRONT = """---
municipality: Testby Kommune
title: Test
sigtepunkter:
  # the council's pillars
  - Vækst i balance | Balanced growth: vaekst-i-balance, vaekst, Klima og bæredygtighed
  - Smidige og effektive processer: sagsbehandling, = smidige-processer
  - Fællesskaber: Fællesskaber, Kultur, fritid og turisme
  - Grøn omstilling
---
"""


def test_pillars_with_their_own_theme_english_name_and_serving_themes() -> None:
    outline = _parse_with_themes("# U\n## F\n- a\n", PILLARS_FRONT)
    assert outline.pillars == (
        PillarOutline("Vækst i balance", ("vaekst", "klima-baeredygtighed"), "vaekst-i-balance", "Balanced growth"),
        PillarOutline("Smidige og effektive processer", ("sagsbehandling",), "smidige-processer"),
        PillarOutline("Fællesskaber", ("kultur-fritid-turisme",), "faellesskaber"),
        PillarOutline("Grøn omstilling"),
    )


@pytest.mark.parametrize(
    ("items", "line", "message"),
    [
        ("  - Vækst: vaekst, vaekts-i-balance\n", 5, "pillar 'Vækst': unknown theme 'vaekts-i-balance'; close matches"),
        ("  - Vækst: vaekst\n  - vækst: erhvervsudvikling\n", 6, "pillar 'vækst' is given twice (first at line 5)"),
        ("  - : vaekst\n", 5, "a pillar needs a name"),
        ("  - A: =vaekst, =erhvervsudvikling\n", 5, "only one theme can be marked '='"),
    ],
)
def test_pillar_errors_name_the_line(items: str, line: int, message: str) -> None:
    _assert_error_at(
        line, message, "# U\n## F\n- a\n", f"---\nmunicipality: Testby\ntitle: T\nsigtepunkter:\n{items}---\n"
    )


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("sigtepunkter: Vækst, Fællesskaber\n", 4, "write each of the sigtepunkter on a line of its own"),
        ("- Vækst: vaekst\n", 4, "a list item in the front matter belongs under sigtepunkter:"),
        ("pillars:\n  - Vækst\nsigtepunkter:\n", 6, "front-matter key 'sigtepunkter' given twice"),
        ("id: Mit Seminar 2025\n", 4, "id 'Mit Seminar 2025' is not a slug: use at most 60 lower-case letters"),
        ("id: mit--seminar\n", 4, "e.g. 'mit-seminar'"),
        ("id: strategy\n", 4, "id 'strategy' is reserved"),
    ],
)
def test_front_matter_errors_name_the_line(front: str, line: int, message: str) -> None:
    _assert_error_at(line, message, "# U\n## F\n- a\n", f"---\nmunicipality: Testby\ntitle: T\n{front}---\n")


def test_id_chooses_the_seminar_slug() -> None:
    outline = _parse("# U\n## F\n- a\n", "---\nmunicipality: Testby\ntitle: Et langt navn\nid: seminar-2025\n---\n")
    assert outline.slug == "seminar-2025"
    assert _parse("# U\n## F\n- a\n").slug is None, "without id, the slug is minted from the title"


def test_the_bundled_thesaurus_is_read_only_when_a_theme_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_thesaurus() -> ThemeIndex:
        raise AssertionError("loaded the thesaurus")

    monkeypatch.setattr(ThemeIndex, "bundled", staticmethod(no_thesaurus))
    assert _parse("# U\n## F\n- a\n").remits == ()
    with pytest.raises(AssertionError, match="loaded the thesaurus"):
        _parse("# U\nRessort: ledelse\n## F\n- a\n")
