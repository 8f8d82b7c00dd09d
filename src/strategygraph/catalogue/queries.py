"""The query catalogue: named SPARQL queries in ``queries/*.rq``, their headers, and safe parameters.

Each file holds one SELECT (or ASK) query; its stem is its name. A comment header at the top gives a
title and a description in Danish and English and declares the parameters::

    # title@da: Fokusområder pr. udvalg
    # title@en: Focus areas by committee
    # description@da: …
    # description@en: …
    # param: committee literal optional -- udvalgets kortnavn / the committee's slug
    # param: min integer = 2 -- mindst så mange udvalg / at least this many committees
    # param: theme iri = theme:faellesskaber
    # column: committeeLabel -- Udvalg / Committee

A ``column`` line gives a result variable its human title, Danish then English: tables, Markdown and CSV
show it (``--lang`` picks one); JSON keeps the variable names. A variable without one keeps its name, as
every column of a user's own query does.

A parameter is written ``$name`` in the query. Its kind (``iri``, ``literal``, ``integer``) says how a
value given on the command line becomes an RDF term; the term is bound by the engine (or substituted as
one validated token for a remote endpoint, see :mod:`strategygraph.stores.sparql_text`), never pasted as text.
The kinds ``committee``, ``focus-area`` and ``theme`` name a thing of the graph: the value may be its slug,
key, IRI or label (any case, Danish or English), looked up in the graph (see
:mod:`strategygraph.catalogue.parameters`); the query receives the slug (committee, focus area) or the IRI
(theme), and a value that names nothing is an error listing the closest known values.
A parameter has a default (``= value``), is ``optional`` (left unbound: the query then ranges over
every value), or is required.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from ..errors import InputError, NotFoundError, StrategyGraphError
from ..i18n import Joined, Lang, Phrase, text
from ..namespaces import PREFIXES
from ..resources import bundle
from ..stores.base import GraphStore, SelectResult
from ..stores.sparql_text import check_iri, dollar_variables, query_form
from ..text_files import MAX_QUERY_BYTES, decode_utf8, read_user_file
from .parameters import ENTITY_KINDS, resolve_entities

PARAMETER_KINDS = ("iri", "literal", "integer", *ENTITY_KINDS)
LANGUAGES = ("da", "en")
_TEXT_LINE = re.compile(r"#\s*(?P<key>title|description)@(?P<lang>[a-z]{2})\s*:\s*(?P<value>.*)")
_PARAM_LINE = re.compile(r"#\s*param\s*:\s*(?P<spec>.*)")
_COLUMN_LINE = re.compile(r"#\s*column\s*:\s*(?P<spec>.*)")
_COLUMN_SPEC = re.compile(r"(?P<name>[A-Za-z_]\w*)\s+--\s+(?P<da>.+?)\s+/\s+(?P<en>.+)")
_PARAM_SPEC = re.compile(
    r"(?P<name>[A-Za-z_]\w*)\s+(?P<kind>[\w-]+)"
    r"(?:\s*=\s*(?P<default>.*?)|\s+(?P<optional>optional))?"
    r"(?:\s+--\s+(?P<description>.*))?"
)


@dataclass(frozen=True)
class Parameter:
    """A declared query parameter: its name (``$name`` in the query), kind, default and description."""

    name: str
    kind: str
    default: str | None = None
    optional: bool = False
    description: str = ""

    @property
    def required(self) -> bool:
        return self.default is None and not self.optional

    def signature(self, lang: Lang = "en") -> str:
        """``name: kind = default``, ``name: kind (optional)`` or ``name: kind (required)``, the last two words in
        ``lang`` (``valgfri``, ``påkrævet``); the name and kind are the query file's own."""
        if self.default is not None:
            return f"{self.name}: {self.kind} = {self.default}"
        need = text("parameter_optional" if self.optional else "parameter_required", lang)
        return f"{self.name}: {self.kind} ({need})"


@dataclass(frozen=True)
class NamedQuery:
    """One query file: its name, text, titles and descriptions by language, and parameters."""

    name: str
    path: Path
    text: str
    form: str
    parameters: tuple[Parameter, ...] = ()
    titles: Mapping[str, str] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)
    columns: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def title(self, lang: Lang) -> str:
        return self.titles.get(lang) or self.titles.get("da") or self.name

    def description(self, lang: Lang) -> str:
        return self.descriptions.get(lang) or self.descriptions.get("da") or ""

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    def column_title(self, variable: str, lang: Lang) -> str:
        """The declared human title of result variable ``variable`` in ``lang``; else the variable's name."""
        titles = self.columns.get(variable, {})
        return titles.get(lang) or titles.get("da") or variable

    def column_titles(self, lang: Lang) -> dict[str, str]:
        """Every declared column's human title in ``lang``, by variable name."""
        return {variable: self.column_title(variable, lang) for variable in self.columns}


def _parse_parameter(spec: str, path: Path, line: int) -> Parameter:
    match = _PARAM_SPEC.fullmatch(spec.strip())
    if match is None:
        raise InputError("error_parameter_declaration", path=path, line=line, field="param")
    name, kind = match["name"], match["kind"]
    if kind not in PARAMETER_KINDS:
        raise InputError(
            "error_parameter_kind",
            path=path,
            line=line,
            field="param",
            name=name,
            kind=kind,
            choices=", ".join(PARAMETER_KINDS),
        )
    default = match["default"]
    parameter = Parameter(name, kind, default, bool(match["optional"]), (match["description"] or "").strip())
    if default is not None:
        try:
            to_term(parameter, default)
        except StrategyGraphError as error:
            raise InputError("error_parameter_default", path=path, line=line, name=name, error=error) from None
    return parameter


def _parse_column(spec: str, path: Path, line: int) -> tuple[str, dict[str, str]]:
    match = _COLUMN_SPEC.fullmatch(spec.strip())
    if match is None:
        raise InputError("error_column_declaration", path=path, line=line, field="column")
    return match["name"], {"da": match["da"].strip(), "en": match["en"].strip()}


def _header_lines(text: str) -> list[tuple[int, str]]:
    """The comment lines (numbered from 1) before the query begins."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        if stripped:
            lines.append((number, stripped))
    return lines


@dataclass
class _Header:
    """What a query's header comment declares: titles and descriptions by language, parameters and columns."""

    path: Path
    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    parameters: dict[str, Parameter] = field(default_factory=dict)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)

    def read(self, number: int, stripped: str) -> None:
        if text_match := _TEXT_LINE.fullmatch(stripped):
            target = self.titles if text_match["key"] == "title" else self.descriptions
            lang, value = text_match["lang"], text_match["value"].strip()
            target[lang] = f"{target[lang]} {value}" if lang in target else value
        elif param_match := _PARAM_LINE.fullmatch(stripped):
            parameter = _parse_parameter(param_match["spec"], self.path, number)
            if parameter.name in self.parameters:
                raise InputError("error_parameter_twice", path=self.path, line=number, name=parameter.name)
            self.parameters[parameter.name] = parameter
        elif column_match := _COLUMN_LINE.fullmatch(stripped):
            variable, titles_by_lang = _parse_column(column_match["spec"], self.path, number)
            if variable in self.columns:
                raise InputError("error_column_twice", path=self.path, line=number, name=variable)
            self.columns[variable] = titles_by_lang


def _read_only_form(text: str, path: Path) -> str:
    """The query's form, SELECT or ASK; any other form (or none) is an error."""
    form = query_form(text)
    if form in {"SELECT", "ASK"}:
        return form
    if form in {"CONSTRUCT", "DESCRIBE"}:
        raise InputError("error_query_form_unsupported", path=path, form=form)
    if form:
        raise InputError("error_update_refused", path=path, form=form)
    raise InputError("error_no_select_ask", path=path)


def _check_parameters_used(text: str, declared: Iterable[str], path: Path) -> None:
    """Every ``$name`` the query uses is declared, and every declared parameter is used."""
    used, names = dollar_variables(text), set(declared)
    undeclared = sorted(used - names)
    if undeclared:
        hint = Joined(tuple(Phrase("error_declare_parameter", {"name": name}) for name in undeclared), "; ")
        raise InputError("error_undeclared_parameters", path=path, names="$" + ", $".join(undeclared), hint=hint)
    unused = sorted(names - used)
    if unused:
        raise InputError("error_unused_parameters", path=path, names=", ".join(unused))


def parse_query_text(text: str, path: Path, name: str | None = None) -> NamedQuery:
    """Read a query's header and check it: a SELECT or ASK query whose ``$parameters`` are all declared."""
    header = _Header(path)
    for number, stripped in _header_lines(text):
        header.read(number, stripped)
    form = _read_only_form(text, path)
    _check_parameters_used(text, header.parameters, path)
    parameters = tuple(header.parameters.values())
    return NamedQuery(
        name or path.stem, path, text, form, parameters, header.titles, header.descriptions, header.columns
    )


def read_query_file(path: Path, name: str | None = None) -> NamedQuery:
    """Read and check one ``.rq`` file; errors name the file."""
    text = decode_utf8(read_user_file(path, MAX_QUERY_BYTES), path)
    return parse_query_text(text, path, name)


def catalogue(queries_dir: Path | None = None) -> list[NamedQuery]:
    """Every query of the catalogue, sorted by name."""
    folder = queries_dir or bundle().queries_dir
    return [read_query_file(path) for path in sorted(folder.glob("*.rq"), key=lambda path: path.stem)]


def catalogue_names(queries_dir: Path | None = None) -> list[str]:
    folder = queries_dir or bundle().queries_dir
    return sorted(path.stem for path in folder.glob("*.rq"))


def find_query(name_or_file: str, queries_dir: Path | None = None) -> NamedQuery:
    """A catalogue query by name, or the user's own file when the argument is a path to a ``.rq`` file."""
    if name_or_file.endswith(".rq") or "/" in name_or_file or "\\" in name_or_file:
        return read_query_file(Path(name_or_file))
    folder = queries_dir or bundle().queries_dir
    path = folder / f"{name_or_file}.rq"
    if not path.is_file():
        names = catalogue_names(folder)
        close = difflib.get_close_matches(name_or_file, names, n=3, cutoff=0.5)
        hint = Phrase("error_query_hint_close", {"names": ", ".join(close)}) if close else Phrase("error_query_hint")
        raise NotFoundError("error_no_query", name=name_or_file, hint=hint)
    return read_query_file(path)


def _expand_iri(value: str) -> str:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIXES and not local.startswith("//"):
        text = str(PREFIXES[prefix]) + local
    return check_iri(text)


def to_term(parameter: Parameter, value: str) -> Identifier:
    """The RDF term for ``value`` given as ``parameter``; an ill-typed value is an error naming it."""
    try:
        if parameter.kind == "iri":
            return URIRef(_expand_iri(value))
        if parameter.kind == "integer":
            if not re.fullmatch(r"\s*[+-]?\d+\s*", value):
                raise StrategyGraphError("error_not_an_integer", value=value)
            return Literal(int(value), datatype=XSD.integer)
    except StrategyGraphError as error:
        raise StrategyGraphError(
            "error_parameter_value", name=parameter.name, kind=parameter.kind, error=error
        ) from None
    return Literal(value)


def bind_arguments(query: NamedQuery, arguments: Mapping[str, str]) -> dict[str, Identifier]:
    """Terms for every given or defaulted parameter; unknown, missing and ill-typed ones are errors."""
    declared = [p.name for p in query.parameters]
    unknown = sorted(set(arguments) - set(declared))
    if unknown:
        has = (
            Phrase("error_its_parameters", {"names": ", ".join(declared)})
            if declared
            else Phrase("error_no_parameters")
        )
        raise StrategyGraphError(
            "error_no_such_parameter", query=query.name, names=", ".join(map(repr, unknown)), has=has
        )
    missing = [p for p in query.parameters if p.required and p.name not in arguments]
    if missing:
        needed = ", ".join(f"-p {p.name} VALUE ({p.kind})" for p in missing)
        raise StrategyGraphError("error_parameters_needed", query=query.name, needed=needed)
    bindings: dict[str, Identifier] = {}
    for parameter in query.parameters:
        value = arguments.get(parameter.name, parameter.default)
        if value is not None:
            bindings[parameter.name] = to_term(parameter, value)
    return bindings


def check_syntax(query: NamedQuery) -> None:
    """Parse the query as standard SPARQL 1.1; a syntax error names the file and line."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(query.text)
    except ParseException as error:
        raise InputError(
            "error_sparql_syntax_at", path=query.path, line=error.lineno, detail=error.msg, column=error.col
        ) from None


def run_query(
    store: GraphStore,
    query: NamedQuery,
    arguments: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> SelectResult:
    """Run ``query`` on ``store`` with ``arguments`` (parameter name → value as typed) bound as RDF terms.

    With ``timeout`` (seconds), a query still running then is abandoned with an error. The engines cannot be
    interrupted, so the query finishes in a background thread that a command line process ends on exit.
    """
    bindings = resolve_entities(
        store, {p.name: p.kind for p in query.parameters}, bind_arguments(query, arguments or {})
    )
    try:
        if timeout is None:
            return store.select(query.text, bindings)
        return _within(timeout, lambda: store.select(query.text, bindings), query)
    except StrategyGraphError:
        raise
    except Exception as error:  # the engine's own exception types differ; a syntax error is named precisely
        check_syntax(query)
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise InputError("error_query_failed", path=query.path, detail=first_line) from None


def _within(seconds: float, run: Callable[[], SelectResult], query: NamedQuery) -> SelectResult:
    outcome: list[SelectResult | BaseException] = []

    def target() -> None:
        try:
            outcome.append(run())
        except BaseException as error:  # handed to the caller's thread
            outcome.append(error)

    worker = threading.Thread(target=target, name=f"query {query.name}", daemon=True)
    worker.start()
    worker.join(seconds)
    if not outcome:
        raise InputError("error_query_time_limit", path=query.path, seconds=float(seconds))
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result
