"""The SHACL shapes read into plain values, for the compiled validator (:mod:`.compiled_shapes`).

Only the part of SHACL that ``ontology/shapes.ttl`` uses is understood; a shape that uses anything else (another
constraint component, target kind, severity, a message template, a SPARQL constraint that needs more than
``$this``) is refused with :class:`UnsupportedShapeError`, so that a new shape can never go unchecked silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ..namespaces import RDF, RDFS, SH
from ..stores.base import parse_turtle_file

# What a shape node may say besides its constraints: these predicates carry no constraint of their own.
_DESCRIPTIVE = {RDF.type, RDFS.label, RDFS.comment, SH.message, SH.name, SH.description, SH.declare}
# Constraint parameters, each read by :func:`_constraints`.
_VALUE_PARAMETERS = {
    SH.datatype: "datatype",
    SH["class"]: "class",
    SH.pattern: "pattern",
    SH.minInclusive: "minInclusive",
    SH.maxInclusive: "maxInclusive",
    SH.minLength: "minLength",
    SH.languageIn: "languageIn",
    SH["in"]: "in",
}
_UNDERSTOOD = {
    *_DESCRIPTIVE,
    *_VALUE_PARAMETERS,
    SH.targetClass,
    SH.target,
    SH.property,
    SH.path,
    SH.minCount,
    SH.maxCount,
    SH.uniqueLang,
    SH.lessThan,
    SH.node,
    SH["or"],
    SH.qualifiedValueShape,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.sparql,
}
_SPARQL_KEYS = {RDF.type, SH.message, SH.prefixes, SH.select}
_SPARQL_TARGET_KEYS = {RDF.type, SH.prefixes, SH.select}


class UnsupportedShapeError(NotImplementedError):
    """A shape uses SHACL that the compiled validator does not translate: add it there (and to its tests). A
    programming error, not a user's (the shapes are bundled; a test compiles them), so its text is English."""


@dataclass(frozen=True)
class PropertyPath:
    """``sh:path``: one predicate, or its inverse (``^p``)."""

    predicate: str
    inverse: bool = False

    def sparql(self) -> str:
        return f"{'^' if self.inverse else ''}<{self.predicate}>"


@dataclass(frozen=True)
class ValueTest:
    """A constraint on each value node alone: ``kind`` is the SHACL parameter's local name."""

    kind: str
    parameter: Node | tuple[Node, ...]


@dataclass(frozen=True)
class Count:
    """``sh:minCount`` (``at_least``) or ``sh:maxCount`` on the number of distinct value nodes."""

    limit: int
    at_least: bool


@dataclass(frozen=True)
class UniqueLang:
    """``sh:uniqueLang true``: no two value nodes share a language tag."""


@dataclass(frozen=True)
class LessThan:
    """``sh:lessThan``: each value node below every value of ``predicate`` on the focus node."""

    predicate: str


@dataclass(frozen=True)
class NodeConforms:
    """``sh:node``: each value node conforms to ``shape``."""

    shape: Shape


@dataclass(frozen=True)
class AnyConforms:
    """``sh:or``: each value node conforms to at least one of ``shapes``."""

    shapes: tuple[Shape, ...]


@dataclass(frozen=True)
class Qualified:
    """``sh:qualifiedValueShape`` with ``sh:qualifiedMinCount`` and/or ``sh:qualifiedMaxCount``."""

    shape: Shape
    minimum: int | None
    maximum: int | None


@dataclass(frozen=True)
class SparqlConstraint:
    """``sh:sparql``: a SELECT whose every solution (``$this``, optional ``?value`` and ``?path``) is a result."""

    select: str
    messages: tuple[Literal, ...]


Constraint = ValueTest | Count | UniqueLang | LessThan | NodeConforms | AnyConforms | Qualified | SparqlConstraint


@dataclass(frozen=True)
class Shape:
    """A node shape (``path`` None) or a property shape; ``targets`` only on the shapes validation starts from."""

    name: str
    path: PropertyPath | None
    constraints: tuple[Constraint, ...]
    properties: tuple[Shape, ...] = ()
    messages: tuple[Literal, ...] = ()
    target_classes: tuple[str, ...] = ()
    target_selects: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShapesModel:
    """The targeted shapes and the SPARQL prefixes (``sh:declare``) their queries use."""

    shapes: tuple[Shape, ...]
    prefixes: dict[str, str] = field(default_factory=dict)


def read_shapes(shapes_file: Path) -> ShapesModel:
    """The shapes in ``shapes_file``, every one understood, or :class:`UnsupportedShapeError`."""
    graph = Graph()
    parse_turtle_file(graph, shapes_file)
    return read_shapes_graph(graph)


def read_shapes_graph(graph: Graph) -> ShapesModel:
    reader = _Reader(graph)
    targeted = sorted(
        {s for p in (SH.targetClass, SH.target) for s in graph.subjects(p, None)}
        | set(graph.subjects(RDF.type, SH.NodeShape)) & set(graph.subjects(RDF.type, RDFS.Class)),
        key=str,
    )
    for other in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
        for subject in graph.subjects(other, None):
            raise UnsupportedShapeError(f"shape {_name(subject)}: {_name(other)} is not supported")
    return ShapesModel(tuple(reader.shape(node, top=True) for node in targeted), _prefixes(graph))


def _name(node: Node) -> str:
    return str(node) if isinstance(node, URIRef) else f"[{node}]"


def _prefixes(graph: Graph) -> dict[str, str]:
    prefixes: dict[str, str] = {}
    for declaration in graph.objects(None, SH.declare):
        prefix, namespace = graph.value(declaration, SH.prefix), graph.value(declaration, SH.namespace)
        if prefix is None or namespace is None or prefixes.get(str(prefix), str(namespace)) != str(namespace):
            raise UnsupportedShapeError(f"sh:declare {prefix}: missing or conflicting namespace")
        prefixes[str(prefix)] = str(namespace)
    return prefixes


@dataclass
class _Reader:
    graph: Graph
    _seen: dict[Node, Shape] = field(default_factory=dict)

    def shape(self, node: Node, top: bool = False, detailed: bool = False) -> Shape:
        """The shape at ``node``; ``top`` for a targeted one, ``detailed`` for one behind ``sh:node``, whose
        results pySHACL reports too (as details), worded by its own generic message where it has none."""
        if not top and not detailed and node in self._seen:
            return self._seen[node]
        graph = self.graph
        predicates = set(graph.predicates(node, None))
        unknown = sorted(str(p) for p in predicates - _UNDERSTOOD)
        if unknown:
            raise UnsupportedShapeError(f"shape {_name(node)}: {', '.join(unknown)} not supported")
        if not top and predicates & {SH.targetClass, SH.target}:
            raise UnsupportedShapeError(f"shape {_name(node)}: a targeted shape used inside another shape")
        path = self._path(node)
        if path is not None and SH.property in predicates:
            raise UnsupportedShapeError(f"shape {_name(node)}: sh:property on a property shape")
        messages = tuple(sorted(m for m in graph.objects(node, SH.message) if isinstance(m, Literal)))
        constraints = self._constraints(node)
        if top and not messages and any(not isinstance(c, SparqlConstraint) for c in constraints):
            raise UnsupportedShapeError(f"shape {_name(node)}: a targeted shape's constraints need an sh:message")
        if detailed and not messages:
            messages = self._generic_messages(node, constraints)
        properties = tuple(self.shape(p) for p in sorted(graph.objects(node, SH.property), key=str))
        for prop in properties:
            if (top or detailed) and not prop.messages:
                raise UnsupportedShapeError(f"shape {prop.name}: a property of a targeted shape needs an sh:message")
        shape = Shape(
            name=_name(node),
            path=path,
            constraints=constraints,
            properties=properties,
            messages=messages,
            target_classes=tuple(sorted(str(c) for c in graph.objects(node, SH.targetClass))),
            target_selects=tuple(self._target_select(t) for t in graph.objects(node, SH.target)),
        )
        if (node, RDF.type, RDFS.Class) in graph:
            raise UnsupportedShapeError(f"shape {_name(node)}: implicit class targets are not supported")
        self._seen[node] = shape
        return shape

    def _generic_messages(self, node: Node, constraints: tuple[Constraint, ...]) -> tuple[Literal, ...]:
        """pySHACL's own message for the one constraint of a shape without sh:message (only sh:class so far)."""
        if not constraints:
            return ()
        only = constraints[0]
        if len(constraints) > 1 or not isinstance(only, ValueTest) or only.kind != "class":
            raise UnsupportedShapeError(f"shape {_name(node)}: a shape behind sh:node needs an sh:message")
        assert isinstance(only.parameter, URIRef)
        return (Literal(f"Value does not have class {only.parameter.n3(self.graph.namespace_manager)}"),)

    def _path(self, node: Node) -> PropertyPath | None:
        path = self.graph.value(node, SH.path)
        if path is None:
            return None
        if isinstance(path, URIRef):
            return PropertyPath(str(path))
        inverse = self.graph.value(path, SH.inversePath)
        if (
            isinstance(path, BNode)
            and isinstance(inverse, URIRef)
            and len(set(self.graph.predicate_objects(path))) == 1
        ):
            return PropertyPath(str(inverse), inverse=True)
        raise UnsupportedShapeError(f"shape {_name(node)}: only a predicate or its sh:inversePath is supported")

    def _one(self, node: Node, predicate: URIRef) -> Node | None:
        values = list(self.graph.objects(node, predicate))
        if len(values) > 1:
            raise UnsupportedShapeError(f"shape {_name(node)}: more than one {predicate}")
        return values[0] if values else None

    def _integer(self, node: Node, predicate: URIRef) -> int | None:
        value = self._one(node, predicate)
        if value is None:
            return None
        if not isinstance(value, Literal) or not isinstance(value.value, int) or isinstance(value.value, bool):
            raise UnsupportedShapeError(f"shape {_name(node)}: {predicate} must be an integer")
        return int(value.value)

    def _constraints(self, node: Node) -> tuple[Constraint, ...]:
        graph = self.graph
        found: list[Constraint] = []
        for predicate, kind in _VALUE_PARAMETERS.items():
            value = self._one(node, predicate)
            if value is None:
                continue
            if kind in ("in", "languageIn"):
                found.append(ValueTest(kind, tuple(Collection(graph, value))))
            else:
                found.append(ValueTest(kind, value))
        for predicate, at_least in ((SH.minCount, True), (SH.maxCount, False)):
            limit = self._integer(node, predicate)
            if limit is not None:
                found.append(Count(limit, at_least))
        found.extend(self._pair_constraints(node))
        found.extend(NodeConforms(self.shape(s, detailed=True)) for s in graph.objects(node, SH.node))
        for alternatives in graph.objects(node, SH["or"]):
            found.append(AnyConforms(tuple(self.shape(s) for s in Collection(graph, alternatives))))
        found.extend(self._qualified(node))
        found.extend(self._sparql(s) for s in graph.objects(node, SH.sparql))
        return tuple(found)

    def _pair_constraints(self, node: Node) -> list[Constraint]:
        """``sh:uniqueLang`` and ``sh:lessThan``: constraints between the values of one focus node."""
        found: list[Constraint] = []
        unique = self._one(node, SH.uniqueLang)
        if unique is not None and not (isinstance(unique, Literal) and unique.value is True):
            raise UnsupportedShapeError(f"shape {_name(node)}: sh:uniqueLang other than true")
        if unique is not None:
            found.append(UniqueLang())
        for other in self.graph.objects(node, SH.lessThan):
            if not isinstance(other, URIRef):
                raise UnsupportedShapeError(f"shape {_name(node)}: sh:lessThan must be a predicate")
            found.append(LessThan(str(other)))
        return found

    def _qualified(self, node: Node) -> list[Constraint]:
        value_shape = self._one(node, SH.qualifiedValueShape)
        minimum, maximum = self._integer(node, SH.qualifiedMinCount), self._integer(node, SH.qualifiedMaxCount)
        if value_shape is None:
            if minimum is not None or maximum is not None:
                raise UnsupportedShapeError(f"shape {_name(node)}: a qualified count without sh:qualifiedValueShape")
            return []
        return [Qualified(self.shape(value_shape), minimum, maximum)]

    def _select(self, node: Node, allowed: set[URIRef]) -> str:
        unknown = set(self.graph.predicates(node, None)) - allowed
        select = self.graph.value(node, SH.select)
        if unknown or select is None:
            raise UnsupportedShapeError(f"SPARQL node {_name(node)}: needs sh:select, nothing else is supported")
        text = str(select)
        if re.search(r"\$(?!this\b)\w", text) or re.search(r"^\s*(PREFIX|BASE)\b", text, re.IGNORECASE | re.M):
            raise UnsupportedShapeError(f"SPARQL node {_name(node)}: only $this may be pre-bound; no PREFIX lines")
        return re.sub(r"\$this\b", "?this", text)

    def _sparql(self, node: Node) -> SparqlConstraint:
        messages = tuple(sorted(m for m in self.graph.objects(node, SH.message) if isinstance(m, Literal)))
        if not messages or any(re.search(r"\{[?$]\w+\}", str(m)) for m in messages):
            raise UnsupportedShapeError(f"SPARQL constraint {_name(node)}: needs an sh:message without {{?var}}")
        return SparqlConstraint(self._select(node, _SPARQL_KEYS), messages)

    def _target_select(self, node: Node) -> str:
        if (node, RDF.type, SH.SPARQLTarget) not in self.graph:
            raise UnsupportedShapeError(f"target {_name(node)}: only sh:SPARQLTarget is supported")
        return self._select(node, _SPARQL_TARGET_KEYS)
