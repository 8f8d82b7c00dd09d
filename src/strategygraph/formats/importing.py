"""Import a seminar from Markdown or a spreadsheet into a data folder of the curated model.

:func:`import_seminar` is pure: bytes in, the folder's files out (Turtle, the source file, and for a
spreadsheet its text rendition). The command line writes them to a temporary folder, checks that folder
with :func:`check_data_folder` (SHACL shapes + every source pointer) and only then renames it into place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..i18n import Lang
from ..loading import DataSources, load_curated
from ..validation.shapes import Violation, validate_graph
from ..validation.source_pointers import check_source_pointers
from .iri_minting import MintedIris, mint_iris
from .markdown_reader import parse_markdown
from .outline import SeminarOutline
from .spreadsheet_reader import SeminarMetadata, parse_spreadsheet
from .turtle_writer import SourceFile, seminar_files

MEDIA_TYPES = {
    ".md": "text/markdown; charset=utf-8",
    ".markdown": "text/markdown; charset=utf-8",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class ImportedSeminar:
    """What an import produces: the seminar read, its IRIs, and the data folder's files by relative path."""

    outline: SeminarOutline
    iris: MintedIris
    files: dict[str, bytes]

    @property
    def seminar_id(self) -> str:
        """``<municipality-slug>/<seminar-slug>``, as ``--seminar`` takes it."""
        return f"{self.iris.municipality}/{self.iris.seminar}"


def import_seminar(data: bytes, path: str, metadata: SeminarMetadata | None = None) -> ImportedSeminar:
    """The data folder's files for the seminar in ``data``, a file named ``path`` (``.md``, ``.csv`` or ``.xlsx``)."""
    metadata = metadata or SeminarMetadata()
    name = Path(path).name
    suffix = Path(path).suffix.lower()
    if suffix not in MEDIA_TYPES:
        raise InputError("error_unsupported_file_type", path=path)
    original = SourceFile(f"source/{name}", data, MEDIA_TYPES[suffix])
    if MEDIA_TYPES[suffix].startswith("text/markdown"):
        if metadata != SeminarMetadata():
            raise InputError("error_markdown_metadata", path=path)
        outline = parse_markdown(data, path)
        files = seminar_files(outline, original)
    else:
        sheet = parse_spreadsheet(data, path, suffix[1:], metadata)
        outline = sheet.outline
        rendition = SourceFile(
            f"source/{Path(name).stem}.txt", sheet.rendition.encode("utf-8"), "text/plain; charset=utf-8"
        )
        files = seminar_files(outline, rendition, original)
    return ImportedSeminar(outline, mint_iris(outline), files)


def check_data_folder(folder: Path, lang: Lang = "en") -> list[Violation]:
    """Every SHACL violation and source-pointer problem of one data folder (empty: it is sound). What is checked
    is what the folder holds: the theme mentions the tagger derives on loading are not written, so not checked
    here (``validate`` checks them; deriving them was half an import's time at 100,000 statements)."""
    sources = DataSources.bundled([folder])
    store = load_curated(sources, "oxigraph")  # its SPARQL keeps the pointer check linear in the statements
    report = validate_graph(store, sources.shapes_file, lang)
    return sorted({*report.violations, *check_source_pointers(store, sources.data_dirs, lang)})
