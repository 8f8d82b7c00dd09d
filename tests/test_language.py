"""No English under `--lang da`, and no Danish in the fixed strings under `--lang en`: every command of the CLI
(walked from the click command tree, so a new command fails here until it is added) on the bundled data, and the
failures a user meets (a missing data folder, a bad option, an unknown query or command, unreadable Turtle), from
the library's errors and from click's own usage errors alike.

Output mixes fixed strings with data: committee names and quotes are Danish in both languages, and catalogue
query names, parameter kinds and command names are English-looking identifiers. Those identifiers are allowed
explicitly (``IDENTIFIERS``), and so is what another program said, which Danish messages quote in »…« (a Turtle
parser's own message); the markers are words that a Danish message never contains (and the reverse)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from strategygraph.catalogue.queries import PARAMETER_KINDS, catalogue_names
from strategygraph.cli import cli

from .conftest import FIXTURES

# words of English messages that Danish output never has (the spaces keep them whole words)
ENGLISH = (
    " the ",
    " not ",
    " is ",
    " and ",
    " with ",
    " its ",
    " found",
    "Error:",
    "Usage:",
    "Try '",
    "No such",
    "Missing",
    "Invalid",
    "unknown",
    "cannot",
    " nodes",
    " edges",
    "triples",
    "statement",
    "reflection",
    "optional",
    "required",
    "report:",
    "Did you mean",
    "Permission",
    "Connection",
)
# words of Danish messages that English output never has, outside the Danish data (names, quotes)
DANISH = (
    "Fejl:",
    "Se '",
    "ukendt",
    "findes ikke",
    "mangler",
    "kan ikke",
    " er ikke",
    "tripler",
    "knuder",
    "kanter",
    "valgfri",
    "påkrævet",
    "Mente du",
    "rapport:",
    "forbindelsen fejlede",
)
# identifiers that stand in output as they are in either language: catalogue query names, parameter kinds, the
# names of views and tables, file names; each is removed before the markers are looked for
IDENTIFIERS = (
    *catalogue_names(),
    *PARAMETER_KINDS,
    "report.md",
    "statements-without-theme",
)

PAIR = FIXTURES / "compare"
IMPORT = FIXTURES / "import"

# every command, run so that it succeeds on the bundled data (publish and serve fail at once, on purpose: no
# store answers on port 9, and a timeout of 0 is refused before the server starts); {tmp} is the test's folder,
# {pair} a folder of two imported seminars
COMMANDS: dict[str, list[str]] = {
    "build": ["build", "--out", "{tmp}/g.ttl"],
    "compare": ["--data", "{pair}", "compare", "udvalgsseminar-2023", "udvalgsseminar-2024"],
    "export": ["export", "--format", "csv", "--table", "theme_mentions", "--out", "{tmp}/mentions.csv"],
    "gaps": ["gaps"],
    "import": ["import", str(IMPORT / "seminar.md"), "--out", "{tmp}/imported"],
    "info": ["info"],
    "overlaps": ["overlaps", "--top", "3"],
    "publish": ["publish", "--endpoint", "http://127.0.0.1:9/store"],
    "queries": ["queries"],
    "query": ["query", "committee-themes", "-p", "committee", "laering"],
    "report": ["report", "--out", "{tmp}/bundle"],
    "serve": ["serve", "--timeout", "0"],
    "structure": ["structure"],
    "tag": ["tag", "Vi vil styrke fællesskaber og borgerinddragelse i lokalsamfundet."],
    "themes": ["themes"],
    "validate": ["validate"],
    "view": ["view", "overlap", "--out", "{tmp}/overlap.html"],
}

# what a user gets wrong; each must end in one line `Fejl: …` / `Error: …` and exit code 2
FAILURES: dict[str, list[str]] = {
    "missing-data-folder": ["--data", "{tmp}/no-such-folder", "info"],
    "data-is-a-file": ["--data", "{tmp}/file.ttl", "info"],
    "unreadable-turtle": ["--data", "{bad}", "info"],
    "unknown-query": ["query", "no-such-query"],
    "unknown-parameter": ["query", "committees", "-p", "colour", "red"],
    "query-file-missing": ["query", "{tmp}/missing.rq"],
    "unknown-view": ["view", "no-such-view", "--out", "{tmp}/v.html"],
    "unknown-seminar": ["--seminar", "no-such-seminar", "info"],
    "unknown-option": ["info", "--formt", "json"],
    "bad-choice": ["info", "--format", "xml"],
    "bad-language": ["--lang", "de", "info"],
    "missing-argument": ["compare"],
    "missing-option": ["view", "overview"],
    "option-without-value": ["view", "overview", "--out"],
    "extra-argument": ["info", "extra"],
    "unknown-command": ["infoo"],
    "not-a-number": ["overlaps", "--top", "many"],
    "output-is-a-folder": ["build", "--out", "{tmp}"],
    "table-without-csv": ["export", "--format", "ttl", "--table", "theme_mentions", "--out", "{tmp}/x.ttl"],
    "endpoint-refused": ["query", "committees", "--endpoint", "http://127.0.0.1:9/query"],
}


def _walk(group: click.Group) -> list[str]:
    names: list[str] = []
    for name, command in sorted(group.commands.items()):
        names.append(name)
        if isinstance(command, click.Group):
            names += [f"{name} {sub}" for sub in _walk(command)]
    return names


def _found(output: str, markers: tuple[str, ...]) -> list[str]:
    """The markers in ``output`` outside identifiers and outside »…«, where Danish messages quote what another
    program said (a parser's own message)."""
    output = re.sub(r"»[^«]*«", "·", output)
    for identifier in sorted(IDENTIFIERS, key=len, reverse=True):
        output = re.sub(rf"(?<![\w-]){re.escape(identifier)}(?![\w-])", "·", output)
    return [marker for marker in markers if marker in output]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seminars = tmp_path_factory.mktemp("pair") / "seminars"
    seminars.mkdir()
    for year in ("2023", "2024"):
        result = CliRunner().invoke(cli, ["import", str(PAIR / f"soelund-{year}.md"), "--out", str(seminars / year)])
        assert result.exit_code == 0, result.output
    return seminars


def _filled(arguments: list[str], tmp_path: Path, **folders: Path) -> list[str]:
    values = {"tmp": tmp_path, **folders}
    return [re.sub(r"\{(\w+)\}", lambda m: str(values[m[1]]), part) for part in arguments]


# Columns of a CSV file that hold codes for machines (stable in both languages, as its header keys are): the
# workbook shows them in words (`udsagn`, `fundet af taggeren`), the CSV keeps `statement`, `lexical`
CODE_COLUMNS = {"kind", "method", "attribution_confidence"}


def _written_text(tmp_path: Path) -> str:
    """The small text files a command wrote (a CSV export): user-facing too, but for the code columns."""
    kept: list[str] = []
    for path in sorted(tmp_path.glob("*.csv")):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        codes = {index for index, key in enumerate(rows[0] if rows else []) if key in CODE_COLUMNS}
        kept += [",".join(cell for index, cell in enumerate(row) if index not in codes) for row in rows]
    return "\n".join(kept)


def test_every_command_is_run_here() -> None:
    assert _walk(cli) == sorted(COMMANDS), "add the new command to COMMANDS (and a failure of it to FAILURES)"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_danish_output_has_no_english(runner: CliRunner, tmp_path: Path, pair: Path, command: str) -> None:
    result = runner.invoke(cli, ["--lang", "da", *_filled(COMMANDS[command], tmp_path, pair=pair)])
    output = (result.stdout + result.stderr + _written_text(tmp_path)).replace(str(tmp_path), "·")
    assert result.exit_code in (0, 2), output
    assert output.strip(), output
    assert _found(output, ENGLISH) == [], output


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_english_output_has_no_danish_words(runner: CliRunner, tmp_path: Path, pair: Path, command: str) -> None:
    result = runner.invoke(cli, ["--lang", "en", *_filled(COMMANDS[command], tmp_path, pair=pair)])
    output = (result.stdout + result.stderr).replace(str(tmp_path), "·")
    assert result.exit_code in (0, 2), output
    assert output.strip(), output
    assert _found(output, DANISH) == [], output


def _bad_turtle(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "bad.ttl").write_text('@prefix sg: <https://w3id.org/strategygraph/ontology#> .\n<a> sg:x "open .\n')
    return folder


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_failures_are_one_line_in_the_language(runner: CliRunner, tmp_path: Path, failure: str, lang: str) -> None:
    (tmp_path / "file.ttl").write_text("# a file\n", encoding="utf-8")
    arguments = _filled(FAILURES[failure], tmp_path, bad=_bad_turtle(tmp_path))
    result = runner.invoke(cli, ["--lang", lang, *arguments])
    assert result.exit_code == 2, result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Fejl: " if lang == "da" else "Error: "), result.stderr
    assert "Traceback" not in result.output
    wrong = _found(result.stderr.replace(str(tmp_path), "·"), ENGLISH if lang == "da" else DANISH)
    assert wrong == [], result.stderr


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (["infoo"], "da"),
        (["--lang", "en", "infoo"], "en"),
        (["--lang=en", "infoo"], "en"),
        (["--data", "--lang", "--lang", "en", "infoo"], "en"),  # a folder named --lang is --data's value
        (["--data", "d", "query", "x", "--lang", "en"], "da"),  # query's own --lang is not the language
        (["--lang"], "da"),
    ],
)
def test_the_language_of_a_command_line_click_could_not_parse(args: list[str], lang: str) -> None:
    from strategygraph.cli._usage import lang_of_arguments

    assert lang_of_arguments(args, {"--data", "--lang", "--store", "--seminar"}) == lang
