"""The formats of `strategygraph export`: one entry per format, each a function of the loaded graph.

This module stays free of heavy imports (the command line reads the format names from it when it starts);
each writer imports its own library module when it runs. To add a format, write its library module and
add one :class:`ExportFormat` to :data:`EXPORT_FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import GraphStore


@dataclass(frozen=True)
class ExportFormat:
    """A named export: what it writes, and the function that writes it (``store``, ``lang``) → text or bytes."""

    name: str
    description: str
    write: Callable[[GraphStore, str], str | bytes]


def _markdown(store: GraphStore, lang: str) -> str:
    from .markdown_export import seminar_markdown

    return seminar_markdown(store)


EXPORT_FORMATS: dict[str, ExportFormat] = {
    export.name: export
    for export in (ExportFormat("md", "one seminar in the Markdown import format (round-trips)", _markdown),)
}


def export_graph(store: GraphStore, fmt: str, lang: str = "da") -> str | bytes:
    """The graph (scoped as loaded) written in format ``fmt``."""
    return EXPORT_FORMATS[fmt].write(store, lang)
