"""Text derived from a graph (the corpus), kept in a file so that later commands read it back instead of deriving it
again: beside a persistent store's data, or in the cache folder for a graph on a SPARQL service.

Whoever names the file makes the name say which state of the graph the text belongs to (a persistent store's
content key; a published graph's digest), so a kept text is never read for another state.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from ..cache_folder import write_atomically

KEPT = "kept-"  # the file names' prefix


def read_or_keep(path: Path, make: Callable[[], str]) -> str:
    """The text in ``path``, else ``make()`` written there through a temporary file and a rename (a reader never
    sees half of it; a folder that cannot be written, or that went, keeps nothing)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    text = make()
    with contextlib.suppress(OSError):
        write_atomically(path, text.encode("utf-8"))
    return text
