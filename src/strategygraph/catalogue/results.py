"""Query results as output: W3C SPARQL 1.1 Query Results JSON, and tables (text, CSV, TSV, Markdown)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from ..namespaces import ID, PREFIXES
from ..stores.base import SelectResult
from ..tables import Cell, Table, render

DISPLAY_PREFIXES = sorted([*PREFIXES.items(), ("id", ID)], key=lambda item: -len(str(item[1])))


def term_json(term: Identifier) -> dict[str, str]:
    """One RDF term as a W3C SPARQL 1.1 Query Results JSON object."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype != XSD.string:
            out["datatype"] = str(term.datatype)
        return out
    raise TypeError(f"not an RDF term: {term!r}")


def results_json(result: SelectResult, form: str = "SELECT") -> str:
    """The result in the W3C SPARQL 1.1 Query Results JSON Format (``boolean`` for ASK)."""
    document: dict[str, Any]
    if form == "ASK":
        first = result.rows[0][0] if result.rows else None
        answer = isinstance(first, Literal) and bool(first.toPython())
        document = {"head": {}, "boolean": answer}
    else:
        bindings = [
            {name: term_json(term) for name, term in zip(result.variables, row, strict=True) if term is not None}
            for row in result.rows
        ]
        document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def short_iri(iri: str) -> str:
    """``iri`` with the longest known namespace written as its prefix (``theme:faellesskaber``)."""
    for prefix, namespace in DISPLAY_PREFIXES:
        text = str(namespace)
        if iri.startswith(text) and len(iri) > len(text):
            return f"{prefix}:{iri[len(text) :]}"
    return iri


def _cell(term: Identifier | None, shorten: bool) -> Cell:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return short_iri(str(term)) if shorten else str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def results_table(
    result: SelectResult, form: str = "SELECT", shorten: bool = True, titles: Mapping[str, str] | None = None
) -> Table:
    """The result as a table of plain values; IRIs written with prefixes when ``shorten``. ``titles`` give
    columns human headers by variable name (others keep the name); the variable names stay the JSON keys."""
    if form == "ASK":
        return Table(("ask",), [(_cell(result.rows[0][0], shorten),)] if result.rows else [])
    rows = [tuple(_cell(term, shorten) for term in row) for row in result.rows]
    headers = tuple((titles or {}).get(name, name) for name in result.variables)
    return Table(headers, rows, keys=tuple(result.variables))


def render_result(
    result: SelectResult,
    fmt: str,
    form: str = "SELECT",
    titles: Mapping[str, str] | None = None,
    width: int | None = None,
) -> str:
    """The result in ``fmt``: ``json`` (W3C, variable names), ``csv``/``tsv`` (full IRIs), ``table``/``md``
    (prefixed IRIs); the formats for people and spreadsheets head their columns with ``titles``; ``table`` fits
    ``width`` columns when given."""
    if fmt == "json":
        return results_json(result, form)
    return render(results_table(result, form, shorten=fmt in {"table", "md"}, titles=titles), fmt, width=width)
