"""OxigraphStore: Oxigraph's parser and engine, the same rdflib terms out as MemoryStore, one-line errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from strategygraph.cache_folder import cache_root
from strategygraph.errors import InputError, StrategyGraphError
from strategygraph.loading import DataSources
from strategygraph.stores.base import GraphStore, MemoryStore, Triple
from strategygraph.stores.opening import AUTO_PERSISTENT_BYTES, open_store, persistent_folder, resolve_store_kind
from strategygraph.stores.oxigraph import OxigraphStore, to_oxigraph_term, to_rdflib_term

EX = "http://example.org/"
HEAD = f"@prefix ex: <{EX}> .\n@prefix xsd: <{XSD}> .\n"
OBJECT_QUERY = "SELECT ?o WHERE { ?s ?p ?o }"

# Objects written as data curators write them (canonical lexical forms, lower-case language tags).
OBJECTS = [
    '"tekst"',
    '"tværgående fællesskaber"@da',
    '"cross-cutting"@en',
    '"citat med \\"anførselstegn\\", linjeskift\\nog\\u00A0hårdt mellemrum"',
    "42",
    "-7",
    "0",
    "1.5",
    "0.8",
    "1.0",
    "-2.0",
    "true",
    "false",
    '"2023"^^xsd:gYear',
    '"2023-05"^^xsd:gYearMonth',
    '"2023-05-01"^^xsd:date',
    '"2023-05-01T10:15:00"^^xsd:dateTime',
    '"0.75"^^xsd:decimal',
    '"1.0E1"^^xsd:double',
    '"abc"^^ex:custom',
    "<https://example.org/æøå/fokusområde>",
    "ex:thing",
]


def load_both(tmp_path: Path, turtle: str) -> tuple[GraphStore, GraphStore]:
    path = tmp_path / "data.ttl"
    path.write_text(HEAD + turtle, encoding="utf-8")
    return open_store([path], "memory"), open_store([path], "oxigraph")


@pytest.mark.parametrize("obj", OBJECTS)
def test_result_terms_equal_memory_store_terms(tmp_path: Path, obj: str) -> None:
    memory, oxigraph = load_both(tmp_path, f"ex:s ex:p {obj} .\n")
    expected = memory.select(OBJECT_QUERY)
    assert oxigraph.select(OBJECT_QUERY) == expected
    assert set(oxigraph.to_rdflib()) == set(memory.to_rdflib())
    (term,) = expected.rows[0]
    assert term is not None
    bound = "SELECT ?s WHERE { ?s ?p ?o }"
    assert oxigraph.select(bound, {"o": term}).rows == [(URIRef(EX + "s"),)]


def test_computed_values_come_back_as_rdflib_gives_them(tmp_path: Path) -> None:
    memory, oxigraph = load_both(tmp_path, "ex:a ex:n 1 , 2 ; ex:l 'hej'@da ; ex:d 1.0 .\n")
    query = f"""PREFIX ex: <{EX}>
        SELECT (COUNT(?n) AS ?count) (SUM(?n) AS ?sum) (STR(?l) AS ?plain) (LANG(?l) AS ?lang) (?n > 1 AS ?big)
        (CONCAT(?l, "!") AS ?joined) (SUM(?d) AS ?decimals) (?d + 1.0 AS ?added)
        WHERE {{ ?s ex:n ?n ; ex:l ?l ; ex:d ?d }} GROUP BY ?l ?n ?d ORDER BY ?n"""
    assert oxigraph.select(query) == memory.select(query)


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("01", Literal("1", datatype=XSD.integer)),
        ("1.50", Literal("1.5", datatype=XSD.decimal)),
        ('"1"^^xsd:decimal', Literal("1.0", datatype=XSD.decimal)),
        ('"x"@DA', Literal("x", lang="da")),
        ('"x"^^xsd:string', Literal("x")),
    ],
)
def test_oxigraph_keeps_literals_canonical(tmp_path: Path, written: str, stored: Literal) -> None:
    """The documented difference: non-canonical literals are stored canonically (write them canonically)."""
    _memory, oxigraph = load_both(tmp_path, f"ex:s ex:p {written} .\n")
    assert oxigraph.select(OBJECT_QUERY).rows == [(stored,)]


@pytest.mark.parametrize(
    "term",
    [URIRef(EX + "x"), Literal("tekst"), Literal("tekst", lang="da"), Literal(3), Literal(Decimal("0.25"))],
)
def test_terms_round_trip_through_oxigraph(term: Literal | URIRef) -> None:
    assert to_rdflib_term(to_oxigraph_term(term)) == term


def test_everything_is_in_the_default_graph_and_queries_see_it(bundled_sources: DataSources) -> None:
    store = open_store(bundled_sources.files(), "oxigraph")
    assert isinstance(store, OxigraphStore)
    in_default_graph = store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())
    assert sum(1 for _ in in_default_graph) == len(store) > 2000
    assert list(store.oxigraph.named_graphs()) == []
    (row,) = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    assert row == (Literal(len(store)),)


def test_ask_answers_as_memory_store_does(bundled_store: GraphStore, bundled_sources: DataSources) -> None:
    oxigraph = open_store(bundled_sources.files(), "oxigraph")
    for query in ("ASK { ?s a sg:Committee }", "ASK { ?s a sg:Nothing }"):
        assert oxigraph.select(query) == bundled_store.select(query)
    assert oxigraph.select("ASK { ?s a ?type }", {"type": URIRef(EX + "Nothing")}).rows == [(Literal(False),)]


def test_bulk_add_is_seen_by_queries_and_by_to_rdflib(tmp_path: Path) -> None:
    _memory, store = load_both(tmp_path, "ex:s ex:p 1 .\n")
    before = len(store.to_rdflib())
    store.add((URIRef(f"{EX}n{i}"), URIRef(EX + "order"), Literal(i)) for i in range(10_000))
    assert len(store) == before + 10_000
    result = store.select(f"SELECT (MAX(?o) AS ?max) WHERE {{ ?s <{EX}order> ?o }}")
    assert result.rows == [(Literal(9_999),)]
    assert len(store.to_rdflib()) == before + 10_000


def test_add_in_batches_keeps_every_triple_and_blank_node(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("strategygraph.stores.oxigraph.ADD_BATCH", 3)
    store = OxigraphStore()
    triples: list[Triple] = [(URIRef(f"{EX}n{i}"), URIRef(EX + "order"), Literal(i)) for i in range(8)]
    triples += [(URIRef(EX + "s"), URIRef(EX + "via"), BNode("b1")), (BNode("b1"), URIRef(EX + "order"), Literal(99))]
    store.add(iter(triples))  # batches of 3: plain N-Triples ones and one holding the blank node twice
    assert len(store) == 10
    rows = store.select(f"SELECT ?o WHERE {{ <{EX}s> <{EX}via> ?b . ?b <{EX}order> ?o }}").rows
    assert rows == [(Literal(99),)]


ADDED = [
    Literal('citat med "anførselstegn", \\ skråstreg,\r\nlinjeskift og\u00a0hårdt mellemrum'),
    Literal('slutter med "'),
    Literal('> <http://example.org/injected> <http://example.org/p> "x" .'),
    Literal("tekst", lang="da"),
    Literal(Decimal("0.8"), datatype=XSD.decimal),
    Literal(7),
    Literal("abc", datatype=URIRef(EX + "custom")),
    URIRef("https://example.org/æøå/fokusområde#mention-x-3"),
    BNode("b1"),
]


@pytest.mark.parametrize("obj", ADDED)
def test_added_triples_are_the_terms_memory_store_holds(tmp_path: Path, obj: Literal | URIRef | BNode) -> None:
    memory, oxigraph = load_both(tmp_path, "ex:s ex:p 1 .\n")
    triples = [(URIRef(EX + "s"), URIRef(EX + "q"), obj), (URIRef(EX + "t"), URIRef(EX + "q"), Literal("ok"))]
    memory.add(triples)
    oxigraph.add(triples)
    assert len(oxigraph) == len(memory) == 3
    query = f"SELECT ?s ?o WHERE {{ ?s <{EX}q> ?o }} ORDER BY ?s"
    if isinstance(obj, BNode):  # blank node labels differ between the stores; that it is one is what counts
        assert isinstance(oxigraph.select(query).rows[0][1], BNode)
    else:
        assert oxigraph.select(query) == memory.select(query)


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_any_added_text_comes_back_as_written(text: str) -> None:
    store = OxigraphStore()
    store.add([(URIRef(EX + "s"), URIRef(EX + "p"), Literal(text))])
    assert store.select("SELECT ?o WHERE { ?s ?p ?o }").rows == [(Literal(text),)]


def test_an_iri_that_would_break_the_batch_is_refused_not_read_as_more_triples() -> None:
    store = OxigraphStore()
    injected = URIRef(f"{EX}a> <{EX}b> <{EX}c")
    with pytest.raises(ValueError, match="IRI"):
        store.add([(URIRef(EX + "s"), URIRef(EX + "p"), injected)])
    assert len(store) == 0


def test_add_refuses_a_literal_subject(tmp_path: Path) -> None:
    _memory, store = load_both(tmp_path, "ex:s ex:p 1 .\n")
    with pytest.raises(StrategyGraphError, match="literal cannot be the subject"):
        store.add([(Literal("x"), URIRef(EX + "p"), Literal(1))])


def test_turtle_syntax_error_names_file_and_line_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(HEAD + "ex:a ex:b ex:c .\nex:a ex:b .\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        open_store([path], "oxigraph")
    message = str(raised.value)
    assert message.startswith(f"{path}:4: Turtle syntax error: ")
    assert "\n" not in message


def test_unreadable_input_gives_the_same_error_as_memory_store(tmp_path: Path) -> None:
    path = tmp_path / "latin1.ttl"
    path.write_bytes(HEAD.encode() + 'ex:a ex:b "bl\xe5" .\n'.encode("latin-1"))
    errors = []
    for kind in ("memory", "oxigraph"):
        with pytest.raises(InputError) as raised:
            open_store([path], kind)
        errors.append(str(raised.value))
    assert errors[0] == errors[1]
    assert "not UTF-8" in errors[0]


def test_query_errors_are_one_line(bundled_sources: DataSources) -> None:
    store = open_store(bundled_sources.files(), "oxigraph")
    with pytest.raises(StrategyGraphError, match=r"^SPARQL syntax error: [^\n]*$"):
        store.select("SELECT ?x WHERE { ?x ")
    with pytest.raises(StrategyGraphError, match="only SELECT and ASK"):
        store.select("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


def test_to_rdflib_binds_the_prefixes_rdflib_would(bundled_store: GraphStore, bundled_sources: DataSources) -> None:
    oxigraph = open_store(bundled_sources.files(), "oxigraph")
    assert sorted(oxigraph.to_rdflib().namespaces()) == sorted(bundled_store.to_rdflib().namespaces())


def test_auto_is_oxigraph_in_memory_for_small_inputs(tmp_path: Path, bundled_sources: DataSources) -> None:
    files = bundled_sources.files()
    assert resolve_store_kind("auto") == "oxigraph"
    assert persistent_folder("auto", files, bundled_sources.inputs()) is None
    assert isinstance(open_store(files, "auto"), OxigraphStore)
    assert isinstance(open_store(files, "memory"), MemoryStore)
    big = tmp_path / "big.ttl"
    big.write_text(HEAD + "# padding\n" * (AUTO_PERSISTENT_BYTES // 10), encoding="utf-8")
    assert persistent_folder("auto", [big], [tmp_path]) == cache_root()
    assert persistent_folder("oxigraph", [big], [tmp_path]) is None
    with pytest.raises(StrategyGraphError, match="unknown store"):
        resolve_store_kind("disk")
