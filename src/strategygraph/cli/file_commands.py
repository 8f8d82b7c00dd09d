"""Commands that write files for people: import, export, report, view."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import click

from ..errors import OptionsError
from ..exports import EXPORT_FORMATS
from ._app import AppContext, evidence_option, pass_app, quiet_option, terminal_width
from ._output import check_output_folder, replace_folder_atomically, write_atomically


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Data folder to create."
)
@click.option("--municipality", default=None, help="Spreadsheets: the municipality, e.g. 'Fjordlund Kommune'.")
@click.option("--title", default=None, help="Spreadsheets: the seminar's title.")
@click.option("--date", default=None, help="Spreadsheets: the seminar's date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option(
    "--id", "seminar_id", default=None, help="Spreadsheets: the seminar's ID (a slug; default: from the title)."
)
@click.option("--force", is_flag=True, help="Replace --out if it exists and is not empty.")
@pass_app
def import_(
    app: AppContext,
    source: Path,
    out: Path,
    municipality: str | None,
    title: str | None,
    date: str | None,
    seminar_id: str | None,
    force: bool,
) -> None:
    """Turn a seminar written in Markdown (or a CSV/XLSX spreadsheet) into a validated data folder.

    The folder holds Turtle in the same model as the bundled data and the source file under source/;
    it is written only if it passes the SHACL shapes and every source pointer checks out. The format
    is described in the README (template: data/templates/seminar.md).

    \b
    Example:
        strategygraph import seminar.md --out data/fjordlund
        strategygraph import seminar.xlsx --municipality "Fjordlund Kommune" --title "Udvalgsseminar" --out data/x
        strategygraph --data data/fjordlund validate
    """
    from ..errors import StrategyGraphError
    from ..formats.importing import check_data_folder, import_seminar
    from ..formats.spreadsheet_reader import SeminarMetadata
    from ..i18n import format_count, text
    from ..tables import Table, render_text
    from ..text_files import MAX_SEMINAR_BYTES, read_user_file

    # Re-importing a folder's own source copy (out/source/NAME, as `validate` advises after an edit) writes
    # that file back; any other source inside --out would be lost with the folder.
    own_copy = _is_own_source_copy(source, out)
    inputs: tuple[Path, ...] = () if own_copy else (source,)
    check_output_folder(out, inputs, force=force)
    data = read_user_file(source, MAX_SEMINAR_BYTES)
    imported = import_seminar(data, str(source), SeminarMetadata(municipality, title, date, seminar_id))
    counts = imported.outline.counts()
    units = counts["statements"] + counts["reflections"]
    if units >= _PROGRESS_FROM_UNITS:
        click.echo(text("import_validating", app.lang).format(units=format_count(units, app.lang)), err=True)

    def check(folder: Path) -> None:
        violations = check_data_folder(folder, app.lang)
        if violations:
            raise StrategyGraphError(
                "error_import_invalid", source=source, count=len(violations), first=violations[0].line()
            )

    replace_folder_atomically(out, imported.files, check, inputs, force=force)
    table = Table(
        (text("what", app.lang), text("count", app.lang)), [(text(k, app.lang), v) for k, v in counts.items()]
    )
    click.echo(render_text(table, width=terminal_width()), nl=False)
    click.echo(text("imported", app.lang).format(folder=out, seminar=imported.seminar_id), err=True)


# A progress line before validating imports this large: from here on an import takes a few seconds or more
# (bench/import_scaling.py).
_PROGRESS_FROM_UNITS = 500


def _is_own_source_copy(source: Path, out: Path) -> bool:
    from ._output import MARKER

    resolved, folder = source.resolve(), out.resolve()
    return (folder / MARKER).is_file() and resolved.parent == folder / "source" and not source.is_symlink()


@click.command()
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), required=True, help="Export format.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
@click.option(
    "--seminar", "seminar", default=None, metavar="ID", help="The seminar to export (as the global --seminar)."
)
@evidence_option
@click.option(
    "--table",
    default=None,
    metavar="NAME",
    help="For --format csv or csv-excel: the table (committees, focus_areas, statements, reflections, "
    "theme_mentions, overlaps, theme_reach, committee_themes, gaps, candidates, clusters, brokers).",
)
@quiet_option
@pass_app
def export(
    app: AppContext, fmt: str, out: Path, seminar: str | None, mode: str, table: str | None, quiet: bool
) -> None:
    """Write the graph, or one seminar, in another format.

    \b
    Formats:
        md       one seminar in the Markdown import format; `strategygraph import` reads it back
        graphml  the network (committees, focus areas, themes, pillars; weights, communities) for Cytoscape, yEd
        gexf     the same network as GEXF 1.3 with colours and sizes, for Gephi
        ttl      the whole RDF graph as Turtle (also trig, nt: TriG, sorted N-Triples)
        jsonld   the whole RDF graph as JSON-LD
        csv      one data table (--table NAME); headers are stable column keys
        csv-excel  the same for Danish Excel (opens with a double-click: BOM, ';', decimal comma)
        xlsx     every data table in one workbook, a sheet per table
    Labels follow --lang; network weights and tables follow --evidence.

    \b
    Example:
        strategygraph export --format md --out hedensted.md
        strategygraph --data data/ export --format md --seminar hedensted/tvaergaaende-fokusomraader --out h.md
        strategygraph --lang en export --format gexf --out hedensted.gexf
        strategygraph export --format csv --table overlaps --out overlaps.csv
    """
    from ..exports import ExportRequest, export_graph

    if seminar is not None:
        if app.seminar not in (None, seminar):
            raise OptionsError("error_seminar_differs", seminar=seminar, global_seminar=app.seminar)
        app.seminar = seminar
    if table is not None and not fmt.startswith("csv"):
        raise OptionsError("error_table_needs_csv")
    request = ExportRequest(app.store(), app.lang, mode, table)
    write_atomically(out, export_graph(request, fmt), app.input_paths())
    if not quiet:
        click.echo(f"{out}: {fmt}", err=True)


@click.command()
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write.")
@evidence_option
@click.option("--force", is_flag=True, help="Replace --out if it exists and is not empty.")
@click.option(
    "--compare",
    "compare_with",
    default=None,
    metavar="SEMINAR",
    help="Add a section on what changed from SEMINAR to the report's seminar (the global --seminar).",
)
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="The report's date (default: $SOURCE_DATE_EPOCH if set, else today).",
)
@click.option("--pdf", is_flag=True, help="Also print index.html to report.pdf (A4) with headless Chromium.")
@click.option(
    "--csv-excel",
    "excel_csv",
    is_flag=True,
    help="Write tables/*.csv for Danish Excel (BOM, ';', decimal comma) instead of standard CSV.",
)
@quiet_option
@pass_app
def report(
    app: AppContext,
    out: Path,
    mode: str,
    force: bool,
    compare_with: str | None,
    day: datetime | None,
    pdf: bool,
    excel_csv: bool,
    quiet: bool,
) -> None:
    """Write the report bundle for planners into a new folder.

    index.html (self-contained and printable; it opens with a one-page summary), report.md, tables/*.csv
    (standard CSV; --csv-excel: for Danish Excel) and strategygraph.xlsx (a sheet per table, set up to print),
    graph.graphml and graph.gexf (Gephi, Cytoscape), graph.ttl and graph.jsonld (the RDF graph), and the
    interactive views under views/; with --pdf also report.pdf, index.html printed on A4 by headless Chromium
    (offline, at most two minutes). The folder is built beside --out and renamed into place: a failed run
    leaves nothing behind. Labels follow --lang; the date is --date, else the day $SOURCE_DATE_EPOCH falls on
    (UTC), else today, so a rebuild can be byte for byte the same.

    \b
    Example:
        strategygraph report --out report
        strategygraph report --out report --pdf --date 2026-03-05
        strategygraph --lang en report --out report-en --evidence all --force
        strategygraph --data data/ --seminar hedensted/tvaergaaende-fokusomraader report --out report \\
            --compare fjordlund/fiktivt-eksempel-tvaergaaende-fokusomraader
    """
    from ..i18n import phrase, text
    from ..report import PDF_FILE, find_chromium, print_pdf, report_files

    def progress(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    check_output_folder(out, app.input_paths(), force=force)
    chromium = find_chromium() if pdf else None  # before the work: a missing browser fails at once
    report_day = _report_day(day)
    comparison = None
    if compare_with is not None:
        from ..comparison import compare_seminars

        if app.seminar is None:
            raise OptionsError("error_compare_needs_seminar")
        comparison = compare_seminars(app.full_store(), compare_with, app.seminar, mode)
    analysis = app.analysis(mode)
    files = report_files(
        app.store(), analysis, app.lang, day=report_day, progress=progress, comparison=comparison, excel_csv=excel_csv
    )
    if chromium is not None:
        progress(phrase("report_progress", app.lang, step=text("report_step_pdf", app.lang)))
        files[PDF_FILE] = print_pdf(files["index.html"].decode("utf-8"), chromium)
    replace_folder_atomically(out, files, _check_bundle, app.input_paths(), force=force)
    progress(text("report_written", app.lang).format(folder=out, files=len(files)))


def _report_day(given: datetime | None) -> date:
    """``--date``, else the day ``$SOURCE_DATE_EPOCH`` (reproducible builds) falls on in UTC, else today."""
    if given is not None:
        return given.date()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return date.today()
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    except (ValueError, OverflowError, OSError):
        raise OptionsError("error_source_date_epoch", value=epoch) from None


def _check_bundle(folder: Path) -> None:
    from ..errors import StrategyGraphError

    missing = [name for name in ("index.html", "report.md") if not (folder / name).is_file()]
    if missing:
        raise StrategyGraphError("error_report_incomplete", folder=folder, missing=", ".join(missing))


@click.command()
@click.argument("name")
@click.option(
    "--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="HTML file to write."
)
@evidence_option
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=None,
    help="Show at most N committees and N themes, those with the most evidence (default: 50; 0: all).",
)
@pass_app
def view(app: AppContext, name: str, out: Path, mode: str, top: int | None) -> None:
    """Write an interactive view as one self-contained HTML file (no network needed to open it).

    NAME is overview, overlap, themes, committee:<key>, theme:<slug>, or (in a graph of several
    municipalities) municipality:<slug>: the overlaps of one council's committees. Labels follow --lang.

    \b
    Example:
        strategygraph view overview --out overview.html
        strategygraph --lang en view committee:laering --out laering.html
    """
    from ..i18n import Phrase
    from ..views import DEFAULT_TOP, build_view, render_html

    graph = build_view(app.analysis(mode), name, app.lang, DEFAULT_TOP if top is None else top)
    write_atomically(out, render_html(graph), app.input_paths())
    written = Phrase(
        "view_written", {"out": out, "view": graph.name, "nodes": len(graph.nodes), "edges": len(graph.edges)}
    )
    click.echo(written.render(app.lang), err=True)


COMMANDS = (import_, export, report, view)
