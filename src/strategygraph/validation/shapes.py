"""SHACL validation of the loaded graph, returned as a value (the CLI maps it to exit codes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import StrategyGraphError
from ..i18n import Lang
from ..namespaces import SH, short_name
from ..stores.base import GraphStore, parse_turtle_file

Incoming = Callable[[BNode], list[tuple[Node, Node]]]


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint: the node, the property path, and a message a curator can act on."""

    node: str
    path: str
    message: str
    value: str = ""

    def line(self) -> str:
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.node}  {self.path}  {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]


def describe_node(graph: Graph, node: Node, incoming: Incoming | None = None) -> str:
    """A short, readable name for a node; a blank node is named by the IRI that points to it (of several, the
    one first by predicate and subject). ``graph`` gives the prefixes; ``incoming`` lists the (subject,
    predicate) pairs pointing at a blank node (default: those in ``graph``)."""
    if isinstance(node, URIRef):
        return short_name(str(node), graph)
    if isinstance(node, Literal):
        text = str(node)
        return repr(text if len(text) <= 60 else text[:57] + "...")
    if isinstance(node, BNode):
        pairs = incoming(node) if incoming is not None else list(graph.subject_predicates(node))
        if pairs:
            subject, predicate = min(pairs, key=lambda pair: (str(pair[1]), str(pair[0])))
            via = short_name(str(predicate), graph)
            return f"{describe_node(graph, subject, incoming)} {via} [ ]"
    return str(node)


def _path_text(results: Graph, path: Node | None, data: Graph) -> str:
    if path is None:
        return "-"
    if isinstance(path, URIRef):
        return short_name(str(path), data)
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + short_name(str(inverse), data)
    return "(path)"


def _message(results: Graph, result: Node, lang: Lang, languages: dict[str, str | None]) -> str:
    """The result message in ``lang`` (else English). pySHACL drops the language tags of SPARQL
    constraint messages, so a tag missing in the results is looked up in the shapes' own messages."""
    messages = [m for m in results.objects(result, SH.resultMessage) if isinstance(m, Literal)]
    for wanted in (lang, "en"):
        for message in messages:
            if (message.language or languages.get(str(message))) == wanted:
                return str(message)
    return str(min(messages)) if messages else "constraint violated"


ENGINES = ("compiled", "pyshacl")


def validate_graph(
    store: GraphStore, shapes_file: Path, lang: Lang = "en", engine: str = "compiled"
) -> ValidationReport:
    """Run the SHACL shapes on the whole graph; every violation becomes one :class:`Violation`.

    ``engine`` ``compiled`` (the default) runs the shapes as SPARQL on Oxigraph in linear time
    (:mod:`.compiled_shapes`); ``pyshacl`` is the reference it is tested against, ~7 ms per statement."""
    if engine == "pyshacl":
        return _validate_with_pyshacl(store, shapes_file, lang)
    if engine != "compiled":
        raise StrategyGraphError("error_unknown_shacl_engine", engine=engine, choices=", ".join(ENGINES))
    from .compiled_validation import validate_compiled

    violations = validate_compiled(store, shapes_file, lang)
    return ValidationReport(not violations, violations)


def _validate_with_pyshacl(store: GraphStore, shapes_file: Path, lang: Lang) -> ValidationReport:
    import pyshacl

    shapes = Graph()
    parse_turtle_file(shapes, shapes_file)
    languages = {str(m): m.language for m in shapes.objects(None, SH.message) if isinstance(m, Literal)}
    data = store.to_rdflib()
    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    assert isinstance(results, Graph)
    violations = set()
    for result in results.subjects(SH.resultSeverity, SH.Violation):
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        violations.add(
            Violation(
                node=describe_node(data, focus) if focus is not None else "-",
                path=_path_text(results, results.value(result, SH.resultPath), data),
                message=_message(results, result, lang, languages),
                value=describe_node(data, value) if value is not None and value != focus else "",
            )
        )
    return ValidationReport(bool(conforms) and not violations, tuple(sorted(violations)))
