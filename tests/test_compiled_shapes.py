"""The compiled SHACL validator gives pySHACL's report, line for line: on the shipped data, on data broken one
constraint at a time, and on randomly mutated graphs; shapes it cannot translate are refused, never skipped."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from strategygraph.loading import DataSources, load_graph
from strategygraph.namespaces import RDF, XSD
from strategygraph.stores.base import GraphStore, MemoryStore
from strategygraph.validation.shape_model import UnsupportedShapeError, read_shapes, read_shapes_graph
from strategygraph.validation.shapes import ValidationReport, validate_graph

from .conftest import FIXTURES, HEDENSTED, REPO
from .test_shapes import BROKEN, MINIMAL, _sparql

SHAPES = DataSources.bundled([MINIMAL]).shapes_file
FJORDLUND = REPO / "data" / "examples" / "fjordlund"


def _both(store: GraphStore, lang: str = "en") -> tuple[ValidationReport, ValidationReport]:
    reference = validate_graph(store, SHAPES, lang, engine="pyshacl")  # type: ignore[arg-type]
    compiled = validate_graph(store, SHAPES, lang)  # type: ignore[arg-type]
    return reference, compiled


def _assert_same(store: GraphStore, lang: str = "en") -> ValidationReport:
    reference, compiled = _both(store, lang)
    missing = [v.line() for v in reference.violations if v not in compiled.violations]
    extra = [v.line() for v in compiled.violations if v not in reference.violations]
    assert (missing, extra) == ([], []), "compiled validator differs from pySHACL"
    assert compiled.conforms == reference.conforms
    return compiled


@pytest.mark.parametrize("folder", [HEDENSTED, FJORDLUND, MINIMAL], ids=["hedensted", "fjordlund", "minimal"])
@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_shipped_data_same_verdict(folder: Path, kind: str) -> None:
    report = _assert_same(load_graph(DataSources.bundled([folder]), kind))
    assert report.conforms
    assert report.violations == ()


@pytest.fixture(scope="module")
def minimal_graph() -> Graph:
    return load_graph(DataSources.bundled([MINIMAL])).to_rdflib()


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    copy.bind("t", "https://w3id.org/strategygraph/id/testby/")
    copy.bind("m", "https://w3id.org/strategygraph/id/testby/mini/")
    for triple in graph:
        copy.add(triple)
    return copy


# One or more breakages per shape and constraint kind, beyond tests/test_shapes.py's BROKEN list.
MORE_BROKEN = {
    "municipality without slug": "DELETE WHERE { <https://w3id.org/strategygraph/id/testby/> sg:slug ?s }",
    "slug typed as integer": "DELETE WHERE { t:plan sg:slug ?s } ; INSERT DATA { t:plan sg:slug 7 }",
    "two slugs": 'INSERT DATA { <seminar> sg:slug "andet" }',
    "slug is an IRI": "DELETE WHERE { <seminar> sg:slug ?s } ; INSERT DATA { <seminar> sg:slug <seminar> }",
    "two Danish labels": 'INSERT DATA { t:plan skos:prefLabel "Plan"@da }',
    "plain label": 'INSERT DATA { t:plan skos:prefLabel "Plan" }',
    "two English labels": 'INSERT DATA { t:plan skos:prefLabel "Plans"@en }',
    "order as text": "DELETE WHERE { <statement/byer-1> sg:order ?o } ; "
    'INSERT DATA { <statement/byer-1> sg:order "1" }',
    "order ill-typed": "DELETE WHERE { <statement/byer-1> sg:order ?o } ; "
    'INSERT DATA { <statement/byer-1> sg:order "one"^^xsd:integer }',
    "order decimal": "DELETE WHERE { <statement/byer-1> sg:order ?o } ; "
    "INSERT DATA { <statement/byer-1> sg:order 1.5 }",
    "empty text": 'DELETE WHERE { <statement/byer-1> sg:text ?t } ; INSERT DATA { <statement/byer-1> sg:text ""@da }',
    "source row one": "INSERT DATA { <statement/byer-1> sg:sourceRow 1 }",
    "two source rows": "INSERT DATA { <statement/byer-1> sg:sourceRow 2 , 3 }",
    "source is a literal": "DELETE WHERE { <statement/byer-1> sg:source ?s } ; "
    'INSERT DATA { <statement/byer-1> sg:source "x" }',
    "pointer not a specific resource": "DELETE WHERE { <statement/byer-1#source> a ?c }",
    "pointer without document": "DELETE WHERE { <statement/byer-1#source> oa:hasSource ?d }",
    "pointer to a non-document": "DELETE WHERE { <statement/byer-1#source> oa:hasSource ?d } ; "
    "INSERT DATA { <statement/byer-1#source> oa:hasSource <seminar> }",
    "two position selectors": "INSERT DATA { <statement/byer-1#source> oa:hasSelector <statement/byer-1#p2> . "
    "<statement/byer-1#p2> a oa:TextPositionSelector ; oa:start 1 ; oa:end 3 }",
    "position without end": "DELETE WHERE { <statement/byer-1#position> oa:end ?e }",
    "negative start": "DELETE WHERE { <slide/1#position> oa:start ?s } ; "
    "INSERT DATA { <slide/1#position> oa:start -1 }",
    "quote without exact": "DELETE WHERE { <statement/byer-1#quote> oa:exact ?e }",
    "empty exact": "DELETE WHERE { <focus-area/byer#title-quote> oa:exact ?e } ; "
    'INSERT DATA { <focus-area/byer#title-quote> oa:exact "" }',
    "two prefixes": 'INSERT DATA { <statement/byer-1#quote> oa:prefix "a" , "b" }',
    "selector of wrong class": "DELETE WHERE { <reflection/slide-1-1#quote> a ?c } ; "
    "INSERT DATA { <reflection/slide-1-1#quote> a oa:TextPositionSelector }",
    "slide pointer without position": "DELETE WHERE { <slide/1#source> oa:hasSelector ?s }",
    "two title sources": "INSERT DATA { <focus-area/byer> sg:titleSource <statement/byer-1#source> }",
    "title source broken": "DELETE WHERE { <focus-area/byer#title-quote> a ?c }",
    "committee in two municipalities": "INSERT DATA { t:plan org:unitOf <seminar> }",
    "untagged alt label": 'INSERT DATA { t:plan skos:altLabel "Plan" }',
    "remit not a theme": "INSERT DATA { t:plan sg:remit <seminar> }",
    "seminar without title": "DELETE WHERE { <seminar> dcterms:title ?t }",
    "two Danish titles": 'INSERT DATA { <seminar> dcterms:title "Andet"@da }',
    "date as text": 'INSERT DATA { <seminar> dcterms:date "maj 2024" }',
    "two dates": 'INSERT DATA { <seminar> dcterms:date "2024-05-14"^^xsd:date , "2024"^^xsd:gYear }',
    "document without file": "DELETE WHERE { <document> sg:sourceFile ?f }",
    "document with two seminars": "INSERT DATA { <document> sg:seminar <focus-area/byer> }",
    "slide number zero": "DELETE WHERE { <slide/1> sg:slideNumber ?n } ; INSERT DATA { <slide/1> sg:slideNumber 0 }",
    "slide without document": "DELETE WHERE { <slide/1> sg:document ?d }",
    "focus area without title": "DELETE WHERE { <focus-area/byer> dcterms:title ?t }",
    "focus area with two slides": "INSERT DATA { <focus-area/byer> sg:slide <document> }",
    "attribution not an attribution": "DELETE WHERE { <attribution/byer> a ?c }",
    "statement's focus area not one": "DELETE WHERE { <statement/byer-1> sg:focusArea ?f } ; "
    "INSERT DATA { <statement/byer-1> sg:focusArea <seminar> }",
    "reflection order shared": "INSERT DATA { <reflection/slide-1-2> a sg:Reflection ; sg:slide <slide/1> ; "
    'sg:order 1 ; sg:text "Mere."@da ; sg:source <reflection/slide-1-1#source> }',
    "attribution without confidence": "DELETE WHERE { <attribution/byer> sg:confidence ?c }",
    "two Danish rationales": 'INSERT DATA { <attribution/byer> sg:rationale "Igen."@da }',
    "theme without English label": 'DELETE DATA { theme:faellesskaber skos:prefLabel "Communities"@en }',
    "theme without scheme": "DELETE WHERE { theme:faellesskaber skos:inScheme ?s }",
    "theme broader not a theme": "INSERT DATA { theme:faellesskaber skos:broader <seminar> }",
    "themes share a slug": 'INSERT DATA { theme:nyt a sg:Theme ; sg:slug "faellesskaber" }',
    "mention with bad method": "INSERT DATA { <m1> a sg:ThemeMention ; sg:theme theme:faellesskaber ; "
    'sg:mentionIn <statement/byer-1> ; sg:method "guess" ; sg:matchedText "boliger" ; sg:start 20 ; sg:end 27 }',
    "mention text not at offsets": "INSERT DATA { <m2> a sg:ThemeMention ; sg:theme theme:faellesskaber ; "
    'sg:mentionIn <statement/byer-1> ; sg:method "curated" ; sg:matchedText "natur" ; sg:start 0 ; sg:end 5 }',
    "mention end before start": "INSERT DATA { <m3> a sg:ThemeMention ; sg:theme theme:faellesskaber ; "
    'sg:mentionIn <document> ; sg:method "curated" ; sg:matchedText "x" ; sg:start 9 ; sg:end 2 ; sg:score 1.5 }',
    "suppression without rationale": "INSERT DATA { <s1> a sg:MentionSuppression ; sg:theme <seminar> ; "
    'sg:mentionIn <statement/byer-1> ; sg:rationale "plain" }',
    "pillar contribution empty": "INSERT DATA { <pc> a sg:PillarContribution ; sg:focusArea <focus-area/byer> ; "
    "sg:pillar <seminar> ; sg:evidence <statement/byer-1> }",
    "pillar without scheme": 'INSERT DATA { <pillar> a sg:Pillar ; sg:slug "p" ; skos:prefLabel "P"@da , "P"@en ; '
    "sg:servedBy <seminar> }",
}
PREFIXES_MORE = (
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\nPREFIX theme: <https://w3id.org/strategygraph/theme/>\n"
)
CASES = {**{case: update for case, update, *_ in BROKEN}, **MORE_BROKEN}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_data_same_report(minimal_graph: Graph, case: str) -> None:
    graph = _copy(minimal_graph)
    graph.update(PREFIXES_MORE + _sparql(CASES[case]))
    report = _assert_same(MemoryStore(graph=graph), lang="da" if len(case) % 2 else "en")
    assert not report.conforms, f"{case}: both validators accept the broken data"


def _mutations(graph: Graph, seed: int, count: int) -> Graph:
    """``graph`` with ``count`` random edits: a triple dropped, its object duplicated with another value of the same
    predicate, or retyped (a literal given another datatype or language, a node another class)."""
    rng = random.Random(seed)
    mutated = _copy(graph)
    triples = sorted(mutated, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    classes = sorted({o for o in mutated.objects(None, RDF.type) if isinstance(o, URIRef)})
    for _ in range(count):
        s, p, o = rng.choice(triples)
        action = rng.choice(("drop", "duplicate", "retype"))
        if action == "drop":
            mutated.remove((s, p, o))
        elif action == "duplicate":
            others = sorted({v for v in mutated.objects(None, p) if v != o}, key=str)
            mutated.add((s, p, rng.choice(others) if others else Literal("x")))
        else:
            mutated.remove((s, p, o))
            mutated.add((s, p, _retyped(o, rng, classes)))
    return mutated


def _retyped(node: Node, rng: random.Random, classes: list[URIRef]) -> Node:
    if isinstance(node, Literal):
        text = str(node)
        return rng.choice(
            [
                Literal(text),
                Literal(text, lang="en"),
                Literal("7", datatype=XSD.integer),
                Literal("0.5", datatype=XSD.decimal),
            ]
        )
    return rng.choice(classes) if classes else node


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), count=st.integers(1, 6))
def test_mutated_graphs_same_report(minimal_graph: Graph, seed: int, count: int) -> None:
    _assert_same(MemoryStore(graph=_mutations(minimal_graph, seed, count)))


def test_shipped_shapes_all_compile() -> None:
    model = read_shapes(SHAPES)
    names = {shape.name.rsplit("#", 1)[-1] for shape in model.shapes}
    assert {"StatementShape", "FocusAreaShape", "ThemeSlugUniqueShape", "ThemeMentionTextShape"} <= names


UNSUPPORTED = {
    "sh:maxLength": "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:maxLength 3 ; "
    'sh:message "m"@en ] .',
    "sh:closed": 'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true ; sh:message "m"@en .',
    "sh:targetNode": 'ex:S a sh:NodeShape ; sh:targetNode ex:n ; sh:class ex:C ; sh:message "m"@en .',
    "sh:severity": "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:severity sh:Warning ; sh:class ex:D ; "
    'sh:message "m"@en .',
    "sh:xone": 'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:xone ( [ sh:class ex:D ] ) ; sh:message "m"@en .',
    "sequence path": "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; "
    'sh:minCount 1 ; sh:message "m"@en ] .',
    "no message": "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
    "$PATH": 'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:message "m"@en ; '
    'sh:select "SELECT $this WHERE { $this $PATH ?v }" ] .',
    "message template": 'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:message "bad {?v}"@en ; '
    'sh:select "SELECT $this ?v WHERE { $this ex:p ?v }" ] .',
    "implicit class target": 'ex:S a sh:NodeShape , rdfs:Class ; sh:class ex:D ; sh:message "m"@en .',
}


@pytest.mark.parametrize("case", sorted(UNSUPPORTED))
def test_untranslatable_shapes_are_refused(case: str) -> None:
    graph = Graph().parse(
        data="@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> . "
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + UNSUPPORTED[case],
        format="turtle",
    )
    with pytest.raises(UnsupportedShapeError):
        read_shapes_graph(graph)


def test_import_fixture_same_report(tmp_path: Path) -> None:
    from strategygraph.formats.importing import import_seminar

    source = FIXTURES / "import" / "seminar.md"
    imported = import_seminar(source.read_bytes(), str(source))
    for name, data in imported.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    assert _assert_same(load_graph(DataSources.bundled([tmp_path]), "oxigraph")).conforms


ODD_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
    sh:property [ sh:path ex:lang ; sh:languageIn ( "*" ) ; sh:message "lang"@en ] ,
        [ sh:path ex:da ; sh:languageIn ( "da" ) ; sh:message "da"@en ] ,
        [ sh:path ex:len ; sh:minLength 2 ; sh:message "len"@en ] ,
        [ sh:path ex:max ; sh:maxInclusive 5 ; sh:message "max"@en ] ,
        [ sh:path ex:in ; sh:in ( ex:a "b" 1 ) ; sh:message "in"@en ] ,
        [ sh:path ex:lt ; sh:lessThan ex:other ; sh:message "lt"@en ] ,
        [ sh:path ex:pat ; sh:pattern "^a" ; sh:message "pat"@en ] ,
        [ sh:path ex:date ; sh:datatype xsd:date ; sh:message "date"@en ] .
"""
# Each property gets IRIs, blank nodes, plain, tagged, numeric and ill-typed literals: every kind of value node
# the queries' prefilters must pass on to the exact check.
ODD_DATA = """
@prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:n a ex:C ; ex:other 4 , "m" ;
    ex:lang ex:x , "plain" , "tagged"@da-DK , [ ex:p 1 ] ;
    ex:da "dansk"@da , "dansk"@da-DK , "english"@en , ex:x ;
    ex:len ex:x , "a" , "ab" , "ø"@da , 7 , [ ex:p 2 ] ;
    ex:max 5 , 6 , 5.5 , "4" , ex:x , "nine"^^xsd:integer ;
    ex:in ex:a , ex:b , "b" , "b"@da , 1 , 1.0 ;
    ex:lt 3 , 4 , 5 , "a" , "z" , ex:x ;
    ex:pat "abc" , "cab" , ex:abc , 1 ;
    ex:date "2024-05-14"^^xsd:date , "2024-13-40"^^xsd:date , "2024"^^xsd:gYear , "2024-05-14" .
"""


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_odd_value_nodes_same_report(tmp_path: Path, kind: str) -> None:
    shapes, data = tmp_path / "shapes.ttl", tmp_path / "data.ttl"
    shapes.write_text(ODD_SHAPES, encoding="utf-8")
    data.write_text(ODD_DATA, encoding="utf-8")
    from strategygraph.stores.opening import open_store

    store = open_store([data], kind)
    reference = validate_graph(store, shapes, engine="pyshacl")
    compiled = validate_graph(store, shapes)
    assert [v.line() for v in compiled.violations] == [v.line() for v in reference.violations]
    assert {v.message for v in compiled.violations} == {"lang", "da", "len", "max", "in", "lt", "pat", "date"}
