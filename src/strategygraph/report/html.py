"""The report as one self-contained HTML page: inline CSS and SVG, no scripts of its own, no network requests,
every piece of data text escaped by Jinja2's autoescaping; print CSS lays it out on A4.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..i18n import Lang
from ..tables import cell_text
from .content_model import ReportContent
from .heatmap import CELL, PRINT_CELL, Heatmap, HeatmapLayout, heatmap_layout
from .network_diagram import NetworkDiagram


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _environment(lang: Lang) -> Environment:
    environment = Environment(
        loader=PackageLoader("strategygraph.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["cell"] = lambda cell: cell_text(cell, lang)
    environment.tests["number"] = _is_number
    return environment


def report_html(content: ReportContent, diagram: NetworkDiagram, overlap_view: str | None = None) -> str:
    """``index.html``: the report page; on paper the heatmap is drawn transposed (themes down), to fill the
    height of an A4 page rather than shrink to its width. ``overlap_view`` (a whole HTML page) is embedded as a
    sandboxed ``srcdoc`` frame, so the page stays one file; without it the static drawing stands alone."""

    def layout(heatmap: Heatmap, cell: float = CELL) -> HeatmapLayout:
        return heatmap_layout(
            heatmap,
            legend_title=content.t("report_heatmap_legend", evidence=content.evidence),
            none_label=content.t("none").strip("()"),
            cell_title=content.t("report_heatmap_cell"),
            cell=cell,
        )

    template = _environment(content.lang).get_template("report.html.j2")
    return template.render(
        c=content,
        heatmap=layout(content.heatmap),
        heatmap_print=layout(content.heatmap.transposed(), PRINT_CELL),
        diagram=diagram,
        overlap_view=overlap_view,
    )
