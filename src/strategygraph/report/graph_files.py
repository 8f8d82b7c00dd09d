"""The whole network for Gephi, Cytoscape and yEd: committees, focus areas, themes and pillars with every link
between them, as GraphML and GEXF 1.3.

Every node has ``type`` (committee | focus-area | theme | pillar), ``key``, ``label`` (in the report's language),
``label_da``, ``label_en``, ``color`` and ``size``; committees and focus areas also have ``community`` (their
Louvain community, e.g. ``committee-1``). Every edge has ``kind`` and ``weight``:

- ``presents`` committee → focus area: weight 1, with the attribution ``confidence`` (an inference);
- ``mentions`` focus area – theme: weight = the focus area's statements that mention the theme;
- ``carries`` committee – theme: weight = the distinct evidence units under the evidence mode;
- ``overlap`` committee – committee: weight = the overlap weight (0–1), with ``shared`` and ``shared_themes``;
- ``serves`` theme – pillar: weight 1.

Colours are the Okabe–Ito palette (distinguishable with colour-blindness), one per node type.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence

import networkx as nx

from ..analysis import Analysis
from ..i18n import Lang, in_language
from .table_cells import LIST_SEPARATOR

TYPE_COLOURS = {"committee": "#0072B2", "focus-area": "#56B4E9", "theme": "#E69F00", "pillar": "#009E73"}
EDGE_KINDS = ("presents", "mentions", "carries", "overlap", "serves")

Attributes = dict[str, str | int | float]


def _node(graph: nx.Graph[str], node: str, kind: str, key: str, da: str, en: str, lang: Lang, **extra: object) -> None:
    attributes: Attributes = {
        "type": kind,
        "key": key,
        "label": in_language(lang, da, en),
        "label_da": da,
        "label_en": en or da,
        "color": TYPE_COLOURS[kind],
    }
    attributes.update({name: value for name, value in extra.items() if isinstance(value, str | int | float)})
    graph.add_node(node, **attributes)


def _add_nodes(graph: nx.Graph[str], analysis: Analysis, lang: Lang) -> None:
    corpus, index = analysis.corpus, analysis.index
    committee_community = analysis.committee_communities.community_of()
    area_community = analysis.focus_area_communities.community_of()
    reach = {r.theme: r for r in analysis.reach}
    for c in corpus.committees:
        themes = len(index.themes_of(c.key))
        extra: dict[str, object] = {"themes": themes, "focus_areas": len(corpus.focus_areas_of(c.key))}
        if c.key in committee_community:
            extra["community"] = f"committee-{committee_community[c.key]}"
        _node(
            graph, f"committee:{c.key}", "committee", c.key, c.label_da, c.label_en, lang, size=10 + 2 * themes, **extra
        )
    for f in corpus.focus_areas:
        statements = len(corpus.statements_of(f.key))
        extra = {"committee": f.committee or "", "confidence": f.confidence or "", "slide": f.slide}
        if f.key in area_community:
            extra["community"] = f"focus-area-{area_community[f.key]}"
        _node(
            graph,
            f"focus-area:{f.key}",
            "focus-area",
            f.key,
            f.title,
            f.title,
            lang,
            size=6 + statements,
            statements=statements,
            **extra,
        )
    for t in corpus.themes:
        r = reach.get(t.slug)
        committees = len(r.committees) if r else 0
        _node(
            graph,
            f"theme:{t.slug}",
            "theme",
            t.slug,
            t.label_da,
            t.label_en,
            lang,
            size=6 + 3 * committees,
            committees=committees,
            cross_cutting=round(r.cross_cutting, 4) if r else 0.0,
            pillars=LIST_SEPARATOR.join(t.pillars),
        )
    for p in corpus.pillars:
        _node(graph, f"pillar:{p.slug}", "pillar", p.slug, p.label_da, p.label_en, lang, size=14)


def _add_edges(graph: nx.Graph[str], analysis: Analysis) -> None:
    _add_presents_edges(graph, analysis)
    _add_evidence_edges(graph, analysis)
    for o in analysis.overlaps:
        graph.add_edge(
            f"committee:{o.a}",
            f"committee:{o.b}",
            kind="overlap",
            weight=round(o.weight, 4),
            shared=len(o.shared),
            shared_themes=LIST_SEPARATOR.join(o.shared_themes),
        )
    for p in analysis.corpus.pillars:
        for slug in p.themes:
            if f"theme:{slug}" in graph:
                graph.add_edge(f"theme:{slug}", f"pillar:{p.slug}", kind="serves", weight=1.0)


def _add_presents_edges(graph: nx.Graph[str], analysis: Analysis) -> None:
    for f in analysis.corpus.focus_areas:
        if f.committee is not None:
            graph.add_edge(
                f"committee:{f.committee}",
                f"focus-area:{f.key}",
                kind="presents",
                weight=1.0,
                confidence=f.confidence or "",
            )


def _add_evidence_edges(graph: nx.Graph[str], analysis: Analysis) -> None:
    """Focus area → theme (weight: the statements mentioning it); committee → theme (the units evidencing it)."""
    for area, area_themes in analysis.index.by_focus_area.items():
        for slug, units in area_themes.items():
            graph.add_edge(f"focus-area:{area}", f"theme:{slug}", kind="mentions", weight=float(len(units)))
    for committee, committee_themes in analysis.index.by_committee.items():
        for slug, quotes in committee_themes.items():
            weight = float(len({q.unit for q in quotes}))
            graph.add_edge(f"committee:{committee}", f"theme:{slug}", kind="carries", weight=weight)


def report_graph(analysis: Analysis, lang: Lang) -> nx.Graph[str]:
    """Committees, focus areas, themes and pillars, and every link between them (see the module doc)."""
    graph: nx.Graph[str] = nx.Graph(name="strategygraph", evidence=analysis.mode)
    _add_nodes(graph, analysis, lang)
    _add_edges(graph, analysis)
    return graph


def graphml_text(graph: nx.Graph[str]) -> str:
    """GraphML with named keys (``<key id="label" …>``), readable by Gephi, Cytoscape, yEd and igraph."""
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buffer.getvalue().decode("utf-8")


GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_GEXF_TYPES = {str: "string", int: "integer", float: "double", bool: "boolean"}
_NATIVE = {"label", "color", "size"}  # written as the GEXF label and viz elements, not as attributes


def _declare(parent: ET.Element, klass: str, items: Sequence[Mapping[str, object]], skip: set[str]) -> dict[str, str]:
    """Declare every attribute the items use (sorted by name); return name → GEXF type."""
    types: dict[str, str] = {}
    for item in items:
        for name, value in item.items():
            if name not in skip:
                types.setdefault(name, _GEXF_TYPES[type(value)])
    element = ET.SubElement(parent, f"{{{GEXF_NS}}}attributes", {"class": klass, "mode": "static"})
    for name in sorted(types):
        ET.SubElement(element, f"{{{GEXF_NS}}}attribute", {"id": name, "title": name, "type": types[name]})
    return types


def _gexf_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _attvalues(parent: ET.Element, data: Mapping[str, object], skip: set[str]) -> None:
    names = sorted(n for n in data if n not in skip)
    if names:
        values = ET.SubElement(parent, f"{{{GEXF_NS}}}attvalues")
        for name in names:
            ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": name, "value": _gexf_value(data[name])})


def gexf_text(graph: nx.Graph[str], description: str = "") -> str:
    """GEXF 1.3 (http://gexf.net/1.3): static, undirected, typed attributes, colours and sizes as ``viz``."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(
        f"{{{GEXF_NS}}}gexf",
        {"version": "1.3", f"{{{XSI_NS}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"},
    )
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "strategygraph"
    if description:
        ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = description
    element = ET.SubElement(root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "undirected", "mode": "static"})
    node_data = [data for _, data in graph.nodes(data=True)]
    edge_data = [data for _, _, data in graph.edges(data=True)]
    _declare(element, "node", node_data, _NATIVE)
    _declare(element, "edge", edge_data, {"weight"})

    nodes = ET.SubElement(element, f"{{{GEXF_NS}}}nodes")
    for node, data in graph.nodes(data=True):
        item = ET.SubElement(nodes, f"{{{GEXF_NS}}}node", {"id": node, "label": str(data.get("label", node))})
        _attvalues(item, data, _NATIVE)
        colour = str(data.get("color", "#999999")).lstrip("#")
        red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
        ET.SubElement(item, f"{{{VIZ_NS}}}color", {"r": str(red), "g": str(green), "b": str(blue)})
        ET.SubElement(item, f"{{{VIZ_NS}}}size", {"value": _gexf_value(float(data.get("size", 10)))})

    edges = ET.SubElement(element, f"{{{GEXF_NS}}}edges")
    for number, (source, target, data) in enumerate(graph.edges(data=True)):
        attributes = {"id": f"e{number}", "source": source, "target": target}
        if "weight" in data:
            attributes["weight"] = _gexf_value(float(data["weight"]))
        if "kind" in data:
            attributes["label"] = str(data["kind"])
        item = ET.SubElement(edges, f"{{{GEXF_NS}}}edge", attributes)
        _attvalues(item, data, {"weight"})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
