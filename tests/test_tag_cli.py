"""`strategygraph tag`: the JSON contract, empty and bad input, labels by language, a light import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from strategygraph.cli import cli

EXAMPLE = "Vi skal styrke børnefællesskaberne og forældrenes engagement"


def test_issue_example_from_stdin_as_json(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["tag", "-", "--format", "json"], input=EXAMPLE + "\n")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert all(list(hit) == ["theme", "label", "matched", "start", "end"] for hit in hits)
    themes = {hit["theme"] for hit in hits}
    assert {"boern-og-unge", "faellesskaber"} <= themes
    assert "aeldre-handicap" not in themes
    for hit in hits:
        assert EXAMPLE[hit["start"] : hit["end"]] == hit["matched"]


def test_text_argument_and_english_labels(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--lang", "en", "tag", "flere ældre", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {
            "theme": "aeldre-handicap",
            "label": "Older people, dementia and disability",
            "matched": "flere ældre",
            "start": 0,
            "end": 11,
        }
    ]


def test_table_shows_the_evidence_in_danish(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["tag", "vækst- og klimaindsatsen"])
    assert result.exit_code == 0, result.output
    header, _rule, *rows = result.stdout.splitlines()
    assert header.split() == ["Tema", "Betegnelse", "Matchet", "tekst", "Start", "Slut", "Leksikon"]
    assert [row.split()[0] for row in rows] == ["vaekst", "klima-baeredygtighed"]


def test_empty_input_is_an_empty_list(runner: CliRunner) -> None:
    for args, given in ((["tag", "-", "--format", "json"], ""), (["tag", "", "--format", "json"], None)):
        result = runner.invoke(cli, args, input=given)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == []


def test_invalid_utf8_is_one_line_and_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--lang", "en", "tag", "-"], input=b"b\xf8rn og unge")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == ["Error: <stdin>:1: not UTF-8 text (byte 1); save the file as UTF-8"]


def test_text_naming_a_file_is_tagged_as_written_with_a_note(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ældre referat.txt").write_text(EXAMPLE, encoding="utf-8")
    danish = runner.invoke(cli, ["tag", "ældre referat.txt", "--format", "json"])
    english = runner.invoke(cli, ["--lang", "en", "tag", "ældre referat.txt", "--format", "json"])
    Path("ældre referat.txt").unlink()
    alone = runner.invoke(cli, ["tag", "ældre referat.txt", "--format", "json"])
    assert danish.exit_code == english.exit_code == alone.exit_code == 0, danish.output
    assert [hit["matched"] for hit in json.loads(danish.stdout)] == ["ældre"], "the words, not the file's contents"
    assert danish.stdout == alone.stdout, "the output does not depend on the files in the folder"
    assert danish.stderr == (
        "Bemærk: »ældre referat.txt« er også en fil, men teksten tagges, som den står. Filens indhold tagges med "
        "strategygraph tag - < 'ældre referat.txt'\n"
    )
    assert "To tag the file's contents: strategygraph tag - < 'ældre referat.txt'" in english.stderr
    assert alone.stderr == ""
    assert "strategygraph tag - < referat.txt\n" in runner.invoke(cli, ["tag", "--help"]).stdout, "--help says so"


def test_tag_loads_only_the_thesaurus() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from strategygraph.cli import cli\n"
        "result = CliRunner().invoke(cli, ['tag', 'fællesskab', '--format', 'json'])\n"
        "assert result.exit_code == 0, result.output\n"
        "heavy = sorted(m for m in ('pyvis', 'networkx', 'pyshacl') if m in sys.modules)\n"
        "print(','.join(heavy) or 'none')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "none"
