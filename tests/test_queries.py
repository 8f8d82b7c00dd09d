"""The query catalogue and `strategygraph queries` / `query`: headers, goldens, parameters, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.plugins.sparql import prepareQuery

from strategygraph.catalogue.queries import NamedQuery, bind_arguments, catalogue, find_query, run_query
from strategygraph.catalogue.results import render_result, results_json
from strategygraph.cli import cli
from strategygraph.errors import InputError, NotFoundError, StrategyGraphError
from strategygraph.loading import DataSources, load_graph
from strategygraph.resources import bundle
from strategygraph.stores.base import GraphStore
from strategygraph.stores.sparql_text import dollar_variables, tokens
from strategygraph.tables import RESULT_FORMATS

from .conftest import FIXTURES, GoldenCheck

THEMES_MINI = FIXTURES / "themes-mini"
NAMES = sorted(path.stem for path in bundle().queries_dir.glob("*.rq"))
HOSTILE = ['x" } ; DROP ALL ; #', "<http://evil> . ?s ?p ?o", "x' } INSERT DATA { <a:b> <a:b> <a:b> } #", "\\"]


@pytest.fixture(scope="module")
def themes_store() -> GraphStore:
    return load_graph(DataSources.bundled([THEMES_MINI]))


def _snapshot(store: GraphStore) -> frozenset[tuple[object, ...]]:
    return frozenset(store.to_rdflib())


def test_catalogue_answers_at_least_the_fourteen_questions() -> None:
    assert len(NAMES) >= 14
    assert [query.name for query in catalogue()] == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_catalogue_file_is_complete_and_runs_unchanged_elsewhere(name: str) -> None:
    query = find_query(name)
    for lang in ("da", "en"):
        assert query.titles.get(lang), f"{name}: no title@{lang}"
        assert len(query.descriptions.get(lang, "")) > 30, f"{name}: no description@{lang}"
    assert query.form == "SELECT"
    assert dollar_variables(query.text) == {p.name for p in query.parameters}
    keywords = [token.keyword for token in tokens(query.text)]
    assert "ORDER" in keywords[keywords.index("WHERE") :], f"{name}: no ORDER BY"
    prepareQuery(query.text)  # no initNs: every prefix is declared in the file itself
    if any(p.name == "lang" for p in query.parameters):
        assert query.parameter("lang") is not None
        assert query.parameter("lang").default == "da"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", NAMES)
def test_catalogue_query_on_bundled_data_matches_golden(
    name: str, bundled_store: GraphStore, golden: GoldenCheck
) -> None:
    query = find_query(name)
    titles = query.column_titles("da")
    golden(f"queries/hedensted/{name}.csv", render_result(run_query(bundled_store, query), "csv", titles=titles))


@pytest.mark.parametrize("name", NAMES)
def test_catalogue_query_on_theme_fixture_matches_golden(
    name: str, themes_store: GraphStore, golden: GoldenCheck
) -> None:
    query = find_query(name)
    golden(
        f"queries/themes-mini/{name}.json",
        results_json(run_query(themes_store, query, {"lang": "en"} if query.parameter("lang") else {})),
    )


@pytest.mark.parametrize("name", NAMES)
def test_every_query_returns_rows_on_some_data(name: str, bundled_store: GraphStore, themes_store: GraphStore) -> None:
    query = find_query(name)
    assert run_query(bundled_store, query).rows or run_query(themes_store, query).rows


def test_focus_areas_by_committee_csv_has_fifteen_rows(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query", "focus-areas-by-committee", "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Udvalg (kortnavn),Udvalg,Fokusområde (kortnavn),Fokusområde,Tilskrivningens sikkerhed,Slide"
    assert len(lines) == 1 + 15
    assert "teknik-miljoe,Udvalget for Teknik & Miljø,byudvikling-og-udstykninger" in result.stdout


@pytest.mark.parametrize("name", NAMES)
def test_every_result_column_has_a_human_title_in_both_languages(name: str, bundled_store: GraphStore) -> None:
    query = find_query(name)
    variables = run_query(bundled_store, query).variables
    assert list(query.columns) == list(variables), f"{name}: declare one '# column:' per result variable, in order"
    for lang in ("da", "en"):
        titles = [query.column_title(variable, lang) for variable in variables]
        assert all(title not in variables for title in titles), (name, lang, titles)
        assert len(set(titles)) == len(titles), f"{name}: two columns titled alike in {lang}: {titles}"


@pytest.mark.parametrize(
    ("arguments", "header"),
    [
        (["--format", "table"], "Udvalg (kortnavn)  Udvalg"),
        (["--format", "md"], "| Udvalg (kortnavn) | Udvalg | Antal fokusområder | Antal udsagn |"),
        (["--format", "csv"], "Udvalg (kortnavn),Udvalg,Antal fokusområder,Antal udsagn"),
        (["--format", "tsv", "--lang", "en"], "Committee (slug)\tCommittee\tNumber of focus areas\tNumber of"),
        (["--format", "csv", "--lang", "en"], "Committee (slug),Committee,Number of focus areas,Number of statements"),
    ],
)
def test_result_headers_are_human_titles_in_the_chosen_language(
    arguments: list[str], header: str, runner: CliRunner
) -> None:
    result = runner.invoke(cli, ["query", "committees", *arguments])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith(header)
    assert "committeeLabel" not in result.stdout


def test_json_keeps_variable_names_and_own_queries_keep_theirs(runner: CliRunner, tmp_path: Path) -> None:
    document = json.loads(runner.invoke(cli, ["query", "committees", "--format", "json"]).stdout)
    assert document["head"]["vars"] == ["committee", "committeeLabel", "focusAreas", "statements"]
    path = tmp_path / "own.rq"
    path.write_text(
        "PREFIX sg: <https://w3id.org/strategygraph/ontology#>\n"
        "# column: label -- Udvalg / Committee\n"  # not a header comment: it comes after the query began
        "SELECT ?slug ?committeeLabel WHERE { ?c a sg:Committee ; sg:slug ?slug } ORDER BY ?slug LIMIT 1\n",
        encoding="utf-8",
    )
    own = runner.invoke(cli, ["query", str(path), "--format", "csv"])
    assert own.exit_code == 0, own.output
    assert own.stdout.splitlines()[0] == "slug,committeeLabel"


@pytest.mark.parametrize("fmt", RESULT_FORMATS)
def test_the_command_writes_each_format(runner: CliRunner, fmt: str) -> None:
    result = runner.invoke(cli, ["--data", str(THEMES_MINI), "query", "committee-themes", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


@pytest.mark.parametrize("name", NAMES)
def test_every_query_runs_and_renders_in_every_format(runner: CliRunner, themes_store: GraphStore, name: str) -> None:
    """Each query through the command (as a table), and its result in every other format, as the command
    renders it (loading the graph once, not once per format)."""
    result = runner.invoke(cli, ["--data", str(THEMES_MINI), "query", name])
    assert result.exit_code == 0, (name, result.output)
    assert result.stdout.strip(), name
    query = find_query(name)
    arguments = {"lang": "da"} if query.parameter("lang") is not None else {}
    ran = run_query(themes_store, query, arguments)
    for fmt in RESULT_FORMATS:
        assert render_result(ran, fmt, query.form, query.column_titles("da")).strip(), (name, fmt)


def test_json_follows_the_w3c_results_format(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query", "committees", "--format", "json"])
    document = json.loads(result.stdout)
    assert document["head"]["vars"] == ["committee", "committeeLabel", "focusAreas", "statements"]
    first = document["results"]["bindings"][0]
    assert first["committee"] == {"type": "literal", "value": "beskaeftigelse"}
    assert first["committeeLabel"] == {"type": "literal", "value": "Udvalget for Beskæftigelse", "xml:lang": "da"}
    assert first["focusAreas"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_ask_file_gives_a_boolean(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "any.rq"
    path.write_text("# param: slug literal\nASK { ?c <https://w3id.org/strategygraph/ontology#slug> $slug }\n")
    yes = runner.invoke(cli, ["query", str(path), "-p", "slug", "laering", "--format", "json"])
    no = runner.invoke(cli, ["query", str(path), "-p", "slug", "nope", "--format", "json"])
    assert json.loads(yes.stdout) == {"head": {}, "boolean": True}
    assert json.loads(no.stdout) == {"head": {}, "boolean": False}


def test_lang_comes_from_the_global_option_unless_given(runner: CliRunner) -> None:
    english = runner.invoke(cli, ["--lang", "en", "query", "committees", "--format", "csv"])
    override = runner.invoke(cli, ["--lang", "en", "query", "committees", "-p", "lang", "da", "--format", "csv"])
    local_option = runner.invoke(cli, ["query", "committees", "--lang", "en", "--format", "csv"])
    assert local_option.stdout == english.stdout
    assert "Committee for Community" in english.stdout
    assert "Udvalget for Beskæftigelse" in override.stdout


def test_parameters_narrow_the_result(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query", "focus-areas-by-committee", "-p", "committee", "laering", "--format", "csv"])
    rows = result.stdout.splitlines()[1:]
    assert len(rows) == 2
    assert all(row.startswith("laering,") for row in rows)
    search = runner.invoke(cli, ["query", "search-text", "-p", "search", "ØKONOMI", "--format", "csv"])
    assert "økonomi" in search.stdout
    assert len(search.stdout.splitlines()) > 1


def test_a_parameter_may_be_written_name_equals_value(runner: CliRunner) -> None:
    two = runner.invoke(cli, ["query", "focus-areas-by-committee", "-p", "committee", "laering", "--format", "csv"])
    one = runner.invoke(cli, ["query", "focus-areas-by-committee", "-p", "committee=laering", "--format", "csv"])
    assert one.exit_code == 0, one.output
    assert one.stdout == two.stdout
    # a value holding '=' in the two-word form stays whole
    equals = runner.invoke(cli, ["query", "search-text", "--param", "search", "a=b", "--format", "csv"])
    assert equals.exit_code == 0, equals.output


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_literal_matches_nothing_and_changes_nothing(value: str, bundled_store: GraphStore) -> None:
    before = _snapshot(bundled_store)
    assert run_query(bundled_store, find_query("search-text"), {"search": value}).rows == []
    with pytest.raises(NotFoundError, match="parameter 'committee': no committee"):
        run_query(bundled_store, find_query("focus-areas-by-committee"), {"committee": value})
    assert _snapshot(bundled_store) == before


@pytest.mark.parametrize("value", ["http://evil> . ?s ?p ?o", "<http://evil> . ?s ?p ?o", 'x" } ; DROP ALL ; #'])
def test_hostile_iri_is_refused_with_a_one_line_error(value: str, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--lang", "en", "query", "theme-evidence", "-p", "theme", value])
    assert result.exit_code == 2, result.output
    assert "parameter 'theme': no theme" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-p", "colour", "red"], "has no parameter 'colour' (its parameters: min, lang)"),
        (["-p", "min", "two"], "parameter 'min' (integer): not an integer: 'two'"),
        (["-p", "min", "1", "-p", "min", "2"], "parameter 'min' is given twice"),
    ],
)
def test_bad_parameters_are_named(arguments: list[str], message: str, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--lang", "en", "query", "themes-shared-by-committees", *arguments])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_missing_required_parameter_is_named(tmp_path: Path) -> None:
    path = tmp_path / "needs.rq"
    path.write_text("# param: committee literal\nSELECT ?fa WHERE { ?fa ?p $committee } ORDER BY ?fa\n")
    with pytest.raises(StrategyGraphError, match=r"needs parameter\(s\): -p committee VALUE \(literal\)"):
        bind_arguments(find_query(str(path)), {})


def test_unknown_query_name_suggests_close_names(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--lang", "en", "query", "committee-theme"])
    assert result.exit_code == 2
    assert "did you mean committee-themes" in result.stderr
    with pytest.raises(NotFoundError):
        find_query("no-such-query-at-all")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("DROP ALL", "update (DROP) refused"),
        ("INSERT DATA { <a:b> <a:b> <a:b> }", "update (INSERT) refused"),
        ("PREFIX x: <http://e/>\nDELETE WHERE { ?s ?p ?o }", "update (DELETE) refused"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT queries are not supported"),
        ("SELECT ?s WHERE { ?s ?p $o } ORDER BY ?s", "uses $o without declaring it"),
        ("# param: o literal\nSELECT ?s WHERE { ?s ?p ?x }", "never uses as $name"),
        ("# param: o colour\nSELECT ?s WHERE { ?s ?p $o }", "unknown kind 'colour'"),
        ("# param: n integer = many\nSELECT ?s WHERE { ?s ?p $n }", "default of parameter 'n'"),
        ("# column: s Udvalg\nSELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", "cannot read the column declaration"),
        ("# column: s -- Udvalg\nSELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", "cannot read the column declaration"),
        ("# column: s -- A / B\n# column: s -- C / D\nSELECT ?s WHERE { ?s ?p ?o }", "column 's' is declared twice"),
    ],
)
def test_user_file_problems_are_one_line_errors_naming_the_file(
    text: str, message: str, runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "mine.rq"
    path.write_text(text + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["--lang", "en", "query", str(path)])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert str(path) in result.stderr
    assert result.stderr.count("\n") == 1


def test_syntax_error_names_file_and_line(tmp_path: Path, bundled_store: GraphStore) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("# a comment\nSELECT ?s\nWHERE { ?s ?p }\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"{path}:3: SPARQL syntax error"):
        run_query(bundled_store, find_query(str(path)))


def test_update_refused_leaves_the_graph_unchanged(tmp_path: Path, bundled_store: GraphStore) -> None:
    before = _snapshot(bundled_store)
    path = tmp_path / "drop.rq"
    path.write_text("DROP ALL\n")
    with pytest.raises(InputError, match="refused"):
        run_query(bundled_store, find_query(str(path)))
    assert _snapshot(bundled_store) == before


def test_queries_lists_name_title_and_parameters(runner: CliRunner) -> None:
    danish = runner.invoke(cli, ["queries"])
    english = runner.invoke(cli, ["--lang", "en", "queries", "--format", "json"])
    assert danish.exit_code == 0, danish.output
    assert "Fokusområder pr. udvalg" in danish.stdout
    listed = {row["name"]: row for row in json.loads(english.stdout)}
    assert set(listed) == set(NAMES)
    assert listed["themes-shared-by-committees"]["title"] == "Themes shared by at least N committees"
    assert listed["themes-shared-by-committees"]["parameters"] == "min: integer = 2; lang: literal = da"


def test_user_file_runs_like_a_catalogue_query(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "weak.rq"
    path.write_text(
        "# title@en: Weak guesses\n# param: level literal = weak-guess\n"
        "PREFIX sg: <https://w3id.org/strategygraph/ontology#>\n"
        "SELECT ?fa WHERE { ?a sg:confidence $level ; sg:focusArea ?fa } ORDER BY ?fa\n",
        encoding="utf-8",
    )
    query: NamedQuery = find_query(str(path))
    assert query.title("en") == "Weak guesses"
    result = runner.invoke(cli, ["query", str(path), "--format", "csv"])
    assert result.stdout.splitlines() == [
        "fa",
        "https://w3id.org/strategygraph/id/hedensted/tvaergaaende-fokusomraader/focus-area/byudvikling-og-udstykninger",
    ]
