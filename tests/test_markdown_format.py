"""The Markdown reader: structure, exact spans into the file, and the writer/reader round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategygraph.errors import InputError
from strategygraph.markdown_export import render_markdown
from strategygraph.markdown_format import parse_markdown
from strategygraph.outline import (
    CONFIDENCES,
    AttributionOutline,
    FocusAreaOutline,
    SeminarOutline,
    SlideOutline,
    TextUnit,
)
from strategygraph.source_text import normalise

from .conftest import FIXTURES, REPO

FRONT = "---\nmunicipality: Testby Kommune\ntitle: Test\n---\n"
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
TITLE = SAFE_TEXT.filter(lambda text: not text.lower().startswith("refleksion"))
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
    return SeminarOutline("Testby Kommune", TextUnit(draw(TITLE)), tuple(slides), description=description)


def _unique_titles(outline: SeminarOutline) -> bool:
    keys = [(area.committee, area.title.text.casefold()) for area in outline.focus_areas()]
    return len(keys) == len(set(keys))


@settings(max_examples=150, deadline=None)
@given(outlines().filter(_unique_titles))
def test_what_the_writer_writes_the_reader_reads_back(outline: SeminarOutline) -> None:
    text = render_markdown(outline, note="round trip")
    assert parse_markdown(text.encode("utf-8"), "export.md").content() == outline
