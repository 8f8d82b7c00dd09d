"""The user's cache folder for strategygraph: automatic persistent stores and the tagger's lemma table.

Kept apart from the stores so that the tagger can find it without importing Oxigraph."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    """The automatic stores' folder: ``$XDG_CACHE_HOME/strategygraph`` (``~/.cache/strategygraph`` without it)."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(configured) if configured and Path(configured).is_absolute() else Path.home() / ".cache"
    return base / "strategygraph"
