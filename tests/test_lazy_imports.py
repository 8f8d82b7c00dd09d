"""Light commands stay light: `--help` and `tag` do not import the analysis, view, SHACL or store libraries.

Each command runs in a fresh interpreter with ``-X importtime``, which lists every module imported; the test
reads that list (it checks what is imported, not how long it takes: the time is bench/run.py's figure).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("networkx", "pyvis", "pyshacl", "pyoxigraph", "jinja2", "openpyxl", "igraph", "lxml")


def imported_modules(*arguments: str) -> set[str]:
    command = [sys.executable, "-X", "importtime", "-m", "strategygraph", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("import time:")]
    modules = {line.rsplit("|", 1)[1].strip() for line in lines[1:]}  # the first line is the header
    assert "strategygraph.cli" in modules
    return modules


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(module for module in modules if module.split(".")[0] in HEAVY)


@pytest.mark.parametrize("arguments", [("--help",), ("tag", "--help"), ("report", "--help")])
def test_help_imports_no_rdf_analysis_or_view_library(arguments: tuple[str, ...]) -> None:
    modules = imported_modules(*arguments)
    assert heavy_in(modules) == []
    assert sorted(module for module in modules if module.split(".")[0] == "rdflib") == []


def test_tag_imports_rdflib_to_read_the_thesaurus_but_no_analysis_view_or_shacl_library() -> None:
    modules = imported_modules("tag", "Vi skal styrke børnefællesskaberne")
    assert "strategygraph.tagging.tagger" in modules
    assert heavy_in(modules) == []
    assert [module for module in modules if module.startswith(("strategygraph.analysis", "strategygraph.views"))] == []
