"""SPARQL query text: a lexer, RDF terms written as SPARQL tokens, and parameter substitution.

A remote SPARQL 1.1 endpoint cannot receive pre-bound variables. rdflib's ``SPARQLStore`` appends the
bindings as a trailing ``VALUES`` block, which the engine joins *after* grouping and projection
(SPARQL 1.1 §18.2.4.3): a bound variable is then unbound inside ``FILTER``, aggregates and subqueries,
and results differ from the local engine (rdflib#1772). rdflib's own ``initBindings`` (and pyoxigraph's
``substitutions``, SEP-0007) instead fix the variable everywhere in the query. :func:`substitute`
gives a remote endpoint that same meaning: every occurrence of a bound variable token is replaced by
the RDF term, written by :func:`sparql_term` (which validates IRIs and escapes literals), so user text
only ever reaches the query as one well-formed term token. Where SPARQL needs a variable (a bare
``SELECT`` projection, ``GROUP BY``/``ORDER BY``) the term is wrapped so the grammar still holds, and
``BOUND(?x)`` becomes ``(true)``; where
the query assigns the variable itself (``AS ?x``, a ``VALUES`` header, ``SELECT *``) substitution has
no meaning and is refused.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from ..errors import StrategyGraphError

_PN_LOCAL_ESCAPE = r"\\[_~.\-!$&'()*+,;=/?#@%]"
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
             | '''(?:[^'\\]|\\.|'(?!''))*'''
             | "(?:[^"\\\n\r]|\\.)*"
             | '(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<variable>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
  | (?P<name>(?:[^\W\d][\w.-]*)?:(?:[\w:%.-]|"""
    + _PN_LOCAL_ESCAPE
    + r""")*|[^\W\d][\w-]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str  # space, comment, string, iri, variable, name or other
    text: str

    @property
    def keyword(self) -> str:
        return self.text.upper() if self.kind == "name" else ""

    @property
    def variable(self) -> str:
        return self.text[1:] if self.kind == "variable" else ""


def tokens(query: str) -> Iterator[Token]:
    """The query as tokens; joining their texts gives the query back unchanged."""
    position = 0
    while position < len(query):
        match = _TOKEN.match(query, position)
        if match is None or match.lastgroup is None:  # pragma: no cover - the "other" branch matches any character
            raise StrategyGraphError("error_sparql_unreadable_at", position=position)
        yield Token(match.lastgroup, match.group())
        position = match.end()


def dollar_variables(query: str) -> set[str]:
    """The names of the ``$name`` variables a query uses (outside strings, IRIs and comments)."""
    return {token.variable for token in tokens(query) if token.kind == "variable" and token.text.startswith("$")}


_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape_codepoints(query: str) -> str:
    """The query with its ``\\uXXXX``/``\\UXXXXXXXX`` escapes replaced, as SPARQL engines do before parsing."""

    def character(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group()

    return _CODEPOINT_ESCAPE.sub(character, query)


def uses_service(query: str) -> bool:
    """Whether the query (or update) has a ``SERVICE`` clause, i.e. would ask another endpoint (federation).

    Strings, IRIs and comments do not count; codepoint escapes (``\\u0053ERVICE``) are read as the engine reads them.
    """
    return any(token.keyword == "SERVICE" for token in tokens(_unescape_codepoints(query)))


def declared_prefixes(query: str) -> set[str]:
    """The prefixes the query declares itself (``PREFIX sg: <…>`` gives ``sg``)."""
    significant = [token for token in tokens(query) if token.kind not in ("space", "comment")]
    return {
        following.text[:-1]
        for token, following in itertools.pairwise(significant)
        if token.keyword == "PREFIX" and following.kind == "name" and following.text.endswith(":")
    }


def with_prefixes(query: str, prefixes: Mapping[str, str]) -> str:
    """``query`` with a ``PREFIX`` line before it for each of ``prefixes`` it does not declare itself, as the
    local engines are given them (a remote service knows only its own)."""
    missing = sorted(set(prefixes) - declared_prefixes(query))
    return "".join(f"PREFIX {prefix}: <{prefixes[prefix]}>\n" for prefix in missing) + query


def query_form(query: str) -> str:
    """The first SPARQL keyword that names an operation (SELECT, ASK, CONSTRUCT, DESCRIBE, INSERT, DROP …)."""
    forms = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
    updates = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
    for token in tokens(query):
        if token.keyword in forms | updates:
            return token.keyword
    return ""


_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]+(-[a-zA-Z0-9]+)*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def check_iri(value: str) -> str:
    """``value`` if it is an absolute IRI that SPARQL can write between ``<`` and ``>``; else an error."""
    bad = _IRI_FORBIDDEN.search(value)
    if bad:
        raise StrategyGraphError("error_not_an_iri", value=value, bad=bad.group())
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise StrategyGraphError("error_not_an_absolute_iri", value=value)
    return value


def sparql_term(term: Identifier) -> str:
    """An RDF term as one SPARQL token: ``<iri>``, ``"text"@lang`` or ``"text"^^<datatype>``."""
    if isinstance(term, URIRef):
        return f"<{check_iri(str(term))}>"
    if isinstance(term, Literal):
        quoted = '"' + "".join(_ESCAPES.get(ch, ch) for ch in str(term)) + '"'
        if term.language:
            if not _LANGUAGE_TAG.fullmatch(term.language):
                raise StrategyGraphError("error_not_a_language_tag", tag=term.language)
            return f"{quoted}@{term.language}"
        if term.datatype:
            return f"{quoted}^^<{check_iri(str(term.datatype))}>"
        return quoted
    if isinstance(term, BNode):
        raise StrategyGraphError("error_blank_node_parameter")
    raise StrategyGraphError("error_not_a_sparql_term", term=repr(term))


_ENDS_SELECT = {"WHERE", "FROM"}
_ENDS_MODIFIER = {"HAVING", "ORDER", "GROUP", "LIMIT", "OFFSET", "VALUES"}


@dataclass
class _Select:
    """One SELECT clause: where it opened, what it projects, and what its direct subqueries project."""

    braces: int
    projected: set[str]
    from_subqueries: set[str]


def _select_clauses(significant: list[Token]) -> list[_Select]:
    """Every SELECT clause in order, with the variables its direct subqueries put in scope."""
    scanner = _ClauseScanner()
    for token in significant:
        scanner.scan(token)
    return scanner.clauses


@dataclass
class _ClauseScanner:
    """Follows the nesting of braces and parentheses to see what each SELECT clause projects."""

    clauses: list[_Select] = field(default_factory=list)
    open_clauses: list[_Select] = field(default_factory=list)
    braces: int = 0
    parens: int = 0
    projecting: _Select | None = None  # the SELECT clause whose projection is being read
    projection_parens: int = 0
    previous: str = ""  # the previous significant token's keyword or text

    def scan(self, token: Token) -> None:
        self._project(token)
        self._nest(token.text)
        self.previous = token.keyword or token.text

    def _project(self, token: Token) -> None:
        keyword, text = token.keyword, token.text
        if keyword == "SELECT":
            self.projecting = _Select(self.braces, set(), set())
            self.projection_parens = self.parens
            self.clauses.append(self.projecting)
            self.open_clauses.append(self.projecting)
        elif self.projecting is None:
            return
        elif keyword in _ENDS_SELECT or (text == "{" and self.parens == self.projection_parens):
            self.projecting = None
        elif token.kind == "variable" and (self.parens == self.projection_parens or self.previous == "AS"):
            self.projecting.projected.add(token.variable)

    def _nest(self, text: str) -> None:
        if text == "{":
            self.braces += 1
        elif text == "}":
            self.braces -= 1
            self._close_clauses()
        elif text == "(":
            self.parens += 1
        elif text == ")":
            self.parens -= 1

    def _close_clauses(self) -> None:
        """Close the clauses opened inside the brace just closed; their projection is in scope in the outer one."""
        while self.open_clauses and self.open_clauses[-1].braces > self.braces:
            closed = self.open_clauses.pop()
            if self.open_clauses:
                self.open_clauses[-1].from_subqueries |= closed.projected


class _Substitution:
    """One pass over the tokens, tracking just enough syntax to keep the rewritten query valid."""

    def __init__(self, bindings: Mapping[str, Identifier], clauses: list[_Select]) -> None:
        self.terms = {name: sparql_term(term) for name, term in bindings.items()}
        self.clauses = iter(clauses)
        self.clause: _Select | None = None
        self.parens = 0
        self.projection_at: int | None = None  # paren depth of an open SELECT clause
        self.modifier_at: int | None = None  # paren depth of an open GROUP BY / ORDER BY clause
        self.in_values_header = False
        self.previous = ""  # the previous significant token's keyword or text
        self.star_projection = False

    def variable(self, token: Token) -> str:
        name = token.variable
        term = self.terms.get(name)
        if term is None:
            return token.text
        if self.previous == "AS":
            raise StrategyGraphError("error_parameter_assigned", name=name, variable=token.text)
        if self.in_values_header:
            raise StrategyGraphError("error_parameter_in_values", name=name)
        if self.projection_at == self.parens:
            if self.clause is not None and name in self.clause.from_subqueries:
                return f"?{name}"  # a subquery already projects it as the term
            return f"({term} AS ?{name})"
        if self.modifier_at == self.parens:
            return f"({term})"
        return term

    def track(self, token: Token) -> None:
        keyword, text = token.keyword, token.text
        if keyword == "SELECT":
            self.projection_at, self.modifier_at = self.parens, None
            self.clause = next(self.clauses, None)
        elif keyword in _ENDS_SELECT or (text == "{" and self.projection_at == self.parens):
            self.projection_at = None
        if keyword in {"GROUP", "ORDER"}:
            self.modifier_at = self.parens
        elif keyword in _ENDS_MODIFIER - {"GROUP", "ORDER"} or text in {"{", "}"}:
            self.modifier_at = None
        if keyword == "VALUES":
            self.in_values_header = True
        elif text == "{":
            self.in_values_header = False
        if text == "*" and self.projection_at == self.parens and self.previous in {"SELECT", "DISTINCT", "REDUCED"}:
            self.star_projection = True
        if text == "(":
            self.parens += 1
        elif text == ")":
            self.parens -= 1
        self.previous = keyword or text


def substitute(query: str, bindings: Mapping[str, Identifier]) -> str:
    """``query`` with every bound variable replaced by its term (substitution semantics, see above)."""
    if not bindings:
        return query
    all_tokens = list(tokens(query))
    significant = [token for token in all_tokens if token.kind not in {"space", "comment"}]
    state = _Substitution(bindings, _select_clauses(significant))
    out: list[str] = []
    used: set[str] = set()
    recent: list[int] = []  # positions in ``out`` of the last two significant tokens
    for token in all_tokens:
        if token.kind in {"space", "comment"}:
            out.append(token.text)
            continue
        if token.kind == "variable":
            rewritten = state.variable(token)
            if rewritten != token.text:
                used.add(token.variable)
                if len(recent) == 2 and out[recent[0]].upper() == "BOUND" and out[recent[1]] == "(":
                    out[recent[0]], rewritten = "", "true"  # BOUND(term) is true
            out.append(rewritten)
        else:
            out.append(token.text)
        recent = [*recent[-1:], len(out) - 1]
        state.track(token)
    if state.star_projection and used:
        names = ", ".join(sorted(used))
        raise StrategyGraphError("error_select_star_parameters", names=names)
    return "".join(out)
