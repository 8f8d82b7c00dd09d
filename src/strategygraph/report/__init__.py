"""The report bundle for planners: one self-contained, printable ``index.html``, ``report.md``, the data tables
as CSV and XLSX, the network as GraphML and GEXF, the whole RDF graph as Turtle and JSON-LD, and the
interactive views — as file contents by relative path (nothing is written here; the CLI writes atomically).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..analysis import Analysis
from ..comparison import SeminarComparison
from ..i18n import text
from ..serialization import serialize_graph
from ..store import GraphStore
from .content import ReportContent, read_header, report_content, view_file
from .data_tables import TABLE_NAMES, csv_text, data_table, data_tables
from .graph_files import gexf_text, graphml_text, report_graph
from .html import report_html
from .markdown import report_markdown
from .network_diagram import overlap_diagram
from .workbook import workbook_bytes

__all__ = [
    "TABLE_NAMES",
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
ViewRenderer = Callable[[str], str]
OVERLAP_VIEW = "overlap"


def _quiet(_: str) -> None:
    return None


def report_files(
    store: GraphStore,
    analysis: Analysis,
    lang: str,
    *,
    view_names: Sequence[str] = (),
    render_view: ViewRenderer | None = None,
    progress: Progress = _quiet,
    comparison: SeminarComparison | None = None,
) -> dict[str, bytes]:
    """Every file of the report bundle, by path relative to the bundle folder.

    ``render_view(name)`` returns the HTML page of the view called ``name`` (one of ``view_names``); each is
    written to ``views/<name>.html`` and the ``overlap`` view is embedded in ``index.html``. Without a
    renderer the bundle has no views and the report shows a static drawing of the network instead.
    ``progress`` is told each step as it starts. With ``comparison`` the report has a section on what
    changed between two seminars.
    """

    def step(key: str, **values: object) -> None:
        progress(text("report_progress", lang).format(step=text(key, lang).format(**values)))

    files: dict[str, bytes] = {}
    step("report_step_tables")
    tables = data_tables(analysis, lang)
    for name, table in tables.items():
        files[f"tables/{name}.csv"] = csv_text(table).encode("utf-8")
    step("report_step_workbook")
    files["strategygraph.xlsx"] = workbook_bytes(tables)
    step("report_step_graphs")
    graph = report_graph(analysis, lang)
    files["graph.graphml"] = graphml_text(graph).encode("utf-8")
    files["graph.gexf"] = gexf_text(graph, text("report_title", lang)).encode("utf-8")
    step("report_step_rdf")
    files["graph.ttl"] = serialize_graph(store, "ttl").encode("utf-8")
    files["graph.jsonld"] = serialize_graph(store, "jsonld").encode("utf-8")

    views: dict[str, str] = {}
    if render_view is not None and view_names:
        step("report_step_views", count=len(view_names))
        views = {name: render_view(name) for name in view_names}
        files.update({view_file(name): page.encode("utf-8") for name, page in views.items()})
    step("report_step_pages")
    content = report_content(analysis, read_header(store), lang, tuple(views), comparison)
    files["index.html"] = report_html(content, overlap_diagram(analysis, lang), views.get(OVERLAP_VIEW)).encode("utf-8")
    files["report.md"] = report_markdown(content).encode("utf-8")
    return files
