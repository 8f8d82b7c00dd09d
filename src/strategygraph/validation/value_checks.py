"""SHACL's tests of one value node, decided as pySHACL decides them (on rdflib terms).

The compiled validator's SPARQL picks the few value nodes that *might* fail (its filters err on the side of
picking); these functions give the verdict, so that odd literals (ill-typed, non-canonical, compared across
types) come out exactly as under pySHACL, the reference.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from functools import lru_cache

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier, Node

from ..namespaces import RDF, RDFS, XSD
from .shape_model import ValueTest

# The Python value each checked datatype must parse to (pySHACL's DatatypeConstraintComponent).
_VALUE_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: datetime.date,
    XSD.time: datetime.time,
    XSD.dateTime: datetime.datetime,
}


def value_fails(test: ValueTest, value: Identifier) -> bool:
    """Whether ``value`` fails ``test`` (``sh:class`` is decided by the query itself: every value it picks fails)."""
    if test.kind == "class":
        return True
    if test.kind == "datatype":
        return not _has_datatype(value, test.parameter)
    if test.kind in ("minInclusive", "maxInclusive"):
        assert isinstance(test.parameter, Literal)
        return not _in_range(value, test.parameter, test.kind == "minInclusive")
    if test.kind == "minLength":
        assert isinstance(test.parameter, Literal)
        return _too_short(value, int(test.parameter.value))
    if test.kind == "pattern":
        return isinstance(value, BNode) or not _regex(str(test.parameter)).search(_string(value))
    if test.kind == "in":
        assert isinstance(test.parameter, tuple)
        return value not in test.parameter
    if test.kind == "languageIn":
        assert isinstance(test.parameter, tuple)
        return not _language_in(value, {str(tag).lower() for tag in test.parameter})
    raise AssertionError(f"no check for sh:{test.kind}")  # shape_model admits no other kind


def _has_datatype(value: Identifier, datatype: Node | tuple[Node, ...]) -> bool:
    if not isinstance(value, Literal):
        return False
    if value.datatype == datatype:
        return not getattr(value, "ill_typed", False) and _parses_to(value, datatype)
    if datatype == RDFS.Literal:
        return True
    if datatype == RDFS.Datatype and value.datatype:
        return True
    if value.datatype is None and value.language is None and datatype == XSD.string:
        return _parses_to(value, datatype)
    if datatype == RDF.langString and value.language:
        return _parses_to(value, datatype)
    return False


def _parses_to(value: Literal, datatype: Node | tuple[Node, ...]) -> bool:
    wanted = _VALUE_TYPES.get(datatype) if isinstance(datatype, URIRef) else None
    return wanted is None or isinstance(value.value, wanted)


def _in_range(value: Identifier, bound: Literal, minimum: bool) -> bool:
    if not isinstance(value, Literal):
        return False
    if isinstance(bound.value, str) != isinstance(value.value, str):
        return False
    try:
        order = _compare(value, bound)
    except (TypeError, NotImplementedError):
        return False
    return order >= 0 if minimum else order <= 0


def _compare(left: Literal, right: Literal) -> int:
    """pySHACL's ``compare_literal``: 0 equal, 1 greater, -1 otherwise."""
    if left.eq(right):
        return 0
    if isinstance(left.value, datetime.datetime | datetime.time):
        return 0 if left.value == right.value else (1 if left.value > right.value else -1)
    return 1 if left > right else -1


def _string(value: Identifier) -> str:
    if isinstance(value, Literal) and value.value is not None and value.datatype in (None, RDF.langString, XSD.string):
        return str(value.value)
    return str(value)


def _too_short(value: Identifier, minimum: int) -> bool:
    if minimum == 0:
        return False
    return isinstance(value, BNode) or len(_string(value)) < minimum


@lru_cache(maxsize=64)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _language_in(value: Identifier, languages: set[str]) -> bool:
    if not isinstance(value, Literal) or not value.language:
        return False
    tag = str(value.language).lower()
    return "*" in languages or tag in languages or tag.split("-")[0] in languages


def less_than_fails(value: Identifier, other: Identifier) -> bool:
    """Whether the pair breaks ``sh:lessThan`` (pySHACL's comparison: strings with strings, values with values)."""
    (left, left_is_text), (right, right_is_text) = _comparable(value), _comparable(other)
    if left_is_text != right_is_text:
        return True
    try:
        return not left < right  # type: ignore[operator]  # str, or rdflib Literals that compare or raise
    except TypeError:
        return True


def _comparable(term: Identifier) -> tuple[object, bool]:
    """The term as pySHACL compares it, and whether that is as text (a Literal is a str subclass: say so)."""
    if isinstance(term, URIRef):
        return str(term), True
    if isinstance(term, Literal) and isinstance(term.value, str):
        return term.value, True
    return term, False
