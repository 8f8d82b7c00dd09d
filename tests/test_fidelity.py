"""The bundled data is the source, line by line: every text at its offsets, every sentence covered once."""

from __future__ import annotations

import re

import pytest
from rdflib import Literal

from strategygraph.source_text import normalise
from strategygraph.stores.base import GraphStore
from strategygraph.validation.source_pointers import check_source_pointers, source_pointers

from .conftest import HEDENSTED

SOURCE = (HEDENSTED / "source" / "tvaergaaende-fokusomraader.txt").read_text(encoding="utf-8")
LINES = SOURCE.split("\n")

# Artefacts that carry no content of their own (research/source-segmentation.md §4.4), by 1-based line:
# overview label boxes (their cleaned text lives on as skos:altLabel), stray sidebar labels.
ARTEFACT_LINES = {
    *range(14, 31),  # slide 1 overview boxes
    *range(137, 143),  # "Refleksioner fra gruppe-drøftelser", "Præsentation af fokusområder"
    *range(146, 156),  # slide 2 overview boxes
    *range(213, 218),  # sidebar labels
    *range(221, 238),  # slide 3 overview boxes
    293,  # " Unge på vej" overview box
    334,  # " gruppedrøftelser" sidebar fragment
    *range(338, 346),  # slide 5 overview boxes
    *range(387, 392),  # slide 6 overview boxes
}


def _line_offsets() -> list[int]:
    starts, position = [], 0
    for line in LINES:
        starts.append(position)
        position += len(line) + 1
    return starts


UNITS_QUERY = """
SELECT ?unit ?kind ?text ?start ?end ?exact WHERE {
    ?unit a ?kind ; sg:text ?text ; sg:source ?source .
    VALUES ?kind { sg:Statement sg:Reflection }
    ?source oa:hasSelector ?position , ?quote .
    ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
}
ORDER BY ?start
"""


def _units(store: GraphStore) -> list[dict[str, object]]:
    return [
        {k: (v.toPython() if isinstance(v, Literal) else str(v)) for k, v in row.items()}
        for row in store.select(UNITS_QUERY).dicts()
    ]


def test_counts_of_statements_and_reflections(bundled_store: GraphStore) -> None:
    units = _units(bundled_store)
    kinds = [str(u["kind"]).rsplit("#", 1)[1] for u in units]
    assert kinds.count("Statement") == 48
    assert kinds.count("Reflection") == 24


def test_every_text_is_the_source_at_its_offsets(bundled_store: GraphStore) -> None:
    for unit in _units(bundled_store):
        start, end, text = int(unit["start"]), int(unit["end"]), str(unit["text"])  # type: ignore[call-overload]
        span = SOURCE[start:end]
        assert unit["exact"] == span, unit["unit"]
        assert normalise(span) == text, unit["unit"]
        assert normalise(text) == text, f"{unit['unit']} text is not clean"
        assert "\u00a0" not in text
        assert "  " not in text
        assert not text.startswith("#")


def test_every_source_sentence_is_covered_exactly_once(bundled_store: GraphStore) -> None:
    """From the source side: each non-blank character belongs to exactly one unit, title or artefact."""
    covered = [0] * len(SOURCE)
    for pointer in source_pointers(bundled_store):
        if pointer.pointer.endswith("#source") and pointer.text is None:
            continue  # a slide: the page it spans, not a sentence
        for i in range(pointer.start, pointer.end):
            covered[i] += 1
    starts = _line_offsets()
    for number in ARTEFACT_LINES:
        for i in range(starts[number - 1], starts[number - 1] + len(LINES[number - 1])):
            covered[i] += 1
    for i, char in enumerate(SOURCE):
        if char.isspace():
            continue
        line = SOURCE.count("\n", 0, i) + 1
        if char == "#" and covered[i] == 0 and i + 1 < len(SOURCE) and covered[i + 1] == 1:
            continue  # a '#' marker right before a bullet or heading: dropped on purpose
        assert covered[i] == 1, f"line {line}: {LINES[line - 1]!r} char {char!r} covered {covered[i]} times"


def test_source_pointers_check_clean(bundled_store: GraphStore) -> None:
    assert check_source_pointers(bundled_store, [HEDENSTED]) == []


@pytest.mark.parametrize(
    ("kept", "where"),
    [
        ("og forsat udvikling.", "FA03 typo 'forsat'"),
        ("Forsætte det gode samarbejde med erhvervslivet.", "FA05 typo 'Forsætte'"),
        ("samspillet mellem borger, medarbejde og samarbejdspartnere", "FA08 typo 'medarbejde'"),
        ("finder også anvendelse ift . Børn og unge", "R5 stray space kept verbatim"),
        ("Det skal være nemt at være forening/frivillig.", "line-end slash joined without space"),
        ("vækst- og klimaindsatsen", "suspended compound kept"),
        ("ressourcerne anvendes på til elementer i indsatsen", "R2 paragraph split by a blank line, merged"),
    ],
)
def test_source_quirks_are_kept(bundled_store: GraphStore, kept: str, where: str) -> None:
    texts = [str(u["text"]) for u in _units(bundled_store)]
    assert sum(kept in t for t in texts) == 1, where


def test_focus_area_titles_appear_in_the_source(bundled_store: GraphStore) -> None:
    rows = list(bundled_store.select("SELECT ?title WHERE { ?fa a sg:FocusArea ; dcterms:title ?title }").dicts())
    assert len(rows) == 15
    clean_source = normalise(SOURCE.replace("#", ""))
    for row in rows:
        assert str(row["title"]) in clean_source


def test_orders_are_contiguous(bundled_store: GraphStore) -> None:
    query = """
    SELECT ?group (GROUP_CONCAT(STR(?order); separator=",") AS ?orders) WHERE {
        { ?unit a sg:Statement ; sg:focusArea ?group ; sg:order ?order }
        UNION { ?unit a sg:Reflection ; sg:slide ?group ; sg:order ?order }
    } GROUP BY ?group
    """
    for row in bundled_store.select(query).dicts():
        orders = sorted(int(o) for o in str(row["orders"]).split(","))
        assert orders == list(range(1, len(orders) + 1)), row["group"]


def test_a_changed_word_is_caught(bundled_store: GraphStore) -> None:
    """The check that guards the data must fail when a statement is reworded."""
    from strategygraph.stores.base import MemoryStore

    copy = MemoryStore()
    for triple in bundled_store.to_rdflib():
        copy.graph.add(triple)
    from strategygraph.namespaces import SG

    statement = next(s for s, o in copy.graph.subject_objects(SG.text) if "Styrke centerbyerne" in str(o))
    copy.graph.set((statement, SG.text, Literal("Styrke landsbyerne", lang="da")))
    problems = check_source_pointers(copy, [HEDENSTED])
    assert len(problems) == 1
    assert "text differs from the source" in problems[0].message
    assert re.search(r"byudvikling-og-udstykninger-5", problems[0].node)
