"""Assemble the knowledge graph: bundled ontology and thesaurus, plus one or more data folders."""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import URIRef

from .errors import InputError
from .resources import bundle
from .seminars import scope_to_seminar
from .stores.base import GraphStore
from .stores.opening import open_store, persistent_folder

if TYPE_CHECKING:
    from .stores.incremental import Refresh


def _check_data_folder(folder: Path) -> None:
    if not folder.exists():
        raise InputError("error_data_folder_not_found", path=folder)
    if not folder.is_dir():
        raise InputError("error_data_folder_not_folder", path=folder)


def data_folders(folder: Path) -> list[Path]:
    """The data folders in ``folder``: itself if it holds Turtle files, else each sub-folder that does.

    A folder of seminars (``seminars/fjordlund/``, ``seminars/hedensted/`` …) thus loads every seminar,
    and each seminar's source files are found relative to its own folder. Hidden folders are skipped.
    """
    _check_data_folder(folder)
    found = _data_folders(folder)
    if not found:
        raise InputError("error_no_turtle_files", path=folder)
    return found


def _data_folders(folder: Path) -> list[Path]:
    if any(folder.glob("*.ttl")):
        return [folder]
    children = sorted(child for child in folder.iterdir() if child.is_dir() and not child.name.startswith("."))
    return [found for child in children for found in _data_folders(child)]


def turtle_files(folders: Sequence[Path]) -> list[Path]:
    """Every ``*.ttl`` file under the given data folders, sorted."""
    files: list[Path] = []
    for folder in folders:
        _check_data_folder(folder)
        files.extend(sorted(folder.rglob("*.ttl")))
    return files


@dataclass(frozen=True)
class DataSources:
    """What to load: the ontology files, the data folders and the SHACL shapes."""

    ontology_files: tuple[Path, ...]
    data_dirs: tuple[Path, ...]
    shapes_file: Path

    @classmethod
    def bundled(cls, data_dirs: Sequence[Path] = ()) -> DataSources:
        """The bundled ontology with ``data_dirs`` (default: the bundled Hedensted data); folders of seminars
        are expanded into their data folders."""
        resources = bundle()
        dirs = tuple(found for folder in data_dirs for found in data_folders(folder))
        return cls(tuple(resources.ontology_files()), dirs or (resources.default_data_dir,), resources.shapes_file)

    def files(self) -> list[Path]:
        return [*self.ontology_files, *turtle_files(self.data_dirs)]

    def inputs(self) -> list[Path]:
        """The folders read: the data folders and the ontology's folders."""
        return [*self.data_dirs, *sorted({path.parent for path in self.ontology_files})]


# Two data folders that mint the same seminar IRI (a copied folder, or two seminars given the same `id:`) would
# merge into one seminar silently: a seminar has one title and one source document with one SHA-256.
_MERGED_SEMINARS = """
SELECT ?seminar (COUNT(DISTINCT ?title) AS ?titles) (COUNT(DISTINCT ?sha) AS ?sources) WHERE {
    ?seminar a sg:Seminar .
    OPTIONAL { ?seminar dcterms:title ?title FILTER (lang(?title) = "da" || lang(?title) = "") }
    OPTIONAL { ?document sg:seminar ?seminar ; sg:sha256 ?sha }
}
GROUP BY ?seminar
HAVING (COUNT(DISTINCT ?title) > 1 || COUNT(DISTINCT ?sha) > 1)
ORDER BY ?seminar
"""


def _refuse_merged_seminars(graph: GraphStore, sources: DataSources, seminars: Set[URIRef] | None = None) -> None:
    """Two folders that define one seminar are an error; with ``seminars``, only these are looked at."""
    if seminars is None:
        rows = graph.select(_MERGED_SEMINARS).rows
    else:
        rows = [
            row for seminar in sorted(seminars) for row in graph.select(_MERGED_SEMINARS, {"seminar": seminar}).rows
        ]
    if rows:
        seminar = str(rows[0][0])
        folders = ", ".join(str(folder) for folder in sources.data_dirs)
        raise InputError("error_seminar_in_two_folders", seminar=seminar, folders=folders)


def load_graph(sources: DataSources, store: str = "memory", seminar: str | None = None) -> GraphStore:
    """Load ontology and data into a store of the given kind and derive the theme mentions; with
    ``seminar``, keep only what that seminar uses (see :func:`strategygraph.seminars.scope_to_seminar`).
    Two folders that define the same seminar are an error, not one merged seminar.

    ``store`` is ``memory``, ``oxigraph``, ``auto`` or a folder path: a persistent store there (``auto`` from
    250 kB of Turtle on: in the user's cache) is built once, mentions included, and then only opened."""
    files = sources.files()
    folder = persistent_folder(store, files, sources.inputs())
    if folder is None:
        from .tagging.mentions import derive_theme_mentions  # not imported to open a built store (the tagger: 0.1 s)

        graph = load_curated(sources, store)
        derive_theme_mentions(graph)
    else:
        from .stores.persistent import open_persistent

        def refresh() -> Refresh:  # only to build or update the store: opening a built one never imports the tagger
            from .tagging.scoped import MentionRefresh

            return MentionRefresh(lambda changed, seminars: _refuse_merged_seminars(changed, sources, seminars))

        graph = open_persistent(folder, files, sources.data_dirs, refresh)
    if seminar is not None:
        graph = scope_to_seminar(graph, seminar)
    return graph


def load_curated(sources: DataSources, store: str = "oxigraph") -> GraphStore:
    """The curated model alone: ontology, thesaurus and data in a new ``memory`` or ``oxigraph`` store, without
    the theme mentions the tagger derives (what ``import`` checks before it writes a folder: the files hold no
    derived mentions; ``validate`` checks those on the loaded graph). Two folders defining one seminar are an error."""
    graph = open_store(sources.files(), store)
    _refuse_merged_seminars(graph, sources)
    return graph
