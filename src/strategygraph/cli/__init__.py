"""The `strategygraph` command: parse options, call the library, print or write, choose exit codes.

This is the only package that imports click, touches the file system layout and picks exit codes.
Library modules are imported inside the commands so that `--help` stays fast. One module per group of
commands; ``_app`` holds what they share and ``_output`` how they write files. Every command is a
``TranslatedCommand`` (``_help``): its help texts are keys of messages.toml, not docstrings or ``help=``.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import as_lang
from . import analysis_commands, file_commands, graph_commands, query_commands
from ._app import AppContext, ReportingGroup


@click.group("strategygraph", cls=ReportingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data",
    "data_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
)
@click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True)
@click.option(
    "--store",
    "store_kind",
    default="auto",
    show_default=True,
    metavar="auto|memory|oxigraph|PATH|URL",
)
@click.option(
    "--store-graph",
    "store_graph",
    default=None,
    metavar="IRI",
)
@click.option(
    "--user",
    default=None,
    metavar="NAME",
)
@click.option(
    "--seminar",
    "seminar",
    default=None,
    metavar="ID",
)
@click.option("--debug", is_flag=True)
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
