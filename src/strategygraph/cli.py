"""The `strategygraph` command: parse options, call the library, print or write, choose exit codes.

This is the only module that imports click, touches the file system layout and picks exit codes.
Library modules are imported inside the commands so that `--help` stays fast.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from .loading import DataSources
    from .store import GraphStore

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2
F = TypeVar("F", bound=Callable[..., Any])


class UserError(click.ClickException):
    """A StrategyGraphError shown to the user: one line on stderr, exit code 2."""

    exit_code = EXIT_ERROR


class ReportingGroup(click.Group):
    """Translates library errors into one-line messages at the CLI boundary."""

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import StrategyGraphError

        try:
            return super().invoke(ctx)
        except StrategyGraphError as error:
            raise UserError(str(error)) from error


@dataclass
class AppContext:
    """Global options, and the graph loaded once per invocation."""

    data_dirs: tuple[Path, ...]
    lang: str
    store_kind: str
    _store: GraphStore | None = field(default=None, repr=False)

    def sources(self) -> DataSources:
        from .loading import DataSources

        return DataSources.bundled(self.data_dirs)

    def store(self) -> GraphStore:
        if self._store is None:
            from .loading import load_graph

            self._store = load_graph(self.sources(), self.store_kind)
        return self._store


pass_app = click.make_pass_decorator(AppContext)


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename: never a half-written file."""
    from .errors import InputError

    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent
    if not folder.is_dir():
        raise InputError("output folder does not exist", path=folder)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


@click.group(cls=ReportingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data",
    "data_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Data folder of Turtle files (repeatable). Default: the bundled Hedensted data.",
)
@click.option(
    "--lang", type=click.Choice(["da", "en"]), default="da", show_default=True, help="Language of labels and messages."
)
@click.option(
    "--store",
    "store_kind",
    type=click.Choice(["memory"]),
    default="memory",
    show_default=True,
    help="Graph store: rdflib in memory.",
)
@click.version_option(package_name="strategygraph")
@click.pass_context
def cli(ctx: click.Context, data_dirs: tuple[Path, ...], lang: str, store_kind: str) -> None:
    """strategygraph: a knowledge graph of a municipality's strategy.

    Committees, focus areas, statements and group reflections as RDF, with every sentence traceable
    to its source. Runs on the bundled Hedensted Kommune data unless --data names other folders.
    """
    ctx.obj = AppContext(data_dirs=data_dirs, lang=lang, store_kind=store_kind)


@cli.command()
@format_option("table", "json")
@pass_app
def info(app: AppContext, fmt: str) -> None:
    """Count what the graph holds.

    \b
    Example:
        strategygraph info --format json
    """
    import json

    from .i18n import text
    from .summary import count_graph
    from .tables import Table, render_text

    counts = count_graph(app.store()).as_dict()
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
        return
    table = Table(
        (text("what", app.lang), text("count", app.lang)),
        [(text(key, app.lang), value) for key, value in counts.items()],
    )
    click.echo(render_text(table), nl=False)


@cli.command()
@pass_app
def validate(app: AppContext) -> None:
    """Check the graph against the SHACL shapes and every source pointer against its source file.

    Exit status: 0 the data conforms; 1 violations (one line each: node, property, message);
    2 the data could not be read.

    \b
    Example:
        strategygraph --data my-seminar/ validate
    """
    from .i18n import text
    from .provenance import check_source_pointers
    from .validation import validate_graph

    sources = app.sources()
    store = app.store()
    report = validate_graph(store, sources.shapes_file, app.lang)
    violations = sorted({*report.violations, *check_source_pointers(store, sources.data_dirs)})
    if not violations:
        click.echo(text("conforms", app.lang).format(triples=len(store)))
        return
    for violation in violations:
        click.echo(violation.line())
    click.echo(text("violations", app.lang).format(count=len(violations)), err=True)
    sys.exit(EXIT_INVALID)


@cli.command()
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "trig", "nt", "jsonld"]),
    default=None,
    help="RDF format (default: from the file extension, else ttl).",
)
@pass_app
def build(app: AppContext, out: Path, fmt: str | None) -> None:
    """Write the merged graph (ontology, thesaurus, data, theme mentions) to one RDF file.

    \b
    Example:
        strategygraph build --out hedensted.ttl
    """
    from .serialization import serialize_graph

    if fmt is None:
        fmt = {".trig": "trig", ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld"}.get(out.suffix.lower(), "ttl")
    write_atomically(out, serialize_graph(app.store(), fmt))
    click.echo(f"{out}: {len(app.store())} triples ({fmt})", err=True)


@cli.command("tag")
@click.argument("text")
@format_option("table", "json")
@pass_app
def tag_command(app: AppContext, text: str, fmt: str) -> None:
    """Find the thesaurus's themes in a Danish TEXT ("-" reads standard input), with the evidence:
    the matched words and their character offsets.

    Loads only the bundled thesaurus (ontology/themes.ttl), not the data.

    \b
    Examples:
        strategygraph tag "Vi skal styrke børnefællesskaberne og forældrenes engagement"
        echo "Flere ældre og færre hænder" | strategygraph tag - --format json
    """
    from .errors import InputError
    from .i18n import text as words
    from .lexicon import Lexicon
    from .tables import Cell, Table, render
    from .tagger import tag
    from .thesaurus import load_thesaurus_file

    if text == "-":
        data = sys.stdin.buffer.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(f"not UTF-8 text (byte {error.start})", path="<stdin>") from None
    hits = tag(text, Lexicon.compile(load_thesaurus_file()), app.lang)
    rows: list[tuple[Cell, ...]] = [(hit.theme, hit.label, hit.matched, hit.start, hit.end) for hit in hits]
    if fmt == "json":
        click.echo(render(Table(("theme", "label", "matched", "start", "end"), rows), "json"), nl=False)
        return
    headers = tuple(words(key, app.lang) for key in ("theme", "label", "matched", "start", "end", "via"))
    table = Table(headers, [(*row, hit.via) for row, hit in zip(rows, hits, strict=True)])
    click.echo(render(table, "table"), nl=False)


def main() -> None:
    cli(prog_name="strategygraph")
