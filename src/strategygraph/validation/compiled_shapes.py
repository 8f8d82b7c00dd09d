"""SHACL validation compiled to SPARQL on Oxigraph: the same results as pySHACL, in linear time.

Each constraint of :mod:`.shape_model` becomes one SELECT over *all* focus nodes at once (pySHACL walks them one
by one in Python, ~7 ms per statement). A shape's focus nodes are a SPARQL group that binds ``?this``: the targets
for a targeted shape, the value nodes of the enclosing shape for one reached by ``sh:node``, ``sh:or`` or
``sh:qualifiedValueShape``. Queries pick every value node that might fail; :mod:`.value_checks` decides each as
pySHACL would. ``tests/test_compiled_shapes.py`` holds the two validators to the same reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from ..namespaces import RDF, RDFS, XSD
from ..stores.oxigraph import to_rdflib_term
from .shape_model import (
    AnyConforms,
    Constraint,
    Count,
    LessThan,
    NodeConforms,
    PropertyPath,
    Qualified,
    Shape,
    ShapesModel,
    SparqlConstraint,
    UniqueLang,
    UnsupportedShapeError,
    ValueTest,
)
from .value_checks import less_than_fails, value_fails

OxNode = ox.NamedNode | ox.BlankNode | ox.Literal
# Literals of these datatypes that Oxigraph holds in canonical form (isNumeric) are well-typed for rdflib too.
_NUMERIC = {str(XSD.integer), str(XSD.decimal)}
_ANY_TEXT = {str(XSD.string), str(RDF.langString)}
_TRUE = ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean)))


@dataclass(frozen=True)
class Hit:
    """One validation result: the focus node, the value node (None: none), and whose messages and path apply."""

    focus: OxNode
    value: OxNode | None
    shape: Shape
    messages: tuple[Literal, ...]
    path: PropertyPath | None
    detail: bool = False  # a result behind sh:node: reported, but the focus node it fails is the value's owner


def _values(focus: str, path: PropertyPath | None) -> str:
    """The focus group extended with each value node as ``?value`` (a node shape's value node is its focus)."""
    if path is None:
        return f"{focus} BIND(?this AS ?value)"
    return f"{focus} ?this {path.sparql()} ?value ."


def _nested_focus(focus: str, path: PropertyPath | None) -> str:
    """A group binding ``?this`` to the value nodes of ``focus`` along ``path``."""
    return f"{{ SELECT (?value AS ?this) WHERE {{ {{ SELECT DISTINCT ?value WHERE {{ {_values(focus, path)} }} }} }} }}"


def _term(node: Node) -> str:
    if isinstance(node, URIRef | Literal):
        return node.n3()
    raise UnsupportedShapeError(f"a shape's list holds a blank node: {node}")


def _might_fail(test: ValueTest) -> str:
    """A SPARQL condition true for every value node that might fail ``test`` (and, ideally, few others)."""
    parameter = test.parameter
    if test.kind == "datatype":
        datatype = str(parameter)
        safe = "true" if datatype in _ANY_TEXT else "isNumeric(?value)" if datatype in _NUMERIC else "false"
        return f"!(isLiteral(?value) && datatype(?value) = <{datatype}> && {safe})"
    if test.kind in ("minInclusive", "maxInclusive") and isinstance(parameter, Literal):
        if str(parameter.datatype) not in _NUMERIC:
            return "true"
        operator = ">=" if test.kind == "minInclusive" else "<="
        return f"!(isNumeric(?value) && ?value {operator} {parameter.n3()})"
    if test.kind == "minLength" and isinstance(parameter, Literal):
        return f"isBlank(?value) || STRLEN(STR(?value)) < {int(parameter.value)}"
    if test.kind == "in" and isinstance(parameter, tuple):
        same = " || ".join(f"sameTerm(?value, {_term(member)})" for member in parameter)
        return f"!({same})" if same else "true"
    if test.kind == "languageIn" and isinstance(parameter, tuple):
        tags = ", ".join(Literal(str(tag).lower()).n3() for tag in parameter)
        if "*" in {str(tag) for tag in parameter}:
            return '!(isLiteral(?value) && lang(?value) != "")'
        first = 'LCASE(STRBEFORE(lang(?value), "-"))'
        return f"!(isLiteral(?value) && (LCASE(lang(?value)) IN ({tags}) || {first} IN ({tags})))"
    return "true"  # sh:pattern: Python's re decides every value


class CompiledValidator:
    """The shapes of one :class:`ShapesModel`, run on one pyoxigraph store."""

    def __init__(self, store: ox.Store, model: ShapesModel) -> None:
        self._store = store
        self._prefixes = {**model.prefixes, "rdf": str(RDF), "rdfs": str(RDFS)}
        self._model = model
        self._nested_cache: dict[tuple[str, str], list[Hit]] = {}
        self._subclasses: dict[str, str] = {}

    def hits(self) -> Iterator[Hit]:
        """Every validation result of the targeted shapes."""
        for shape in self._model.shapes:
            yield from self._shape_hits(shape, self._target_focus(shape))

    def _instance(self, variable: str, class_iri: object) -> str:
        """A pattern true where ``variable`` is a SHACL instance of the class (typed it or a subclass of it):
        the subclasses are looked up once, which spares Oxigraph a property path per node."""
        key = str(class_iri)
        if key not in self._subclasses:
            query = f"SELECT DISTINCT ?class WHERE {{ ?class <{RDFS.subClassOf}>* <{key}> }}"
            found = {row[0].value for row in self._rows(query) if isinstance(row[0], ox.NamedNode)}
            self._subclasses[key] = " ".join(f"<{iri}>" for iri in sorted(found | {key}))
        return f"VALUES ?class_ {{ {self._subclasses[key]} }} {variable} <{RDF.type}> ?class_ ."

    def _target_focus(self, shape: Shape) -> str:
        groups = [f"{{ {self._instance('?this', c)} }}" for c in shape.target_classes]
        groups += [f"{{ {select} }}" for select in shape.target_selects]
        return f"{{ SELECT DISTINCT ?this WHERE {{ {' UNION '.join(groups)} }} }}"

    def _rows(self, query: str) -> list[tuple[OxNode | None, ...]]:
        solutions = self._store.query(query, prefixes=self._prefixes)
        assert isinstance(solutions, ox.QuerySolutions)
        return [tuple(solution) for solution in solutions]

    def _shape_hits(self, shape: Shape, focus: str) -> Iterator[Hit]:
        """The shape's results: one query for the counts of all its properties, one per property for its value
        tests, one per other constraint."""
        owners = (shape, *shape.properties)
        yield from self._counts_hits([(o, [c for c in o.constraints if isinstance(c, Count)]) for o in owners], focus)
        for owner in owners:
            tests = [c for c in owner.constraints if isinstance(c, ValueTest)]
            if tests:
                yield from self._value_hits(owner, tests, focus)
            for constraint in owner.constraints:
                if not isinstance(constraint, Count | ValueTest):
                    yield from self._constraint_hits(owner, constraint, focus)

    def _nested_hits(self, shape: Shape, focus: str) -> list[Hit]:
        key = (shape.name, focus)
        if key not in self._nested_cache:
            self._nested_cache[key] = list(self._shape_hits(shape, focus))
        return self._nested_cache[key]

    def _failing(self, shape: Shape, focus: str) -> set[OxNode]:
        """The focus nodes that do not conform to ``shape``."""
        return {hit.focus for hit in self._nested_hits(shape, focus) if not hit.detail}

    def _constraint_hits(self, shape: Shape, constraint: Constraint, focus: str) -> Iterator[Hit]:
        path = shape.path
        if isinstance(constraint, SparqlConstraint):
            yield from self._sparql_hits(shape, constraint, focus)
            return
        if isinstance(constraint, NodeConforms | AnyConforms):
            yield from self._conformance_hits(shape, constraint, focus)
            return
        if path is None:
            raise UnsupportedShapeError(f"shape {shape.name}: {type(constraint).__name__} needs a property path")
        if isinstance(constraint, UniqueLang):
            same = "!sameTerm(?value, ?other) && lang(?value) != '' && LCASE(lang(?value)) = LCASE(lang(?other))"
            pairs = f"{_values(focus, path)} ?this {path.sparql()} ?other FILTER({same})"
            query = f"SELECT DISTINCT ?this WHERE {{ {pairs} }}"
            yield from (self._hit(shape, row[0], None) for row in self._rows(query))
        elif isinstance(constraint, LessThan):
            yield from self._less_than_hits(shape, constraint, focus, path)
        else:
            assert isinstance(constraint, Qualified)
            yield from self._qualified_hits(shape, constraint, focus, path)

    def _hit(
        self, shape: Shape, focus: OxNode | None, value: OxNode | None, constraint: SparqlConstraint | None = None
    ) -> Hit:
        assert focus is not None
        messages = constraint.messages if constraint is not None else shape.messages
        return Hit(focus, value, shape, messages, shape.path)

    def _counts_hits(self, counted: list[tuple[Shape, list[Count]]], focus: str) -> Iterator[Hit]:
        """``sh:minCount`` and ``sh:maxCount`` of several property shapes on one focus group, in one query: the
        focus nodes where a property's number of distinct values lies outside its bounds."""
        bounds: list[tuple[Shape, PropertyPath, int, int | None]] = []
        for shape, counts in counted:
            if not counts:
                continue
            if shape.path is None:
                raise UnsupportedShapeError(f"shape {shape.name}: sh:minCount and sh:maxCount need a property path")
            maxima = [c.limit for c in counts if not c.at_least]
            minimum = max((c.limit for c in counts if c.at_least), default=0)
            bounds.append((shape, shape.path, minimum, min(maxima) if maxima else None))
        if not bounds:
            return
        optionals, projected, outside = [], [], []
        for index, (_shape, path, minimum, maximum) in enumerate(bounds):
            optionals.append(f"OPTIONAL {{ ?this {path.sparql()} ?value{index} }}")
            count = f"COUNT(DISTINCT ?value{index})"
            projected.append(f"({count} AS ?count{index})")
            outside += [f"{count} < {minimum}"] if minimum > 0 else []
            outside += [f"{count} > {maximum}"] if maximum is not None else []
        query = (
            f"SELECT ?this {' '.join(projected)} WHERE {{ {focus} {' '.join(optionals)} }} "
            f"GROUP BY ?this HAVING ({' || '.join(outside)})"
        )
        for row in self._rows(query):
            for index, (shape, _path, minimum, maximum) in enumerate(bounds):
                cell = row[index + 1]
                number = int(cell.value) if isinstance(cell, ox.Literal) else 0
                if number < minimum or (maximum is not None and number > maximum):
                    yield self._hit(shape, row[0], None)

    def _value_hits(self, shape: Shape, tests: list[ValueTest], focus: str) -> Iterator[Hit]:
        """One query picks every value node that might fail one of ``tests``; each test then decides."""
        binds, conditions = [], []
        for index, test in enumerate(tests):
            if test.kind == "class":
                instance = self._instance("?value", test.parameter)
                binds.append(f"BIND(NOT EXISTS {{ {instance} }} AS ?class{index})")
                conditions.append(f"?class{index}")
            else:
                conditions.append(f"({_might_fail(test)})")
        projected = " ".join(f"?class{index}" for index, test in enumerate(tests) if test.kind == "class")
        where = f"{_values(focus, shape.path)} {' '.join(binds)} FILTER({' || '.join(conditions)})"
        solutions = self._store.query(
            f"SELECT DISTINCT ?this ?value {projected} WHERE {{ {where} }}", prefixes=self._prefixes
        )
        assert isinstance(solutions, ox.QuerySolutions)
        for solution in solutions:
            this, value = solution["this"], solution["value"]
            assert value is not None
            term = to_rdflib_term(value)
            for index, test in enumerate(tests):
                class_failed = test.kind == "class" and solution[f"class{index}"] == _TRUE
                if class_failed or (test.kind != "class" and value_fails(test, term)):
                    yield self._hit(shape, this, value)

    def _less_than_hits(self, shape: Shape, constraint: LessThan, focus: str, path: PropertyPath) -> Iterator[Hit]:
        condition = "!(isNumeric(?value) && isNumeric(?other) && ?value < ?other)"
        pairs = f"{_values(focus, path)} ?this <{constraint.predicate}> ?other FILTER({condition})"
        failed = set()
        for this, value, other in self._rows(f"SELECT DISTINCT ?this ?value ?other WHERE {{ {pairs} }}"):
            assert value is not None
            assert other is not None
            if less_than_fails(to_rdflib_term(value), to_rdflib_term(other)):
                failed.add((this, value))
        yield from (self._hit(shape, this, value) for this, value in sorted(failed, key=str))

    def _value_pairs(self, focus: str, path: PropertyPath | None) -> list[tuple[OxNode | None, ...]]:
        return self._rows(f"SELECT DISTINCT ?this ?value WHERE {{ {_values(focus, path)} }}")

    def _conformance_hits(self, shape: Shape, constraint: NodeConforms | AnyConforms, focus: str) -> Iterator[Hit]:
        nested = _nested_focus(focus, shape.path)
        if isinstance(constraint, NodeConforms):
            details = self._nested_hits(constraint.shape, nested)
            failing = {hit.focus for hit in details if not hit.detail}
            # pySHACL reports why a value node fails sh:node (not so for sh:or)
            yield from (Hit(h.focus, h.value, h.shape, h.messages, h.path, detail=True) for h in details)
        else:
            failing = set.intersection(*(self._failing(s, nested) for s in constraint.shapes))
        if failing:
            for this, value in self._value_pairs(focus, shape.path):
                if value in failing:
                    yield self._hit(shape, this, value)

    def _qualified_hits(self, shape: Shape, constraint: Qualified, focus: str, path: PropertyPath) -> Iterator[Hit]:
        failing = self._failing(constraint.shape, _nested_focus(focus, path))
        limits = [(limit, at_least) for limit, at_least in ((constraint.minimum, True), (constraint.maximum, False))]
        if not failing:
            counts = [Count(limit, at_least) for limit, at_least in limits if limit is not None]
            yield from self._counts_hits([(shape, counts)], focus)
            return
        conforming: dict[OxNode, int] = {}
        query = f"SELECT DISTINCT ?this ?value WHERE {{ {focus} OPTIONAL {{ ?this {path.sparql()} ?value }} }}"
        for this, value in self._rows(query):
            assert this is not None
            conforming[this] = conforming.get(this, 0) + (value is not None and value not in failing)
        for this, count in conforming.items():
            below = constraint.minimum is not None and count < constraint.minimum
            if below or (constraint.maximum is not None and count > constraint.maximum):
                yield self._hit(shape, this, None)

    def _sparql_hits(self, shape: Shape, constraint: SparqlConstraint, focus: str) -> Iterator[Hit]:
        solutions = self._store.query(
            f"SELECT * WHERE {{ {focus} {{ {constraint.select} }} }}", prefixes=self._prefixes
        )
        assert isinstance(solutions, ox.QuerySolutions)
        names = [variable.value for variable in solutions.variables]
        for solution in solutions:
            row = dict(zip(names, solution, strict=True))
            path = row.get("path")
            hit = self._hit(shape, row["this"], row.get("value"), constraint)
            if isinstance(path, ox.NamedNode):
                hit = Hit(hit.focus, hit.value, shape, hit.messages, PropertyPath(path.value))
            yield hit
