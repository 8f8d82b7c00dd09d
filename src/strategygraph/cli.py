"""The `strategygraph` command: parse options, call the library, print or write, choose exit codes.

This is the only module that imports click, touches the file system layout and picks exit codes.
Library modules are imported inside the commands so that `--help` stays fast.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .exports import EXPORT_FORMATS

if TYPE_CHECKING:
    from .analysis import Analysis
    from .corpus import Corpus
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
    seminar: str | None = None
    _store: GraphStore | None = field(default=None, repr=False)
    _full_store: GraphStore | None = field(default=None, repr=False)
    _corpus: Corpus | None = field(default=None, repr=False)

    def sources(self) -> DataSources:
        from .loading import DataSources

        return DataSources.bundled(self.data_dirs)

    def full_store(self) -> GraphStore:
        """The whole graph, before --seminar scoping (for commands that pick seminars themselves)."""
        if self._full_store is None:
            from .loading import load_graph

            self._full_store = load_graph(self.sources(), self.store_kind)
        return self._full_store

    def store(self) -> GraphStore:
        """The graph commands work on: the whole graph, or with --seminar only that seminar's part of it."""
        if self._store is None:
            if self.seminar is None:
                self._store = self.full_store()
            else:
                from .seminars import scope_to_seminar

                self._store = scope_to_seminar(self.full_store(), self.seminar)
        return self._store

    def corpus(self) -> Corpus:
        if self._corpus is None:
            from .corpus import read_corpus

            self._corpus = read_corpus(self.store())
        return self._corpus

    def analysis(self, mode: str, min_shared: int = 1, min_weight: float | None = None) -> Analysis:
        from .analysis import analyse

        return analyse(self.corpus(), mode, min_shared, min_weight)


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


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def check_output_folder(out: Path, *, force: bool = False) -> None:
    """Fail early, before any work, when ``out`` cannot become the output folder."""
    from .errors import InputError

    if out.exists() and not out.is_dir():
        raise InputError("exists and is not a folder", path=out)
    if out.is_dir() and any(out.iterdir()) and not force:
        raise InputError("folder exists and is not empty (use --force to replace it)", path=out)
    if not out.parent.is_dir():
        raise InputError("output folder's parent does not exist", path=out.parent)


def replace_folder_atomically(
    out: Path, files: Mapping[str, bytes], check: Callable[[Path], None], *, force: bool = False
) -> None:
    """Write ``files`` (by relative path) into a new folder next to ``out``, ``check`` it, then rename it to ``out``.

    A non-empty ``out`` is replaced only with ``force``. On any error, ``out`` is left exactly as it was and
    the temporary folder is removed.
    """
    check_output_folder(out, force=force)

    def sibling(kind: str) -> Path:
        return out.parent / f".{out.name}.{secrets.token_hex(4)}.{kind}"

    temporary = sibling("tmp")
    temporary.mkdir()
    try:
        for relative, data in sorted(files.items()):
            _write_file(temporary / relative, data)
        check(temporary)
        if not out.exists():
            temporary.rename(out)
            return
        previous = sibling("old")
        out.rename(previous)
        try:
            temporary.rename(out)
        except BaseException:
            previous.rename(out)
            raise
        shutil.rmtree(previous)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
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


def evidence_option(function: F) -> F:
    return click.option(
        "--evidence",
        "mode",
        type=click.Choice(["statements", "reflections", "all"]),
        default="statements",
        show_default=True,
        help="What counts as evidence for a committee's theme: its focus areas' statements; the group "
        "reflections on its slides (shared by every committee on the slide); or both.",
    )(function)


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
    type=click.Choice(["auto", "memory", "oxigraph"]),
    default="auto",
    show_default=True,
    help="Graph store: rdflib in memory, Oxigraph, or auto (Oxigraph from 250 kB of Turtle on).",
)
@click.option(
    "--seminar",
    "seminar",
    default=None,
    metavar="ID",
    help=(
        "Scope every command to one seminar: <municipality-slug>/<seminar-slug>, the seminar slug alone, "
        "or the municipality slug alone if it has one seminar."
    ),
)
@click.version_option(package_name="strategygraph")
@click.pass_context
def cli(ctx: click.Context, data_dirs: tuple[Path, ...], lang: str, store_kind: str, seminar: str | None) -> None:
    """strategygraph: a knowledge graph of a municipality's strategy.

    Committees, focus areas, statements and group reflections as RDF, with every sentence traceable
    to its source. Runs on the bundled Hedensted Kommune data unless --data names other folders (data
    folders, or folders of them); --seminar picks one seminar when they hold several.
    """
    ctx.obj = AppContext(data_dirs=data_dirs, lang=lang, store_kind=store_kind, seminar=seminar)


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
    key = "violations_one" if len(violations) == 1 else "violations"
    click.echo(text(key, app.lang).format(count=len(violations)), err=True)
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

    TEXT is always the text itself: to tag a file's contents, write `strategygraph tag - < FILE` (a TEXT
    that names an existing file is tagged as written, with a note on stderr). Loads only the bundled
    thesaurus (ontology/themes.ttl), not the data.

    \b
    Examples:
        strategygraph tag "Vi skal styrke børnefællesskaberne og forældrenes engagement"
        echo "Flere ældre og færre hænder" | strategygraph tag - --format json
        strategygraph tag - < referat.txt
    """
    import shlex

    from .i18n import text as words
    from .lexicon import Lexicon
    from .tables import Cell, Table, render
    from .tagger import tag
    from .text_files import decode_utf8
    from .thesaurus import load_thesaurus_file

    if text == "-":
        text = decode_utf8(sys.stdin.buffer.read(), "<stdin>")
    elif _names_a_file(text):
        click.echo(words("tag_text_is_a_file", app.lang).format(text=text, quoted=shlex.quote(text)), err=True)
    hits = tag(text, Lexicon.compile(load_thesaurus_file()), app.lang)
    rows: list[tuple[Cell, ...]] = [(hit.theme, hit.label, hit.matched, hit.start, hit.end) for hit in hits]
    if fmt == "json":
        click.echo(render(Table(("theme", "label", "matched", "start", "end"), rows), "json"), nl=False)
        return
    headers = tuple(words(key, app.lang) for key in ("theme", "label", "matched", "start", "end", "via"))
    table = Table(headers, [(*row, hit.via) for row, hit in zip(rows, hits, strict=True)])
    click.echo(render(table, "table"), nl=False)


def _names_a_file(text: str) -> bool:
    """Whether ``text`` is the path of an existing file (a text too long or odd for a path is not)."""
    try:
        return "\n" not in text and Path(text).is_file()
    except (OSError, ValueError):
        return False


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
    titles = query.column_titles(query_lang or app.lang)
    click.echo(render_result(run_query(store, query, arguments), fmt, query.form, titles), nl=False)


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


@cli.command()
@format_option("table", "csv", "json")
@evidence_option
@click.option(
    "--min-shared",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only pairs sharing at least this many themes.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="Only the strongest N pairs (0: all of them).",
)
@click.option(
    "--municipality",
    metavar="SLUG",
    default=None,
    help="Only pairs of committees of this municipality (a graph of several municipalities).",
)
@pass_app
def overlaps(app: AppContext, fmt: str, mode: str, min_shared: int, top: int, municipality: str | None) -> None:
    """Committee pairs that share themes: weight, shared themes and the quotes on both sides.

    The weight (0–1) counts each shared theme as 1/(k−1), k = the number of committees carrying it, and
    divides by √(|themes of A| · |themes of B|): themes almost everyone carries add little. The strongest
    50 pairs by default; when pairs are left out, stderr says how many.

    \b
    Example:
        strategygraph overlaps --format json --min-shared 2
        strategygraph --data national/ overlaps --municipality aarhus --top 0 --format csv
    """
    import json

    from .analysis.presentation import overlaps_csv_table, overlaps_json, overlaps_table, select_overlaps
    from .i18n import format_count, text
    from .tables import render

    analysis = app.analysis(mode, min_shared)
    pairs, available = select_overlaps(analysis, top, municipality)
    if fmt == "json":
        click.echo(json.dumps(overlaps_json(analysis, app.lang, pairs), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(render(overlaps_csv_table(analysis, app.lang, pairs), "csv"), nl=False)
    else:
        click.echo(render(overlaps_table(analysis, app.lang, pairs), "table", app.lang), nl=False)
    if len(pairs) < available:
        note = text("overlaps_top_note", app.lang)
        click.echo(note.format(shown=len(pairs), total=format_count(available, app.lang)), err=True)


@cli.command()
@format_option("table", "csv", "json")
@evidence_option
@pass_app
def themes(app: AppContext, fmt: str, mode: str) -> None:
    """Theme reach: committees and slides carrying each theme, how cross-cutting it is, its pillars.

    \b
    Example:
        strategygraph --lang en themes
    """
    import json

    from .analysis.presentation import reach_json, reach_table
    from .tables import render

    analysis = app.analysis(mode)
    if fmt == "json":
        click.echo(json.dumps(reach_json(analysis, app.lang), ensure_ascii=False, indent=2))
    else:
        click.echo(render(reach_table(analysis, app.lang), fmt, app.lang), nl=False)


@cli.command()
@format_option("table", "json")
@evidence_option
@click.option(
    "--min-weight",
    type=click.FloatRange(0, 1),
    default=None,
    help="Overlap weight a candidate pair needs (default: the median of all overlapping pairs).",
)
@pass_app
def gaps(app: AppContext, fmt: str, mode: str, min_weight: float | None) -> None:
    """Gaps and candidates: themes the groups raised that no focus area owns, and strongly overlapping
    committees that never mention each other's remit.

    \b
    Example:
        strategygraph gaps --format json
    """
    import json

    from .analysis.presentation import candidates_table, gaps_json, gaps_table
    from .i18n import text
    from .tables import render

    analysis = app.analysis(mode, min_weight=min_weight)
    if fmt == "json":
        click.echo(json.dumps(gaps_json(analysis, app.lang), ensure_ascii=False, indent=2))
        return
    for heading, table in (
        ("gaps_heading", gaps_table(analysis, app.lang)),
        ("candidates_heading", candidates_table(analysis, app.lang)),
    ):
        click.echo(text(heading, app.lang))
        click.echo(render(table, "table", app.lang) if table.rows else text("none", app.lang) + "\n")


@cli.command()
@format_option("table", "json")
@evidence_option
@pass_app
def structure(app: AppContext, fmt: str, mode: str) -> None:
    """Communities of committees and of focus areas (Louvain, fixed seed) and broker committees.

    \b
    Example:
        strategygraph structure --format json
    """
    import json

    from .analysis.presentation import brokers_table, communities_table, structure_json
    from .i18n import text
    from .tables import render

    analysis = app.analysis(mode)
    if fmt == "json":
        click.echo(json.dumps(structure_json(analysis, app.lang), ensure_ascii=False, indent=2))
        return
    click.echo(text("communities_heading", app.lang))
    click.echo(render(communities_table(analysis, app.lang), "table", app.lang))
    click.echo(text("brokers_heading", app.lang))
    click.echo(render(brokers_table(analysis, app.lang), "table", app.lang), nl=False)


@cli.command()
@click.argument("seminar_a", metavar="SEMINAR_A")
@click.argument("seminar_b", metavar="SEMINAR_B")
@format_option("table", "json", "md")
@evidence_option
@pass_app
def compare(app: AppContext, seminar_a: str, seminar_b: str, fmt: str, mode: str) -> None:
    """Compare two seminars of the graph: themes gained and lost (overall and per committee), new and
    dropped focus areas, and how the committee overlaps changed.

    SEMINAR_A and SEMINAR_B are seminar IDs as for --seminar; gained means in B and not in A. Each seminar
    is analysed on its own, as --seminar scopes it. Committees are matched when they are the same
    committee or their names agree after a fixed normalisation (README); the rest are listed as having
    no counterpart. --format md writes a Markdown section for a report.

    \b
    Example:
        strategygraph --data data/ compare fiktivt-eksempel-tvaergaaende-fokusomraader \\
            hedensted/tvaergaaende-fokusomraader
        strategygraph --data data/ --lang en compare hedensted/tvaergaaende-fokusomraader \\
            fjordlund/fiktivt-eksempel-tvaergaaende-fokusomraader --format json
    """
    import json

    from .comparison import compare_seminars
    from .comparison.presentation import (
        comparison_json,
        comparison_markdown,
        comparison_paragraphs,
        comparison_tables,
        comparison_title,
    )
    from .i18n import text
    from .tables import render

    if app.seminar is not None:
        raise click.UsageError("compare names its two seminars itself; leave out the global --seminar")
    comparison = compare_seminars(app.store(), seminar_a, seminar_b, mode)
    if fmt == "json":
        click.echo(json.dumps(comparison_json(comparison, app.lang), ensure_ascii=False, indent=2))
        return
    if fmt == "md":
        click.echo(comparison_markdown(comparison, app.lang), nl=False)
        return
    click.echo(comparison_title(comparison, app.lang))
    for paragraph in comparison_paragraphs(comparison, app.lang):
        click.echo(paragraph)
    for caption, table in comparison_tables(comparison, app.lang):
        click.echo("\n" + caption)
        click.echo(render(table, "table", app.lang) if table.rows else text("none", app.lang) + "\n", nl=False)


@cli.command("import")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
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
    from .errors import InputError, StrategyGraphError
    from .i18n import text
    from .importing import check_data_folder, import_seminar
    from .spreadsheet_format import SeminarMetadata
    from .tables import Table, render_text

    try:
        data = source.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=source) from None
    imported = import_seminar(data, str(source), SeminarMetadata(municipality, title, date, seminar_id))

    def check(folder: Path) -> None:
        violations = check_data_folder(folder, app.lang)
        if violations:
            raise StrategyGraphError(
                f"{source}: the imported data does not validate ({len(violations)}); first: {violations[0].line()}"
            )

    replace_folder_atomically(out, imported.files, check, force=force)
    counts = imported.outline.counts()
    table = Table(
        (text("what", app.lang), text("count", app.lang)), [(text(k, app.lang), v) for k, v in counts.items()]
    )
    click.echo(render_text(table), nl=False)
    click.echo(text("imported", app.lang).format(folder=out, seminar=imported.seminar_id), err=True)


def quiet_option(function: F) -> F:
    return click.option("--quiet", "-q", is_flag=True, help="Print no progress on stderr.")(function)


@cli.command()
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
    help="For --format csv: the table (committees, focus_areas, statements, reflections, theme_mentions, "
    "overlaps, theme_reach).",
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
        ttl      the whole RDF graph as Turtle
        jsonld   the whole RDF graph as JSON-LD
        csv      one data table (--table NAME); headers are stable column keys
        xlsx     every data table in one workbook, a sheet per table
    Labels follow --lang; network weights and tables follow --evidence.

    \b
    Example:
        strategygraph export --format md --out hedensted.md
        strategygraph --data data/ export --format md --seminar hedensted/tvaergaaende-fokusomraader --out h.md
        strategygraph --lang en export --format gexf --out hedensted.gexf
        strategygraph export --format csv --table overlaps --out overlaps.csv
    """
    from .exports import ExportRequest, export_graph

    if seminar is not None:
        if app.seminar not in (None, seminar):
            raise click.UsageError(f"--seminar {seminar} differs from the global --seminar {app.seminar}")
        app.seminar = seminar
    if table is not None and fmt != "csv":
        raise click.UsageError("--table goes with --format csv")
    request = ExportRequest(app.store(), app.lang, mode, table)
    write_atomically(out, export_graph(request, fmt))
    if not quiet:
        click.echo(f"{out}: {fmt}", err=True)


@cli.command()
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
@quiet_option
@pass_app
def report(app: AppContext, out: Path, mode: str, force: bool, compare_with: str | None, quiet: bool) -> None:
    """Write the report bundle for planners into a new folder.

    index.html (self-contained and printable), report.md, tables/*.csv and strategygraph.xlsx,
    graph.graphml and graph.gexf (Gephi, Cytoscape), graph.ttl and graph.jsonld (the RDF graph), and
    the interactive views under views/. The folder is built beside --out and renamed into place: a
    failed run leaves nothing behind. Labels follow --lang.

    \b
    Example:
        strategygraph report --out report
        strategygraph --lang en report --out report-en --evidence all --force
        strategygraph --data data/ --seminar hedensted/tvaergaaende-fokusomraader report --out report \\
            --compare fjordlund/fiktivt-eksempel-tvaergaaende-fokusomraader
    """
    from .i18n import text
    from .report import report_files

    def progress(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    check_output_folder(out, force=force)
    comparison = None
    if compare_with is not None:
        from .comparison import compare_seminars

        if app.seminar is None:
            raise click.UsageError("report --compare needs the global --seminar: the seminar the report is about")
        comparison = compare_seminars(app.full_store(), compare_with, app.seminar, mode)
    analysis = app.analysis(mode)
    files = report_files(app.store(), analysis, app.lang, progress=progress, comparison=comparison)
    replace_folder_atomically(out, files, _check_bundle, force=force)
    progress(text("report_written", app.lang).format(folder=out, files=len(files)))


def _check_bundle(folder: Path) -> None:
    from .errors import StrategyGraphError

    missing = [name for name in ("index.html", "report.md") if not (folder / name).is_file()]
    if missing:
        raise StrategyGraphError(f"{folder}: the report bundle is incomplete (missing {', '.join(missing)})")


@cli.command()
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
    from .views import DEFAULT_TOP, build_view, render_html

    graph = build_view(app.analysis(mode), name, app.lang, DEFAULT_TOP if top is None else top)
    write_atomically(out, render_html(graph))
    click.echo(f"{out}: {graph.name}, {len(graph.nodes)} nodes, {len(graph.edges)} edges", err=True)


def main() -> None:
    cli(prog_name="strategygraph")
