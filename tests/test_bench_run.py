"""bench/run.py: the CI-sized run prints every row of the benchmark; its parts pick, skip and judge correctly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from run import (
    NOT_RUN,
    QUERY_SECONDS,
    QueryCase,
    carried_over,
    figure,
    query_cases,
    ratio,
    verdict,
    within,
)
from strategygraph.catalogue.queries import catalogue

from .conftest import REPO

SAMPLES = {"committee": "laering", "focusArea": "smidige-processer", "theme": "theme:faellesskaber"}


def _cases() -> list[QueryCase]:
    return list(query_cases(catalogue(), SAMPLES))


def test_every_catalogue_query_runs_with_its_defaults_and_again_with_samples_for_its_optional_parameters() -> None:
    cases = _cases()
    queries = catalogue()
    assert [case.key for case in cases if case.arguments == {}] == [query.name for query in queries]
    with_optional = [query for query in queries if any(p.optional for p in query.parameters)]
    bound = [case for case in cases if case.arguments]
    assert [case.query.name for case in bound] == [query.name for query in with_optional]
    for case in bound:
        optional = [p.name for p in case.query.parameters if p.optional]
        assert case.arguments == {name: SAMPLES[name] for name in optional}
        assert case.key == f"{case.query.name} -p {' '.join(optional)}"


def test_a_catalogue_parameter_without_a_sample_value_is_an_error_not_a_silent_skip() -> None:
    with pytest.raises(KeyError):
        _cases_without("theme")


def _cases_without(name: str) -> list[QueryCase]:
    return list(query_cases(catalogue(), {key: value for key, value in SAMPLES.items() if key != name}))


def test_figures_show_seconds_over_budget_and_what_was_not_run() -> None:
    assert figure({"median_s": 0.01234, "runs": 5}, 30) == "0.0123"
    assert figure({"median_s": 12.345, "runs": 2}, 30) == "12.35"
    assert figure({"median_s": 123.4, "runs": 1}, 240) == "123"
    assert figure({"median_s": None, "runs": 1}, 30) == "> 30 s"
    assert figure(NOT_RUN, 30) == "not run"
    assert figure(None, 30) == "not measured"


def test_ratios_and_verdicts() -> None:
    fast, slow, over = {"median_s": 0.5, "runs": 5}, {"median_s": 2.5, "runs": 5}, {"median_s": None, "runs": 1}
    assert ratio(slow, fast) == 5.0
    assert ratio(fast, over) == 0.0  # the base ran over budget: the figure is the faster one
    assert ratio(over, fast) is None
    assert within(fast, QUERY_SECONDS) is True
    assert within(slow, QUERY_SECONDS) is False
    assert within(over, QUERY_SECONDS) is False
    assert within(None, QUERY_SECONDS) is None
    assert [verdict(True), verdict(False), verdict(None)] == ["met", "**NOT met**", "not measured"]


def test_steps_over_budget_at_a_smaller_size_are_not_run_again_at_the_next() -> None:
    previous = {
        "size": 100_000,
        "records": {
            "load": {"median_s": None, "runs": 1},
            "query:theme-evidence": {"median_s": None, "runs": 1},
            "raw:theme-evidence": NOT_RUN,
            "query:committees": {"median_s": 0.01, "runs": 5},
            "report": {"median_s": None, "runs": 1},
        },
    }
    carried = carried_over(previous)
    assert sorted(carried) == ["query:theme-evidence", "raw:theme-evidence", "report"]
    assert figure(carried["query:theme-evidence"], 30) == "> 30 s (100 k)"
    assert carried_over(None) == {}


@pytest.mark.slow
def test_the_ci_sized_run_prints_every_row_and_writes_the_figures(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    command = [sys.executable, str(REPO / "bench" / "run.py"), "--max-triples", "10000", "--repeat", "1"]
    command += ["--budget", "5", "--long-budget", "120", "--work", str(tmp_path / "work"), "--json", str(figures)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr
    rows = {line.split(" | ")[0].removeprefix("| "): line for line in result.stdout.splitlines() if line[:2] == "| "}
    expected = [
        "data triples (generated)",
        "triples in the store (ontology, data, mentions)",
        "raw pyoxigraph bulk load",
        "load",
        "theme mentions (every command, after loading)",
        *(f"query `{case.key}`" for case in _cases()),
        "overlaps + themes (read corpus, analyse)",
        "`report` (installed CLI, wall)",
        "peak RSS MB: load, mentions, queries, analysis",
        "peak RSS MB: report",
        "`strategygraph report`",
        "`strategygraph --help`",
    ]
    assert [label for label in expected if label not in rows] == []
    for label in expected[3:]:
        cells = rows[label].strip("| ").split(" | ")
        assert "not measured" not in cells, rows[label]
        if cells[-2].startswith("≤"):  # a row with a target has a verdict
            assert cells[-1] in ("met", "**NOT met**"), rows[label]
    written = json.loads(figures.read_text(encoding="utf-8"))
    records = written["sizes"]["10000"]["records"]
    assert {f"query:{case.key}" for case in _cases()} <= records.keys()
    assert records["load"]["median_s"] > 0
    assert written["bundled"]["help"]["runs"] >= 5
    assert written["markdown"] in result.stdout
