"""The graph in Oxigraph (pyoxigraph, used directly): fast loading and SPARQL for national-scale data.

Results come back as the same rdflib terms that :class:`~strategygraph.stores.base.MemoryStore` gives, so library code
sees no difference. Things to know (all tested against MemoryStore):

- Everything lives in Oxigraph's *default graph*, and queries read the default graph only (no union of named
  graphs): load Turtle, not TriG, and do not use ``GRAPH`` patterns. The one exception is the persistent store's
  build in memory (``graphs``): each data file in a named graph of its own, queried as the union of all graphs.
- Plain strings: Oxigraph types them ``xsd:string``; they come back as rdflib's plain ``Literal(text)`` (RDF 1.1
  makes the two the same literal), so an explicit ``"x"^^xsd:string`` in data also comes back plain.
- Oxigraph keeps typed literals in canonical form and language tags in lower case, where rdflib keeps them as
  written (``1.50`` stays ``1.50``, ``@DA`` stays ``@DA``). A whole decimal comes back as ``1.0`` (as Turtle
  writes it), not XSD 1.1's ``1``. Write literals that way (decimals without trailing zeros but one after the
  point, lower-case tags; ``Literal(Decimal("0.8"))``) and both stores agree term for term. Numbers that a
  query computes may differ in form: rdflib types integer arithmetic as decimal and keeps Python's decimal
  digits (``AVG`` of 2 and 4 is ``3``, Oxigraph's ``3.0``); cast or compare values.
- Parameters are bound by SEP-0007 substitution, never pasted into the query (see :mod:`.substitution`, which
  also carries them into sub-SELECTs as rdflib's ``initBindings`` does). Queries are SELECT or ASK.
- Blank nodes keep Oxigraph's identifiers, which differ from rdflib's; use IRIs for anything a query returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier, Node

from ..errors import InputError, StrategyGraphError
from ..namespaces import PREFIXES, XSD, bind_prefixes
from ..text_files import read_text_file
from .base import GraphStore, Row, SelectResult, Triple
from .literal_forms import canonical_lexical
from .substitution import SubstitutionPlan, plan_substitution

_XSD_STRING = str(XSD.string)
_XSD_DECIMAL = str(XSD.decimal)
_QUERY_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
ADD_BATCH = 50_000  # triples per N-Triples document in OxigraphStore.add
Substitutions = dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]


def to_rdflib_term(term: object) -> Identifier:
    """An Oxigraph term as the rdflib term rdflib itself would give for it."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        if datatype == _XSD_DECIMAL and "." not in term.value:  # 1.0 as Turtle writes it, not XSD 1.1's 1
            return Literal(canonical_lexical(term.value, datatype), datatype=URIRef(datatype))
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise StrategyGraphError("error_unsupported_oxigraph_term", term=repr(term))


def to_oxigraph_term(term: Node) -> OxTerm:
    """An rdflib term as an Oxigraph term (for bindings and ``add``)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise StrategyGraphError("error_cannot_store_term", term=repr(term))


def to_substitutions(bindings: Mapping[str, Identifier]) -> Substitutions:
    """Bindings by variable name as pyoxigraph substitutions: RDF terms, never query text."""
    return {ox.Variable(name): to_oxigraph_term(term) for name, term in bindings.items()}


def to_oxigraph_quads(triples: list[Triple]) -> list[ox.Quad]:
    """rdflib triples as Oxigraph quads of the default graph: through one N-Triples document that Oxigraph parses
    (several times faster than a term at a time), or term by term when one holds a blank node (whose label a
    parse would not keep) or anything N-Triples cannot say."""
    text = _ntriples(triples)
    if text is not None:
        try:
            return list(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))
        except (SyntaxError, ValueError):
            pass  # e.g. an IRI Oxigraph rejects: the quads below report it
    return _quads(triples)


def ntriples_document(triples: list[Triple]) -> str:
    """The triples as one N-Triples document, each triple once (what Oxigraph's bulk loader reads fastest)."""
    text = _ntriples(triples)
    if text is None:
        return (ox.serialize(set(_quads(triples)), format=ox.RdfFormat.N_TRIPLES) or b"").decode()
    return "".join(set(text.splitlines(keepends=True)))


def _quads(triples: list[Triple]) -> list[ox.Quad]:
    default = ox.DefaultGraph()
    converted: dict[Node, OxTerm] = {}  # triples repeat their terms: convert each once
    quads = []
    for s, p, o in triples:
        subject, predicate, value = (_converted(term, converted) for term in (s, p, o))
        quads.append(ox.Quad(_subject(s, subject), _predicate(p, predicate), value, default))
    return quads


def _converted(term: Node, cache: dict[Node, OxTerm]) -> OxTerm:
    found = cache.get(term)
    if found is None:
        found = cache[term] = to_oxigraph_term(term)
    return found


def _subject(term: Node, converted: OxTerm) -> ox.NamedNode | ox.BlankNode:
    if isinstance(converted, ox.Literal):
        raise StrategyGraphError("error_literal_subject", term=repr(term))
    return converted


def _predicate(term: Node, converted: OxTerm) -> ox.NamedNode:
    if not isinstance(converted, ox.NamedNode):
        raise StrategyGraphError("error_predicate_not_iri", term=repr(term))
    return converted


# What may stand between < and > or after @ in N-Triples without changing the document's structure; anything else
# (a '>' or a space in an IRI, say) takes the term-by-term path, so no term can ever add a triple of its own.
_PLAIN_IRI = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]+(-[a-zA-Z0-9]+)*")


def _ntriples_term(term: Node) -> str | None:
    """``term`` in N-Triples (literals escaped), or None for a blank node or an IRI or tag not plainly safe."""
    if isinstance(term, URIRef):
        return f"<{term}>" if _PLAIN_IRI.fullmatch(term) else None
    if not isinstance(term, Literal):
        return None
    lexical = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if term.language:
        return f'"{lexical}"@{term.language}' if _LANGUAGE_TAG.fullmatch(term.language) else None
    if term.datatype is not None and str(term.datatype) != _XSD_STRING:
        return f'"{lexical}"^^<{term.datatype}>' if _PLAIN_IRI.fullmatch(term.datatype) else None
    return f'"{lexical}"'


def _ntriples(triples: list[Triple]) -> str | None:
    """The triples as one N-Triples document, or None when one of them cannot be written so (blank
    nodes, a literal subject or predicate)."""
    written: dict[Node, str | None] = {}
    lines = []
    for triple in triples:
        terms = []
        for term in triple:
            text = written.get(term, "")
            if text == "":
                text = written[term] = _ntriples_term(term)
            if text is None:
                return None
            terms.append(text)
        if terms[0][0] != "<" or terms[1][0] != "<":
            return None
        lines.append(f"{terms[0]} {terms[1]} {terms[2]} .\n")
    return "".join(lines)


def _syntax_message(error: SyntaxError) -> str:
    """Oxigraph's parser message without its location prefix (the file and line are reported separately)."""
    message = str(error.msg).splitlines()[0] if error.msg else str(error)
    if message.startswith("Parser error") and ": " in message:
        message = message.split(": ", 1)[1]
    return message


class OxigraphStore(GraphStore):
    """A pyoxigraph store: Oxigraph's own Turtle parser and SPARQL engine, rdflib terms out.

    In memory by default; ``store`` wraps another, such as one on disk (see :mod:`.persistent`), and ``files`` are
    the Turtle files it was built from (their prefixes are bound in :meth:`to_rdflib`). With ``graphs``, a file
    found there is loaded into that named graph, and queries read the union of all graphs (a triple two files
    state comes back twice: only the persistent store's build, whose derivations are sets, queries so)."""

    kind = "oxigraph"

    def __init__(
        self,
        store: ox.Store | None = None,
        *,
        files: Iterable[Path] = (),
        graphs: Mapping[Path, ox.NamedNode] | None = None,
    ) -> None:
        self._store = ox.Store() if store is None else store
        self._files: list[Path] = list(files)
        self._graphs = dict(graphs or {})
        self._plans: dict[tuple[str, frozenset[str]], SubstitutionPlan] = {}
        self._rdflib: Graph | None = None

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for benchmarks and tools that speak Oxigraph)."""
        return self._store

    def load_turtle(self, path: Path) -> None:
        """Parse one Turtle file into the default graph; a syntax error names the file and line."""
        text = read_text_file(path)
        try:
            self._store.load(
                text,
                format=ox.RdfFormat.TURTLE,
                base_iri=path.resolve().as_uri(),
                to_graph=self._graphs.get(path, ox.DefaultGraph()),
            )
        except SyntaxError as error:
            raise InputError(
                "error_turtle_syntax", path=path, line=error.lineno, detail=_syntax_message(error)
            ) from None
        except (ValueError, OSError) as error:
            raise InputError("error_turtle_unparsable", path=path, detail=str(error).partition("\n")[0]) from None
        self._files.append(path)
        self._rdflib = None

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        bindings = bindings or {}
        key = (query, frozenset(bindings))
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = plan_substitution(query, bindings)
        result = self._run(plan.text, to_substitutions(bindings))
        if isinstance(result, ox.QueryBoolean):
            return SelectResult(("ask",), [(Literal(bool(result)),)])
        if not isinstance(result, ox.QuerySolutions):
            raise StrategyGraphError("error_only_select_ask")
        names = [variable.value for variable in result.variables]
        keep = [index for index, name in enumerate(names) if name not in plan.added]
        cache: dict[object, Identifier] = {}
        rows: list[Row] = []
        for solution in result:
            values = tuple(solution)
            rows.append(tuple(None if values[i] is None else _convert(values[i], cache) for i in keep))
        if not rows and plan.empty_group_text is not None:
            return self.select(plan.empty_group_text)
        return SelectResult(tuple(names[index] for index in keep), rows)

    def _run(self, text: str, substitutions: Substitutions) -> object:
        try:
            return self._store.query(
                text,
                prefixes=_QUERY_PREFIXES,
                substitutions=substitutions,
                use_default_graph_as_union=bool(self._graphs),
            )
        except SyntaxError as error:
            raise StrategyGraphError("error_sparql_syntax", detail=str(error).partition("\n")[0]) from None
        except (RuntimeError, ValueError) as error:  # evaluation errors, e.g. an unknown SERVICE
            raise StrategyGraphError("error_sparql_failed", detail=str(error).partition("\n")[0]) from None

    def add(self, triples: Iterable[Triple]) -> None:
        """Add triples, ``ADD_BATCH`` at a time: each batch as one N-Triples document that Oxigraph parses in a
        single transaction (several times faster than building a Python object per quad), or term by term when
        the batch holds blank nodes (whose labels a parse would not keep) or anything N-Triples cannot say.
        Batches bound the memory: one document for the 2.7 M mention triples of 100 k statements took ~1 GB."""
        batch: list[Triple] = []
        for triple in triples:
            batch.append(triple)
            if len(batch) == ADD_BATCH:
                self._add_batch(batch)
                batch = []
        if batch:
            self._add_batch(batch)
        self._rdflib = None

    def _add_batch(self, batch: list[Triple]) -> None:
        text = _ntriples(batch)
        if text is not None:
            try:
                self._store.load(text, format=ox.RdfFormat.N_TRIPLES)
            except (SyntaxError, ValueError):
                text = None  # e.g. an IRI Oxigraph rejects: the quads below report it as before
        if text is None:
            self._store.extend(_quads(batch))

    def __len__(self) -> int:
        return len(self._store)

    def prefix_graph(self) -> Graph:
        """An rdflib Graph without triples but with the prefixes :meth:`to_rdflib` binds (for naming nodes)."""
        graph = bind_prefixes(Graph())
        for path in self._files:
            parser = ox.parse(path=path, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
            for _quad in parser:
                pass  # prefixes are known once the whole file is read
            for prefix, namespace in parser.prefixes.items():
                graph.bind(prefix, namespace)
        return graph

    def quads(self) -> Iterator[ox.Quad]:
        """The triples :meth:`to_rdflib` holds, as Oxigraph's own quads (nothing converted)."""
        return iter(self._store.quads_for_pattern(None, None, None, None if self._graphs else ox.DefaultGraph()))

    def to_rdflib(self) -> Graph:
        """The default graph as an rdflib Graph with the loaded files' prefixes bound, as rdflib would bind them.

        Built on first use and kept until the next ``add``; treat it as read-only."""
        if self._rdflib is None:
            graph = self.prefix_graph()
            cache: dict[object, Identifier] = {}
            triples = self.quads()
            graph.addN(
                (_convert(q.subject, cache), _convert(q.predicate, cache), _convert(q.object, cache), graph)
                for q in triples
            )
            self._rdflib = graph
        return self._rdflib


def _convert(term: object, cache: dict[object, Identifier]) -> Identifier:
    """``to_rdflib_term`` through a cache: results repeat the same IRIs many times."""
    converted = cache.get(term)
    if converted is None:
        converted = cache[term] = to_rdflib_term(term)
    return converted
