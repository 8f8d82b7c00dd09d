"""Planning Oxigraph substitutions: only variable names are added to query text, never values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategygraph.errors import StrategyGraphError
from strategygraph.stores.substitution import plan_substitution, tokenize


def test_projected_variable_needs_no_change() -> None:
    query = "SELECT ?s ?o WHERE { ?s sg:order ?o }"
    assert plan_substitution(query, ["s"]).text == query


def test_unprojected_variable_is_added_to_the_projection_only() -> None:
    plan = plan_substitution("SELECT DISTINCT ?o WHERE { $s sg:order ?o } ORDER BY ?o", ["s"])
    assert plan.text == "SELECT DISTINCT ?s ?o WHERE { $s sg:order ?o } ORDER BY ?o"
    assert plan.added == ("s",)
    assert plan.empty_group_text is None


def test_grouped_query_groups_by_the_bound_variable_too() -> None:
    query = "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s sg:presentedBy ?c ; sg:confidence $x } GROUP BY ?c ORDER BY ?c"
    plan = plan_substitution(query, ["x"])
    assert plan.text == (
        "SELECT ?x ?c (COUNT(?s) AS ?n) WHERE { ?s sg:presentedBy ?c ; sg:confidence $x } GROUP BY ?x ?c ORDER BY ?c"
    )


def test_implicit_aggregate_gets_a_group_and_an_empty_group_variant() -> None:
    query = "SELECT (COUNT(?s) AS ?n) WHERE { ?s sg:focusArea $f } LIMIT 1"
    plan = plan_substitution(query, ["f"])
    assert plan.text == "SELECT ?f (COUNT(?s) AS ?n) WHERE { ?s sg:focusArea $f } GROUP BY ?f LIMIT 1"
    assert plan.empty_group_text == "SELECT (COUNT(?s) AS ?n) WHERE { FILTER (false) } LIMIT 1"


def test_ask_and_select_star_are_left_alone() -> None:
    for query in ("ASK { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o }"):
        assert plan_substitution(query, ["s"]).text == query


def test_braces_keywords_and_variables_inside_strings_iris_and_comments_are_ignored() -> None:
    query = (
        "PREFIX ex: <http://ex/{where}#x>\n"
        "# SELECT ?fake WHERE { GROUP BY ?fake\n"
        'SELECT ?o (STR("} GROUP BY ?y {") AS ?t) WHERE { ?s ex:p ?o ; ex:q """?v { """ . } ORDER BY ?o'
    )
    plan = plan_substitution(query, ["s"])
    assert plan.text == query.replace("SELECT ?o (STR", "SELECT ?s ?o (STR")
    assert plan.empty_group_text is None


def test_a_sub_select_that_uses_a_bound_variable_projects_and_groups_it() -> None:
    query = (
        "SELECT ?t ?n WHERE { { SELECT ?t (COUNT(?c) AS ?n) WHERE { ?c sg:theme ?t } GROUP BY ?t "
        "HAVING (COUNT(?c) >= $min) } { SELECT ?x WHERE { ?x a sg:Theme } } } ORDER BY ?t"
    )
    plan = plan_substitution(query, ["min"])
    assert plan.text == (
        "SELECT ?min ?t ?n WHERE { { SELECT ?min ?t (COUNT(?c) AS ?n) WHERE { ?c sg:theme ?t } GROUP BY ?min ?t "
        "HAVING (COUNT(?c) >= $min) } { SELECT ?x WHERE { ?x a sg:Theme } } } ORDER BY ?t"
    )
    assert plan.added == ("min",)


def test_subquery_projection_does_not_count_as_the_outer_projection() -> None:
    query = "SELECT ?n WHERE { { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s } }"
    plan = plan_substitution(query, ["s"])
    assert plan.text.startswith("SELECT ?s ?n WHERE")
    assert plan.empty_group_text is None  # the outer query does not aggregate


@pytest.mark.parametrize("name", ["x y", "x}", "1x", "x)", ""])
def test_a_name_that_is_not_a_variable_is_refused(name: str) -> None:
    with pytest.raises(StrategyGraphError, match="not a SPARQL variable name"):
        plan_substitution("SELECT ?o WHERE { ?s ?p ?o }", [name])


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40))
def test_any_text_in_a_string_literal_is_one_token(text: str) -> None:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    tokens = tokenize(f'SELECT ?o WHERE {{ ?s ?p "{escaped}" }}')
    assert [token.kind for token in tokens] == [
        "name",
        "variable",
        "name",
        "other",
        "variable",
        "variable",
        "string",
        "other",
    ]
