"""Remote triple stores: query any SPARQL 1.1 endpoint, and publish the graph with the Graph Store Protocol.

:class:`SparqlEndpoint` is a :class:`~strategygraph.stores.base.GraphStore` whose ``select`` sends the query over
the SPARQL 1.1 Protocol (an HTML form POST, results as SPARQL 1.1 Query Results JSON). Bound parameters
are substituted as validated RDF term tokens (:func:`strategygraph.stores.sparql_text.substitute`), which gives
the same answers as the local engine's pre-binding, unlike a trailing ``VALUES`` block (rdflib#1772).
:func:`publish_graph` replaces one named graph with the SPARQL 1.1 Graph Store HTTP Protocol (``PUT``).
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from ..errors import StrategyGraphError
from .base import GraphStore, Row, SelectResult, Triple
from .serialization import serialize_graph
from .sparql_text import check_iri, query_form, substitute

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
DEFAULT_GRAPH = "https://w3id.org/strategygraph/graph"
DEFAULT_TIMEOUT = 30.0  # seconds to connect, and to wait for each part of an answer
_RDF_FORMATS = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}


def check_endpoint_url(url: str) -> str:
    """``url`` if it is an http(s) URL with a host; anything else (file:, ftp:, typos) is an error."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise StrategyGraphError("error_not_endpoint_url", url=url)
    return url


def _with_parameter(url: str, name: str, value: str | None) -> str:
    parts = urllib.parse.urlsplit(url)
    pair = urllib.parse.quote(name) if value is None else urllib.parse.urlencode({name: value})
    query = f"{parts.query}&{pair}" if parts.query else pair
    return urllib.parse.urlunsplit(parts._replace(query=query))


def http_request(
    url: str,
    method: str = "GET",
    data: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    missing_ok: bool = False,
) -> tuple[int, str, bytes]:
    """Send one HTTP request: (status, content type, body); errors become one-line StrategyGraphErrors that name
    the URL (refused, reset, no answer within ``timeout`` seconds, an HTTP error status)."""
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        if missing_ok and error.code == 404:
            return 404, "", b""
        raise _status_error(error, method, url) from None
    except (OSError, http.client.HTTPException) as error:
        raise _connection_error(error, method, url, timeout) from None


def _status_error(error: urllib.error.HTTPError, method: str, url: str) -> StrategyGraphError:
    try:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()
    except (OSError, http.client.HTTPException):
        detail = []
    message = f": {detail[0][:200]}" if detail else ""
    return StrategyGraphError(
        "error_http_status", method=method, url=url, status=str(error.code), reason=error.reason, detail=message
    )


def _connection_error(error: Exception, method: str, url: str, timeout: float) -> StrategyGraphError:
    reason: object = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError):
        return StrategyGraphError("error_http_timeout", method=method, url=url, seconds=float(timeout))
    if isinstance(error, urllib.error.URLError):  # failed before the request was sent
        return StrategyGraphError("error_unreachable", url=url, cause=_why(reason))
    return StrategyGraphError("error_connection_failed", method=method, url=url, cause=_why(reason))


def _why(reason: object) -> object:
    """The cause to show: an OS error (told in the user's language), else the first line of its text."""
    if isinstance(reason, OSError) and reason.strerror:
        return reason
    text = str(reason).strip()
    return (text.splitlines() or [type(reason).__name__])[0][:200] if text else type(reason).__name__


def term_from_json(value: Mapping[str, str]) -> Identifier:
    """An RDF term from a SPARQL JSON result binding (xsd:string literals become simple literals)."""
    kind = value.get("type")
    text = value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in {"literal", "typed-literal"}:
        language = value.get("xml:lang")
        datatype = value.get("datatype")
        if language:
            return Literal(text, lang=language)
        if datatype and datatype != str(XSD.string):
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    raise StrategyGraphError("error_unknown_json_term", kind=kind)


def results_from_json(document: Mapping[str, Any]) -> SelectResult:
    """A :class:`SelectResult` from a W3C SPARQL 1.1 Query Results JSON document (ASK: one ``ask`` row)."""
    if not isinstance(document, Mapping):
        raise StrategyGraphError("error_not_results_json")
    if "boolean" in document:
        return SelectResult(("ask",), [(Literal(bool(document["boolean"])),)])
    try:
        variables = tuple(document["head"]["vars"])
        rows: list[Row] = [
            tuple(term_from_json(binding[name]) if name in binding else None for name in variables)
            for binding in document["results"]["bindings"]
        ]
    except (KeyError, TypeError, AttributeError):
        raise StrategyGraphError("error_not_results_json") from None
    return SelectResult(variables, rows)


@dataclass
class SparqlEndpoint(GraphStore):
    """A remote SPARQL 1.1 query endpoint, read-only; ``default_graphs`` are sent as ``default-graph-uri``."""

    url: str
    default_graphs: Sequence[str] = field(default_factory=tuple)
    timeout: float = DEFAULT_TIMEOUT
    kind: str = "endpoint"

    def __post_init__(self) -> None:
        check_endpoint_url(self.url)
        for graph in self.default_graphs:
            check_iri(graph)

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        text = substitute(query, bindings or {})
        if query_form(text) not in {"SELECT", "ASK"}:
            raise StrategyGraphError("error_endpoint_select_ask")
        form = [("query", text), *(("default-graph-uri", graph) for graph in self.default_graphs)]
        _, _, body = http_request(
            self.url,
            "POST",
            urllib.parse.urlencode(form).encode("utf-8"),
            {"Accept": RESULTS_JSON, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
            self.timeout,
        )
        try:
            return results_from_json(json.loads(body.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise StrategyGraphError("error_answer_not_json", url=self.url) from None
        except StrategyGraphError as error:
            raise StrategyGraphError("error_at_url", url=self.url, error=error) from None

    def add(self, triples: Iterable[Triple]) -> None:
        raise StrategyGraphError("error_endpoint_read_only")

    def __len__(self) -> int:
        result = self.select("SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }")
        value = result.rows[0][0] if result.rows else None
        return int(value.toPython()) if isinstance(value, Literal) else 0

    def to_rdflib(self) -> Graph:
        raise StrategyGraphError("error_endpoint_no_export")


@dataclass(frozen=True)
class PublishReport:
    """What ``publish`` did: the graph store URL, the named graph, and its triple counts before and after."""

    store_url: str
    graph: str
    before: int
    after: int
    sent: int


def graph_triple_count(store_url: str, graph: str, timeout: float = DEFAULT_TIMEOUT) -> int:
    """How many triples the named graph holds on a Graph Store Protocol endpoint (0 if it does not exist)."""
    status, content_type, body = http_request(
        _with_parameter(store_url, "graph", graph), "GET", None, {"Accept": N_TRIPLES}, timeout, missing_ok=True
    )
    if status == 404:
        return 0
    rdf_format = _RDF_FORMATS.get(content_type)
    if rdf_format is None:
        raise StrategyGraphError("error_unexpected_content_type", url=store_url, content_type=content_type)
    try:
        return len(Graph().parse(data=body.decode("utf-8"), format=rdf_format))
    except Exception as error:  # rdflib's parsers raise their own kinds; the answer is simply not RDF
        first = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
        raise StrategyGraphError(
            "error_answer_not_rdf", url=store_url, content_type=content_type, detail=first
        ) from None


def publish_graph(
    store: GraphStore, store_url: str, graph: str = DEFAULT_GRAPH, timeout: float = DEFAULT_TIMEOUT
) -> PublishReport:
    """Replace ``graph`` on the Graph Store Protocol endpoint ``store_url`` with the whole local graph;
    ``timeout`` bounds the connection and each wait for an answer (seconds)."""
    check_endpoint_url(store_url)
    check_iri(graph)
    before = graph_triple_count(store_url, graph, timeout)
    payload = serialize_graph(store, "nt").encode("utf-8")
    http_request(
        _with_parameter(store_url, "graph", graph),
        "PUT",
        payload,
        {"Content-Type": f"{N_TRIPLES}; charset=utf-8"},
        timeout,
    )
    after = graph_triple_count(store_url, graph, timeout)
    return PublishReport(store_url, graph, before, after, len(store))
