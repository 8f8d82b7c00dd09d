"""Namespaces: the one place in Python code where strategygraph's IRIs are spelled."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

G = TypeVar("G", bound=Graph)

SG = Namespace("https://w3id.org/strategygraph/ontology#")
ID = Namespace("https://w3id.org/strategygraph/id/")
THEME = Namespace("https://w3id.org/strategygraph/theme/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
CV = Namespace("http://data.europa.eu/m8g/")

PREFIXES: dict[str, Namespace] = {
    "sg": SG,
    "theme": THEME,
    "org": ORG,
    "oa": OA,
    "cv": CV,
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "sh": Namespace(str(SH)),
}

__all__ = [
    "CV",
    "DCTERMS",
    "ID",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SG",
    "SH",
    "SKOS",
    "THEME",
    "XSD",
    "bind_prefixes",
    "short_name",
    "short_namer",
]


def short_name(iri: str, graph: Graph) -> str:
    """``iri`` written with the longest namespace bound in ``graph`` (``hed:committee/laering``), else ``<iri>``.

    Unlike a Turtle QName, the local part may contain slashes: this is for people reading messages.
    """
    return short_namer(graph)(iri)


def short_namer(graph: Graph) -> Callable[[str], str]:
    """:func:`short_name` for many IRIs: the graph's namespaces are read once (rdflib builds them anew per call)."""
    namespaces = [(prefix, str(namespace)) for prefix, namespace in graph.namespaces()]

    def short(iri: str) -> str:
        best_prefix, best_namespace = "", ""
        for prefix, text in namespaces:
            if iri.startswith(text) and len(text) > len(best_namespace) and len(iri) > len(text):
                best_prefix, best_namespace = prefix, text
        if not best_namespace:
            return f"<{iri}>"
        return f"{best_prefix}:{iri[len(best_namespace) :]}"

    return short


def bind_prefixes(graph: G) -> G:
    """Bind strategygraph's prefixes on ``graph`` (for readable serialisations) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
