"""Several seminars in one graph: a command scoped with --seminar gives what that seminar alone gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from strategygraph.cli import cli
from strategygraph.errors import NotFoundError
from strategygraph.loading import DataSources, load_graph
from strategygraph.namespaces import RDF, SG
from strategygraph.seminars import find_seminar, list_seminars, scope_to_seminar

from .conftest import FIXTURES, HEDENSTED, REPO

EXAMPLE_DATA = REPO / "data" / "examples" / "fjordlund" / "data"
TOGETHER = ["--data", str(HEDENSTED), "--data", str(EXAMPLE_DATA)]
SEMINARS = {
    "hedensted/tvaergaaende-fokusomraader": HEDENSTED,
    "fiktivt-eksempel-tvaergaaende-fokusomraader": EXAMPLE_DATA,
}


def _invoke(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _build(runner: CliRunner, out: Path, *args: str) -> Graph:
    _invoke(runner, *args, "build", "--out", str(out))
    return Graph().parse(out, format="nt" if out.suffix == ".nt" else "turtle")


@pytest.mark.parametrize(("seminar", "alone"), SEMINARS.items(), ids=["hedensted", "fjordlund"])
def test_scoped_info_and_build_equal_the_seminar_alone(
    runner: CliRunner, tmp_path: Path, seminar: str, alone: Path
) -> None:
    scoped = [*TOGETHER, "--seminar", seminar]
    assert json.loads(_invoke(runner, *scoped, "info", "--format", "json")) == json.loads(
        _invoke(runner, "--data", str(alone), "info", "--format", "json")
    )
    assert _invoke(runner, *scoped, "info") == _invoke(runner, "--data", str(alone), "info")
    for suffix in (".nt", ".ttl"):
        together_graph = _build(runner, tmp_path / f"scoped{suffix}", *scoped)
        alone_graph = _build(runner, tmp_path / f"alone{suffix}", "--data", str(alone))
        assert len(together_graph) == len(alone_graph)
        assert isomorphic(together_graph, alone_graph)
    assert "kildehenvisninger passer" in _invoke(runner, *scoped, "validate")


def test_unscoped_the_graph_holds_both(runner: CliRunner) -> None:
    counts = json.loads(_invoke(runner, *TOGETHER, "info", "--format", "json"))
    assert counts["seminars"] == 2
    assert counts["municipalities"] == 2
    assert counts["focus_areas"] == 15 + 6


def test_an_unknown_seminar_lists_the_ones_there_are(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--lang", "en", *TOGETHER, "--seminar", "budget-2030", "info"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert (
        "unknown seminar 'budget-2030'; the graph holds: fjordlund/fiktivt-eksempel-tvaergaaende-fokusomraader, "
        "hedensted/tvaergaaende-fokusomraader" in result.stderr
    )


def test_a_folder_of_seminars_loads_each_with_its_own_source_files(runner: CliRunner, tmp_path: Path) -> None:
    seminars = tmp_path / "seminars"
    seminars.mkdir()
    imported = runner.invoke(
        cli, ["import", str(FIXTURES / "import" / "seminar.md"), "--out", str(seminars / "testby")]
    )
    assert imported.exit_code == 0, imported.output
    (seminars / "fjordlund").symlink_to(EXAMPLE_DATA, target_is_directory=True)
    # Both folders hold a source/seminar.md: each document's pointers are checked against its own file.
    assert "kildehenvisninger passer" in _invoke(runner, "--data", str(seminars), "validate")
    counts = json.loads(_invoke(runner, "--data", str(seminars), "info", "--format", "json"))
    assert counts["seminars"] == 2
    bundled = json.loads(_invoke(runner, "--data", str(REPO / "data"), "info", "--format", "json"))
    assert bundled["seminars"] == 2, "data/ is a folder of seminars: Hedensted and the example"


def test_the_same_slug_in_two_municipalities_needs_the_long_id(tmp_path: Path) -> None:
    text = (FIXTURES / "import" / "seminar.md").read_text(encoding="utf-8")
    for town in ("Testby", "Andeby"):
        path = tmp_path / f"{town}.md"
        path.write_text(text.replace("Testby Kommune", f"{town} Kommune"), encoding="utf-8")
        result = CliRunner().invoke(cli, ["import", str(path), "--out", str(tmp_path / town)])
        assert result.exit_code == 0, result.output
    store = load_graph(DataSources.bundled([tmp_path / "Testby", tmp_path / "Andeby"]))
    with pytest.raises(NotFoundError, match="is ambiguous; use one of: andeby/testseminar"):
        find_seminar(store, "testseminar-om-tvaergaaende-fokusomraader")
    assert find_seminar(store, "andeby/testseminar-om-tvaergaaende-fokusomraader").slug == (
        "testseminar-om-tvaergaaende-fokusomraader"
    )


@pytest.mark.parametrize(("municipality", "alone"), [("hedensted", HEDENSTED), ("fjordlund", EXAMPLE_DATA)])
def test_a_municipality_with_one_seminar_names_it(runner: CliRunner, municipality: str, alone: Path) -> None:
    scoped = _invoke(runner, *TOGETHER, "--seminar", municipality, "info", "--format", "json")
    assert json.loads(scoped) == json.loads(_invoke(runner, "--data", str(alone), "info", "--format", "json"))


def test_a_municipality_with_two_seminars_lists_them(runner: CliRunner, tmp_path: Path) -> None:
    text = (FIXTURES / "import" / "seminar.md").read_text(encoding="utf-8")
    folders = []
    for ident in ("foraar-2024", "efteraar-2024"):
        path = tmp_path / f"{ident}.md"
        path.write_text(text.replace("\ntitle:", f"\nid: {ident}\ntitle:", 1), encoding="utf-8")
        folders += ["--data", str(tmp_path / ident)]
        assert runner.invoke(cli, ["--lang", "en", "import", str(path), "--out", str(tmp_path / ident)]).exit_code == 0
    result = runner.invoke(cli, ["--lang", "en", *folders, "--seminar", "testby", "info"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "municipality 'testby' has 2 seminars; use one of: testby/efteraar-2024, testby/foraar-2024" in (
        result.stderr
    )
    assert json.loads(
        _invoke(runner, "--lang", "en", *folders, "--seminar", "foraar-2024", "info", "--format", "json")
    ) == (json.loads(_invoke(runner, "--lang", "en", *folders[:2], "info", "--format", "json"))), (
        "the front-matter id is the seminar's ID"
    )


def test_derived_mentions_and_contributions_follow_their_seminar() -> None:
    """Theme mentions and pillar contributions (added when a graph is loaded) stay with their own seminar."""
    store = load_graph(DataSources.bundled([HEDENSTED, EXAMPLE_DATA]))
    theme = URIRef("https://w3id.org/strategygraph/theme/test")
    derived = []
    for seminar in list_seminars(store):
        query = "SELECT ?s ?area WHERE { ?s sg:focusArea ?area . ?area sg:seminar ?seminar } ORDER BY ?s LIMIT 1"
        ((statement, area),) = store.select(query, {"seminar": URIRef(seminar.iri)}).rows
        assert isinstance(statement, URIRef)
        assert isinstance(area, URIRef)
        mention = URIRef(f"urn:test:mention:{seminar.slug}")
        contribution = URIRef(f"urn:test:contribution:{seminar.slug}")
        store.add(
            [
                (mention, RDF.type, SG.ThemeMention),
                (mention, SG.mentionIn, statement),
                (mention, SG.theme, theme),
                (mention, SG.matchedText, Literal("x")),
                (contribution, RDF.type, SG.PillarContribution),
                (contribution, SG.focusArea, area),
                (contribution, SG.evidence, mention),
                (statement, URIRef("http://purl.org/dc/terms/subject"), theme),
            ]
        )
        derived.append((seminar, mention, contribution))
    for seminar, _, _ in derived:
        scoped = scope_to_seminar(store, seminar.id).to_rdflib()
        for other, other_mention, other_contribution in derived:
            mine = other == seminar
            assert ((other_mention, SG.theme, theme) in scoped) is mine
            assert ((other_contribution, SG.evidence, other_mention) in scoped) is mine
