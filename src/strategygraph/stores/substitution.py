"""Make bound variables substitutable in Oxigraph without ever writing a value into query text.

Oxigraph binds parameters by SEP-0007 substitution (``Store.query(..., substitutions={Variable: term})``), which
replaces the variable by the term throughout the query, as rdflib's ``initBindings`` does. But Oxigraph only
accepts variables that the outermost SELECT projects, and catalogue queries rarely project their parameters
(``SELECT ?theme WHERE { $committee … }``). :func:`plan_substitution` therefore adds the missing variable
*names* to the projection (and to ``GROUP BY`` when the query groups), and the store drops those columns from
the results. Oxigraph substitutes inside a sub-SELECT only when the sub-SELECT projects the variable, while rdflib
substitutes everywhere; so every sub-SELECT that uses a bound variable projects it too. Values still travel only
as RDF terms; the query text gains nothing but validated variable names.

An aggregate query without ``GROUP BY`` (``SELECT (COUNT(?s) AS ?n) WHERE { $committee … }``) has one implicit
group, so it can only project a bound variable if it groups by it; that changes the empty case (no solutions →
no group, where SPARQL gives one row of zero counts). The plan keeps an *empty-group* variant of the query whose
pattern matches nothing, to produce that one row when the grouped query returns none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import StrategyGraphError
from .sparql_text import tokens as sparql_tokens

_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_AGGREGATES = frozenset({"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"})
_QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


@dataclass(frozen=True)
class Token:
    """A significant token of the query (see :func:`strategygraph.stores.sparql_text.tokens`) and where it stands."""

    kind: str
    text: str
    start: int
    end: int

    @property
    def keyword(self) -> str:
        return self.text.upper() if self.kind == "name" else ""


@dataclass(frozen=True)
class SubstitutionPlan:
    """The query to run, the variables added to its projection (to drop from results), and for an implicit
    aggregate the query that yields its one row over no solutions."""

    text: str
    added: tuple[str, ...] = ()
    empty_group_text: str | None = None


def tokenize(query: str) -> list[Token]:
    """The query's tokens without spaces and comments, with their character positions."""
    located = []
    position = 0
    for token in sparql_tokens(query):
        start, position = position, position + len(token.text)
        if token.kind not in ("space", "comment"):
            located.append(Token(token.kind, token.text, start, position))
    return located


def _variable_names(names: Iterable[str]) -> list[str]:
    checked = []
    for name in names:
        if not _VARIABLE_NAME.fullmatch(name):
            raise StrategyGraphError("error_not_a_variable_name", name=name)
        checked.append(name)
    return checked


def _closing_brace(tokens: list[Token], opening: int) -> int:
    depth = 0
    for index in range(opening, len(tokens)):
        if tokens[index].text == "{" and tokens[index].kind == "other":
            depth += 1
        elif tokens[index].text == "}" and tokens[index].kind == "other":
            depth -= 1
            if depth == 0:
                return index
    raise StrategyGraphError("error_unbalanced_braces")


def _is_aggregate_call(tokens: list[Token], index: int) -> bool:
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return tokens[index].keyword in _AGGREGATES and following is not None and following.text == "("


@dataclass(frozen=True)
class _SelectShape:
    insert_at: int  # after SELECT [DISTINCT|REDUCED]
    projected: frozenset[str]
    star: bool
    aggregate: bool
    where_open: Token
    where_close: Token
    group_by_end: int | None
    end: int  # index of the first token after this SELECT and its solution modifiers


def _select_shape(tokens: list[Token], select: int) -> _SelectShape:
    index = select + 1
    insert_at = tokens[select].end
    if index < len(tokens) and tokens[index].keyword in {"DISTINCT", "REDUCED"}:
        insert_at = tokens[index].end
        index += 1
    projected: set[str] = set()
    star = aggregate = False
    parens = 0
    while index < len(tokens):
        token = tokens[index]
        if parens == 0 and (token.keyword in {"WHERE", "FROM"} or token.text == "{"):
            break
        if token.text == "(":
            parens += 1
        elif token.text == ")":
            parens -= 1
        elif token.kind == "variable" and (parens == 0 or tokens[index - 1].keyword == "AS"):
            projected.add(token.text[1:])
        elif token.text == "*" and parens == 0:
            star = True
        aggregate = aggregate or _is_aggregate_call(tokens, index)
        index += 1
    opening = next((i for i in range(index, len(tokens)) if tokens[i].text == "{"), None)
    if opening is None:
        raise StrategyGraphError("error_select_without_where")
    closing = _closing_brace(tokens, opening)
    group_by_end, grouped_aggregate, end = _solution_modifiers(tokens, closing + 1)
    return _SelectShape(
        insert_at,
        frozenset(projected),
        star,
        aggregate or grouped_aggregate,
        tokens[opening],
        tokens[closing],
        group_by_end,
        end,
    )


def _solution_modifiers(tokens: list[Token], start: int) -> tuple[int | None, bool, int]:
    """After a WHERE pattern: where ``GROUP BY`` ends (if any), whether HAVING/ORDER BY aggregate, and the index
    where this SELECT ends (the end of the query, or the brace that closes the group around a sub-SELECT)."""
    group_by_end = None
    aggregate = False
    depth = 0
    end = start
    while end < len(tokens):
        token = tokens[end]
        depth += {"{": 1, "}": -1}.get(token.text, 0) if token.kind == "other" else 0
        if depth < 0:
            break
        if depth == 0:
            if token.keyword == "GROUP" and end + 1 < len(tokens) and tokens[end + 1].keyword == "BY":
                group_by_end = tokens[end + 1].end
            aggregate = aggregate or _is_aggregate_call(tokens, end)
        end += 1
    return group_by_end, aggregate, end


def plan_substitution(query: str, bound: Iterable[str]) -> SubstitutionPlan:
    """How to run ``query`` with the variables ``bound`` substituted (see the module documentation)."""
    names = _variable_names(bound)
    tokens = tokenize(query)
    form = next((i for i, token in enumerate(tokens) if token.keyword in _QUERY_FORMS), None)
    if form is None or tokens[form].keyword not in {"SELECT", "ASK"} or not names:
        return SubstitutionPlan(query)  # other forms are refused by the store
    insertions: list[tuple[int, str]] = []
    added: tuple[str, ...] = ()
    empty_group_text = None
    for index, token in enumerate(tokens):
        if token.keyword != "SELECT":
            continue
        shape = _select_shape(tokens, index)
        outermost = index == form
        used = {t.text[1:] for t in tokens[index : shape.end] if t.kind == "variable"}
        missing = tuple(n for n in names if n not in shape.projected and (outermost or n in used))
        if shape.star or not missing:
            continue
        variables = " " + " ".join(f"?{name}" for name in missing)
        insertions.append((shape.insert_at, variables))
        if shape.group_by_end is not None:
            insertions.append((shape.group_by_end, variables))
        elif shape.aggregate:
            insertions.append((shape.where_close.end, " GROUP BY" + variables))
            if outermost:
                empty_group_text = query[: shape.where_open.end] + " FILTER (false) " + query[shape.where_close.start :]
        if outermost:
            added = missing
    text = query
    for position, addition in sorted(insertions, reverse=True):
        text = text[:position] + addition + text[position:]
    return SubstitutionPlan(text, added, empty_group_text)
