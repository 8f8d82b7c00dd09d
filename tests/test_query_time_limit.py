"""A query has a time limit: one still running then is abandoned with a one-line error, and a fast one is
answered as usual."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.term import Identifier

from strategygraph import InputError, find_query, run_query
from strategygraph.stores.base import GraphStore, SelectResult, Triple


class _SlowStore(GraphStore):
    kind = "slow"

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        time.sleep(self.seconds)
        return SelectResult(("x",), [])

    def add(self, triples: Iterable[Triple]) -> None:
        raise NotImplementedError

    def __len__(self) -> int:
        return 0

    def to_rdflib(self) -> Graph:
        return Graph()


def test_a_query_past_its_time_limit_is_stopped_with_one_line() -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"stopped after 0.2 s") as raised:
        run_query(_SlowStore(5), find_query("theme-hierarchy"), {"lang": "da"}, timeout=0.2)
    assert time.perf_counter() - started < 2
    assert "\n" not in str(raised.value)


def test_a_query_within_its_time_limit_is_answered() -> None:
    result = run_query(_SlowStore(0.01), find_query("theme-hierarchy"), {"lang": "da"}, timeout=5)
    assert result.variables == ("x",)


def test_a_query_file_of_your_own_stops_at_its_time_limit(tmp_path: Path) -> None:
    """In a process of its own: the abandoned query thread ends with the process."""
    slow = tmp_path / "slow.rq"
    slow.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n", encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "strategygraph", "query", str(slow), "--timeout", "0.5"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == f"Fejl: {slow}: forespørgslen blev stoppet efter 0,5 s (dens tidsgrænse)\n"
    assert time.perf_counter() - started < 30
