"""Commands for SPARQL: the query catalogue, a query, publishing to a triple store, serving an endpoint."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import click

from ..errors import OptionsError
from ..i18n import Lang, as_lang
from ..tables import RESULT_FORMATS
from ._app import AppContext, format_option, pass_app, terminal_width
from ._help import TranslatedCommand

if TYPE_CHECKING:
    from ..catalogue.queries import NamedQuery
    from ..stores.base import GraphStore
    from ..stores.relay import FrontPage

_ENDPOINT_TIMEOUT = 30.0  # seconds for a remote service to connect and for each part of its answer
_LOCAL_TIMEOUT = 300.0  # seconds a query may run on the local graph (the slowest catalogue query at 1 M: ~4 s)


@click.command("queries", cls=TranslatedCommand)
@format_option(*RESULT_FORMATS)
@pass_app
def queries_command(app: AppContext, fmt: str) -> None:
    from ..catalogue.queries import catalogue
    from ..i18n import text
    from ..tables import Table, render

    rows: list[tuple[str | int | float | None, ...]] = [
        (query.name, query.title(app.lang), "; ".join(p.signature(app.lang) for p in query.parameters))
        for query in catalogue()
    ]
    headers = (text("query_name", app.lang), text("query_title", app.lang), text("query_parameters", app.lang))
    table = Table(headers, rows, keys=("name", "title", "parameters"))
    click.echo(render(table, fmt, width=terminal_width()), nl=False)


class _QueryCommand(TranslatedCommand):
    """``query``, where ``-p name=value`` is accepted beside ``-p name value`` (a parameter name never holds '=')."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rewritten: list[str] = []
        expect_parameter = False
        for arg in args:
            if expect_parameter and "=" in arg:
                rewritten.extend(arg.split("=", 1))
            else:
                rewritten.append(arg)
            expect_parameter = arg in ("-p", "--param")
        return super().parse_args(ctx, rewritten)


@click.command("query", cls=_QueryCommand)
@click.argument("name")
@click.option(
    "-p",
    "--param",
    "params",
    type=(str, str),
    multiple=True,
    metavar="NAME VALUE",
)
@format_option(*RESULT_FORMATS)
@click.option("--endpoint", default=None, metavar="URL")
@click.option(
    "--graph",
    "graphs",
    multiple=True,
    metavar="IRI",
)
@click.option(
    "--timeout",
    default=None,
    type=click.FloatRange(min=0.1),
    metavar="SECONDS",
)
@click.option(
    "--allow-federation",
    is_flag=True,
)
@click.option(
    "--lang",
    "query_lang",
    type=click.Choice(["da", "en"]),
    default=None,
)
@pass_app
def query_command(
    app: AppContext,
    name: str,
    params: tuple[tuple[str, str], ...],
    fmt: str,
    endpoint: str | None,
    graphs: tuple[str, ...],
    timeout: float | None,
    allow_federation: bool,
    query_lang: str | None,
) -> None:
    from ..catalogue.queries import find_query, run_query
    from ..catalogue.results import render_result
    from ..errors import StrategyGraphError

    arguments: dict[str, str] = {}
    for key, value in params:
        if key in arguments:
            raise StrategyGraphError("error_parameter_given_twice", name=key)
        arguments[key] = value
    query = find_query(name)
    if query.parameter("lang") is not None:
        arguments.setdefault("lang", query_lang or app.lang)
    if endpoint is None and not allow_federation:
        _refuse_federation(query)
    store = _query_store(app, endpoint, graphs, timeout or _ENDPOINT_TIMEOUT)
    titles = query.column_titles(as_lang(query_lang) if query_lang else app.lang)
    limit = None if endpoint is not None else timeout or _LOCAL_TIMEOUT
    result = run_query(store, query, arguments, limit)
    click.echo(render_result(result, fmt, query.form, titles, terminal_width()), nl=False)


def _refuse_federation(query: NamedQuery) -> None:
    """A query with SERVICE would fetch from the hosts it names; on the local graph only when asked for."""
    from ..errors import StrategyGraphError
    from ..stores.sparql_text import uses_service

    if uses_service(query.text):
        raise StrategyGraphError("error_federation_refused", query=query.name)


def _query_store(app: AppContext, endpoint: str | None, graphs: tuple[str, ...], timeout: float) -> GraphStore:
    if endpoint is not None:
        from ..stores.remote import DEFAULT_GRAPH, SparqlEndpoint

        named = tuple(graph for graph in graphs if graph) if graphs else (DEFAULT_GRAPH,)
        return SparqlEndpoint(endpoint, named, timeout, app.credentials())
    if graphs:
        raise OptionsError("error_graph_needs_endpoint")
    return app.store()


@click.command(cls=TranslatedCommand)
@click.option("--endpoint", required=True, metavar="URL")
@click.option("--graph", default=None, metavar="IRI")
@click.option(
    "--timeout",
    default=_ENDPOINT_TIMEOUT,
    show_default=True,
    type=click.FloatRange(min=0.1),
    metavar="SECONDS",
)
@pass_app
def publish(app: AppContext, endpoint: str, graph: str | None, timeout: float) -> None:
    from ..i18n import text
    from ..stores.remote import DEFAULT_GRAPH, publish_graph

    report = publish_graph(app.store(), endpoint, graph or DEFAULT_GRAPH, timeout, app.credentials())
    click.echo(
        text("published", app.lang).format(
            graph=f"<{report.graph}>", url=report.store_url, before=report.before, after=report.after, sent=report.sent
        )
    )
    if report.after < report.sent:
        click.echo(text("published_count_cut", app.lang).format(after=report.after, sent=report.sent), err=True)


@click.command(cls=TranslatedCommand)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
)
@click.option(
    "--allow-federation",
    is_flag=True,
)
@pass_app
def serve(app: AppContext, host: str, port: int, timeout: float, allow_federation: bool) -> None:
    import contextlib
    import signal
    import threading

    from ..i18n import text
    from ..stores.endpoint import running_endpoint
    from ..stores.serialization import serialize_graph

    store = app.store()
    ntriples = serialize_graph(store, "nt")
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    with running_endpoint(ntriples, host, port, timeout, allow_federation, _front_page(store, app.lang)) as endpoint:
        message = text("serving", app.lang)
        click.echo(message.format(query_url=endpoint.query_url, base_url=endpoint.base_url, timeout=timeout))
        if allow_federation:
            click.echo(text("serving_federation", app.lang))
        with contextlib.suppress(KeyboardInterrupt):
            stopped.wait()


def _front_page(store: GraphStore, lang: Lang) -> FrontPage:
    """The editor page at the endpoint's ``/``: the catalogue with choices from ``store``, which also resolves
    the names given as parameters (one request at a time: the store is not made for concurrent readers)."""
    import threading

    from ..catalogue.queries import catalogue
    from ..catalogue.query_page import compose_query, entity_choices, query_page
    from ..stores.relay import FrontPage

    page = query_page(catalogue(), entity_choices(store, lang), lang)
    lock = threading.Lock()

    def compose(name: str, arguments: Mapping[str, str]) -> str:
        with lock:
            return compose_query(store, name, arguments)

    return FrontPage(page.html, page.policy, compose)


COMMANDS = (queries_command, query_command, publish, serve)
