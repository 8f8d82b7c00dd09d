"""The report bundle for planners: one self-contained, printable ``index.html``, ``report.md``, the data tables
as CSV and XLSX, the network as GraphML and GEXF, the whole RDF graph as Turtle and JSON-LD, and the
interactive views — as file contents by relative path (nothing is written here; the CLI writes atomically).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..analysis import Analysis
from ..comparison import SeminarComparison
from ..i18n import Lang, text
from ..stores.base import GraphStore
from ..stores.serialization import serialize_graph
from ..tables import Table
from .content import report_content, view_file
from .content_model import ReportContent
from .data_tables import TABLE_NAMES, csv_text, data_table, data_tables
from .graph_files import gexf_text, graphml_text, report_graph
from .header import read_header
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
from .pdf import PDF_TIMEOUT, PdfError, find_chromium, print_pdf
from .workbook import workbook_bytes

__all__ = [
    "PDF_FILE",
    "PDF_TIMEOUT",
    "TABLE_NAMES",
    "BundleLimits",
    "PdfError",
    "ReportContent",
    "csv_text",
    "data_table",
    "data_tables",
    "find_chromium",
    "gexf_text",
    "graphml_text",
    "print_pdf",
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
PDF_FILE = "report.pdf"  # beside report.md, whatever the language


def _quiet(_: str) -> None:
    return None


@dataclass
class _Bundle:
    """The files of a bundle being built, and what it leaves out."""

    limits: BundleLimits
    excel_csv: bool = False
    files: dict[str, bytes] = field(default_factory=dict)
    left_out: list[LeftOut] = field(default_factory=list)

    def add_tables(self, analysis: Analysis, lang: Lang) -> dict[str, Table]:
        """The data tables as CSV files (those within the limits), returned for the workbook."""
        tables = {}
        for name in TABLE_NAMES:
            rows = table_rows(analysis, name)
            table = data_table(analysis, name, lang) if rows <= self.limits.table_rows else None
            encoded = csv_text(table, excel=self.excel_csv).encode("utf-8") if table is not None else b""
            if table is None or len(encoded) > self.limits.table_bytes:
                fmt = "csv-excel" if self.excel_csv else "csv"
                command = f"strategygraph export --format {fmt} --table {name} --out {name}.csv"
                self.left_out.append(LeftOut(f"tables/{name}.csv", rows, "rows", command))
            else:
                tables[name], self.files[f"tables/{name}.csv"] = table, encoded
        return tables

    def add_network(self, analysis: Analysis, lang: Lang) -> None:
        edges = network_edges(analysis)
        if edges > self.limits.network_edges:
            for suffix in ("graphml", "gexf"):
                command = f"strategygraph export --format {suffix} --out graph.{suffix}"
                self.left_out.append(LeftOut(f"graph.{suffix}", edges, "edges", command))
            return
        graph = report_graph(analysis, lang)
        self.files["graph.graphml"] = graphml_text(graph).encode("utf-8")
        self.files["graph.gexf"] = gexf_text(graph, text("report_title", lang)).encode("utf-8")

    def add_rdf(self, store: GraphStore) -> None:
        triples = len(store)
        for suffix in ("ttl", "jsonld"):
            if triples > self.limits.rdf_triples:
                command = f"strategygraph build --out graph.{suffix}"
                self.left_out.append(LeftOut(f"graph.{suffix}", triples, "triples", command))
            else:
                self.files[f"graph.{suffix}"] = serialize_graph(store, suffix).encode("utf-8")

    def add_views(self, analysis: Analysis, lang: Lang, names: Sequence[str]) -> str | None:
        """Views, most important first, while they fit in ``limits.view_bytes`` (the first always does); returns
        the overlap view as a self-contained page for ``index.html`` to embed, if it is in and small enough."""
        from ..views import VIS_NETWORK_FILE, ViewContext, build_view, render_html, vis_network_script

        context, size, misses = ViewContext(analysis, lang, quotes_carried=self.limits.view_quotes), 0, 0
        embedded: str | None = None
        added: set[str] = set()
        for name in views_by_importance(analysis, names):
            if size >= self.limits.view_bytes:  # full (a national overlap view alone can be): nothing more fits
                break
            cut_before = sum(context.not_carried)
            view = build_view(analysis, name, lang, self.limits.view_top, context=context)
            page = render_html(view, vis_src=VIS_NETWORK_FILE).encode("utf-8")
            if added and size + len(page) > self.limits.view_bytes:
                misses += 1
                if misses == self.limits.view_misses:
                    break
                continue
            self.files[view_file(name)], size, misses = page, size + len(page), 0
            added.add(name)
            if cut := sum(context.not_carried) - cut_before:
                command = f"strategygraph view {name} --out {view_file(name).removeprefix('views/')}"
                self.left_out.append(LeftOut(view_file(name), cut, "quotes", command))
            if name == OVERLAP_VIEW and len(page) <= self.limits.embedded_view_bytes:
                embedded = render_html(view)
        self.files[f"views/{VIS_NETWORK_FILE}"] = vis_network_script().encode("utf-8")
        self.left_out += left_out_views(names, added)
        return embedded


def report_files(
    store: GraphStore,
    analysis: Analysis,
    lang: Lang,
    *,
    day: date | None = None,
    views: bool = True,
    progress: Progress = _quiet,
    comparison: SeminarComparison | None = None,
    limits: BundleLimits = DEFAULT_LIMITS,
    excel_csv: bool = False,
) -> dict[str, bytes]:
    """Every file of the report bundle dated ``day`` (default: today), by path relative to the bundle folder.

    With ``views`` the bundle carries the interactive views under ``views/`` (sharing one copy of
    vis-network) and ``index.html`` embeds the overlap view; without, the report shows a static drawing of the
    network instead. A large graph's bundle leaves out what would exceed ``limits`` and lists it in the report
    with the command that writes it (see :mod:`strategygraph.report.limits`). ``progress`` is told each step as it
    starts. With ``comparison`` the report has a section on what changed between two seminars. ``excel_csv``
    writes the tables as CSV for Danish Excel (BOM, ``;``, decimal comma) instead of RFC 4180 CSV.
    """

    def step(key: str, **values: object) -> None:
        progress(text("report_progress", lang).format(step=text(key, lang).format(**values)))

    bundle = _Bundle(limits, excel_csv)
    step("report_step_tables")
    tables = bundle.add_tables(analysis, lang)
    step("report_step_workbook")
    bundle.files["strategygraph.xlsx"] = workbook_bytes(tables, lang)
    step("report_step_graphs")
    bundle.add_network(analysis, lang)
    step("report_step_rdf")
    bundle.add_rdf(store)
    names = bundle_view_names(analysis) if views else ()
    embedded = None
    if views:
        step("report_step_views", count=len(names))
        embedded = bundle.add_views(analysis, lang, names)
    step("report_step_pages")
    included = tuple(name for name in names if view_file(name) in bundle.files)
    content = report_content(
        analysis, read_header(store), lang, included, comparison, day=day, limits=limits, left_out=bundle.left_out
    )
    diagram = overlap_diagram(analysis, lang, limits.view_top)
    bundle.files["index.html"] = report_html(content, diagram, embedded).encode("utf-8")
    bundle.files["report.md"] = report_markdown(content).encode("utf-8")
    return bundle.files
