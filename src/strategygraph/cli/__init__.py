"""The `strategygraph` command: parse options, call the library, print or write, choose exit codes.

This is the only package that imports click, touches the file system layout and picks exit codes.
Library modules are imported inside the commands so that `--help` stays fast. One module per group of
commands; ``_app`` holds what they share and ``_output`` how they write files.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import as_lang
from . import analysis_commands, file_commands, graph_commands, query_commands
from ._app import AppContext, ReportingGroup


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
    default="auto",
    show_default=True,
    metavar="auto|memory|oxigraph|PATH|URL",
    help="Graph store: rdflib in memory, Oxigraph in memory, a PATH (a folder: an on-disk store built once from "
    "the data, then reused until a file changes), auto (rdflib under 250 kB of Turtle, else an on-disk store "
    "in the user's cache folder), or the URL of a SPARQL 1.1 query service holding the graph `publish` put there "
    "(http:// or https://; --data is then not read).",
)
@click.option(
    "--store-graph",
    "store_graph",
    default=None,
    metavar="IRI",
    help="With --store URL: the named graph to read (default: the graph `publish` writes, "
    "https://w3id.org/strategygraph/graph; '' for the service's own default graph).",
)
@click.option(
    "--user",
    default=None,
    metavar="NAME",
    help="User name for a service that asks for a login (HTTP basic or digest: --store URL, publish, "
    "query --endpoint); the password is read from $STRATEGYGRAPH_PASSWORD.",
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
@click.option("--debug", is_flag=True, help="Show the full traceback of an error (for reporting a bug).")
@click.version_option(package_name="strategygraph")
@click.pass_context
def cli(
    ctx: click.Context,
    data_dirs: tuple[Path, ...],
    lang: str,
    store_kind: str,
    store_graph: str | None,
    user: str | None,
    seminar: str | None,
    debug: bool,
) -> None:
    """strategygraph: a knowledge graph of a municipality's strategy.

    Committees, focus areas, statements and group reflections as RDF, with every sentence traceable
    to its source. Runs on the bundled Hedensted Kommune data unless --data names other folders (data
    folders, or folders of them); --seminar picks one seminar when they hold several.
    """
    ctx.obj = AppContext(
        data_dirs=data_dirs,
        lang=as_lang(lang),
        store_kind=store_kind,
        seminar=seminar,
        store_graph=store_graph,
        user=user,
    )


for _module in (graph_commands, query_commands, analysis_commands, file_commands):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    cli(prog_name="strategygraph")
