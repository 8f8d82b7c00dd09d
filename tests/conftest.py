"""Shared fixtures: the bundled graph, a CLI runner, tiny fixture folders, and golden files."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from strategygraph.analysis import Analysis, analyse
from strategygraph.corpus import read_corpus
from strategygraph.loading import DataSources, load_graph
from strategygraph.stores.base import GraphStore

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
HEDENSTED = REPO / "data" / "hedensted"
VIEWS_FIXTURE = FIXTURES / "views"  # 4 committees, 6 focus areas, 4 themes, 2 pillars (hand-counted)
HOSTILE_FIXTURE = FIXTURES / "views-hostile"  # labels and texts full of markup that must stay text


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` starts one worker more than the machine has CPUs: the browser, server and store tests wait on
    Chromium, Oxigraph and Virtuoso in processes of their own, so a spare worker keeps the CPUs busy (2 CPUs,
    2026-12-08: 6:16 with two workers, 5:40 with three, 5:42 with four). ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still
    decides when set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    return len(os.sched_getaffinity(0)) + 1


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output instead of comparing.",
    )


@pytest.fixture(scope="session")
def bundled_sources() -> DataSources:
    return DataSources.bundled([HEDENSTED])


@pytest.fixture(scope="session")
def bundled_store(bundled_sources: DataSources) -> GraphStore:
    return load_graph(bundled_sources)


@pytest.fixture(scope="session")
def generated_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic national data set of about 10 k triples (bench/generate.py, seed 1): a data folder."""
    from generate import generate

    out = tmp_path_factory.mktemp("generated") / "data"
    generate(out, 10_000, seed=1)
    return out


AnalysisOf = Callable[[Path, str], Analysis]


@pytest.fixture(scope="session")
def analysis_of() -> AnalysisOf:
    """``analysis_of(data_folder, mode)``: the analysis of a data folder, loaded once per session."""
    cache: dict[tuple[Path, str], Analysis] = {}

    def load(folder: Path, mode: str = "statements") -> Analysis:
        if (folder, mode) not in cache:
            cache[(folder, mode)] = analyse(read_corpus(load_graph(DataSources.bundled([folder]))), mode)
        return cache[(folder, mode)]

    return load


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


GoldenCheck = Callable[[str, str], None]


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> GoldenCheck:
    """``golden(name, text)``: compare ``text`` with ``tests/golden/<name>``; rewrite only on --update-golden."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"golden file {path} is missing; create it with pytest --update-golden"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"output differs from {path}; if the change is intended, run pytest --update-golden"

    return check


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Automatic stores (``--store auto`` on large data) go to a temporary cache folder, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture(scope="session", autouse=True)
def _no_terminal_width() -> Iterator[None]:
    """Tables fit ``COLUMNS`` when it is set, and pytest-xdist's workers run with ``COLUMNS=80``: the tests unset it,
    so output never depends on the terminal that runs them (a test that wants a width passes ``env``)."""
    previous = os.environ.pop("COLUMNS", None)
    yield
    if previous is not None:
        os.environ["COLUMNS"] = previous
