"""The shapes accept the shipped data and reject each kind of broken data with a clear message."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph

from strategygraph.loading import DataSources, load_graph
from strategygraph.stores.base import GraphStore, MemoryStore
from strategygraph.validation.shapes import validate_graph

from .conftest import FIXTURES

MINIMAL = FIXTURES / "minimal"
MINI = "https://w3id.org/strategygraph/id/testby/mini/"
PREFIXES = """
PREFIX sg: <https://w3id.org/strategygraph/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX t: <https://w3id.org/strategygraph/id/testby/committee/>
"""


def _sparql(update: str) -> str:
    """The update with its relative IRIs (``<statement/byer-1>``) made absolute in the fixture's seminar."""
    return PREFIXES + re.sub(r"<(?!https?:)([^>]*)>", lambda m: f"<{MINI}{m.group(1)}>", update)


def test_shipped_data_conforms(bundled_store: GraphStore, bundled_sources: DataSources) -> None:
    report = validate_graph(bundled_store, bundled_sources.shapes_file)
    assert report.violations == ()
    assert report.conforms


@pytest.fixture(scope="module")
def minimal_graph() -> Graph:
    return load_graph(DataSources.bundled([MINIMAL])).to_rdflib()


def test_minimal_fixture_conforms(minimal_graph: Graph) -> None:
    store = MemoryStore(graph=minimal_graph)
    assert validate_graph(store, DataSources.bundled([MINIMAL]).shapes_file).conforms


BROKEN = [
    (
        "statement without text",
        "DELETE WHERE { <statement/byer-1> sg:text ?t }",
        "m:statement/byer-1",
        "sg:text",
        "needs exactly one non-empty, language-tagged sg:text",
    ),
    (
        "statement with two texts",
        'INSERT DATA { <statement/byer-1> sg:text "Og noget andet."@da }',
        "m:statement/byer-1",
        "sg:text",
        "needs exactly one non-empty, language-tagged sg:text",
    ),
    (
        "text without language tag",
        "DELETE WHERE { <statement/byer-1> sg:text ?t } ; "
        'INSERT DATA { <statement/byer-1> sg:text "Vi skal bygge flere boliger." }',
        "m:statement/byer-1",
        "sg:text",
        "language-tagged sg:text",
    ),
    (
        "statement without order",
        "DELETE WHERE { <statement/byer-1> sg:order ?o }",
        "m:statement/byer-1",
        "sg:order",
        "needs exactly one sg:order",
    ),
    (
        "order zero",
        "DELETE WHERE { <statement/byer-1> sg:order ?o } ; INSERT DATA { <statement/byer-1> sg:order 0 }",
        "m:statement/byer-1",
        "sg:order",
        "an integer ≥ 1",
    ),
    (
        "statement without source pointer",
        "DELETE WHERE { <statement/byer-1> sg:source ?s }",
        "m:statement/byer-1",
        "sg:source",
        "needs exactly one sg:source",
    ),
    (
        "source pointer without quote selector",
        "DELETE WHERE { <statement/byer-1#source> oa:hasSelector <statement/byer-1#quote> }",
        "m:statement/byer-1",
        "sg:source",
        "with a position and a quote selector",
    ),
    (
        "reflection without slide",
        "DELETE WHERE { <reflection/slide-1-1> sg:slide ?s }",
        "m:reflection/slide-1-1",
        "sg:slide",
        "a reflection needs exactly one sg:slide",
    ),
    (
        "unknown attribution confidence",
        "DELETE WHERE { <attribution/byer> sg:confidence ?c } ; "
        'INSERT DATA { <attribution/byer> sg:confidence "maybe" }',
        "m:attribution/byer",
        "sg:confidence",
        '"stated", "strong-inference" or "weak-guess"',
    ),
    (
        "inferred attribution without Danish rationale",
        "DELETE WHERE { <attribution/byer> sg:rationale ?r }",
        "m:attribution/byer",
        "-",
        "needs a Danish sg:rationale",
    ),
    (
        "focus area without committee",
        "DELETE WHERE { <focus-area/byer> sg:presentedBy ?c }",
        "m:focus-area/byer",
        "sg:presentedBy",
        "needs exactly one sg:presentedBy",
    ),
    (
        "presentedBy disagrees with attribution",
        "DELETE WHERE { <attribution/byer> sg:committee ?c } ; "
        'INSERT DATA { t:kultur a sg:Committee ; sg:slug "kultur" ; skos:prefLabel "Kulturudvalget"@da ; '
        "org:unitOf <https://w3id.org/strategygraph/id/testby/> . <attribution/byer> sg:committee t:kultur }",
        "m:focus-area/byer",
        "-",
        "differs from the committee of the focus area's sg:attribution",
    ),
    (
        "focus area without statements",
        "DELETE WHERE { <statement/byer-1> sg:focusArea ?f }",
        "m:focus-area/byer",
        "^sg:focusArea",
        "needs at least one sg:Statement",
    ),
    (
        "focus area with a bad slug",
        'DELETE WHERE { <focus-area/byer> sg:slug ?s } ; INSERT DATA { <focus-area/byer> sg:slug "Byer og Land" }',
        "m:focus-area/byer",
        "sg:slug",
        "lower-case ASCII letters",
    ),
    (
        "two statements share an order",
        "INSERT DATA { <statement/byer-2> a sg:Statement ; sg:focusArea <focus-area/byer> ; sg:order 1 ; "
        'sg:text "Vi skal bygge flere boliger."@da ; sg:source <statement/byer-1#source> }',
        "m:focus-area/byer",
        "-",
        "two statements of this focus area share a position",
    ),
    (
        "committee without municipality",
        "DELETE WHERE { t:plan org:unitOf ?m }",
        "t:committee/plan",
        "org:unitOf",
        "needs exactly one org:unitOf",
    ),
    (
        "committee without Danish label",
        'DELETE WHERE { t:plan skos:prefLabel "Planudvalget"@da }',
        "t:committee/plan",
        "skos:prefLabel",
        "needs exactly one skos:prefLabel in Danish",
    ),
    (
        "slide number duplicated",
        "INSERT DATA { <slide/2> a sg:Slide ; sg:slideNumber 1 ; sg:document <document> ; sg:seminar <seminar> ; "
        "sg:source <slide/1#source> }",
        "m:slide/1",
        "-",
        "share a slide number",
    ),
    (
        "document with bad checksum",
        'DELETE WHERE { <document> sg:sha256 ?s } ; INSERT DATA { <document> sg:sha256 "abc" }',
        "m:document",
        "sg:sha256",
        "64 lower-case hex digits",
    ),
    (
        "seminar without municipality",
        "DELETE WHERE { <seminar> sg:municipality ?m }",
        "m:seminar",
        "sg:municipality",
        "needs exactly one sg:municipality",
    ),
    (
        "position selector with start after end",
        "DELETE WHERE { <statement/byer-1#position> oa:start ?s } ; "
        "INSERT DATA { <statement/byer-1#position> oa:start 9999 }",
        "m:statement/byer-1",
        "sg:source",
        "with a position and a quote selector",
    ),
]


@pytest.mark.parametrize(("case", "update", "node", "path", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_data_fails_with_a_clear_message(
    minimal_graph: Graph, case: str, update: str, node: str, path: str, message: str
) -> None:
    graph = Graph()
    for prefix, namespace in minimal_graph.namespaces():
        graph.bind(prefix, namespace)
    graph.bind("t", "https://w3id.org/strategygraph/id/testby/")
    graph.bind("m", "https://w3id.org/strategygraph/id/testby/mini/")
    for triple in minimal_graph:
        graph.add(triple)
    graph.update(_sparql(update))
    report = validate_graph(MemoryStore(graph=graph), DataSources.bundled([MINIMAL]).shapes_file)
    assert not report.conforms, case
    matching = [v for v in report.violations if v.node == node and v.path == path and message in v.message]
    assert matching, f"{case}: expected {node} {path} {message!r}; got {[v.line() for v in report.violations]}"


def test_messages_in_danish(minimal_graph: Graph) -> None:
    graph = Graph()
    for triple in minimal_graph:
        graph.add(triple)
    graph.update(_sparql("DELETE WHERE { <statement/byer-1> sg:order ?o }"))
    report = validate_graph(MemoryStore(graph=graph), DataSources.bundled([MINIMAL]).shapes_file, lang="da")
    assert any("skal have præcis én sg:order" in v.message for v in report.violations)
