"""Where the bundled ontology, data and queries live: inside the wheel, or in a source checkout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import StrategyGraphError

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_root() -> Path:
    """The folder holding ``ontology/``, ``data/`` and ``queries/``.

    An installed wheel carries them in ``strategygraph/_bundled``; a source checkout (or an editable
    install) has them at the top of the repository, two levels above this package.
    """
    for candidate in (_PACKAGE_DIR / "_bundled", _PACKAGE_DIR.parent.parent):
        if (candidate / "ontology").is_dir() and (candidate / "queries").is_dir():
            return candidate
    raise StrategyGraphError("error_bundle_missing", folder=_PACKAGE_DIR / "_bundled")


@dataclass(frozen=True)
class Bundle:
    """Paths of the bundled resources."""

    ontology_dir: Path
    data_dir: Path
    queries_dir: Path

    @property
    def default_data_dir(self) -> Path:
        """The bundled Hedensted data, used when no ``--data`` is given."""
        return self.data_dir / "hedensted"

    @property
    def shapes_file(self) -> Path:
        return self.ontology_dir / "shapes.ttl"

    def ontology_files(self) -> list[Path]:
        """The ontology and thesaurus (everything in ``ontology/`` except the SHACL shapes)."""
        return sorted(p for p in self.ontology_dir.glob("*.ttl") if p.name != "shapes.ttl")


def bundle() -> Bundle:
    root = bundled_root()
    return Bundle(ontology_dir=root / "ontology", data_dir=root / "data", queries_dir=root / "queries")
