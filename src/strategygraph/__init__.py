"""strategygraph: a semantic knowledge graph of a municipality's strategy.

The library's front door. Everything here returns values; nothing writes files (the command line does that)::

    import strategygraph as sg

    store = sg.load_graph(sg.DataSources.bundled())  # ontology, thesaurus, the bundled data, theme mentions
    analysis = sg.analyse(sg.read_corpus(store), "statements")
    for overlap in analysis.overlaps[:3]:  # the strongest committee pairs, and the themes they share
        print(overlap.a, overlap.b, round(overlap.weight, 3), overlap.shared_themes)
    committees = sg.run_query(store, sg.find_query("committees"), {"lang": "en"})
    lexicon = sg.Lexicon.compile(sg.load_thesaurus_file())
    print(len(committees.rows), [hit.theme for hit in sg.tag("Flere ældre og færre hænder", lexicon)])
    files = sg.report_files(store, analysis, "da")  # the report bundle as {path: bytes}: writing it is yours

Names are imported when first used, so ``import strategygraph`` (and ``strategygraph --help``) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .errors import InputError, NotFoundError, OptionsError, StrategyGraphError

if TYPE_CHECKING:
    from .analysis import Analysis, analyse
    from .catalogue.queries import NamedQuery, catalogue, find_query, run_query
    from .comparison import compare_seminars
    from .corpus import Corpus, read_corpus
    from .exports import EXPORT_FORMATS, ExportRequest, export_graph
    from .formats.importing import import_seminar
    from .i18n import Lang
    from .loading import DataSources, load_graph
    from .report import report_files
    from .seminars import list_seminars, scope_to_seminar
    from .stores.base import GraphStore, SelectResult
    from .summary import count_graph
    from .tagging.lexicon import Lexicon
    from .tagging.tagger import ThemeHit, tag
    from .tagging.thesaurus import load_thesaurus_file
    from .validation.shapes import validate_graph
    from .validation.source_pointers import check_source_pointers
    from .views import build_view, render_html

_EXPORTS: dict[str, str] = {
    # loading a graph
    "DataSources": ".loading",
    "load_graph": ".loading",
    "GraphStore": ".stores.base",
    "SelectResult": ".stores.base",
    "list_seminars": ".seminars",
    "scope_to_seminar": ".seminars",
    "count_graph": ".summary",
    # checking it
    "validate_graph": ".validation.shapes",
    "check_source_pointers": ".validation.source_pointers",
    # asking it
    "catalogue": ".catalogue.queries",
    "find_query": ".catalogue.queries",
    "run_query": ".catalogue.queries",
    "NamedQuery": ".catalogue.queries",
    # themes in text
    "tag": ".tagging.tagger",
    "ThemeHit": ".tagging.tagger",
    "Lexicon": ".tagging.lexicon",
    "load_thesaurus_file": ".tagging.thesaurus",
    # analysing it
    "Corpus": ".corpus",
    "read_corpus": ".corpus",
    "Analysis": ".analysis",
    "analyse": ".analysis",
    "compare_seminars": ".comparison",
    # outputs, as values
    "report_files": ".report",
    "build_view": ".views",
    "render_html": ".views",
    "ExportRequest": ".exports",
    "export_graph": ".exports",
    "EXPORT_FORMATS": ".exports",
    "import_seminar": ".formats.importing",
    "Lang": ".i18n",
}

__all__ = [
    "EXPORT_FORMATS",
    "Analysis",
    "Corpus",
    "DataSources",
    "ExportRequest",
    "GraphStore",
    "InputError",
    "Lang",
    "Lexicon",
    "NamedQuery",
    "NotFoundError",
    "OptionsError",
    "SelectResult",
    "StrategyGraphError",
    "ThemeHit",
    "__version__",
    "analyse",
    "build_view",
    "catalogue",
    "check_source_pointers",
    "compare_seminars",
    "count_graph",
    "export_graph",
    "find_query",
    "import_seminar",
    "list_seminars",
    "load_graph",
    "load_thesaurus_file",
    "read_corpus",
    "render_html",
    "report_files",
    "run_query",
    "scope_to_seminar",
    "tag",
    "validate_graph",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'strategygraph' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
