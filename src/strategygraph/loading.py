"""Assemble the knowledge graph: bundled ontology and thesaurus, plus one or more data folders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .mentions import derive_theme_mentions
from .resources import bundle
from .store import GraphStore, open_store, turtle_files


@dataclass(frozen=True)
class DataSources:
    """What to load: the ontology files, the data folders and the SHACL shapes."""

    ontology_files: tuple[Path, ...]
    data_dirs: tuple[Path, ...]
    shapes_file: Path

    @classmethod
    def bundled(cls, data_dirs: Sequence[Path] = ()) -> DataSources:
        """The bundled ontology with ``data_dirs`` (default: the bundled Hedensted data)."""
        resources = bundle()
        dirs = tuple(data_dirs) or (resources.default_data_dir,)
        return cls(tuple(resources.ontology_files()), dirs, resources.shapes_file)

    def files(self) -> list[Path]:
        return [*self.ontology_files, *turtle_files(self.data_dirs)]


def load_graph(sources: DataSources, store: str = "memory") -> GraphStore:
    """Load ontology and data into a store of the given kind, then derive the theme mentions."""
    graph = open_store(sources.files(), store)
    derive_theme_mentions(graph)
    return graph
