"""Theme mentions in the loaded graph: evidence nodes, dcterms:subject, curated corrections, pillars."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.term import Identifier

from strategygraph.cli import cli
from strategygraph.loading import DataSources, load_graph
from strategygraph.namespaces import RDF, SG
from strategygraph.stores.base import GraphStore, MemoryStore, SelectResult, Triple, parse_turtle_file
from strategygraph.tagging.mentions import derive_theme_mentions

from .conftest import FIXTURES

MENTIONS = """
SELECT ?mention ?unit ?slug ?matched ?start ?end ?method ?score ?text WHERE {
    ?mention a sg:ThemeMention ; sg:mentionIn ?unit ; sg:theme ?theme ; sg:matchedText ?matched ;
        sg:start ?start ; sg:end ?end ; sg:method ?method .
    ?theme sg:slug ?slug .
    ?unit sg:text ?text .
    OPTIONAL { ?mention sg:score ?score }
}
"""
SUBJECTS = "SELECT ?unit ?slug WHERE { ?unit dcterms:subject ?theme . ?theme sg:slug ?slug }"
HED = "https://w3id.org/strategygraph/id/hedensted/tvaergaaende-fokusomraader/"


def _subjects(store: GraphStore) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for unit, slug in store.select(SUBJECTS).rows:
        found[str(unit)].add(str(slug))
    return found


def test_every_mention_is_evidence_in_its_unit(bundled_store: GraphStore) -> None:
    rows = list(bundled_store.select(MENTIONS).dicts())
    assert len(rows) > 200
    by_unit: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        text, start, end = str(row["text"]), int(str(row["start"])), int(str(row["end"]))
        assert text[start:end] == str(row["matched"])
        score = row["score"]
        assert isinstance(score, Literal)
        assert Decimal(0) <= score.toPython() <= Decimal(1)
        if str(row["method"]) == "lexical":
            assert str(row["mention"]) == f"{row['unit']}#mention-{row['slug']}-{start}"
        by_unit[str(row["unit"])].add(str(row["slug"]))
    assert _subjects(bundled_store) == by_unit
    units = bundled_store.select("SELECT ?u WHERE { { ?u a sg:Statement } UNION { ?u a sg:Reflection } }").rows
    assert len(by_unit) >= len(units) - 3  # a few units have no theme at all (e.g. slide-6-1)


def test_curated_mentions_add_subjects(bundled_store: GraphStore) -> None:
    subjects = _subjects(bundled_store)
    assert "kultur-fritid-turisme" in subjects[HED + "statement/kultur-1"]
    assert "forpligtende-faellesskaber" in subjects[HED + "statement/faellesskab-forpligter-1"]
    assert HED + "reflection/slide-6-1" not in subjects


def test_focus_areas_serve_pillars_with_evidence(bundled_store: GraphStore) -> None:
    rows = bundled_store.select(
        """SELECT ?focusArea ?pillar ?contribution ?themeSlug WHERE {
            ?focusArea sg:servesPillar ?pillar .
            ?contribution a sg:PillarContribution ; sg:focusArea ?focusArea ; sg:pillar ?pillar ; sg:evidence ?m .
            ?m sg:theme ?theme ; sg:mentionIn ?unit . ?unit sg:focusArea ?focusArea .
            ?theme sg:slug ?themeSlug .
            { ?pillar sg:pillarTheme ?theme } UNION { ?pillar sg:servedBy ?theme }
        }"""
    ).rows
    serves = {(str(fa).rsplit("/", 1)[-1], str(p).rsplit("/", 1)[-1]) for fa, p, _, _ in rows}
    assert ("klima-baeredygtighed", "vaekst-i-balance") in serves
    assert ("smidige-processer", "smidige-og-effektive-processer") in serves
    assert ("faellesskab-forpligter", "forpligtende-faellesskaber") in serves
    for focus_area, pillar, contribution, _ in rows:
        assert str(contribution) == f"{focus_area}#pillar-{str(pillar).rsplit('/', 1)[-1]}"
    unsupported = bundled_store.select(
        """SELECT ?c WHERE { ?c a sg:PillarContribution ; sg:pillar ?p ; sg:evidence ?m . ?m sg:theme ?t .
            FILTER NOT EXISTS { ?p sg:pillarTheme ?t } FILTER NOT EXISTS { ?p sg:servedBy ?t } }"""
    ).rows
    assert unsupported == []


CORRECTIONS = """
@prefix sg: <https://w3id.org/strategygraph/ontology#> .
@prefix theme: <https://w3id.org/strategygraph/theme/> .
@base <https://w3id.org/strategygraph/id/testby/mini/> .

<statement/byer-1#suppress-byudvikling-bosaetning> a sg:MentionSuppression ;
    sg:theme theme:byudvikling-bosaetning ;
    sg:mentionIn <statement/byer-1> ;
    sg:rationale "Prøve."@da , "A test."@en .

<statement/byer-1#mention-vaekst-8> a sg:ThemeMention ;
    sg:theme theme:vaekst ;
    sg:mentionIn <statement/byer-1> ;
    sg:matchedText "bygge flere boliger" ;
    sg:start 8 ; sg:end 27 ;
    sg:method "curated" ;
    sg:score 1.0 .
"""


@pytest.fixture
def corrected(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", folder)
    (folder / "curation.ttl").write_text(CORRECTIONS, encoding="utf-8")
    return folder


def test_corrections_win(corrected: Path) -> None:
    plain = load_graph(DataSources.bundled([FIXTURES / "minimal"]))
    fixed = load_graph(DataSources.bundled([corrected]))
    statement = "https://w3id.org/strategygraph/id/testby/mini/statement/byer-1"
    assert _subjects(plain)[statement] == {"byudvikling-bosaetning"}
    assert _subjects(fixed)[statement] == {"vaekst"}
    methods = {str(row[0]) for row in fixed.select("SELECT ?m WHERE { ?x sg:method ?m ; sg:mentionIn ?u }").rows}
    assert methods == {"curated", "lexical"}  # the reflection keeps its lexical mention


def test_corrected_graph_validates(runner: CliRunner, corrected: Path) -> None:
    result = runner.invoke(cli, ["--data", str(corrected), "validate"])
    assert result.exit_code == 0, result.output


def test_info_counts_themes_and_mentions(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["info", "--format", "json"])
    counts = json.loads(result.stdout)
    assert counts["themes"] == 28
    assert counts["pillars"] == 3
    assert counts["mentions"] > 200


class QueryOnlyStore(GraphStore):
    """A store that only answers SELECT and takes triples: what mention derivation may rely on."""

    kind = "query-only"

    def __init__(self, inner: MemoryStore) -> None:
        self.inner = inner

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        return self.inner.select(query, bindings)

    def add(self, triples: Iterable[Triple]) -> None:
        self.inner.add(triples)

    def __len__(self) -> int:
        return len(self.inner)

    def to_rdflib(self) -> Graph:
        raise AssertionError("mention derivation must not need rdflib")


def test_derivation_needs_only_select_and_add() -> None:
    inner = MemoryStore()
    for path in DataSources.bundled([FIXTURES / "minimal"]).files():
        parse_turtle_file(inner.graph, path)
    summary = derive_theme_mentions(QueryOnlyStore(inner))
    assert summary.lexical == 2
    assert summary.pillar_contributions == 0  # the fixture has no pillars
    assert len(set(inner.graph.subjects(RDF.type, SG.ThemeMention))) == 2


def test_a_mention_whose_text_is_not_at_its_offsets_fails_validate(runner: CliRunner, corrected: Path) -> None:
    curation = corrected / "curation.ttl"
    curation.write_text(curation.read_text(encoding="utf-8").replace('"bygge flere boliger"', '"bygge færre boliger"'))
    result = runner.invoke(cli, ["--lang", "en", "--data", str(corrected), "validate"])
    assert result.exit_code == 1, result.output
    (line,) = result.stdout.splitlines()
    assert line.endswith(
        "statement/byer-1#mention-vaekst-8>  sg:matchedText  sg:matchedText is not the text at sg:start–sg:end "
        "of the statement or reflection (value: 'bygge færre boliger')"
    )
