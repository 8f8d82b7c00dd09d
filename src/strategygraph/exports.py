"""The formats of `strategygraph export`: one entry per format, each a function of an :class:`ExportRequest`.

This module stays free of heavy imports (the command line reads the format names from it when it starts);
each writer imports its own library module when it runs. To add a format, write its library module and
add one :class:`ExportFormat` to :data:`EXPORT_FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .i18n import Lang

if TYPE_CHECKING:
    from .analysis import Analysis
    from .stores.base import GraphStore


@dataclass(frozen=True)
class ExportRequest:
    """What to export from: the loaded graph, the language of labels, the evidence mode of the analysis and,
    for ``csv``, the table."""

    store: GraphStore
    lang: Lang = "da"
    evidence: str = "statements"
    table: str | None = None

    @cached_property
    def analysis(self) -> Analysis:
        from .analysis import analyse
        from .corpus import read_corpus

        return analyse(read_corpus(self.store), self.evidence)


@dataclass(frozen=True)
class ExportFormat:
    """A named export: what it writes, and the function that writes it (a request → text or bytes)."""

    name: str
    description: str
    write: Callable[[ExportRequest], str | bytes]
    suffixes: tuple[str, ...] = ()
    rdf: bool = False  # the whole RDF graph (what `build` writes)


def _markdown(request: ExportRequest) -> str:
    from .formats.markdown_writer import seminar_markdown

    return seminar_markdown(request.store, request.lang)


def _rdf(fmt: str) -> Callable[[ExportRequest], str]:
    def write(request: ExportRequest) -> str:
        from .stores.serialization import serialize_graph

        return serialize_graph(request.store, fmt)

    return write


def _graphml(request: ExportRequest) -> str:
    from .report import graphml_text, report_graph

    return graphml_text(report_graph(request.analysis, request.lang))


def _gexf(request: ExportRequest) -> str:
    from .i18n import text
    from .report import gexf_text, report_graph

    return gexf_text(report_graph(request.analysis, request.lang), text("report_title", request.lang))


def _csv(*, excel: bool) -> Callable[[ExportRequest], str]:
    def write(request: ExportRequest) -> str:
        from .errors import StrategyGraphError
        from .report import TABLE_NAMES, csv_text, data_table

        if request.table is None:
            raise StrategyGraphError("error_csv_needs_table", tables=", ".join(TABLE_NAMES))
        return csv_text(data_table(request.analysis, request.table, request.lang), excel=excel)

    return write


def _xlsx(request: ExportRequest) -> bytes:
    from .report import data_tables, workbook_bytes

    return workbook_bytes(data_tables(request.analysis, request.lang), request.lang)


EXPORT_FORMATS: dict[str, ExportFormat] = {
    export.name: export
    for export in (
        ExportFormat("md", "one seminar in the Markdown import format (round-trips)", _markdown, (".md",)),
        ExportFormat(
            "graphml", "the network (committees, focus areas, themes, pillars) as GraphML", _graphml, (".graphml",)
        ),
        ExportFormat("gexf", "the same network as GEXF 1.3, with colours and sizes, for Gephi", _gexf, (".gexf",)),
        ExportFormat("ttl", "the whole RDF graph as Turtle", _rdf("ttl"), (".ttl",), rdf=True),
        ExportFormat("trig", "the whole RDF graph as TriG", _rdf("trig"), (".trig",), rdf=True),
        ExportFormat("nt", "the whole RDF graph as N-Triples, sorted", _rdf("nt"), (".nt",), rdf=True),
        ExportFormat("jsonld", "the whole RDF graph as JSON-LD", _rdf("jsonld"), (".jsonld", ".json"), rdf=True),
        ExportFormat("csv", "one data table as CSV (--table NAME)", _csv(excel=False), (".csv",)),
        ExportFormat("csv-excel", "one data table as CSV for Danish Excel: BOM, ';', decimal comma", _csv(excel=True)),
        ExportFormat("xlsx", "every data table as one Excel workbook, a sheet per table", _xlsx, (".xlsx",)),
    )
}


def export_graph(request: ExportRequest, fmt: str) -> str | bytes:
    """The graph (scoped as loaded) written in format ``fmt``."""
    return EXPORT_FORMATS[fmt].write(request)


RDF_EXPORTS = tuple(name for name, export in EXPORT_FORMATS.items() if export.rdf)


def rdf_format_for(file_name: str, default: str = "ttl") -> str:
    """The RDF format a file's suffix names (``graph.trig`` → ``trig``), else ``default``."""
    suffix = "." + file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    for name in RDF_EXPORTS:
        if suffix in EXPORT_FORMATS[name].suffixes:
            return name
    return default
