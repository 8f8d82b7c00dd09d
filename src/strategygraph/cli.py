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


RESULT_FORMATS = ("table", "csv", "tsv", "json", "md")


@cli.command("queries")
@format_option(*RESULT_FORMATS)
@pass_app
def queries_command(app: AppContext, fmt: str) -> None:
    """List the query catalogue: name, title and parameters.

    \b
    Example:
        strategygraph --lang en queries
    """
    from .i18n import text
    from .queries import catalogue
    from .tables import Table, render

    rows: list[tuple[str | int | float | None, ...]] = [
        (query.name, query.title(app.lang), "; ".join(p.signature() for p in query.parameters)) for query in catalogue()
    ]
    headers = (text("query_name", app.lang), text("query_title", app.lang), text("query_parameters", app.lang))
    click.echo(render(Table(headers, rows, keys=("name", "title", "parameters")), fmt), nl=False)


@cli.command("query")
@click.argument("name")
@click.option(
    "-p",
    "--param",
    "params",
    type=(str, str),
    multiple=True,
    metavar="NAME VALUE",
    help="A parameter value (repeatable); bound as an RDF term, never pasted into the query.",
)
@format_option(*RESULT_FORMATS)
@click.option("--endpoint", default=None, metavar="URL", help="Run on this SPARQL 1.1 query endpoint instead.")
@click.option(
    "--graph",
    "graphs",
    multiple=True,
    metavar="IRI",
    help="With --endpoint: query this named graph as the default graph (default-graph-uri; repeatable).",
)
@click.option(
    "--lang",
    "query_lang",
    type=click.Choice(["da", "en"]),
    default=None,
    help="Language of labels (default: the global --lang).",
)
@pass_app
def query_command(
    app: AppContext,
    name: str,
    params: tuple[tuple[str, str], ...],
    fmt: str,
    endpoint: str | None,
    graphs: tuple[str, ...],
    query_lang: str | None,
) -> None:
    """Run a catalogue query by NAME, or your own SELECT/ASK query file (FILE.rq).

    --format json is the W3C SPARQL 1.1 Query Results JSON format. Queries that show labels take a
    lang parameter, filled from the global --lang unless given with -p.

    \b
    Examples:
        strategygraph query focus-areas-by-committee --format csv
        strategygraph query committee-themes -p committee laering
        strategygraph query my-question.rq -p theme theme:faellesskaber
        strategygraph query committees --endpoint http://localhost:7878/query \\
            --graph https://w3id.org/strategygraph/graph
    """
    from .errors import StrategyGraphError
    from .queries import find_query, run_query
    from .query_results import render_result

    arguments: dict[str, str] = {}
    for key, value in params:
        if key in arguments:
            raise StrategyGraphError(f"parameter {key!r} is given twice")
        arguments[key] = value
    query = find_query(name)
    if query.parameter("lang") is not None:
        arguments.setdefault("lang", query_lang or app.lang)
    store: GraphStore
    if endpoint is not None:
        from .remote import SparqlEndpoint

        store = SparqlEndpoint(endpoint, graphs)
    elif graphs:
        raise StrategyGraphError("--graph needs --endpoint")
    else:
        store = app.store()
    click.echo(render_result(run_query(store, query, arguments), fmt, query.form), nl=False)


@cli.command()
@click.option("--endpoint", required=True, metavar="URL", help="SPARQL 1.1 Graph Store Protocol endpoint URL.")
@click.option(
    "--graph", default=None, metavar="IRI", help="Named graph to replace.  [default: the strategygraph graph]"
)
@pass_app
def publish(app: AppContext, endpoint: str, graph: str | None) -> None:
    """Upload the built graph to a triple store, replacing one named graph (SPARQL 1.1 Graph Store Protocol).

    Reports the graph's triple count before and after.

    \b
    Example:
        strategygraph publish --endpoint http://localhost:7878/store
    """
    from .i18n import text
    from .remote import DEFAULT_GRAPH, publish_graph

    report = publish_graph(app.store(), endpoint, graph or DEFAULT_GRAPH)
    click.echo(
        text("published", app.lang).format(
            graph=f"<{report.graph}>", url=report.store_url, before=report.before, after=report.after, sent=report.sent
        )
    )


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free).")
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a query may run before it is stopped.",
)
@pass_app
def serve(app: AppContext, host: str, port: int, timeout: float) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 Protocol endpoint (the Oxigraph server).

    Updates are refused; a query running longer than --timeout is stopped. The server also serves
    the YASGUI query editor from its own files, so it works offline in a browser.

    \b
    Example:
        strategygraph serve --port 7878
    """
    import contextlib
    import signal
    import threading

    from .endpoint import running_endpoint
    from .i18n import text
    from .serialization import serialize_graph

    ntriples = serialize_graph(app.store(), "nt")
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    with running_endpoint(ntriples, host, port, timeout) as endpoint:
        message = text("serving", app.lang)
        click.echo(message.format(query_url=endpoint.query_url, base_url=endpoint.base_url, timeout=timeout))
        with contextlib.suppress(KeyboardInterrupt):
            stopped.wait()


def main() -> None:
    cli(prog_name="strategygraph")
