"""README opens with exactly two set-up commands, and CI runs the same test command."""

from __future__ import annotations

import re

import pytest

from .conftest import REPO


def _setup_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"\A# [^\n]+\n\n```sh\n(.*?)```", readme, re.DOTALL)
    assert match, "README must open with a title and one sh code block"
    return [line for line in match.group(1).splitlines() if line.strip()]


def test_readme_opens_with_two_commands() -> None:
    commands = _setup_commands()
    assert len(commands) == 2
    assert "pip install ." in commands[0]
    assert "pip install -e '.[test]'" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    test_command = _setup_commands()[1].split("&&")[-1].strip()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_first_command_writes_the_report() -> None:
    assert _setup_commands()[0].endswith("strategygraph report --out report")


def test_the_library_example_runs_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"## Use it as a library\n.*?```python\n(.*?)```", readme, re.DOTALL)
    assert match, "README has a library example"
    example = match.group(1)
    assert len(example.strip().splitlines()) <= 12, "a short example"
    namespace: dict[str, object] = {}
    exec(compile(example, "README.md", "exec"), namespace)  # the README's own code, as a reader would run it
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 4, printed
    assert printed[0].startswith("beskaeftigelse ungeudvalget 0.386 ")
    assert printed[3] == "8 ['aeldre-handicap', 'rekruttering-fastholdelse']"
    assert "index.html" in namespace["files"]  # type: ignore[operator]


def test_the_front_door_names_resolve() -> None:
    import strategygraph

    for name in strategygraph.__all__:
        assert getattr(strategygraph, name) is not None, name
