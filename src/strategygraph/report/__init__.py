"""The report bundle for planners: one self-contained, printable ``index.html``, ``report.md``, the data tables
as CSV and XLSX, the network as GraphML and GEXF, the whole RDF graph as Turtle and JSON-LD, and the
interactive views — as file contents by relative path (nothing is written here; the CLI writes atomically).
"""

from __future__ import annotations

from collections.abc import Callable

from ..analysis import Analysis
from ..comparison import SeminarComparison
from ..i18n import text
from ..serialization import serialize_graph
from ..store import GraphStore
from .content import ReportContent, read_header, report_content, view_file
from .data_tables import TABLE_NAMES, csv_text, data_table, data_tables
from .graph_files import gexf_text, graphml_text, report_graph
from .html import report_html
from .limits import (
    DEFAULT_LIMITS,
    BundleLimits,
    LeftOut,
    bundle_view_names,
    left_out_views,
    network_edges,
    table_rows,
    views_by_importance,
)
from .markdown import report_markdown
from .network_diagram import overlap_diagram
from .workbook import workbook_bytes

__all__ = [
    "TABLE_NAMES",
    "BundleLimits",
    "ReportContent",
    "csv_text",
    "data_table",
    "data_tables",
    "gexf_text",
    "graphml_text",
    "read_header",
    "report_content",
    "report_files",
    "report_graph",
    "report_html",
    "report_markdown",
    "view_file",
    "workbook_bytes",
]

Progress = Callable[[str], None]
OVERLAP_VIEW = "overlap"


def _quiet(_: str) -> None:
    return None


def report_files(
    store: GraphStore,
    analysis: Analysis,
    lang: str,
    *,
    views: bool = True,
    progress: Progress = _quiet,
    comparison: SeminarComparison | None = None,
    limits: BundleLimits = DEFAULT_LIMITS,
) -> dict[str, bytes]:
    """Every file of the report bundle, by path relative to the bundle folder.

    With ``views`` the bundle carries the interactive views under ``views/`` (sharing one copy of
    vis-network) and ``index.html`` embeds the overlap view; without, the report shows a static drawing of the
    network instead. A large graph's bundle leaves out what would exceed ``limits`` and lists it in the report
    with the command that writes it (see :mod:`strategygraph.report.limits`). ``progress`` is told each step as it
    starts. With ``comparison`` the report has a section on what changed between two seminars.
    """

    def step(key: str, **values: object) -> None:
        progress(text("report_progress", lang).format(step=text(key, lang).format(**values)))

    files: dict[str, bytes] = {}
    left_out: list[LeftOut] = []
    step("report_step_tables")
    tables = {}
    for name in TABLE_NAMES:
        rows = table_rows(analysis, name)
        if rows > limits.table_rows:
            command = f"strategygraph export --format csv --table {name} --out {name}.csv"
            left_out.append(LeftOut(f"tables/{name}.csv", rows, "rows", command))
            continue
        tables[name] = data_table(analysis, name, lang)
        files[f"tables/{name}.csv"] = csv_text(tables[name]).encode("utf-8")
    step("report_step_workbook")
    files["strategygraph.xlsx"] = workbook_bytes(tables)
    step("report_step_graphs")
    edges = network_edges(analysis)
    if edges > limits.network_edges:
        for suffix in ("graphml", "gexf"):
            command = f"strategygraph export --format {suffix} --out graph.{suffix}"
            left_out.append(LeftOut(f"graph.{suffix}", edges, "edges", command))
    else:
        graph = report_graph(analysis, lang)
        files["graph.graphml"] = graphml_text(graph).encode("utf-8")
        files["graph.gexf"] = gexf_text(graph, text("report_title", lang)).encode("utf-8")
    step("report_step_rdf")
    triples = len(store)
    if triples > limits.rdf_triples:
        for suffix in ("ttl", "jsonld"):
            left_out.append(LeftOut(f"graph.{suffix}", triples, "triples", f"strategygraph build --out graph.{suffix}"))
    else:
        files["graph.ttl"] = serialize_graph(store, "ttl").encode("utf-8")
        files["graph.jsonld"] = serialize_graph(store, "jsonld").encode("utf-8")

    view_pages: dict[str, str] = {}
    embedded_overlap = None
    wanted: tuple[str, ...] = ()
    if views:
        from ..views import VIS_NETWORK_FILE, ViewContext, build_view, render_html, vis_network_script

        wanted = bundle_view_names(analysis)
        step("report_step_views", count=len(wanted))
        context, size = ViewContext(analysis, lang), 0
        for name in views_by_importance(analysis, wanted):
            if size >= limits.view_bytes:
                break
            view = build_view(analysis, name, lang, limits.view_top, context=context)
            view_pages[name] = render_html(view, vis_src=VIS_NETWORK_FILE)
            size += len(view_pages[name])
            if name == OVERLAP_VIEW:
                embedded_overlap = render_html(view)
        files.update({view_file(name): page.encode("utf-8") for name, page in view_pages.items()})
        files[f"views/{VIS_NETWORK_FILE}"] = vis_network_script().encode("utf-8")
        left_out += left_out_views(wanted, view_pages)
    step("report_step_pages")
    included = tuple(name for name in wanted if name in view_pages)
    content = report_content(analysis, read_header(store), lang, included, comparison, limits=limits, left_out=left_out)
    files["index.html"] = report_html(
        content, overlap_diagram(analysis, lang, limits.view_top), embedded_overlap
    ).encode("utf-8")
    files["report.md"] = report_markdown(content).encode("utf-8")
    return files
