"""One self-contained HTML page for a :class:`~strategygraph.views.model.ViewGraph`.

pyvis generates the network (node and edge option dicts, the vis-network options); the page around it is
our own Jinja2 template with autoescaping. Everything is inline — vis-network from the copy pyvis ships,
our script and stylesheet — so the page makes no network request, and a Content-Security-Policy with the
hashes of exactly those scripts stops anything else from running. Data text reaches the page only as
JSON inside a ``type="application/json"`` script (``<``, ``>`` and ``&`` escaped) and is put on screen
with ``textContent``; tooltips are plain strings, which vis-network shows as text.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jinja2
import pyvis
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from ..errors import StrategyGraphError
from ..i18n import NUMBER_DIGITS, text
from .context import preview
from .model import NODE_TYPES, Panel, PanelItem, ViewGraph

VIS_NETWORK = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
TEMPLATES = Path(__file__).parent / "templates"
LAYOUT_SEED = 7
SMALL_NETWORK = 20  # nodes up to which the layout spreads out further (the overlap view of one council)
IMPROVED_LAYOUT_LIMIT = 150  # vis's Kamada-Kawai start is worth it for small graphs only
DEFAULT_STRONGEST = 3  # overlaps each committee keeps at first in the weight filter (a user can choose all)
LABEL_LIMIT = 60  # characters of a label drawn on the canvas; tooltip, panel and search use the whole name
UI_TEXT_KEYS = (
    "view_search",
    "view_search_placeholder",
    "view_no_match",
    "view_close",
    "view_layout_progress",
    "view_nothing_visible",
    "view_shown",
    "view_and_more",
    "view_edges_shown",
    "view_min_weight",
)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: object) -> str:
    """``value`` as JSON that can stand inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survive."""
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], encoded)


def _inline(content: str, element: str) -> Markup:
    """Raw ``content`` for a ``<script>`` or ``<style>`` element; refuses text that would close it early."""
    if re.search(rf"</{element}|<!--", content, re.IGNORECASE):
        raise StrategyGraphError("error_cannot_inline", element=element)
    return Markup(content)


def csp_hash(content: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def template_environment(folder: Path = TEMPLATES) -> jinja2.Environment:
    """The Jinja2 environment of the pages in ``folder``: autoescaped, strict about undefined values."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _assets() -> tuple[str, str, str]:
    """vis-network's script (from pyvis), our script and our stylesheet."""
    vis_js = VIS_NETWORK.read_text(encoding="utf-8")
    # the source map it names is not shipped: drop the pointer so developer tools do not go looking for it
    vis_js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", vis_js)
    return (
        vis_js,
        (TEMPLATES / "view.js").read_text(encoding="utf-8"),
        (TEMPLATES / "view.css").read_text(encoding="utf-8"),
    )


def network_options(node_count: int, edge_count: int) -> dict[str, Any]:
    """vis-network options: a seeded layout whose physics runs a fixed number of iterations, then stops."""
    iterations = 1000 if node_count <= 300 else max(150, 300_000 // node_count)
    # a small network gets room: stronger repulsion and longer springs keep edges off the node labels
    small = node_count <= SMALL_NETWORK
    return {
        "autoResize": True,
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": node_count <= IMPROVED_LAYOUT_LIMIT},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -300 if small else -80,
                "centralGravity": 0.01,
                "springLength": 280 if small else 110,
                "springConstant": 0.06,
                "avoidOverlap": 1 if small else 0.5,
            },
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
            "minVelocity": 1,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": edge_count > 1000,
            "hideEdgesOnZoom": edge_count > 3000,
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 2,
            "widthConstraint": {"maximum": 190},
            # a label sits on a white box drawn over the edges, so no edge runs through its words
            "font": {
                "size": 15,
                "face": "system-ui, sans-serif",
                "strokeWidth": 0,
                "background": "rgba(255, 255, 255, 0.88)",
            },
        },
        "edges": {
            "color": {"highlight": "#222222", "hover": "#222222", "opacity": 0.85, "inherit": False},
            "smooth": False if edge_count > 1000 else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "font": {
                "size": 13,
                "face": "system-ui, sans-serif",
                "color": "#3b4a5a",
                "strokeWidth": 0,
                "background": "rgba(255, 255, 255, 0.85)",
                "align": "horizontal",
            },
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
    }


def pyvis_network(graph: ViewGraph) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """The view as pyvis builds it: node dicts, edge dicts and vis options.

    Nodes and edges go straight into the network's lists: ``add_node``/``add_edge`` (and ``from_nx``)
    check for duplicates with list scans, which is quadratic; :class:`ViewGraph` ids are unique already.
    """
    network = Network(height="100%", width="100%", directed=False, cdn_resources="remote")
    for node in graph.nodes:
        options = Node(
            node.id,
            node.shape,
            preview(node.label, LABEL_LIMIT),
            name=node.label,
            title=node.tooltip,
            size=node.size,
            color={
                "background": node.colour,
                "border": node.border or node.colour,
                "highlight": {"background": node.colour, "border": "#222222"},
                "hover": {"background": node.colour, "border": "#222222"},
            },
            type=node.type,
            pillars=list(node.pillars),
            aliases=list(node.aliases),
        ).options
        if node.type == "committee":
            options["font"] = {"size": 17}
        network.nodes.append(options)
        network.node_ids.append(node.id)
        network.node_map[node.id] = options
    for edge in graph.edges:
        extra: dict[str, Any] = {"dashes": edge.dashes} if edge.dashes else {}
        if edge.confidence is not None:
            extra["confidence"] = edge.confidence
        if edge.label:
            extra["label"] = edge.label
        if edge.weight is not None:
            extra["weight"] = edge.weight
        colour = {"color": edge.colour}  # highlight, hover and opacity: the global edge options
        network.edges.append(
            Edge(
                edge.source,
                edge.target,
                False,
                id=edge.id,
                title=edge.tooltip,
                kind=edge.kind,
                width=edge.width,
                color=colour,
                **extra,
            ).options
        )
    network.options = network_options(len(graph.nodes), len(graph.edges))
    nodes, edges, _heading, _height, _width, options = network.get_network_data()
    return nodes, edges, json.loads(options)


def _item_json(item: PanelItem) -> dict[str, Any]:
    """A panel item without its empty fields (pages with thousands of panels stay small)."""
    found: dict[str, Any] = {"text": item.text} if item.text else {}
    if item.note:
        found["note"] = item.note
    if item.unit is not None:
        found["unit"] = item.unit
        found["marks"] = [list(mark) for mark in item.marks]
    if item.node is not None:
        found["node"] = item.node
    if item.more:
        found["more"] = [_item_json(hidden) for hidden in item.more]
    return found


def _panel_json(panel: Panel) -> dict[str, Any]:
    return {
        "label": panel.label,
        "kind": panel.kind,
        "facts": [list(fact) for fact in panel.facts],
        "sections": [
            {"heading": section.heading, "items": [_item_json(item) for item in section.items]}
            for section in panel.sections
        ],
    }


def page_data(graph: ViewGraph) -> dict[str, Any]:
    """Everything the page's script reads: the network, the panels, the quoted units, the UI words."""
    nodes, edges, options = pyvis_network(graph)
    return {
        "view": graph.name,
        "lang": graph.lang,
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "panels": {key: _panel_json(panel) for key, panel in graph.panels.items()},
        "units": {key: {"text": unit.text, "position": unit.position} for key, unit in graph.units.items()},
        "text": {key.removeprefix("view_"): text(key, graph.lang) for key in UI_TEXT_KEYS},
        "number": {"digits": NUMBER_DIGITS, "comma": graph.lang == "da"},  # format_number's rule, for the slider
        "hints": [{"names": list(hint.names), "hint": hint.hint} for hint in graph.search_hints],
        "reflections": list(graph.reflections),
    }


def _edge_filter(graph: ViewGraph) -> dict[str, Any] | None:
    """The weight slider's range and the strongest-N choices, for a view with overlaps; else None."""
    weights = [edge.weight for edge in graph.edges if edge.weight is not None]
    if not weights:
        return None
    partners: dict[str, int] = {}
    for edge in graph.edges:
        if edge.weight is not None:
            for end in (edge.source, edge.target):
                partners[end] = partners.get(end, 0) + 1
    most = max(partners.values())
    step = 10**-NUMBER_DIGITS
    return {
        "max": f"{math.ceil(max(weights) / step) * step:.{NUMBER_DIGITS}f}",
        "step": f"{step:.{NUMBER_DIGITS}f}",
        "choices": list(range(1, most)),  # "all" stands for ``most`` and more
        "default": DEFAULT_STRONGEST if most > DEFAULT_STRONGEST else 0,
    }


VIS_NETWORK_FILE = "vis-network.min.js"  # the name of the shared copy beside a folder of views


def vis_network_script() -> str:
    """vis-network's script, for a folder of pages that share one copy of it (``render_html(vis_src=…)``)."""
    return _assets()[0]


def render_html(graph: ViewGraph, vis_src: str | None = None) -> str:
    """The page for ``graph`` as one HTML string (UTF-8 when written; nothing is written here).

    The page carries vis-network inline, unless ``vis_src`` names a copy of :func:`vis_network_script` beside
    it (a relative path: a report bundle's views share one copy); either way it loads nothing from a network.
    """
    lang = graph.lang
    vis_js, view_js, css = _assets()
    counts = {kind: sum(1 for n in graph.nodes if n.type == kind) for kind in NODE_TYPES}
    vis_source = "'self'" if vis_src else csp_hash(vis_js)
    csp = "; ".join(
        (
            "default-src 'none'",
            f"script-src {vis_source} {csp_hash(view_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    return (
        template_environment()
        .get_template("view.html.j2")
        .render(
            lang=lang,
            csp=csp,
            version=version("strategygraph"),
            graph=graph,
            t=lambda key: text(key, lang),
            node_types=[(kind, count) for kind, count in counts.items() if count],
            edge_filter=_edge_filter(graph),
            data_json=Markup(script_json(page_data(graph))),
            vis_src=vis_src,
            vis_js=Markup("") if vis_src else _inline(vis_js, "script"),
            view_js=_inline(view_js, "script"),
            css=_inline(css, "style"),
        )
    )
