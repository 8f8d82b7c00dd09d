"""Helpers for the import tests: a data folder's Turtle as one graph, and that graph without its layout."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from strategygraph.namespaces import DCTERMS, OA, PROV, SG


def folder_graph(folder: Path) -> Graph:
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def without_layout(graph: Graph) -> Graph:
    """The graph without what depends on the source file's layout: pointers, file facts, rows."""
    layout = {SG.source, SG.titleSource, SG.descriptionSource, SG.sourceRow, SG.sha256, SG.sourceFile}
    layout |= {DCTERMS.format, PROV.wasDerivedFrom}
    dropped = {o for s, p, o in graph if p in {SG.source, SG.titleSource, SG.descriptionSource}}
    dropped |= {o for s, p, o in graph if p == OA.hasSelector and s in dropped}
    dropped |= {o for s, p, o in graph if p == PROV.wasDerivedFrom and str(o).endswith("/spreadsheet")}
    kept = Graph()
    for s, p, o in graph:
        if p not in layout and s not in dropped and o not in dropped:
            kept.add((s, p, o))
    return kept
