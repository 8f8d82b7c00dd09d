"""The compiled validator's results as :class:`~.shapes.Violation` lines, worded as the pySHACL path words them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal
from rdflib.term import Node

from ..i18n import Lang
from ..namespaces import short_name
from ..stores.base import GraphStore
from ..stores.oxigraph import OxigraphStore, to_oxigraph_term, to_rdflib_term
from .compiled_shapes import CompiledValidator, Hit
from .shape_model import PropertyPath, read_shapes
from .shapes import Violation, describe_node


def validate_compiled(store: GraphStore, shapes_file: Path, lang: Lang = "en") -> tuple[Violation, ...]:
    """Every SHACL violation in ``store``, sorted; the graph is read from Oxigraph (copied there if need be)."""
    model = read_shapes(shapes_file)
    names = store.prefix_graph()
    if isinstance(store, OxigraphStore):
        oxigraph = store.oxigraph
    else:
        copy = OxigraphStore()
        copy.add(store.to_rdflib())
        oxigraph = copy.oxigraph

    def incoming(node: BNode) -> list[tuple[Node, Node]]:
        quads = oxigraph.quads_for_pattern(None, None, to_oxigraph_term(node), ox.DefaultGraph())
        return [(to_rdflib_term(quad.subject), to_rdflib_term(quad.predicate)) for quad in quads]

    def describe(term: object) -> str:
        return describe_node(names, to_rdflib_term(term), incoming)

    violations = {_violation(hit, names, lang, describe) for hit in CompiledValidator(oxigraph, model).hits()}
    return tuple(sorted(violations))


def _violation(hit: Hit, names: Graph, lang: Lang, describe: Callable[[object], str]) -> Violation:
    value = "" if hit.value is None or hit.value == hit.focus else describe(hit.value)
    return Violation(describe(hit.focus), _path_text(hit.path, names), message_in(hit.messages, lang), value)


def _path_text(path: PropertyPath | None, names: Graph) -> str:
    if path is None:
        return "-"
    return ("^" if path.inverse else "") + short_name(path.predicate, names)


def message_in(messages: tuple[Literal, ...], lang: Lang) -> str:
    """The message in ``lang``, else in English, else the first; a shape without one is refused when read."""
    for wanted in (lang, "en"):
        for message in messages:
            if message.language == wanted:
                return str(message)
    return str(min(messages)) if messages else "constraint violated"
