"""The graph's content as plain, sorted dataclasses: committees, focus areas, statements, reflections,
themes, pillars and theme mentions — the common input of the analyses, views and reports.

Everything is read with standard SPARQL through :class:`~strategygraph.stores.base.GraphStore`, so it works
the same on every store. Short keys (``laering``, ``smidige-processer``, ``smidige-processer-4``) are
qualified with the municipality or seminar only when a graph holds several and plain slugs would clash.

- :mod:`.model`: the dataclasses and the :class:`Corpus` with its look-ups;
- :mod:`.queries`: the SPARQL it is read with;
- :mod:`.reading`: :func:`read_corpus`, from a store.
"""

from .model import CONFIDENCES, Committee, Corpus, FocusArea, Mention, Pillar, TextUnit, Theme
from .reading import read_corpus

__all__ = [
    "CONFIDENCES",
    "Committee",
    "Corpus",
    "FocusArea",
    "Mention",
    "Pillar",
    "TextUnit",
    "Theme",
    "read_corpus",
]
