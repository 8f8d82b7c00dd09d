"""What every command shares: the loaded graph (once per invocation), the shared options, the error boundary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from ..errors import OptionsError
from ..i18n import Lang, Phrase, as_lang, text
from ._help import TranslatedGroup, remember_language
from ._usage import in_language_of, lang_of_arguments

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..corpus import Corpus
    from ..loading import DataSources
    from ..stores.base import GraphStore
    from ..stores.http_client import Credentials

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2
F = TypeVar("F", bound=Callable[..., Any])


class UserError(click.ClickException):
    """A StrategyGraphError shown to the user: one line ``Fejl: …`` (``Error: …``) on stderr, exit code 2."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, lang: Lang) -> None:
        super().__init__(message)
        self.lang = lang

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"{text('error_label', self.lang)}: {self.format_message()}", err=file is None, file=file)


class ReportingGroup(TranslatedGroup):
    """The one error path: every failure becomes one line on stderr and exit code 2, in the language of
    ``--lang``; only ``--debug`` shows a traceback. Library errors carry their own message; file-system errors
    name the file; anything unexpected says what it was and how to see more. click's own usage errors (a
    missing argument, an unknown option or command) are told in Danish too (see ``_usage``), and so is
    ``--help`` (see ``_help``)."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        given = list(args)  # click's parser consumes ``args``
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise in_language_of(error, self._lang_of(given)) from error

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        remember_language(ctx, self._lang_of(args))  # before click parses: ``--help`` does not wait for ``--lang``
        return super().parse_args(ctx, args)

    def _lang_of(self, args: list[str]) -> Lang:
        valued = {
            name
            for param in self.params
            if isinstance(param, click.Option) and not param.is_flag
            for name in param.opts
        }
        return lang_of_arguments(args, valued)

    def invoke(self, ctx: click.Context) -> Any:
        from ..errors import StrategyGraphError

        lang = as_lang(str(ctx.params.get("lang", "da")))
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise in_language_of(error, lang) from error
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:
            if ctx.params.get("debug"):
                raise
            if isinstance(error, StrategyGraphError):
                raise UserError(error.render(lang), lang) from error
            raise UserError(_one_line(error).render(lang), lang) from error


def _one_line(error: BaseException) -> Phrase:
    if isinstance(error, OSError):
        if error.filename:
            return Phrase("error_os_error_at", {"path": error.filename, "cause": error})
        return Phrase("error_os_error", {"cause": error})
    if isinstance(error, MemoryError):
        return Phrase("error_out_of_memory")
    first = (str(error).strip().splitlines() or [""])[0][:300]
    return Phrase("error_unexpected", {"kind": type(error).__name__, "detail": first})


@dataclass
class AppContext:
    """Global options, and the graph loaded once per invocation."""

    data_dirs: tuple[Path, ...]
    lang: Lang
    store_kind: str
    seminar: str | None = None
    store_graph: str | None = None
    user: str | None = None
    _store: GraphStore | None = field(default=None, repr=False)
    _full_store: GraphStore | None = field(default=None, repr=False)
    _corpus: Corpus | None = field(default=None, repr=False)

    def sources(self) -> DataSources:
        from ..loading import DataSources

        return DataSources.bundled(self.data_dirs)

    def input_paths(self) -> tuple[Path, ...]:
        """What the commands read and an output may never touch: the data folders (the bundled data without
        --data) and the bundled ontology and queries."""
        from ..resources import bundle

        resources = bundle()
        data = self.data_dirs or (resources.data_dir,)
        return (*data, resources.ontology_dir, resources.queries_dir)

    def full_store(self) -> GraphStore:
        """The whole graph, before --seminar scoping (for commands that pick seminars themselves)."""
        if self._full_store is None:
            from ..stores.opening import is_service_url

            if is_service_url(self.store_kind):
                self._full_store = self._service_store()
            else:
                from ..loading import load_graph

                if self.store_graph is not None:
                    raise OptionsError("error_store_graph_needs_url")
                self._full_store = load_graph(self.sources(), self.store_kind)
        return self._full_store

    def _service_store(self) -> GraphStore:
        from ..stores.remote import DEFAULT_GRAPH, SparqlEndpoint

        if self.data_dirs:
            raise OptionsError("error_data_with_store_url")
        graph = DEFAULT_GRAPH if self.store_graph is None else self.store_graph
        return SparqlEndpoint(self.store_kind, (graph,) if graph else (), credentials=self.credentials())

    def credentials(self) -> Credentials | None:
        """--user with the password from $STRATEGYGRAPH_PASSWORD (never an option: it would show in the process
        list and the shell's history)."""
        if self.user is None:
            return None
        import os

        from ..stores.http_client import PASSWORD_VARIABLE, Credentials

        password = os.environ.get(PASSWORD_VARIABLE)
        if password is None:
            raise OptionsError("error_user_needs_password", user=self.user, variable=PASSWORD_VARIABLE)
        return Credentials(self.user, password)

    def store(self) -> GraphStore:
        """The graph commands work on: the whole graph, or with --seminar only that seminar's part of it."""
        if self._store is None:
            if self.seminar is None:
                self._store = self.full_store()
            else:
                from ..seminars import scope_to_seminar

                self._store = scope_to_seminar(self.full_store(), self.seminar)
        return self._store

    def corpus(self) -> Corpus:
        if self._corpus is None:
            from ..corpus import read_corpus

            self._corpus = read_corpus(self.store())
        return self._corpus

    def analysis(self, mode: str, min_shared: int = 1, min_weight: float | None = None) -> Analysis:
        from ..analysis import analyse

        return analyse(self.corpus(), mode, min_shared, min_weight)


pass_app = click.make_pass_decorator(AppContext)


def echo_json(value: object) -> None:
    """Print ``value`` as the commands' JSON: UTF-8 text as it is, indented two spaces."""
    import json

    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
    )


def evidence_option(function: F) -> F:
    return click.option(
        "--evidence",
        "mode",
        type=click.Choice(["statements", "reflections", "all"]),
        default="statements",
        show_default=True,
    )(function)


def quiet_option(function: F) -> F:
    return click.option("--quiet", "-q", is_flag=True)(function)


def terminal_width() -> int | None:
    """The width tables are fitted to: ``COLUMNS`` if set, else the terminal's when printing to one; ``None`` when
    the output goes to a file or another program (lines stay whole there, for grep and friends)."""
    import os
    import shutil
    import sys

    if os.environ.get("COLUMNS", "").strip().isdigit():
        return max(20, int(os.environ["COLUMNS"]))
    if sys.stdout.isatty():
        return max(20, shutil.get_terminal_size().columns)
    return None
