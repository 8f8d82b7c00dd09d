"""The thesaurus: the 27 themes of the contract and those added since, SKOS structure, and shapes that reject
a broken one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from strategygraph.cli import cli
from strategygraph.namespaces import SKOS, THEME
from strategygraph.stores.base import GraphStore, MemoryStore, parse_turtle_file
from strategygraph.tagging import thesaurus as thesaurus_module
from strategygraph.tagging.thesaurus import load_thesaurus_file, read_thesaurus, thesaurus_file

from .conftest import FIXTURES

SLUGS = [
    "faellesskaber", "forpligtende-faellesskaber", "smidige-processer", "sagsbehandling", "vaekst",
    "vaekst-i-balance", "klima-baeredygtighed", "borgerinddragelse", "taet-paa-borgeren",
    "rekruttering-fastholdelse", "arbejdskraft", "erhvervssamarbejde-partnerskaber", "erhvervsudvikling",
    "boern-og-unge", "velfaerdsteknologi-digitalisering", "landdistrikter-lokalsamfund", "uddannelse-laering",
    "oekonomi-ressourcer", "beskaeftigelse-selvforsoergelse", "helhed-tvaerfaglighed", "det-gode-liv",
    "forebyggelse-ensomhed", "kultur-fritid-turisme", "civilsamfund-frivillighed", "byudvikling-bosaetning",
    "aeldre-handicap", "ledelse", "mobilitet-infrastruktur",
]  # fmt: skip
SCHEME = URIRef("https://w3id.org/strategygraph/themes")


@pytest.fixture(scope="module")
def thesaurus_graph() -> Graph:
    return Graph().parse(thesaurus_file(), format="turtle")


def test_the_themes_with_labels_and_definitions_in_both_languages(bundled_store: GraphStore) -> None:
    thesaurus = read_thesaurus(bundled_store)
    assert sorted(thesaurus.slugs) == sorted(SLUGS)
    for theme in thesaurus.themes:
        assert theme.iri == str(THEME[theme.slug])
        assert {lang for lang, _ in theme.pref_labels} == {"da", "en"}, theme.slug
        assert {lang for lang, _ in theme.definitions} == {"da", "en"}, theme.slug
        assert theme.patterns or theme.alt_labels, theme.slug


def test_hierarchy_roots_and_scheme(thesaurus_graph: Graph) -> None:
    broader = {(str(s), str(o)) for s, o in thesaurus_graph.subject_objects(SKOS.broader)}
    narrower = {(str(o), str(s)) for s, o in thesaurus_graph.subject_objects(SKOS.narrower)}
    assert broader == narrower
    assert (str(THEME["forpligtende-faellesskaber"]), str(THEME["faellesskaber"])) in broader
    assert (str(THEME["vaekst-i-balance"]), str(THEME["vaekst"])) in broader
    assert (str(THEME["sagsbehandling"]), str(THEME["smidige-processer"])) in broader
    roots = {str(s) for s in thesaurus_graph.subjects(SKOS.topConceptOf, SCHEME)}
    assert roots == {str(THEME[slug]) for slug in SLUGS} - {child for child, _ in broader}
    assert roots == {str(o) for o in thesaurus_graph.objects(SCHEME, SKOS.hasTopConcept)}
    assert set(thesaurus_graph.subjects(SKOS.inScheme, SCHEME)) == {THEME[slug] for slug in SLUGS}


def test_related_themes_are_stated_both_ways(thesaurus_graph: Graph) -> None:
    related = {(str(s), str(o)) for s, o in thesaurus_graph.subject_objects(SKOS.related)}
    assert related == {(o, s) for s, o in related}
    assert {o for s, o in related if s == str(THEME["mobilitet-infrastruktur"])} == {
        str(THEME[slug]) for slug in ("byudvikling-bosaetning", "klima-baeredygtighed", "landdistrikter-lokalsamfund")
    }


@pytest.mark.parametrize(("slug", "pillars"), [("klima-baeredygtighed", 1), ("mobilitet-infrastruktur", 0)])
def test_mobility_serves_no_pillar_of_hedensted(bundled_store: GraphStore, slug: str, pillars: int) -> None:
    # none of the three pillar texts speaks of roads, transport or mobility (data/hedensted/strategy.ttl)
    rows = bundled_store.select(
        "SELECT ?pillar WHERE { ?pillar a sg:Pillar . { ?pillar sg:pillarTheme ?t } UNION { ?pillar sg:servedBy ?t } }",
        {"t": THEME[slug]},
    ).rows
    assert len(rows) == pillars


def test_the_thesaurus_is_municipality_neutral(thesaurus_graph: Graph) -> None:
    terms = {str(term).lower() for triple in thesaurus_graph for term in triple}
    assert not [term for term in terms if "hedensted" in term or "/id/" in term]


def test_pillars_point_to_their_theme_and_the_themes_that_serve_them(bundled_store: GraphStore) -> None:
    rows = bundled_store.select(
        "SELECT ?slug ?own (COUNT(?served) AS ?serving) WHERE { "
        "?pillar a sg:Pillar ; sg:slug ?slug ; sg:pillarTheme ?own ; sg:servedBy ?served } GROUP BY ?slug ?own"
    ).rows
    own = {str(slug): str(theme).rsplit("/", 1)[-1] for slug, theme, _ in rows}
    assert own == {
        "vaekst-i-balance": "vaekst-i-balance",
        "smidige-og-effektive-processer": "smidige-processer",
        "forpligtende-faellesskaber": "forpligtende-faellesskaber",
    }
    assert all(int(str(count)) >= 3 for _, _, count in rows)


BROKEN_THEMES = [
    (
        "duplicate slug",
        """theme:dublet a sg:Theme ; sg:slug "vaekst" ;
            skos:prefLabel "Dublet"@da , "Duplicate"@en ;
            skos:definition "En dublet."@da , "A duplicate."@en ;
            skos:inScheme <https://w3id.org/strategygraph/themes> .""",
        "two themes share this sg:slug",
    ),
    (
        "prefLabel without a language",
        """theme:uden-sprog a sg:Theme ; sg:slug "uden-sprog" ;
            skos:prefLabel "Uden sprog" , "Without language"@en ;
            skos:definition "Et tema."@da , "A theme."@en ;
            skos:inScheme <https://w3id.org/strategygraph/themes> .""",
        "prefLabel",
    ),
    (
        "no English prefLabel",
        """theme:kun-dansk a sg:Theme ; sg:slug "kun-dansk" ;
            skos:prefLabel "Kun dansk"@da ;
            skos:definition "Et tema."@da , "A theme."@en ;
            skos:inScheme <https://w3id.org/strategygraph/themes> .""",
        "needs exactly one skos:prefLabel in English (@en)",
    ),
]


@pytest.mark.parametrize(("case", "turtle", "message"), BROKEN_THEMES, ids=[case for case, _, _ in BROKEN_THEMES])
def test_a_broken_thesaurus_fails_validate(
    runner: CliRunner, tmp_path: Path, case: str, turtle: str, message: str
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", folder)
    prefixes = (
        "@prefix sg: <https://w3id.org/strategygraph/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix theme: <https://w3id.org/strategygraph/theme/> .\n"
    )
    (folder / "themes-extra.ttl").write_text(prefixes + turtle, encoding="utf-8")
    result = runner.invoke(cli, ["--lang", "en", "--data", str(folder), "validate"])
    assert result.exit_code == 1, result.output
    assert message in result.stdout, result.stdout


def _read_anew(path: Path) -> object:
    store = MemoryStore()
    parse_turtle_file(store.graph, path)
    return read_thesaurus(store)


def test_the_thesaurus_file_is_read_once_and_kept_in_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    expected = _read_anew(thesaurus_file())
    assert load_thesaurus_file() == expected  # read, and kept
    (kept,) = (tmp_path / "cache" / "strategygraph" / "thesaurus").iterdir()
    with monkeypatch.context() as patched:
        patched.setattr(thesaurus_module, "read_thesaurus", None)  # reading the file again would fail
        assert load_thesaurus_file() == expected  # read back from the kept copy
    intact = kept.read_text(encoding="utf-8")
    damaged_copies = ["", "{damaged", "[[], 3]", intact[: len(intact) // 2], intact.replace('"', "'", 1)]
    for damaged in damaged_copies:
        kept.write_text(damaged, encoding="utf-8")
        assert load_thesaurus_file() == expected  # read from the file again, and kept again
        assert kept.read_text(encoding="utf-8") == intact


def test_an_edited_thesaurus_file_is_never_read_from_an_older_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    edited = tmp_path / "themes.ttl"
    shutil.copy(thesaurus_file(), edited)
    original = load_thesaurus_file(edited)
    edited.write_text(
        edited.read_text(encoding="utf-8").replace('"Fællesskaber"@da', '"Fællesskaber og foreninger"@da', 1),
        encoding="utf-8",
    )
    changed = load_thesaurus_file(edited)
    assert changed == _read_anew(edited)
    assert changed != original
    assert len(list((tmp_path / "cache" / "strategygraph" / "thesaurus").iterdir())) == 2
