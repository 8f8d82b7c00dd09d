"""The catalogue queries rewritten for national scale (issue 8) answer as they did, on generated national data.

``tests/fixtures/queries-before-issue-8`` holds the queries as they were before the rewrite. On the generated
10 k data (seven municipalities) the rewritten ``statements-without-theme``, ``theme-evidence`` and
``uncertain-attributions`` give the same rows in the same order, and ``committee-pair-overlap``, which now pairs
only committees of the same municipality, gives exactly the earlier rows of same-municipality pairs. On a smaller
generated data set of two municipalities (rdflib is slow at 10 k), both stores give the same answers to the four.
The bundled data's goldens (tests/test_queries.py) and tests/test_store_equivalence.py cover the rest.
Delete a fixture when its query's meaning changes on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generate import generate
from strategygraph.catalogue.queries import NamedQuery, find_query, parse_query_text, run_query
from strategygraph.loading import DataSources, load_graph
from strategygraph.stores.base import GraphStore, Row, as_int, as_str

from .conftest import FIXTURES

BEFORE = FIXTURES / "queries-before-issue-8"
SAME_MEANING: list[tuple[str, dict[str, str]]] = [
    ("statements-without-theme", {}),
    ("theme-evidence", {}),
    ("theme-evidence", {"theme": "theme:faellesskaber"}),
    ("uncertain-attributions", {}),
    ("uncertain-attributions", {"lang": "en"}),
]
MUNICIPALITIES = """
SELECT ?committee ?municipality ?slug WHERE {
    ?committee a sg:Committee ; org:unitOf ?municipality . ?municipality sg:slug ?slug
}
"""


@pytest.fixture(scope="module")
def national(generated_data: Path) -> GraphStore:
    return load_graph(DataSources.bundled([generated_data]), "oxigraph")


@pytest.fixture(scope="module")
def two_municipalities(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GraphStore]:
    folder = tmp_path_factory.mktemp("two-municipalities") / "data"
    summary = generate(folder, 2_500, seed=2)
    assert summary.line().startswith("2 municipalities"), summary.line()
    return {kind: load_graph(DataSources.bundled([folder]), kind) for kind in ("memory", "oxigraph")}


def _before(name: str, text: str | None = None) -> NamedQuery:
    path = BEFORE / f"{name}.rq"
    return parse_query_text(text or path.read_text(encoding="utf-8"), path, name)


@pytest.mark.parametrize(("name", "arguments"), SAME_MEANING, ids=[f"{n} {a}" for n, a in SAME_MEANING])
def test_rewritten_query_gives_the_earlier_rows_in_the_earlier_order(
    national: GraphStore, name: str, arguments: dict[str, str]
) -> None:
    result = run_query(national, find_query(name), arguments)
    assert result.rows, "no rows: the comparison would prove nothing"
    assert result == run_query(national, _before(name), arguments)


def test_committee_pair_overlap_is_the_earlier_pairs_within_one_municipality(national: GraphStore) -> None:
    """The earlier query, projecting the committees too, filtered to pairs of one municipality and put in the new
    order (the earlier one, then the committees' IRIs: slugs repeat across municipalities), with the municipality's
    slug in front."""
    text = (BEFORE / "committee-pair-overlap.rq").read_text(encoding="utf-8")
    with_committees = text.replace("SELECT ?committeeA", "SELECT ?a ?b ?committeeA", 1)
    assert with_committees != text
    rows = national.select(MUNICIPALITIES).rows
    municipality, slug = {row[0]: row[1] for row in rows}, {row[0]: row[2] for row in rows}
    for lang in ("da", "en"):
        earlier = run_query(national, _before("committee-pair-overlap", with_committees), {"lang": lang})
        same = [row for row in earlier.rows if municipality[row[0]] == municipality[row[1]]]
        assert 0 < len(same) < len(earlier.rows), "the data must have pairs within and across municipalities"
        same.sort(key=_new_order)
        result = run_query(national, find_query("committee-pair-overlap"), {"lang": lang})
        assert result.variables == ("municipality", *earlier.variables[2:])
        assert result.rows == [(slug[row[0]], *row[2:]) for row in same]


def _new_order(row: Row) -> tuple[int, str, str, str, str]:
    """``ORDER BY DESC(?sharedThemes) ?committeeA ?committeeB ?a ?b`` of a row ``?a ?b ?committeeA ?committeeALabel
    ?committeeB ?committeeBLabel ?sharedThemes`` (slugs compare as strings, IRIs by their text)."""
    a, b, slug_a, _label_a, slug_b, _label_b, shared = row
    return (-as_int(shared), as_str(slug_a) or "", as_str(slug_b) or "", as_str(a) or "", as_str(b) or "")


@pytest.mark.parametrize(("name", "arguments"), [*SAME_MEANING, ("committee-pair-overlap", {"lang": "en"})])
def test_rewritten_queries_give_the_same_answers_on_both_stores(
    two_municipalities: dict[str, GraphStore], name: str, arguments: dict[str, str]
) -> None:
    query = find_query(name)
    memory, oxigraph = (run_query(two_municipalities[kind], query, arguments) for kind in ("memory", "oxigraph"))
    assert memory.rows, "no rows: the comparison would prove nothing"
    assert oxigraph == memory
