"""`strategygraph compare`: a hand-checked pair of tiny seminars, the example against Hedensted both ways, each
side equal to its seminar loaded alone, and the CLI's formats and errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from strategygraph.analysis import analyse
from strategygraph.analysis.presentation import overlaps_json, reach_json
from strategygraph.cli import cli
from strategygraph.comparison import SeminarComparison, compare_seminars, compared_seminar
from strategygraph.comparison.presentation import comparison_json, comparison_markdown
from strategygraph.corpus import read_corpus
from strategygraph.loading import DataSources, load_graph
from strategygraph.stores.base import GraphStore

from .conftest import FIXTURES, HEDENSTED, REPO, GoldenCheck

DATA = REPO / "data"
EXAMPLE = "fjordlund/fiktivt-eksempel-tvaergaaende-fokusomraader"
HEDENSTED_ID = "hedensted/tvaergaaende-fokusomraader"
PAIR = FIXTURES / "compare"  # Sølund Kommune 2023 and 2024 (fictitious), in the Markdown import format


@pytest.fixture(scope="module")
def soelund(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of two imported seminars: soelund/udvalgsseminar-2023 and soelund/udvalgsseminar-2024."""
    seminars = tmp_path_factory.mktemp("soelund") / "seminars"
    seminars.mkdir()
    for year in ("2023", "2024"):
        result = CliRunner().invoke(cli, ["import", str(PAIR / f"soelund-{year}.md"), "--out", str(seminars / year)])
        assert result.exit_code == 0, result.output
    return seminars


@pytest.fixture(scope="module")
def data_store() -> GraphStore:
    return load_graph(DataSources.bundled([DATA]))


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


# --- the hand-checked pair -------------------------------------------------------------------------------
#
# 2023: Teknik & Miljø {klima, landdistrikter, mobilitet}; Læring {børn og unge, uddannelse, fællesskaber};
#       Økonomi {økonomi, klima, uddannelse, digitalisering}; Beskæftigelse {beskæftigelse}.
# 2024: "Teknik og Miljø-udvalget" (same normalised name); Læring unchanged; Økonomi drops Digitalisering
#       and adds Rekruttering {økonomi, klima, rekruttering}; "Beskæftigelsesudvalget" (not matched).
# Overlaps: klima is carried by Teknik & Miljø and Økonomi in both (k = 2, so it counts 1):
#       2023: 1/√(3·4) = 0.28868; 2024: 1/√(3·3) = 0.33333; Δ = +0.04466.
#   Læring–Økonomi share uddannelse in 2023 only: 1/√(3·4) = 0.28868; in 2024 they share nothing (0.0).

PAIR_TABLE = """\
Sammenligning: Udvalgsseminar 2023 → Udvalgsseminar 2024
A er Udvalgsseminar 2023 (soelund/udvalgsseminar-2023, Sølund Kommune, 2023-03). B er Udvalgsseminar 2024 \
(soelund/udvalgsseminar-2024, Sølund Kommune, 2024-03). Evidens: udsagn. Nyt er i B og ikke i A; tabt er i A og \
ikke i B. Overlapvægte er beregnet i hvert seminar for sig.
Udvalg er de samme, når de er samme udvalg i grafen, eller når navnene er ens, når man ser bort fra »Udvalget for« \
og »-udvalget«, store og små bogstaver, tegnsætning og »og«/»&« — og intet andet udvalg har samme navn. Resten står \
som udvalg uden modstykke; deres temaer og par tæller ikke som ændringer. Fokusområder er de samme, når titlerne er \
ens på samme måde.

Temaer i alt
Ændring  Tema
-------  -----------------------------------
nyt      Rekruttering og fastholdelse
tabt     Velfærdsteknologi og digitalisering
i begge  Beskæftigelse og selvforsørgelse
i begge  Børn og unge
i begge  Fællesskaber
i begge  Klima og bæredygtighed
i begge  Landdistrikter og lokalsamfund
i begge  Mobilitet og infrastruktur
i begge  Uddannelse og læring
i begge  Økonomi og ressourcer

Udvalg i begge seminarer: nye og tabte temaer
Udvalg i A                   Udvalg i B                Parret ved    Ændring        Tema
---------------------------  ------------------------  ------------  -------------  -----------------------------------
Udvalget for Læring          Udvalget for Læring       samme udvalg  ingen ændring
Økonomiudvalget              Økonomiudvalget           samme udvalg  nyt            Rekruttering og fastholdelse
Økonomiudvalget              Økonomiudvalget           samme udvalg  tabt           Uddannelse og læring
Økonomiudvalget              Økonomiudvalget           samme udvalg  tabt           Velfærdsteknologi og digitalisering
Udvalget for Teknik & Miljø  Teknik og Miljø-udvalget  samme navn    ingen ændring

Udvalg uden modstykke
Seminar  Udvalg                      Temaer
-------  --------------------------  --------------------------------
A        Udvalget for Beskæftigelse  Beskæftigelse og selvforsørgelse
B        Beskæftigelsesudvalget      Beskæftigelse og selvforsørgelse

Fokusområder
Ændring                 Fokusområde        Udvalg i A                   Udvalg i B
----------------------  -----------------  ---------------------------  ------------------------
nyt                     Rekruttering                                    Økonomiudvalget
udgået                  Digitalisering     Økonomiudvalget
går igen                Klimatilpasning    Udvalget for Teknik & Miljø  Teknik og Miljø-udvalget
går igen                Cykelstier         Udvalget for Teknik & Miljø  Teknik og Miljø-udvalget
går igen                Trivsel i skolen   Udvalget for Læring          Udvalget for Læring
går igen                Økonomi i balance  Økonomiudvalget              Økonomiudvalget
går igen, andet udvalg  Flere i job        Udvalget for Beskæftigelse   Beskæftigelsesudvalget

Overlap mellem udvalg: ændringer
Udvalg               Udvalg                       Vægt i A  Vægt i B  Ændring  Status
-------------------  ---------------------------  --------  --------  -------  -------
Økonomiudvalget      Udvalget for Teknik & Miljø  0,289     0,333     +0,045   i begge
Udvalget for Læring  Økonomiudvalget              0,289     0,000     -0,289   kun i A
"""


def test_the_pair_as_a_danish_table(runner: CliRunner, soelund: Path) -> None:
    output = _run(runner, "--data", str(soelund), "compare", "udvalgsseminar-2023", "udvalgsseminar-2024")
    assert output == PAIR_TABLE


def _area(key: str, title: str, committee: str, label: str) -> dict[str, str]:
    return {"key": key, "title": title, "committee": committee, "committee_label": label}


TM_A = ("teknik-miljoe", "Udvalget for Teknik & Miljø")
TM_B = ("teknik-og-miljoe-udvalget", "Teknik og Miljø-udvalget")
LAERING = ("laering", "Udvalget for Læring")
OEK = ("oekonomiudvalget", "Økonomiudvalget")


def _kept(key: str, title: str, a: tuple[str, str], b: tuple[str, str], same: bool = True) -> dict[str, Any]:
    return {"a": _area(key, title, *a), "b": _area(key, title, *b), "same_committee": same}


def _themes(gained: list[str], lost: list[str], kept: list[str]) -> dict[str, list[str]]:
    return {"gained": gained, "lost": lost, "kept": kept}


PAIR_JSON: dict[str, Any] = {
    "evidence_mode": "statements",
    "seminar_a": {
        "id": "soelund/udvalgsseminar-2023",
        "title": "Udvalgsseminar 2023",
        "municipality": "Sølund Kommune",
        "date": "2023-03",
    },
    "seminar_b": {
        "id": "soelund/udvalgsseminar-2024",
        "title": "Udvalgsseminar 2024",
        "municipality": "Sølund Kommune",
        "date": "2024-03",
    },
    "themes": _themes(
        ["rekruttering-fastholdelse"],
        ["velfaerdsteknologi-digitalisering"],
        [
            "beskaeftigelse-selvforsoergelse",
            "boern-og-unge",
            "faellesskaber",
            "klima-baeredygtighed",
            "landdistrikter-lokalsamfund",
            "mobilitet-infrastruktur",
            "oekonomi-ressourcer",
            "uddannelse-laering",
        ],
    ),
    "committees": {
        "matched": [
            {
                "a": "laering",
                "b": "laering",
                "a_label": "Udvalget for Læring",
                "b_label": "Udvalget for Læring",
                "matched_by": "same-committee",
                "name": "læring",
                "themes": _themes([], [], ["boern-og-unge", "faellesskaber", "uddannelse-laering"]),
            },
            {
                "a": "oekonomiudvalget",
                "b": "oekonomiudvalget",
                "a_label": "Økonomiudvalget",
                "b_label": "Økonomiudvalget",
                "matched_by": "same-committee",
                "name": "økonomi",
                "themes": _themes(
                    ["rekruttering-fastholdelse"],
                    ["uddannelse-laering", "velfaerdsteknologi-digitalisering"],
                    ["klima-baeredygtighed", "oekonomi-ressourcer"],
                ),
            },
            {
                "a": "teknik-miljoe",
                "b": "teknik-og-miljoe-udvalget",
                "a_label": "Udvalget for Teknik & Miljø",
                "b_label": "Teknik og Miljø-udvalget",
                "matched_by": "same-name",
                "name": "teknik miljø",
                "themes": _themes(
                    [], [], ["klima-baeredygtighed", "landdistrikter-lokalsamfund", "mobilitet-infrastruktur"]
                ),
            },
        ],
        "only_in_a": [
            {
                "key": "beskaeftigelse",
                "label": "Udvalget for Beskæftigelse",
                "themes": ["beskaeftigelse-selvforsoergelse"],
            }
        ],
        "only_in_b": [
            {
                "key": "beskaeftigelsesudvalget",
                "label": "Beskæftigelsesudvalget",
                "themes": ["beskaeftigelse-selvforsoergelse"],
            }
        ],
    },
    "focus_areas": {
        "new": [_area("rekruttering", "Rekruttering", *OEK)],
        "dropped": [_area("digitalisering", "Digitalisering", *OEK)],
        "kept": [
            _kept("klimatilpasning", "Klimatilpasning", TM_A, TM_B),
            _kept("cykelstier", "Cykelstier", TM_A, TM_B),
            _kept("trivsel-i-skolen", "Trivsel i skolen", LAERING, LAERING),
            _kept("oekonomi-i-balance", "Økonomi i balance", OEK, OEK),
            _kept(
                "flere-i-job",
                "Flere i job",
                ("beskaeftigelse", "Udvalget for Beskæftigelse"),
                ("beskaeftigelsesudvalget", "Beskæftigelsesudvalget"),
                same=False,
            ),
        ],
    },
    "overlaps": {
        "in_both": [
            {
                "committees_a": ["oekonomiudvalget", "teknik-miljoe"],
                "committees_b": ["oekonomiudvalget", "teknik-og-miljoe-udvalget"],
                "labels": ["Økonomiudvalget", "Udvalget for Teknik & Miljø"],
                "weight_a": 0.2887,
                "weight_b": 0.3333,
                "delta": 0.0447,
                "comparable": True,
                "shared_themes_a": ["klima-baeredygtighed"],
                "shared_themes_b": ["klima-baeredygtighed"],
            }
        ],
        "only_in_a": [
            {
                "committees_a": ["laering", "oekonomiudvalget"],
                "committees_b": ["laering", "oekonomiudvalget"],
                "labels": ["Udvalget for Læring", "Økonomiudvalget"],
                "weight_a": 0.2887,
                "weight_b": 0.0,
                "delta": -0.2887,
                "comparable": True,
                "shared_themes_a": ["uddannelse-laering"],
                "shared_themes_b": [],
            }
        ],
        "only_in_b": [],
    },
    "theme_labels": {
        "beskaeftigelse-selvforsoergelse": "Beskæftigelse og selvforsørgelse",
        "boern-og-unge": "Børn og unge",
        "faellesskaber": "Fællesskaber",
        "klima-baeredygtighed": "Klima og bæredygtighed",
        "landdistrikter-lokalsamfund": "Landdistrikter og lokalsamfund",
        "mobilitet-infrastruktur": "Mobilitet og infrastruktur",
        "oekonomi-ressourcer": "Økonomi og ressourcer",
        "rekruttering-fastholdelse": "Rekruttering og fastholdelse",
        "uddannelse-laering": "Uddannelse og læring",
        "velfaerdsteknologi-digitalisering": "Velfærdsteknologi og digitalisering",
    },
}


def test_the_pair_as_json(runner: CliRunner, soelund: Path) -> None:
    output = _run(
        runner, "--data", str(soelund), "compare", "udvalgsseminar-2023", "udvalgsseminar-2024", "--format", "json"
    )
    assert json.loads(output) == PAIR_JSON


def test_the_pair_in_markdown_and_english(runner: CliRunner, soelund: Path) -> None:
    data = ["--data", str(soelund)]
    markdown = _run(runner, *data, "compare", "udvalgsseminar-2023", "udvalgsseminar-2024", "--format", "md")
    assert markdown.startswith("## Sammenligning: Udvalgsseminar 2023 → Udvalgsseminar 2024\n\nA er ")
    assert (
        "**Overlap mellem udvalg: ændringer**\n\n| Udvalg | Udvalg | Vægt i A | Vægt i B | Ændring | Status |\n"
        in markdown
    )
    assert "| Økonomiudvalget | Udvalget for Teknik & Miljø | 0,289 | 0,333 | +0,045 | i begge |\n" in markdown
    assert (
        "| går igen, andet udvalg | Flere i job | Udvalget for Beskæftigelse | Beskæftigelsesudvalget |\n" in markdown
    )
    english = _run(runner, *data, "--lang", "en", "compare", "udvalgsseminar-2023", "udvalgsseminar-2024")
    assert english.startswith("Comparison: Udvalgsseminar 2023 → Udvalgsseminar 2024\nA is ")
    assert "Themes overall\nChange   Theme\n" in english
    assert "gained   Recruitment and retention\nlost     Welfare technology and digitalisation\n" in english
    assert "kept, other committee  Flere i job" in english
    assert "0.289        0.000        -0.289  only in A\n" in english


def test_the_pair_backwards_swaps_gains_and_losses(runner: CliRunner, soelund: Path) -> None:
    backward = json.loads(
        _run(
            runner, "--data", str(soelund), "compare", "udvalgsseminar-2024", "udvalgsseminar-2023", "--format", "json"
        )
    )
    assert backward["themes"] == _themes(
        PAIR_JSON["themes"]["lost"], PAIR_JSON["themes"]["gained"], PAIR_JSON["themes"]["kept"]
    )
    assert backward["focus_areas"]["new"] == PAIR_JSON["focus_areas"]["dropped"]
    assert backward["focus_areas"]["dropped"] == PAIR_JSON["focus_areas"]["new"]
    (only_in_b,) = backward["overlaps"]["only_in_b"]
    assert (only_in_b["weight_a"], only_in_b["weight_b"], only_in_b["delta"]) == (0.0, 0.2887, 0.2887)
    assert backward["overlaps"]["only_in_a"] == []
    assert backward["overlaps"]["in_both"][0]["delta"] == -0.0447


def test_a_seminar_compared_with_itself_has_no_changes(runner: CliRunner, soelund: Path) -> None:
    same = json.loads(
        _run(
            runner, "--data", str(soelund), "compare", "udvalgsseminar-2024", "udvalgsseminar-2024", "--format", "json"
        )
    )
    assert same["themes"]["gained"] == same["themes"]["lost"] == []
    assert same["committees"]["only_in_a"] == same["committees"]["only_in_b"] == []
    assert {m["matched_by"] for m in same["committees"]["matched"]} == {"same-committee"}
    assert all(not m["themes"]["gained"] and not m["themes"]["lost"] for m in same["committees"]["matched"])
    assert same["focus_areas"]["new"] == same["focus_areas"]["dropped"] == []
    assert all(kept["same_committee"] for kept in same["focus_areas"]["kept"])
    assert same["overlaps"]["only_in_a"] == same["overlaps"]["only_in_b"] == []
    assert [pair["delta"] for pair in same["overlaps"]["in_both"]] == [0.0]


# --- the bundled example against Hedensted ------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_vs_hedensted(data_store: GraphStore) -> SeminarComparison:
    return compare_seminars(data_store, EXAMPLE, HEDENSTED_ID)


@pytest.fixture(scope="module")
def hedensted_vs_example(data_store: GraphStore) -> SeminarComparison:
    return compare_seminars(data_store, HEDENSTED_ID, EXAMPLE)


def _pairs(changes: tuple[Any, ...], backwards: bool = False) -> set[tuple[Any, ...]]:
    """Overlap changes as comparable tuples; ``backwards`` reads them from the other direction."""
    found = set()
    for c in changes:
        row = (c.committees_a, c.committees_b, c.weight_a, c.weight_b, c.shared_a, c.shared_b)
        found.add((row[1], row[0], row[3], row[2], row[5], row[4]) if backwards else row)
    return found


def test_gains_one_way_are_losses_the_other(
    example_vs_hedensted: SeminarComparison, hedensted_vs_example: SeminarComparison
) -> None:
    forward, backward = example_vs_hedensted, hedensted_vs_example
    assert forward.themes.gained == backward.themes.lost
    assert forward.themes.lost == backward.themes.gained
    assert forward.themes.kept == backward.themes.kept
    # Sundhed & Ældre's two, and the cycle paths of Klima & Teknik (Hedensted's source has no mobility)
    assert forward.themes.lost == ("aeldre-handicap", "forebyggelse-ensomhed", "mobilitet-infrastruktur")
    # the example's "en god start på livet" is the good life too, so Hedensted gains 7 themes, not 8
    assert len(forward.themes.gained) == 7
    assert {(c.match.a, c.match.b, c.themes.gained, c.themes.lost) for c in forward.committees} == {
        (c.match.b, c.match.a, c.themes.lost, c.themes.gained) for c in backward.committees
    }
    assert (forward.only_in_a, forward.only_in_b) == (backward.only_in_b, backward.only_in_a)
    assert forward.focus_areas.new == backward.focus_areas.dropped
    assert forward.focus_areas.dropped == backward.focus_areas.new
    assert _pairs(forward.overlaps_in_both) == _pairs(backward.overlaps_in_both, backwards=True)
    assert _pairs(forward.overlaps_only_in_a) == _pairs(backward.overlaps_only_in_b, backwards=True)
    assert _pairs(forward.overlaps_only_in_b) == _pairs(backward.overlaps_only_in_a, backwards=True)


def test_only_the_finance_committee_is_matched_across_the_two_municipalities(
    example_vs_hedensted: SeminarComparison,
) -> None:
    """Both councils have an Økonomiudvalget; no other committee name agrees (Klima & Teknik ≠ Teknik & Miljø)."""
    assert [(c.match.a, c.match.b, c.match.matched_by) for c in example_vs_hedensted.committees] == [
        ("oekonomiudvalget", "oekonomiudvalget", "same-name")
    ]
    assert example_vs_hedensted.only_in_a == ("boern-laering", "klima-teknik", "sundhed-aeldre")
    assert len(example_vs_hedensted.only_in_b) == 7
    assert len(example_vs_hedensted.focus_areas.dropped) == 6
    assert len(example_vs_hedensted.focus_areas.new) == 15


@pytest.mark.parametrize(
    ("ident", "alone"), [(EXAMPLE, DATA / "examples" / "fjordlund" / "data"), (HEDENSTED_ID, HEDENSTED)]
)
def test_each_side_equals_its_seminar_loaded_alone(data_store: GraphStore, ident: str, alone: Path) -> None:
    side = compared_seminar(data_store, ident, "all")
    by_itself = analyse(read_corpus(load_graph(DataSources.bundled([alone]))), "all")
    assert side.analysis.corpus == by_itself.corpus
    assert overlaps_json(side.analysis, "da") == overlaps_json(by_itself, "da")
    assert reach_json(side.analysis, "da") == reach_json(by_itself, "da")


def test_example_vs_hedensted_golden_json(runner: CliRunner, golden: GoldenCheck) -> None:
    output = _run(runner, "--data", str(DATA), "compare", EXAMPLE, HEDENSTED_ID, "--format", "json")
    golden("compare/example-vs-hedensted.json", output)
    assert json.loads(output) == comparison_json(
        compare_seminars(load_graph(DataSources.bundled([DATA])), EXAMPLE, HEDENSTED_ID), "da"
    )


def test_evidence_mode_reaches_the_comparison(runner: CliRunner) -> None:
    args = ["--data", str(DATA), "compare", EXAMPLE, HEDENSTED_ID, "--format", "json"]
    statements = json.loads(_run(runner, *args))
    everything = json.loads(_run(runner, *args, "--evidence", "all"))
    assert (statements["evidence_mode"], everything["evidence_mode"]) == ("statements", "all")
    assert statements["overlaps"] != everything["overlaps"]


# --- errors -------------------------------------------------------------------------------------------------


def test_an_unknown_seminar_is_one_line_listing_the_seminars(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--lang", "en", "--data", str(DATA), "compare", EXAMPLE, "budget-2030"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: unknown seminar 'budget-2030'; the graph holds: "
        "fjordlund/fiktivt-eksempel-tvaergaaende-fokusomraader, hedensted/tvaergaaende-fokusomraader\n"
    )


def test_compare_refuses_the_global_seminar_option(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["--lang", "en", "--data", str(DATA), "--seminar", EXAMPLE, "compare", EXAMPLE, HEDENSTED_ID]
    )
    assert result.exit_code == 2
    assert "leave out the global --seminar" in result.stderr


def test_compare_needs_two_seminars(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--lang", "en", "--data", str(DATA), "compare", EXAMPLE])
    assert result.exit_code == 2
    assert "Missing argument 'SEMINAR_B'" in result.stderr


# --- the report's comparison section ------------------------------------------------------------------------


def test_report_compare_includes_the_markdown_section(runner: CliRunner, soelund: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    data = ["--data", str(soelund)]
    _run(
        runner,
        *data,
        "--seminar",
        "udvalgsseminar-2024",
        "report",
        "--out",
        str(out),
        "--quiet",
        "--compare",
        "udvalgsseminar-2023",
    )
    section = comparison_markdown(
        compare_seminars(load_graph(DataSources.bundled([soelund])), "udvalgsseminar-2023", "udvalgsseminar-2024"), "da"
    )
    assert section in (out / "report.md").read_text(encoding="utf-8")
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<section id="comparison">' in page
    assert '<a href="#comparison">Sammenligning: Udvalgsseminar 2023 → Udvalgsseminar 2024</a>' in page
    assert "<td>går igen, andet udvalg</td><td>Flere i job</td>" in page
    plain = tmp_path / "plain"
    _run(runner, *data, "--seminar", "udvalgsseminar-2024", "report", "--out", str(plain), "--quiet")
    assert 'id="comparison"' not in (plain / "index.html").read_text(encoding="utf-8")


def test_report_compare_needs_the_reports_seminar(runner: CliRunner, soelund: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = runner.invoke(
        cli, ["--lang", "en", "--data", str(soelund), "report", "--out", str(out), "--compare", "udvalgsseminar-2023"]
    )
    assert result.exit_code == 2
    assert "report --compare needs the global --seminar" in result.stderr
    unknown = runner.invoke(
        cli,
        [
            "--lang",
            "en",
            "--data",
            str(soelund),
            "--seminar",
            "udvalgsseminar-2024",
            "report",
            "--out",
            str(out),
            "--compare",
            "x",
        ],
    )
    assert unknown.exit_code == 2
    assert (
        "unknown seminar 'x'; the graph holds: soelund/udvalgsseminar-2023, soelund/udvalgsseminar-2024"
        in unknown.stderr
    )
    assert not out.exists()
