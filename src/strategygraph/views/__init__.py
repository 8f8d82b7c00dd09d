"""Interactive HTML views of the overlaps: self-contained pages (no network requests), safe with any text.

``render_view(analysis, "overview")`` returns the page as a string; :func:`build_view` returns the plain
:class:`ViewGraph` behind it (nodes, edges, legend, panels). Names: ``overview``, ``overlap``, ``themes``,
``committee:<key>`` and ``theme:<slug>`` (:func:`view_names`).
"""

from __future__ import annotations

from ..analysis import Analysis
from ..i18n import Lang
from .catalogue import DEFAULT_TOP, FIXED_VIEWS, build_view, view_names
from .context import ViewContext
from .model import LegendEntry, Panel, PanelItem, PanelSection, UnitText, ViewEdge, ViewGraph, ViewNode
from .page import VIS_NETWORK_FILE, page_data, render_html, script_json, vis_network_script

__all__ = [
    "DEFAULT_TOP",
    "FIXED_VIEWS",
    "VIS_NETWORK_FILE",
    "LegendEntry",
    "Panel",
    "PanelItem",
    "PanelSection",
    "UnitText",
    "ViewContext",
    "ViewEdge",
    "ViewGraph",
    "ViewNode",
    "build_view",
    "page_data",
    "render_html",
    "render_view",
    "script_json",
    "view_names",
    "vis_network_script",
]


def render_view(analysis: Analysis, name: str, lang: Lang = "da", top: int = DEFAULT_TOP) -> str:
    """The view called ``name`` as one self-contained HTML page (a string; nothing is written)."""
    return render_html(build_view(analysis, name, lang, top))
