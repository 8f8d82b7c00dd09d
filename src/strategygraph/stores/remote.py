"""Remote triple stores: any SPARQL 1.1 service as a graph store, and publishing the graph to one.

:class:`SparqlEndpoint` is a :class:`~strategygraph.stores.base.GraphStore` whose ``select`` sends the query over
the SPARQL 1.1 Protocol (an HTML form POST, results as SPARQL 1.1 Query Results JSON), so every command runs on a
shared service (``--store URL``). Bound parameters are substituted as validated RDF term tokens
(:func:`strategygraph.stores.sparql_text.substitute`), which gives the same answers as the local engine's
pre-binding, unlike a trailing ``VALUES`` block (rdflib#1772). Answers a server cut short (Virtuoso's
``ResultSetMaxRows`` and ``MaxQueryExecutionTime``) are an error, never silently partial results; the whole graph is
read in pages small enough for such limits.
:func:`publish_graph` replaces one named graph with the SPARQL 1.1 Graph Store HTTP Protocol (``PUT``), its
literals in canonical form, and records the graph's content digest and triple count beside it
(:func:`published_about`), so that a command keeps the corpus it reads for that state of the graph
(:meth:`SparqlEndpoint.kept`) instead of reading it over HTTP every time.
"""

from __future__ import annotations

import hashlib
import json
import re
import urllib.parse
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from .. import __version__
from ..cache_folder import cache_root
from ..errors import StrategyGraphError
from ..namespaces import PREFIXES, bind_prefixes
from .base import GraphStore, MemoryStore, Row, SelectResult, Triple
from .http_client import DEFAULT_TIMEOUT, Credentials, HttpAnswer, check_endpoint_url, http_request, with_parameter
from .keeping import KEPT, KeptForm, T, read_or_keep
from .literal_forms import canonical_lexical, canonical_literal
from .serialization import serialize_graph
from .sparql_text import check_iri, query_form, substitute, with_prefixes

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
DEFAULT_GRAPH = "https://w3id.org/strategygraph/graph"
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_RDF_FORMATS = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}
# Rows per page when the whole graph is read: below Virtuoso's default ResultSetMaxRows and sort limit (10 000).
PAGE_ROWS = 5_000
_IRI_SUBJECT_PAGE = """
SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER (isIRI(?s) && STR(?s) >= $after) }} ORDER BY STR(?s) LIMIT {rows}
"""
_BLANK_SUBJECTS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER (isBlank(?s)) }"
# What publish records about a graph it wrote, in a small graph of its own (the data graph stays the local graph).
_PUBLISHED_GRAPHS = "https://w3id.org/strategygraph/published/"
_DIGEST = "sha256:"
_IDENTIFIER = "http://purl.org/dc/terms/identifier"
_VOID_TRIPLES = "http://rdfs.org/ns/void#triples"
_PUBLISHED = f"""
SELECT ?identifier ?triples WHERE {{
    GRAPH $about {{ $graph <{_IDENTIFIER}> ?identifier ; <{_VOID_TRIPLES}> ?triples }}
}}
"""


def term_from_json(value: Mapping[str, str]) -> Identifier:
    """An RDF term from a SPARQL JSON result binding (xsd:string literals become simple literals; typed
    literals in :func:`canonical_lexical` form)."""
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
            return Literal(canonical_lexical(text, datatype), datatype=URIRef(datatype))
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
        cache: dict[tuple[str | None, ...], Identifier] = {}  # results repeat terms: each is made once

        def term(value: Mapping[str, str]) -> Identifier:
            key = (value.get("type"), value.get("value"), value.get("xml:lang"), value.get("datatype"))
            found = cache.get(key)
            if found is None:
                found = cache[key] = term_from_json(value)
            return found

        rows: list[Row] = [
            tuple(term(binding[name]) if name in binding else None for name in variables)
            for binding in document["results"]["bindings"]
        ]
    except (KeyError, TypeError, AttributeError):
        raise StrategyGraphError("error_not_results_json") from None
    return SelectResult(variables, rows)


def check_complete(answer: HttpAnswer, rows: int, url: str) -> None:
    """Refuse an answer the server says it cut short: Virtuoso stops at ``ResultSetMaxRows`` rows (and says
    so in ``X-SPARQL-MaxRows``), and returns what it has when ``MaxQueryExecutionTime`` runs out (``X-SQL-State:
    S1TAT``)."""
    limit = (answer.headers.get("X-SPARQL-MaxRows") or "").strip()
    if limit.isdigit() and rows >= int(limit):
        raise StrategyGraphError("error_answer_cut_at_rows", url=url, limit=int(limit))
    if (answer.headers.get("X-SQL-State") or "").strip() == "S1TAT":
        detail = (answer.headers.get("X-SQL-Message") or "").strip()
        raise StrategyGraphError("error_answer_cut_at_time", url=url, detail=f": {detail}" if detail else "")


@dataclass
class SparqlEndpoint(GraphStore):
    """A remote SPARQL 1.1 query endpoint, read-only; ``default_graphs`` are sent as ``default-graph-uri``."""

    url: str
    default_graphs: Sequence[str] = field(default_factory=tuple)
    timeout: float = DEFAULT_TIMEOUT
    credentials: Credentials | None = None
    kind: str = "remote"
    _graph: Graph | None = field(default=None, init=False, repr=False)
    _count: int | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        check_endpoint_url(self.url)
        for graph in self.default_graphs:
            check_iri(graph)

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        return self._select(query, bindings, self.default_graphs)

    def _select(
        self, query: str, bindings: Mapping[str, Identifier] | None, default_graphs: Sequence[str]
    ) -> SelectResult:
        text = with_prefixes(substitute(query, bindings or {}), _PREFIXES)
        if query_form(text) not in {"SELECT", "ASK"}:
            raise StrategyGraphError("error_endpoint_select_ask")
        form = [("query", text), *(("default-graph-uri", graph) for graph in default_graphs)]
        answer = http_request(
            self.url,
            "POST",
            urllib.parse.urlencode(form).encode("utf-8"),
            {"Accept": RESULTS_JSON, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
            self.timeout,
            credentials=self.credentials,
        )
        try:
            result = results_from_json(json.loads(answer.body.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise StrategyGraphError("error_answer_not_json", url=self.url) from None
        except StrategyGraphError as error:
            raise StrategyGraphError("error_at_url", url=self.url, error=error) from None
        check_complete(answer, len(result.rows), self.url)
        return result

    def add(self, triples: Iterable[Triple]) -> None:
        raise StrategyGraphError("error_endpoint_read_only")

    def __len__(self) -> int:
        """The triple count, asked once per store: a command sees one state of the service's graph."""
        if self._count is None:
            result = self.select("SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }")
            value = result.rows[0][0] if result.rows else None
            self._count = int(value.toPython()) if isinstance(value, Literal) else 0
        return self._count

    def kept(self, form: KeptForm[T], make: Callable[[], T]) -> T | None:
        """The value kept in the cache folder for the state of the graph that ``publish`` last wrote (its
        digest, package version and the form's name in the file's name), else made now and kept there; None (derive it
        from the service) when the graph was not written by ``publish``, or when its triple count is no longer
        the one ``publish`` wrote (it was changed by other means since). Older texts of the graph go."""
        if len(self.default_graphs) != 1:
            return None
        graph = self.default_graphs[0]
        published = self._published(graph)
        if published is None or published[1] != len(self):
            return None
        folder = cache_root() / "remote" / _short_digest(f"{self.url}\0{graph}")
        stamp = f"{KEPT}{__version__}-{published[0]}-"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for older in folder.glob(f"{KEPT}*"):
                if not older.name.startswith(stamp):
                    older.unlink(missing_ok=True)
        except OSError:
            return None
        return read_or_keep(folder / f"{stamp}{form.name}", form, make)

    def _published(self, graph: str) -> tuple[str, int] | None:
        """The content digest and triple count ``publish`` recorded for ``graph``, if it recorded them."""
        rows = self._select(_PUBLISHED, {"graph": URIRef(graph), "about": URIRef(published_about(graph))}, ()).rows
        if len(rows) != 1 or not all(isinstance(value, Literal) for value in rows[0]):
            return None
        identifier, triples = (str(value) for value in rows[0])
        digest = re.fullmatch(f"{_DIGEST}([0-9a-f]{{64}})", identifier)
        if digest is None or not triples.isdigit():
            return None
        return digest[1][:32], int(triples)

    def to_rdflib(self) -> Graph:
        """The whole graph, read in pages of :data:`PAGE_ROWS` triples by subject (no OFFSET: Virtuoso sorts at
        most 10 000 rows by default), once per store: a command sees one state of the service's graph."""
        if self._graph is None:
            graph = bind_prefixes(Graph())
            for triple in self._triples():
                graph.add(triple)
            self._graph = graph
        return self._graph

    def _triples(self) -> Iterable[Triple]:
        yield from self._rows(_BLANK_SUBJECTS)
        query, after = _IRI_SUBJECT_PAGE.format(rows=PAGE_ROWS), ""
        while True:
            rows = self._rows(query, {"after": Literal(after)})
            yield from rows
            if len(rows) < PAGE_ROWS:
                return
            last = rows[-1][0]
            if all(subject == last for subject, _, _ in rows):
                raise StrategyGraphError("error_remote_cannot_page", url=self.url, subject=str(last), rows=PAGE_ROWS)
            # the last subject may go on in the next page: start there again (the graph drops repeated triples)
            after = str(last)

    def _rows(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> list[Triple]:
        rows = self.select(query, bindings).rows
        return [(s, p, o) for s, p, o in rows if s is not None and p is not None and o is not None]


@dataclass(frozen=True)
class PublishReport:
    """What ``publish`` did: the graph store URL, the named graph, and its triple counts before and after."""

    store_url: str
    graph: str
    before: int
    after: int
    sent: int


def graph_triple_count(
    store_url: str, graph: str, timeout: float = DEFAULT_TIMEOUT, credentials: Credentials | None = None
) -> int:
    """How many triples the named graph holds on a Graph Store Protocol endpoint (0 if it does not exist)."""
    answer = http_request(
        with_parameter(store_url, "graph", graph),
        "GET",
        None,
        {"Accept": N_TRIPLES},
        timeout,
        missing_ok=True,
        credentials=credentials,
    )
    if answer.status == 404:
        return 0
    rdf_format = _RDF_FORMATS.get(answer.content_type)
    if rdf_format is None:
        raise StrategyGraphError("error_unexpected_content_type", url=store_url, content_type=answer.content_type)
    import pyoxigraph as ox

    counted = ox.Store()  # Oxigraph parses and counts (distinct triples) 2.3 M triples in seconds; rdflib took minutes
    formats = {"nt": ox.RdfFormat.N_TRIPLES, "turtle": ox.RdfFormat.TURTLE}
    try:
        counted.load(answer.body, format=formats[rdf_format], base_iri=store_url)
        return len(counted)
    except Exception as error:  # the parser's own kinds (SyntaxError, ValueError): the answer is simply not RDF
        first = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
        raise StrategyGraphError(
            "error_answer_not_rdf", url=store_url, content_type=answer.content_type, detail=first
        ) from None


def canonical_ntriples(store: GraphStore) -> str:
    """The graph as sorted N-Triples with every literal in :func:`canonical_lexical` form. An Oxigraph store's
    quads are written as Oxigraph writes them, without a copy in rdflib (at 1 M triples: 9 GB and minutes)."""
    from .oxigraph import OxigraphStore

    if isinstance(store, OxigraphStore):
        lines = {f"{quad.subject} {quad.predicate} {_canonical_term(quad.object)} .\n" for quad in store.quads()}
        return "".join(sorted(lines))
    canonical = MemoryStore()
    for subject, predicate, obj in store.to_rdflib():
        canonical.graph.add((subject, predicate, canonical_literal(obj) if isinstance(obj, Literal) else obj))
    return serialize_graph(canonical, "nt")


def _canonical_term(term: object) -> str:
    """An Oxigraph term in N-Triples, a typed literal in :func:`canonical_lexical` form."""
    import pyoxigraph as ox

    if isinstance(term, ox.Literal) and term.language is None:
        text = canonical_lexical(term.value, term.datatype.value)
        if text != term.value:
            return str(ox.Literal(text, datatype=term.datatype))
    return str(term)


def publish_graph(
    store: GraphStore,
    store_url: str,
    graph: str = DEFAULT_GRAPH,
    timeout: float = DEFAULT_TIMEOUT,
    credentials: Credentials | None = None,
) -> PublishReport:
    """Replace ``graph`` on the Graph Store Protocol endpoint ``store_url`` with the whole local graph;
    ``timeout`` bounds the connection and each wait for an answer (seconds)."""
    check_endpoint_url(store_url)
    check_iri(graph)
    before = graph_triple_count(store_url, graph, timeout, credentials)
    payload = canonical_ntriples(store).encode("utf-8")
    put = {"Content-Type": f"{N_TRIPLES}; charset=utf-8"}
    about = with_parameter(store_url, "graph", published_about(graph))
    # the record goes first and comes back last: a publish that fails midway leaves a graph no reader keeps
    http_request(about, "DELETE", None, {}, timeout, missing_ok=True, credentials=credentials)
    http_request(with_parameter(store_url, "graph", graph), "PUT", payload, put, timeout, credentials=credentials)
    after = graph_triple_count(store_url, graph, timeout, credentials)
    digest = f"{_DIGEST}{hashlib.sha256(payload).hexdigest()}"
    sent = payload.count(b"\n")  # distinct triples in canonical form; not `after`: Virtuoso reads back at most 10 000
    record = f"<{graph}> <{_IDENTIFIER}> {Literal(digest).n3()} .\n<{graph}> <{_VOID_TRIPLES}> {Literal(sent).n3()} .\n"
    http_request(about, "PUT", record.encode("utf-8"), put, timeout, credentials=credentials)
    return PublishReport(store_url, graph, before, after, len(store))


def published_about(graph: str) -> str:
    """The named graph in which ``publish`` records what it wrote into ``graph``: its content digest
    (``dcterms:identifier "sha256:…"``) and triple count (``void:triples``), which ``--store URL`` reads to keep
    the corpus of that state of the graph."""
    return f"{_PUBLISHED_GRAPHS}{_short_digest(graph)}"


def _short_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
