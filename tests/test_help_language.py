"""`--help` in the language of the command line: every command walked from the click command tree (so a new
command fails here until its texts are in messages.toml), in Danish by default and in English under `--lang en`,
with click's own headings and markers too. The markers are test_language's, with the words of click's English
help added (and of Danish help, the reverse)."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from strategygraph.cli import cli
from strategygraph.cli._help import TranslatedCommand
from strategygraph.i18n import messages
from strategygraph.report.data_tables import TABLE_NAMES

from .test_language import DANISH, ENGLISH, IDENTIFIERS, _found, _walk

# click's English help, and our English help texts: words Danish help never has
HELP_ENGLISH = (
    *ENGLISH,
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "default",
    "Show ",
    "Example",
    "INTEGER",
    "FLOAT",
    "RANGE",
    "TEXT",
    "FILE",
    "PATH",
    "NAME",
    "VALUE",
    "SECONDS",
    "DIRECTORY",
    "YYYY",
    " or ",
    " of ",
    " which ",
    " that ",
    " only ",
    "Write ",
)
HELP_DANISH = (
    *DANISH,
    "Brug:",
    "Tilvalg",
    "Kommandoer",
    "Argumenter",
    "[standard:",
    "Vis ",
    "Eksempel",
    "HELTAL",
    "DECIMALTAL",
    "TEKST",
    "NAVN",
    "VÆRDI",
    "SEKUNDER",
    "MAPPE",
    " eller ",
    " og ",
    " udvalg",
)
COMMANDS = ["", *_walk(cli)]  # "" is the group itself: `strategygraph --help`


def _commands() -> dict[str, click.Command]:
    found: dict[str, click.Command] = {"": cli}
    for path in _walk(cli):
        command: click.Command = cli
        for name in path.split():
            assert isinstance(command, click.Group)
            command = command.commands[name]
        found[path] = command
    return found


def _context(command: click.Command) -> click.Context:
    """A context as the command line makes it (click keeps the help option it makes for the first one)."""
    return click.Context(command, **cli.context_settings)


def _values(command: click.Command) -> set[str]:
    """What stands in help as it is in either language: the choices of the command's options, the data tables."""
    choices = {
        str(choice) for param in command.params if isinstance(param.type, click.Choice) for choice in param.type.choices
    }
    return {*choices, *TABLE_NAMES, "default-graph-uri"}


def _help(runner: CliRunner, command: str, *lang: str) -> str:
    result = runner.invoke(cli, [*lang, *command.split(), "--help"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _outside_values(output: str, command: click.Command) -> str:
    for value in sorted({*IDENTIFIERS, *_values(command)}, key=len, reverse=True):
        output = re.sub(rf"(?<![\w-]){re.escape(value)}(?![\w-])", "·", output)
    return output


def test_every_command_is_a_translated_command() -> None:
    for path, command in _commands().items():
        assert isinstance(command, TranslatedCommand), f"{path or 'strategygraph'}: use cls=TranslatedCommand"


def test_every_command_argument_and_option_has_help_in_both_languages() -> None:
    keys = messages()
    for path, command in _commands().items():
        assert isinstance(command, TranslatedCommand)
        needed = [command.help_key()] + ([f"{command.help_key()}_short"] if path else [])
        needed += [command.param_key(param) for param in command.get_params(_context(command))]
        for key in needed:
            assert key in keys, f"{path or 'strategygraph'}: no {key} in messages.toml"
            assert all(part.strip() for part in keys[key]), f"{key}: a language is empty"


def test_no_help_text_belongs_to_no_command() -> None:
    used: set[str] = set()
    for command in _commands().values():
        assert isinstance(command, TranslatedCommand)
        used |= {command.help_key(), f"{command.help_key()}_short"}  # the short one as short_help_in looks it up
        used |= {command.param_key(param) for param in command.get_params(_context(command))}
    texts = {key for key in messages() if key.startswith(("command_", "argument_", "option_"))}
    assert sorted(texts - used) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_danish_help_has_no_english(runner: CliRunner, command: str) -> None:
    output = _help(runner, command)  # Danish is the default
    assert output.startswith(f"Brug: strategygraph {command}".rstrip()), output
    assert _found(_outside_values(output, _commands()[command]), HELP_ENGLISH) == [], output


@pytest.mark.parametrize("command", COMMANDS)
def test_english_help_has_no_danish(runner: CliRunner, command: str) -> None:
    output = _help(runner, command, "--lang", "en")
    assert output.startswith(f"Usage: strategygraph {command}".rstrip()), output
    # Danish only in the examples' sample text (the lines that run strategygraph)
    prose = "\n".join(line for line in output.splitlines() if "strategygraph " not in line)
    assert _found(prose, HELP_DANISH) == [], output
    assert re.findall("[æøåÆØÅ]", prose) == [], output


@pytest.mark.parametrize(
    ("arguments", "usage"),
    [
        (["--help"], "Brug:"),
        (["--lang", "da", "--help"], "Brug:"),
        (["--lang", "en", "--help"], "Usage:"),
        (["--lang=en", "--help"], "Usage:"),
        (["--help", "--lang", "en"], "Usage:"),  # --lang after --help counts too
        (["--lang", "en", "overlaps", "--help"], "Usage:"),
        (["--data", "--lang", "--lang", "en", "info", "--help"], "Usage:"),  # a folder named --lang
        (["overlaps", "--help"], "Brug:"),
        (["query", "--help"], "Brug:"),
    ],
)
def test_help_follows_the_language_of_the_command_line(runner: CliRunner, arguments: list[str], usage: str) -> None:
    result = runner.invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(usage), result.stdout


def test_the_command_list_has_the_danish_short_help(runner: CliRunner) -> None:
    output = _help(runner, "")
    assert "\nKommandoer:\n" in output
    for name, command in sorted(cli.commands.items()):
        assert isinstance(command, TranslatedCommand)
        short = command.short_help_in("da")
        assert re.search(rf"^  {re.escape(name)} +{re.escape(short)}$", output, re.MULTILINE), (name, output)


def test_clicks_markers_are_in_danish(runner: CliRunner) -> None:
    output = _help(runner, "export")
    assert "\nTilvalg:\n" in output
    assert "[påkrævet]" in output  # --format and --out are required
    assert "[standard: statements]" in output
    assert "--out FIL " in output  # click's FILE
    assert "Vis denne hjælp og afslut." in output
    serve = _help(runner, "serve")
    assert "--port HELTAL" in serve
    assert "[standard: 7878;" in serve
    assert "[standard: 30; x>=0.1]" in serve  # a decimal as Danish writes it (30.0 in click's own)


def test_danish_examples_stay_unwrapped(runner: CliRunner) -> None:
    output = _help(runner, "report", "--lang", "da")
    line = "strategygraph --data data/ --seminar hedensted/tvaergaaende-fokusomraader report --out report \\"
    assert f"\n      {line}\n" in output


def test_every_metavar_word_is_one_help_shows() -> None:
    """The ``metavar_*`` words are the ones click or the code write: each is in some English help."""
    runner = CliRunner()
    english = "\n".join(_help(runner, command, "--lang", "en") for command in COMMANDS)
    for key, (_, word) in messages().items():
        if key.startswith("metavar_"):
            assert re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", english), f"{key}: no help shows {word!r}"


def test_an_arguments_name_in_an_error_is_the_one_help_shows(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query"])
    assert result.stderr.strip().splitlines()[-1] == "Fejl: mangler argumentet 'NAVN'."
    assert "Brug: strategygraph query [TILVALG] NAVN" in _help(runner, "query")


def test_no_command_at_all_shows_the_help_in_danish(runner: CliRunner) -> None:
    result = runner.invoke(cli, [])
    assert result.exit_code == 2
    assert result.stderr.startswith("Brug: strategygraph [TILVALG] KOMMANDO"), result.stderr
    assert "Fejl:" not in result.stderr  # the help itself, not an error that holds it
