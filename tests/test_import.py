"""`strategygraph import`: Markdown and spreadsheets into validated data folders; bad input writes nothing."""

from __future__ import annotations

import csv
import io
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from strategygraph.cli import cli
from strategygraph.cli._output import MARKER
from strategygraph.formats.importing import import_seminar
from strategygraph.namespaces import SG
from strategygraph.validation.shapes import Violation

from .conftest import FIXTURES, REPO
from .import_support import folder_graph, without_layout

IMPORT = FIXTURES / "import"
EXAMPLE = REPO / "data" / "examples" / "fjordlund"
SHEET_OPTIONS = ["--municipality", "Testby Kommune", "--title", "Testseminar om tværgående fokusområder"]
SHEET_OPTIONS += ["--date", "2024-05-14"]
FRONT = "---\nmunicipality: Testby Kommune\ntitle: Test\n---\n"
SHEET_HEADER = "slide,committee,focus_area,kind,text\n"


def _import(runner: CliRunner, source: Path, out: Path, *options: str) -> None:
    result = runner.invoke(cli, ["import", str(source), "--out", str(out), *options])
    assert result.exit_code == 0, result.output


def test_markdown_import_writes_a_valid_folder_and_prints_counts(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "testby"
    result = runner.invoke(cli, ["--lang", "en", "import", str(IMPORT / "seminar.md"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Focus areas  4" in result.stdout
    assert "Reflections  1" in result.stdout
    assert "testby/testseminar-om-tvaergaaende-fokusomraader" in result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        MARKER,
        "attributions.ttl",
        "municipality.ttl",
        "seminar.ttl",
        "source/seminar.md",
    ]
    assert (out / "source" / "seminar.md").read_bytes() == (IMPORT / "seminar.md").read_bytes()
    validated = runner.invoke(cli, ["--data", str(out), "validate"])
    assert validated.exit_code == 0, validated.output
    graph = folder_graph(out)
    committee = URIRef("https://w3id.org/strategygraph/id/testby/committee/teknik-miljoe")
    area = URIRef(
        "https://w3id.org/strategygraph/id/testby/testseminar-om-tvaergaaende-fokusomraader/focus-area/klima-baeredygtighed"
    )
    assert (area, SG.presentedBy, committee) in graph
    assert [p.name for p in tmp_path.iterdir()] == ["testby"], "no temporary folder is left behind"


def test_spreadsheet_and_markdown_give_the_samefolder_graph(runner: CliRunner, tmp_path: Path) -> None:
    _import(runner, IMPORT / "seminar.md", tmp_path / "md")
    _import(runner, IMPORT / "seminar.csv", tmp_path / "csv", *SHEET_OPTIONS)
    markdown, sheet = folder_graph(tmp_path / "md"), folder_graph(tmp_path / "csv")
    assert len(without_layout(markdown)) > 100
    assert isomorphic(without_layout(markdown), without_layout(sheet))
    rows = sorted(int(o) for o in sheet.objects(None, SG.sourceRow) if isinstance(o, Literal))
    assert rows == [2, 3, 4, 5, 6, 8, 9], "each text keeps its spreadsheet row (row 7 is blank)"
    validated = runner.invoke(cli, ["--data", str(tmp_path / "csv"), "validate"])
    assert validated.exit_code == 0, validated.output


def _xlsx_from_csv(path: Path, target: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")):
        sheet.append([int(cell) if cell.isdigit() else (cell or None) for cell in row])
    workbook.create_sheet("Noter").append(["ignored: only the first sheet is read"])
    workbook.save(target)


def test_xlsx_gives_the_same_graph_as_csv(runner: CliRunner, tmp_path: Path) -> None:
    workbook = tmp_path / "seminar.xlsx"
    _xlsx_from_csv(IMPORT / "seminar.csv", workbook)
    _import(runner, IMPORT / "seminar.csv", tmp_path / "csv", *SHEET_OPTIONS)
    _import(runner, workbook, tmp_path / "xlsx", *SHEET_OPTIONS)
    assert isomorphic(without_layout(folder_graph(tmp_path / "csv")), without_layout(folder_graph(tmp_path / "xlsx")))
    rendition = (tmp_path / "xlsx" / "source" / "seminar.txt").read_text(encoding="utf-8")
    assert "the first sheet of seminar.xlsx" in rendition
    assert (tmp_path / "xlsx" / "source" / "seminar.xlsx").read_bytes() == workbook.read_bytes()


def _with_dimension(workbook: Path, ref: str) -> None:
    """Rewrite the first sheet's <dimension ref=...> record, as a buggy writer or a hand edit leaves it."""
    import re
    import zipfile

    with zipfile.ZipFile(workbook) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    members[sheet] = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), members[sheet])
    assert f'ref="{ref}"'.encode() in members[sheet]
    with zipfile.ZipFile(workbook, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_xlsx_is_read_whole_whatever_its_dimension_record_says(runner: CliRunner, tmp_path: Path) -> None:
    workbook = tmp_path / "seminar.xlsx"
    _xlsx_from_csv(IMPORT / "seminar.csv", workbook)
    _with_dimension(workbook, "A1:E2")
    _import(runner, IMPORT / "seminar.csv", tmp_path / "csv", *SHEET_OPTIONS)
    _import(runner, workbook, tmp_path / "xlsx", *SHEET_OPTIONS)
    assert isomorphic(without_layout(folder_graph(tmp_path / "csv")), without_layout(folder_graph(tmp_path / "xlsx")))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_spreadsheets_past_the_row_limit_are_refused(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    from strategygraph.formats import spreadsheet_reader

    monkeypatch.setattr(spreadsheet_reader, "MAX_ROWS", 5)
    source = IMPORT / "seminar.csv"
    if kind == "xlsx":
        source = tmp_path / "seminar.xlsx"
        _xlsx_from_csv(IMPORT / "seminar.csv", source)
    result = runner.invoke(cli, ["--lang", "en", "import", str(source), "--out", str(tmp_path / "out"), *SHEET_OPTIONS])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("more than 5 rows; a seminar has far fewer (split the file)")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_semicolon_separated_csv_from_danish_excel(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "seminar.csv"
    source.write_text(
        "\ufeffSlide;Committee;Focus area;Kind;Text\n1;Økonomiudvalget;Økonomi;statement;Budgettet holder.\n",
        encoding="utf-8",
    )
    _import(runner, source, tmp_path / "out", "--municipality", "Testby Kommune", "--title", "Test")
    assert '"Budgettet holder."@da' in (tmp_path / "out" / "seminar.ttl").read_text(encoding="utf-8")


BAD_INPUTS = [
    ("missing front matter", "seminar.md", "# U\n## F\n- a\n", ":1: missing front matter"),
    ("malformed front matter", "seminar.md", "---\nmunicipality Testby\ntitle: T\n---\n", ":2: malformed front matter"),
    (
        "front matter lacks title",
        "seminar.md",
        "---\nmunicipality: Testby\n---\n# U\n",
        ":1: front matter lacks 'title'",
    ),
    ("statement before any focus area", "seminar.md", FRONT + "# U\n- a\n", ":6: statement before any focus area"),
    ("focus area before any committee", "seminar.md", FRONT + "## F\n- a\n", ":5: focus area 'F' before any committee"),
    (
        "unknown attribution value",
        "seminar.md",
        FRONT + "# U\nAttribution: sure — ja\n## F\n- a\n",
        ":6: unknown attribution 'sure'",
    ),
    ("empty focus area", "seminar.md", FRONT + "# U\n## F\n## G\n- a\n", ":6: focus area 'F' has no statements"),
    (
        "duplicate focus-area titles within a committee",
        "seminar.md",
        FRONT + "# U\n## F\n- a\n---\n# U\n## f\n- b\n",
        ":10: duplicate focus-area title 'f' in committee 'U' (first at line 6)",
    ),
    (
        "spreadsheet missing a required column",
        "seminar.csv",
        "slide,committee,kind,text\n1,U,statement,a\n",
        ": row 1: missing column(s) focus_area",
    ),
    (
        "spreadsheet with an unknown kind",
        "seminar.csv",
        SHEET_HEADER + "1,U,F,statement,a\n1,,,comment,b\n",
        ": row 3: unknown kind 'comment' (use statement or reflection)",
    ),
    (
        "spreadsheet statement before any focus area",
        "seminar.csv",
        SHEET_HEADER + "1,U,,statement,a\n",
        ": row 2: statement before any focus area",
    ),
    (
        "spreadsheet unknown attribution",
        "seminar.csv",
        "slide,committee,focus_area,kind,text,attribution\n1,U,F,statement,a,maybe\n",
        ": row 2: unknown attribution 'maybe'",
    ),
    (
        "unknown theme in a committee's remit",
        "seminar.md",
        FRONT + "# U\nRessort: kultur, oekonomi-ressourcer\n## F\n- a\n",
        ":6: Ressort: unknown theme 'kultur'; close matches: kultur-fritid-turisme (Kultur, fritid og turisme)",
    ),
    (
        "unknown theme in a pillar",
        "seminar.md",
        "---\nmunicipality: Testby\ntitle: T\nsigtepunkter:\n  - Vækst: rumfart\n---\n# U\n## F\n- a\n",
        ":5: sigtepunkter: pillar 'Vækst': unknown theme 'rumfart'; no theme is close",
    ),
    ("markdown not UTF-8", "seminar.md", (FRONT + "# Ærø\n").encode("latin-1"), ":5: not UTF-8 text"),
    ("csv not UTF-8", "seminar.csv", (SHEET_HEADER + "1,Ærø,F,statement,a\n").encode("latin-1"), ":2: not UTF-8 text"),
    ("not a workbook", "seminar.xlsx", b"PK\x03\x04 not really a zip", ": not a readable XLSX workbook"),
    ("unsupported file type", "seminar.docx", b"", ": unsupported file type"),
]


@pytest.mark.parametrize(
    ("name", "content", "message"), [case[1:] for case in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS]
)
def test_bad_input_is_one_line_naming_file_and_line_and_writes_nothing(
    runner: CliRunner, tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    source = tmp_path / "in" / name
    source.parent.mkdir()
    source.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    out = tmp_path / "out"
    options = SHEET_OPTIONS if name.endswith((".csv", ".xlsx")) else []
    result = runner.invoke(cli, ["--lang", "en", "import", str(source), "--out", str(out), *options])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"Error: {source}{message}" in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"], "no output folder, no temporary folder"


def test_a_bad_date_option_is_named(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli,
        [
            "--lang",
            "en",
            "import",
            str(IMPORT / "seminar.csv"),
            "--out",
            str(tmp_path / "x"),
            *SHEET_OPTIONS[:4],
            "--date",
            "2024-13",
        ],
    )
    assert result.exit_code == 2
    assert "--date: date '2024-13' is not YYYY, YYYY-MM or YYYY-MM-DD" in result.stderr


def test_spreadsheet_metadata_is_required_and_markdown_refuses_it(runner: CliRunner, tmp_path: Path) -> None:
    sheet = runner.invoke(cli, ["--lang", "en", "import", str(IMPORT / "seminar.csv"), "--out", str(tmp_path / "x")])
    assert sheet.exit_code == 2
    assert "a spreadsheet needs --municipality and --title" in sheet.stderr
    markdown = runner.invoke(
        cli, ["--lang", "en", "import", str(IMPORT / "seminar.md"), "--out", str(tmp_path / "x"), "--title", "T"]
    )
    assert markdown.exit_code == 2
    assert "Markdown has them in its front matter" in markdown.stderr
    assert not (tmp_path / "x").exists()


def test_a_non_empty_folder_is_replaced_only_with_force(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine\n", encoding="utf-8")
    refused = runner.invoke(cli, ["--lang", "en", "import", str(IMPORT / "seminar.md"), "--out", str(out)])
    assert refused.exit_code == 2
    assert "not empty (use --force" in refused.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    foreign = runner.invoke(cli, ["--lang", "en", "import", str(IMPORT / "seminar.md"), "--out", str(out), "--force"])
    assert foreign.exit_code == 2
    assert "not written by strategygraph" in foreign.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"], "--force never replaces a folder of the user's"
    (out / "keep.txt").unlink()
    _import(runner, IMPORT / "seminar.md", out)
    (out / "extra.txt").write_text("added later\n", encoding="utf-8")
    _import(runner, IMPORT / "seminar.md", out, "--force")
    assert not (out / "extra.txt").exists(), "a folder strategygraph wrote is replaced whole"
    assert (out / "seminar.ttl").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_data_that_fails_validation_changes_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _import(runner, IMPORT / "seminar.md", out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def failing_check(folder: Path, lang: str = "en") -> list[Violation]:
        assert folder != out, "the check runs on the temporary folder, before anything is renamed"
        return [Violation("m:statement/x-1", "sg:text", "text differs from the source")]

    monkeypatch.setattr("strategygraph.formats.importing.check_data_folder", failing_check)
    result = runner.invoke(cli, ["--lang", "en", "import", str(EXAMPLE / "seminar.md"), "--out", str(out), "--force"])
    assert result.exit_code == 2
    assert "does not validate (1); first: m:statement/x-1  sg:text  text differs" in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize(
    ("source", "edited", "options"),
    [
        ("seminar.md", "seminar.md", []),
        ("seminar.csv", "seminar.txt", [*SHEET_OPTIONS, "--id", "test-2024"]),
    ],
    ids=["markdown", "spreadsheet"],
)
def test_an_edited_source_copy_says_how_to_import_again(
    runner: CliRunner, tmp_path: Path, source: str, edited: str, options: list[str]
) -> None:
    folder = tmp_path / "mit seminar"
    _import(runner, IMPORT / source, folder, *options)
    copy = folder / "source" / edited
    with copy.open("a", encoding="utf-8") as changed:
        changed.write("\n- Et udsagn skrevet i kopien.\n")
    stale = runner.invoke(cli, ["--data", str(folder), "validate"])
    assert stale.exit_code == 1
    assert f"{copy} er ændret, siden den blev importeret (SHA-256 afviger)" in stale.output
    command = stale.output.split("igen (strategygraph ", 1)[1].split(")\n", 1)[0]
    if source.endswith(".csv"):
        assert command == (
            f"import '{folder}/source/seminar.csv' --municipality 'Testby Kommune' --title 'Testseminar om "
            f"tværgående fokusområder' --date 2024-05-14 --id test-2024 --out '{folder}' --force"
        ), "the spreadsheet's options, so the seminar keeps its ID"
    else:
        assert command == f"import '{copy}' --out '{folder}' --force"
    again = runner.invoke(cli, shlex.split(command))
    assert again.exit_code == 0, again.output
    assert runner.invoke(cli, ["--data", str(folder), "validate"]).exit_code == 0, "the advised command repairs it"


def test_the_example_folder_is_what_importing_its_markdown_gives() -> None:
    """Freshness: re-importing data/examples/fjordlund/seminar.md reproduces the checked-in folder byte for byte.

    If this fails after a change to the importer or to seminar.md, re-import on purpose:
    strategygraph import data/examples/fjordlund/seminar.md --out data/examples/fjordlund/data --force
    """
    source = EXAMPLE / "seminar.md"
    imported = import_seminar(source.read_bytes(), "data/examples/fjordlund/seminar.md")
    folder = EXAMPLE / "data"
    on_disk = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert on_disk.pop(MARKER), "marked as written by strategygraph, so --force may replace it"
    assert sorted(on_disk) == sorted(imported.files)
    for name, data in imported.files.items():
        assert on_disk[name] == data, f"{folder / name} is stale"


def test_the_example_and_the_template_validate(runner: CliRunner, tmp_path: Path) -> None:
    example = runner.invoke(cli, ["--data", str(EXAMPLE / "data"), "validate"])
    assert example.exit_code == 0, example.output
    _import(runner, REPO / "data" / "templates" / "seminar.md", tmp_path / "template")


@pytest.mark.parametrize("path", [EXAMPLE / "seminar.md", REPO / "data" / "templates" / "seminar.md"])
def test_the_example_and_the_template_show_the_optional_keys(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for written in ("\nid: ", "\nsigtepunkter:\n", "\nRessort: ", "\nTilskrivning: ", "\nAttribution: "):
        assert written in text, f"{path.name} shows {written.strip()!r}"
    assert "\n## Gruppernes refleksioner\n" in text
    outline = import_seminar(text.encode("utf-8"), path.name).outline
    assert outline.slug is not None
    assert outline.pillars
    assert outline.remits
    assert {"strong-inference", "weak-guess"} <= {area.attribution.confidence for area in outline.focus_areas()}


def test_the_example_is_marked_fictitious() -> None:
    front = (EXAMPLE / "seminar.md").read_text(encoding="utf-8").split("---\n")[1]
    assert "title: Fiktivt eksempel" in front


def test_the_readme_example_imports(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("### The Markdown format\n\n```markdown\n", 1)[1].split("```\n", 1)[0]
    imported = import_seminar(example.encode("utf-8"), "readme.md")
    assert imported.outline.counts() == {
        "slides": 2,
        "committees": 2,
        "focus_areas": 2,
        "statements": 4,
        "reflections": 2,
    }
    assert imported.outline.focus_areas()[0].attribution.confidence == "strong-inference"
