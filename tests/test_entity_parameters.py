"""Parameters that name a committee, focus area or theme: slug, key, IRI or label, looked up with bound terms;
an unknown value is a one-line error with the closest known values, never a silent empty result."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.term import Identifier

from strategygraph.catalogue.parameters import ENTITY_KINDS, resolve_entity
from strategygraph.catalogue.queries import find_query, run_query
from strategygraph.cli import cli
from strategygraph.errors import NotFoundError, StrategyGraphError
from strategygraph.stores.base import GraphStore, SelectResult

LEARNING = "https://w3id.org/strategygraph/id/hedensted/committee/laering"


class RecordingStore(GraphStore):
    """A store that passes queries on and keeps their text, to show no value ever becomes query text."""

    kind = "recording"

    def __init__(self, inner: GraphStore) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        self.texts.append(query)
        return self.inner.select(query, bindings)

    def add(self, triples: object) -> None:
        raise AssertionError("read-only")

    def __len__(self) -> int:
        return len(self.inner)

    def to_rdflib(self) -> Graph:
        return self.inner.to_rdflib()


@pytest.mark.parametrize(
    "value",
    [
        "laering",
        "LAERING",
        "hedensted/laering",
        LEARNING,
        f"<{LEARNING}>",
        "id:hedensted/committee/laering",
        "Udvalget for Læring",
        "udvalget for læring",
        "  UDVALGET  FOR  LÆRING ",
        "Committee for Learning",
    ],
)
def test_a_committee_is_found_by_slug_key_iri_or_label(value: str, runner: CliRunner) -> None:
    by_slug = runner.invoke(cli, ["query", "focus-areas-by-committee", "-p", "committee", "laering", "--format", "csv"])
    result = runner.invoke(cli, ["query", "focus-areas-by-committee", "-p", "committee", value, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout == by_slug.stdout
    assert len(result.stdout.splitlines()) == 1 + 2


@pytest.mark.parametrize(
    "value", ["faellesskaber", "theme:faellesskaber", "Fællesskaber", "FÆLLESSKABER", "Communities"]
)
def test_a_theme_is_found_by_slug_iri_or_label(value: str, bundled_store: GraphStore) -> None:
    query = find_query("committees-sharing-theme")
    expected = run_query(bundled_store, query, {"theme": "https://w3id.org/strategygraph/theme/faellesskaber"})
    assert expected.rows
    assert run_query(bundled_store, query, {"theme": value}) == expected


def test_a_focus_area_is_found_by_its_title(bundled_store: GraphStore) -> None:
    query = find_query("focus-area-statements")
    by_slug = run_query(bundled_store, query, {"focusArea": "smidige-processer"})
    assert len(by_slug.rows) == 5
    assert run_query(bundled_store, query, {"focusArea": "smidige processer"}) == by_slug


@pytest.mark.parametrize(
    ("name", "parameter", "value", "closest"),
    [
        ("focus-areas-by-committee", "committee", "Udvalget for Laering", "closest: Udvalget for Læring (laering)"),
        ("committee-themes", "committee", "Ungeudvalg", "closest: Ungeudvalget (ungeudvalget)"),
        ("theme-evidence", "theme", "Fælesskaber", "closest: Fællesskaber (faellesskaber)"),
        ("focus-area-statements", "focusArea", "Smidig proces", "closest: Smidige processer (smidige-processer)"),
    ],
)
def test_an_unknown_value_is_a_one_line_error_with_the_closest_values(
    name: str, parameter: str, value: str, closest: str, runner: CliRunner
) -> None:
    result = runner.invoke(cli, ["--lang", "en", "query", name, "-p", parameter, value])
    assert result.exit_code == 2, result.output
    assert f"parameter {parameter!r}: no " in result.stderr
    assert repr(value) in result.stderr
    assert closest in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_a_value_far_from_everything_lists_known_values(bundled_store: GraphStore) -> None:
    with pytest.raises(
        NotFoundError, match=r"no committee 'zzzz'; known: Udvalget for Beskæftigelse \(beskaeftigelse\)"
    ):
        resolve_entity(bundled_store, ENTITY_KINDS["committee"], "committee", "zzzz")
    with pytest.raises(NotFoundError, match="no committee '  '; known"):
        resolve_entity(bundled_store, ENTITY_KINDS["committee"], "committee", "  ")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=40))
def test_any_text_is_bound_never_pasted_and_either_names_one_committee_or_is_an_error(
    value: str, bundled_store: GraphStore
) -> None:
    recording = RecordingStore(bundled_store)
    before = len(bundled_store)
    try:
        term = resolve_entity(recording, ENTITY_KINDS["committee"], "committee", value)
    except StrategyGraphError as error:
        message = str(error)
    else:
        message = ""
        assert str(term) in {
            "beskaeftigelse",
            "faellesskab",
            "laering",
            "oekonomiudvalget",
            "social-omsorg",
            "teknik-miljoe",
            "ungeudvalget",
            "vaekst-klima",
        }
    assert "\n" not in message
    stripped = value.strip()
    if len(stripped) > 3:
        assert all(stripped not in text for text in recording.texts)
    assert len(bundled_store) == before


def test_the_lookup_runs_the_same_on_oxigraph(bundled_store: GraphStore) -> None:
    from strategygraph.loading import DataSources, load_graph

    oxigraph = load_graph(DataSources.bundled(), "oxigraph")
    kind = ENTITY_KINDS["committee"]
    for value in ("Udvalget for Læring", "COMMITTEE FOR LEARNING", "hedensted/laering", LEARNING):
        assert resolve_entity(oxigraph, kind, "committee", value) == resolve_entity(bundled_store, kind, "c", value)
    theme = ENTITY_KINDS["theme"]
    assert resolve_entity(oxigraph, theme, "theme", "fællesskaber") == resolve_entity(
        bundled_store, theme, "t", "Communities"
    )
    with pytest.raises(NotFoundError, match=r"closest: Udvalget for Læring \(laering\)"):
        resolve_entity(oxigraph, kind, "committee", "Udvalget for Laering")
