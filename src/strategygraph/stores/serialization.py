"""Serialise the whole graph (ontology, thesaurus, data and derived theme mentions) to RDF text."""

from __future__ import annotations

import json
import warnings

from rdflib import Dataset

from ..errors import StrategyGraphError
from ..namespaces import bind_prefixes
from .base import GraphStore

RDF_FORMATS: dict[str, str] = {"ttl": "turtle", "trig": "trig", "nt": "nt", "jsonld": "json-ld"}


def serialize_graph(store: GraphStore, fmt: str) -> str:
    """The graph as text in ``fmt`` (one of :data:`RDF_FORMATS`); N-Triples lines are sorted."""
    try:
        rdflib_format = RDF_FORMATS[fmt]
    except KeyError:
        raise StrategyGraphError("error_unknown_rdf_format", fmt=fmt, choices=", ".join(RDF_FORMATS)) from None
    graph = bind_prefixes(store.to_rdflib())
    if rdflib_format == "nt":
        lines = graph.serialize(format="nt").splitlines()
        return "".join(line + "\n" for line in sorted(set(lines)) if line)
    if rdflib_format == "json-ld":
        context = {prefix: str(namespace) for prefix, namespace in sorted(graph.namespaces())}
        document = json.loads(graph.serialize(format="json-ld", context=context, indent=2))
        if isinstance(document, dict) and isinstance(document.get("@graph"), list):
            document["@graph"].sort(key=lambda node: (str(node.get("@id", "")), json.dumps(node, sort_keys=True)))
        return json.dumps(document, ensure_ascii=False, indent=2)
    if rdflib_format == "trig":
        with warnings.catch_warnings():  # rdflib's Dataset uses its own deprecated API internally
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset = bind_prefixes(Dataset())  # the data in the default graph, not a blank-node-named one
            dataset.default_graph += graph
            return dataset.serialize(format="trig")
    return graph.serialize(format=rdflib_format)
