"""Commands on the graph itself: info, validate, build, tag."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..exports import RDF_EXPORTS, rdf_format_for
from ._app import EXIT_INVALID, AppContext, echo_json, format_option, pass_app, terminal_width
from ._help import TranslatedCommand
from ._output import write_atomically


@click.command(cls=TranslatedCommand)
@format_option("table", "json")
@pass_app
def info(app: AppContext, fmt: str) -> None:
    from ..i18n import text
    from ..summary import count_graph
    from ..tables import Table, render_text

    counts = count_graph(app.store()).as_dict()
    if fmt == "json":
        echo_json(counts)
        return
    table = Table(
        (text("what", app.lang), text("count", app.lang)),
        [(text(key, app.lang), value) for key, value in counts.items()],
    )
    click.echo(render_text(table, width=terminal_width()), nl=False)


@click.command(cls=TranslatedCommand)
@pass_app
def validate(app: AppContext) -> None:
    from ..i18n import text
    from ..stores.opening import is_service_url
    from ..validation.shapes import validate_graph
    from ..validation.source_pointers import check_source_pointers

    sources = app.sources()
    store = app.store()
    report = validate_graph(store, sources.shapes_file, app.lang)
    on_service = is_service_url(app.store_kind)  # the source files stay with the data, not on the service
    pointers = set() if on_service else check_source_pointers(store, sources.data_dirs, app.lang)
    violations = sorted({*report.violations, *pointers})
    if not violations:
        click.echo(text("conforms_shapes" if on_service else "conforms", app.lang).format(triples=len(store)))
        return
    for violation in violations:
        click.echo(violation.line())
    key = "violations_one" if len(violations) == 1 else "violations"
    click.echo(text(key, app.lang).format(count=len(violations)), err=True)
    sys.exit(EXIT_INVALID)


@click.command(cls=TranslatedCommand)
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(RDF_EXPORTS),
    default=None,
)
@pass_app
def build(app: AppContext, out: Path, fmt: str | None) -> None:
    from ..exports import ExportRequest, export_graph
    from ..i18n import Phrase

    fmt = fmt or rdf_format_for(out.name)
    write_atomically(out, export_graph(ExportRequest(app.store(), app.lang), fmt), app.input_paths())
    written = Phrase("build_written", {"out": out, "triples": len(app.store()), "fmt": fmt})
    click.echo(written.render(app.lang), err=True)


@click.command("tag", cls=TranslatedCommand)
@click.argument("text")
@format_option("table", "json")
@pass_app
def tag_command(app: AppContext, text: str, fmt: str) -> None:
    import shlex

    from ..i18n import text as words
    from ..tables import Cell, Table, render
    from ..tagging.lexicon import Lexicon
    from ..tagging.tagger import tag
    from ..tagging.thesaurus import load_thesaurus_file
    from ..text_files import MAX_TAG_BYTES, decode_utf8, read_bounded

    if text == "-":
        text = decode_utf8(read_bounded(sys.stdin.buffer, MAX_TAG_BYTES, "<stdin>"), "<stdin>")
    elif _names_a_file(text):
        click.echo(words("tag_text_is_a_file", app.lang).format(text=text, quoted=shlex.quote(text)), err=True)
    hits = tag(text, Lexicon.compile(load_thesaurus_file()), app.lang)
    rows: list[tuple[Cell, ...]] = [(hit.theme, hit.label, hit.matched, hit.start, hit.end) for hit in hits]
    if fmt == "json":
        click.echo(render(Table(("theme", "label", "matched", "start", "end"), rows), "json"), nl=False)
        return
    headers = tuple(words(key, app.lang) for key in ("theme", "label", "matched", "start", "end", "via"))
    table = Table(headers, [(*row, hit.via) for row, hit in zip(rows, hits, strict=True)])
    click.echo(render(table, "table", width=terminal_width()), nl=False)


def _names_a_file(text: str) -> bool:
    """Whether ``text`` is the path of an existing file (a text too long or odd for a path is not)."""
    try:
        return "\n" not in text and Path(text).is_file()
    except (OSError, ValueError):
        return False


COMMANDS = (info, validate, build, tag_command)
