"""Commands that write files for people: import, export, report, view."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import click

from ..errors import OptionsError
from ..exports import EXPORT_FORMATS
from ._app import AppContext, evidence_option, pass_app, quiet_option, terminal_width
from ._help import TranslatedCommand
from ._output import check_output_folder, replace_folder_atomically, write_atomically


@click.command("import", cls=TranslatedCommand)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--municipality", default=None)
@click.option("--title", default=None)
@click.option("--date", default=None)
@click.option("--id", "seminar_id", default=None)
@click.option("--force", is_flag=True)
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


@click.command(cls=TranslatedCommand)
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), required=True)
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--seminar", "seminar", default=None, metavar="ID")
@evidence_option
@click.option(
    "--table",
    default=None,
    metavar="NAME",
)
@quiet_option
@pass_app
def export(
    app: AppContext, fmt: str, out: Path, seminar: str | None, mode: str, table: str | None, quiet: bool
) -> None:
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


@click.command(cls=TranslatedCommand)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path))
@evidence_option
@click.option("--force", is_flag=True)
@click.option(
    "--compare",
    "compare_with",
    default=None,
    metavar="SEMINAR",
)
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
)
@click.option("--pdf", is_flag=True)
@click.option(
    "--csv-excel",
    "excel_csv",
    is_flag=True,
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


@click.command(cls=TranslatedCommand)
@click.argument("name")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@evidence_option
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=None,
)
@pass_app
def view(app: AppContext, name: str, out: Path, mode: str, top: int | None) -> None:
    from ..i18n import Phrase
    from ..views import DEFAULT_TOP, build_view, render_html

    graph = build_view(app.analysis(mode), name, app.lang, DEFAULT_TOP if top is None else top)
    write_atomically(out, render_html(graph), app.input_paths())
    written = Phrase(
        "view_written", {"out": out, "view": graph.name, "nodes": len(graph.nodes), "edges": len(graph.edges)}
    )
    click.echo(written.render(app.lang), err=True)


COMMANDS = (import_, export, report, view)
