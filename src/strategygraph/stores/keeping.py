"""Values derived from a graph (the corpus, ``info``'s counts), kept as text in a file so that later commands read
them back instead of deriving them again: beside a persistent store's data, or in the cache folder for a graph on
a SPARQL service.

Whoever names the file makes the name say which state of the graph the text belongs to (a persistent store's
content key; a published graph's digest), so a kept text is never read for another state.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from ..cache_folder import write_atomically

KEPT = "kept-"  # the file names' prefix
T = TypeVar("T")


@dataclass(frozen=True)
class KeptForm(Generic[T]):
    """How one kind of derived value is kept: its file name, its text, and the value read back from the text
    (``read`` raises ValueError, TypeError or KeyError for a text that is not one)."""

    name: str
    write: Callable[[T], str]
    read: Callable[[str], T]


def read_or_keep(path: Path, form: KeptForm[T], make: Callable[[], T]) -> T:
    """The value kept in ``path``, else ``make()``, kept there through a temporary file and a rename (a reader
    never sees half of it); a damaged text is made and kept again, a folder that cannot be written keeps nothing."""
    try:
        return form.read(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError):
        pass
    value = make()
    with contextlib.suppress(OSError):
        write_atomically(path, form.write(value).encode("utf-8"))
    return value
