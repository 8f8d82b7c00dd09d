"""Parameter substitution for remote endpoints: same answers as the engine's own binding, no injection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Identifier

from strategygraph.errors import StrategyGraphError
from strategygraph.stores.sparql_text import dollar_variables, query_form, sparql_term, substitute, tokens

EX = "http://example.org/"


def _graph() -> Graph:
    graph = Graph()
    graph.parse(
        data=f"""
        @prefix ex: <{EX}> .
        ex:a ex:label "Fællesskab"@da ; ex:n 1 .
        ex:b ex:label "Vækst"@da ; ex:n 2 .
        ex:c ex:label "Klima"@da ; ex:n 2 .
        """,
        format="turtle",
    )
    return graph


def _rows(graph: Graph, query: str, bindings: dict[str, Identifier] | None = None) -> list[tuple[object, ...]]:
    result = graph.query(query, initBindings=bindings or {})
    return [tuple(row) for row in result]  # type: ignore[arg-type]


def test_tokens_give_the_query_back_unchanged() -> None:
    query = 'SELECT ?x WHERE { ?x <http://e/p> "a $b ?c # d" . # $comment\n FILTER(?x < 3) }'
    assert "".join(token.text for token in tokens(query)) == query
    assert dollar_variables(query) == set()
    assert dollar_variables("SELECT * WHERE { $a ?b $c }") == {"a", "c"}


def test_query_form_names_the_operation() -> None:
    assert query_form("# SELECT in a comment\nASK { ?s ?p ?o }") == "ASK"
    assert query_form("PREFIX x: <http://e/> DROP ALL") == "DROP"
    assert query_form('INSERT DATA { <http://e/a> <http://e/b> "SELECT" }') == "INSERT"


def test_bound_variable_is_visible_inside_filter_unlike_a_trailing_values_block() -> None:
    """rdflib#1772: the engine's binding and a trailing VALUES disagree; substitution agrees with the engine."""
    graph = _graph()
    query = "SELECT ?s WHERE { FILTER(BOUND(?s)) }"
    term = URIRef(EX + "a")
    engine = _rows(graph, query, {"s": term})
    trailing_values = _rows(graph, f"{query} VALUES ?s {{ <{term}> }}")
    substituted = _rows(graph, substitute(query, {"s": term}))
    assert engine == [(term,)]
    assert trailing_values == []
    assert substituted == engine


def test_bound_variable_inside_a_subquery_matches_the_engine() -> None:
    graph = _graph()
    query = f"SELECT ?count WHERE {{ {{ SELECT (COUNT(?s) AS ?count) WHERE {{ ?s <{EX}n> ?m FILTER(?m = ?n) }} }} }}"
    value = Literal(2, datatype=XSD.integer)
    engine = _rows(graph, query, {"n": value})
    assert engine == [(Literal(2, datatype=XSD.integer),)]
    assert _rows(graph, substitute(query, {"n": value})) == engine
    assert _rows(graph, f"{query} VALUES ?n {{ 2 }}") == [(Literal(0, datatype=XSD.integer),)]


def test_projection_group_by_and_order_by_stay_valid() -> None:
    query = "SELECT ?x (COUNT(?y) AS ?n) WHERE { ?x ?p ?y } GROUP BY ?x ORDER BY ?x DESC(?x)"
    rewritten = substitute(query, {"x": URIRef(EX + "a")})
    assert rewritten == (
        f"SELECT (<{EX}a> AS ?x) (COUNT(?y) AS ?n) WHERE {{ <{EX}a> ?p ?y }} "
        f"GROUP BY (<{EX}a>) ORDER BY (<{EX}a>) DESC(<{EX}a>)"
    )
    prepareQuery(rewritten)


def test_a_subquery_that_projects_the_term_keeps_the_outer_projection_a_variable() -> None:
    query = "SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?o } } }"
    rewritten = substitute(query, {"x": URIRef(EX + "a")})
    assert rewritten == f"SELECT ?x WHERE {{ {{ SELECT (<{EX}a> AS ?x) WHERE {{ <{EX}a> ?p ?o }} }} }}"
    assert _rows(_graph(), rewritten) == [(URIRef(EX + "a"),), (URIRef(EX + "a"),)]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT ?y WHERE { BIND(1 AS ?x) }", "assigned in the query"),
        ("SELECT ?y WHERE { VALUES ?x { 1 } }", "VALUES variable"),
        ("SELECT * WHERE { ?x ?p ?o }", "SELECT *"),
    ],
)
def test_substitution_is_refused_where_it_has_no_meaning(query: str, message: str) -> None:
    with pytest.raises(StrategyGraphError, match=message):
        substitute(query, {"x": Literal("v")})


def test_strings_iris_and_comments_are_never_rewritten() -> None:
    query = 'SELECT ?y WHERE { ?y <http://e/p?x> "?x $x" . # ?x\n }'
    assert substitute(query, {"x": Literal("v")}) == query


@pytest.mark.parametrize(
    "value",
    ["http://evil> . ?s ?p ?o . <x", "http://a b", 'http://a"b', "no-scheme", "http://a{b}", ""],
)
def test_an_iri_that_could_break_out_of_angle_brackets_is_refused(value: str) -> None:
    with pytest.raises(StrategyGraphError, match="IRI"):
        sparql_term(URIRef(value))


def test_literals_are_escaped_into_one_token() -> None:
    assert sparql_term(Literal('x" } ; DROP ALL ; #')) == '"x\\" } ; DROP ALL ; #"'
    assert sparql_term(Literal("a\nb\\", lang="da")) == '"a\\nb\\\\"@da'
    assert sparql_term(Literal(5, datatype=XSD.integer)) == f'"5"^^<{XSD.integer}>'
    hostile = Literal("x", lang="da")
    object.__setattr__(hostile, "_language", "da} ; DROP ALL")  # rdflib refuses such a tag; we check again
    with pytest.raises(StrategyGraphError, match="language tag"):
        sparql_term(hostile)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_any_text_round_trips_as_exactly_one_literal(text: str) -> None:
    query = "SELECT ?value WHERE { BIND($search AS ?value) }"
    rewritten = substitute(query, {"search": Literal(text)})
    rows = _rows(Graph(), rewritten)
    assert rows == [(Literal(text),)]
