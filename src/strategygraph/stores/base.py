"""The graph behind every command: files parsed into a store that answers SPARQL SELECT queries.

Library code talks to a :class:`GraphStore`, never to a concrete engine, so the same catalogue queries,
analyses and reports run on rdflib's in-memory graph or on Oxigraph. Values always reach a query as
bound RDF terms (``bindings``), never as query text.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal
from rdflib.term import Identifier, Node

from ..errors import InputError
from ..namespaces import PREFIXES, bind_prefixes
from ..text_files import read_text_file
from .keeping import KeptForm, T

if TYPE_CHECKING:
    from rdflib.plugins.sparql.sparql import Query

Triple = tuple[Node, Node, Node]
Row = tuple[Identifier | None, ...]


@dataclass(frozen=True)
class SelectResult:
    """A SELECT result: the projected variable names and one tuple of terms (or None) per row."""

    variables: tuple[str, ...]
    rows: list[Row]

    def dicts(self) -> Iterator[dict[str, Identifier | None]]:
        for row in self.rows:
            yield dict(zip(self.variables, row, strict=True))


def as_int(term: Identifier | None, default: int = 0) -> int:
    """A numeric literal from a result row as int (``default`` when unbound)."""
    if term is None:
        return default
    value = term.toPython() if isinstance(term, Literal) else term
    return int(value)


def as_str(term: Identifier | None) -> str | None:
    """A result term as text (an IRI's string, a literal's lexical form), or None when unbound."""
    return None if term is None else str(term)


class GraphStore(ABC):
    """A loaded graph that answers SPARQL SELECT queries with bound parameters."""

    kind: str

    @abstractmethod
    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        """Run a SELECT (or ASK, as one boolean row) query; ``bindings`` pre-bind variables by name."""

    @abstractmethod
    def add(self, triples: Iterable[Triple]) -> None:
        """Add triples to the default graph."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of triples."""

    @abstractmethod
    def to_rdflib(self) -> Graph:
        """The whole graph as an rdflib Graph (for SHACL validation and serialisation)."""

    def kept(self, form: KeptForm[T], make: Callable[[], T]) -> T | None:
        """A value derived from the graph that the store keeps beside it in ``form``: read back, else ``make()``
        and kept. None from a store that keeps nothing (the caller derives it itself); see :mod:`.keeping`."""
        return None

    def prefix_graph(self) -> Graph:
        """A Graph with the prefixes :meth:`to_rdflib` binds, for naming nodes (``short_name``); stores that can
        give them without copying every triple into rdflib do so."""
        return self.to_rdflib()


@dataclass
class MemoryStore(GraphStore):
    """rdflib's in-memory graph; queries are prepared once and cached by their text."""

    graph: Graph = field(default_factory=lambda: bind_prefixes(Graph()))
    _prepared: dict[str, Query] = field(default_factory=dict, repr=False)
    kind: str = "memory"

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        # rdflib's SPARQL engine is imported on first use: a command on an Oxigraph store never loads it (0.1 s)
        from rdflib.plugins.sparql import prepareQuery
        from rdflib.query import ResultRow

        prepared = self._prepared.get(query)
        if prepared is None:
            prepared = prepareQuery(query, initNs=dict(PREFIXES))
            self._prepared[query] = prepared
        result = self.graph.query(prepared, initBindings=dict(bindings or {}))
        if result.type == "ASK":
            return SelectResult(("ask",), [(Literal(bool(result.askAnswer)),)])
        variables = tuple(str(v) for v in (result.vars or ()))
        rows: list[Row] = [tuple(row) for row in result if isinstance(row, ResultRow)]
        return SelectResult(variables, rows)

    def add(self, triples: Iterable[Triple]) -> None:
        for triple in triples:
            self.graph.add(triple)

    def __len__(self) -> int:
        return len(self.graph)

    def to_rdflib(self) -> Graph:
        return self.graph


def parse_turtle_file(graph: Graph, path: Path) -> None:
    """Parse one Turtle file into ``graph``; a syntax error names the file and line."""
    from rdflib.plugins.parsers.notation3 import BadSyntax

    text = read_text_file(path)
    try:
        graph.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
    except BadSyntax as error:
        raise InputError("error_turtle_syntax", path=path, line=error.lines + 1, detail=error._why) from None
    except Exception as error:  # rdflib raises plain exceptions for bad IRIs, datatypes, prefixes
        raise InputError("error_turtle_unparsable", path=path, detail=str(error).partition("\n")[0]) from None
