"""The user's cache folder for strategygraph: automatic persistent stores and the tagger's lemma table.

Kept apart from the stores so that the tagger can find it without importing Oxigraph."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def cache_root() -> Path:
    """The automatic stores' folder: ``$XDG_CACHE_HOME/strategygraph`` (``~/.cache/strategygraph`` without it)."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(configured) if configured and Path(configured).is_absolute() else Path.home() / ".cache"
    return base / "strategygraph"


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` into ``path`` (making its folder) through a temporary file beside it and a rename: a reader
    sees the old file or the new one, never half of one. OSError when it cannot; no temporary is left behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".tmp-{os.getpid()}-{secrets.token_hex(4)}-{path.name}")
    try:
        temporary.write_bytes(content)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
