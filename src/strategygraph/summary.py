"""Counts of what a graph holds, for `strategygraph info`."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields

from .stores.base import GraphStore, as_int
from .stores.keeping import KeptForm

COUNTS_QUERY = """
SELECT
    (COUNT(DISTINCT ?municipality) AS ?municipalities)
    (COUNT(DISTINCT ?seminar) AS ?seminars)
    (COUNT(DISTINCT ?slide) AS ?slides)
    (COUNT(DISTINCT ?committee) AS ?committees)
    (COUNT(DISTINCT ?focusArea) AS ?focus_areas)
    (COUNT(DISTINCT ?statement) AS ?statements)
    (COUNT(DISTINCT ?reflection) AS ?reflections)
    (COUNT(DISTINCT ?theme) AS ?themes)
    (COUNT(DISTINCT ?pillar) AS ?pillars)
    (COUNT(DISTINCT ?mention) AS ?mentions)
WHERE {
    { ?municipality a sg:Municipality } UNION { ?seminar a sg:Seminar }
    UNION { ?slide a sg:Slide } UNION { ?committee a sg:Committee }
    UNION { ?focusArea a sg:FocusArea } UNION { ?statement a sg:Statement }
    UNION { ?reflection a sg:Reflection } UNION { ?theme a sg:Theme }
    UNION { ?pillar a sg:Pillar } UNION { ?mention a sg:ThemeMention }
}
"""


@dataclass(frozen=True)
class GraphCounts:
    """How many of each kind of thing the graph holds (the keys of `info --format json`)."""

    municipalities: int
    seminars: int
    slides: int
    committees: int
    focus_areas: int
    statements: int
    reflections: int
    themes: int
    pillars: int
    mentions: int
    triples: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def count_graph(store: GraphStore) -> GraphCounts:
    """The counts; a store that keeps derived data (a persistent store, whose folder is named by its content)
    counts once and keeps them beside it (at 1 M triples the count scans the on-disk indexes: 0.1 to 0.4 s; at 10 M
    about 10 s)."""
    counts = store.kept(_KEPT_COUNTS, lambda: _counted(store))
    return GraphCounts(**(counts if counts is not None else _counted(store)), triples=len(store))


_COUNTED = tuple(field.name for field in fields(GraphCounts) if field.name != "triples")


def _counted(store: GraphStore) -> dict[str, int]:
    (row,) = store.select(COUNTS_QUERY).dicts()
    return {name: as_int(value) for name, value in row.items()}


def _counts_from(text: str) -> dict[str, int]:
    """Kept counts read back; ValueError for a damaged file (what the store holds is still right: count again)."""
    counts = json.loads(text)
    if not isinstance(counts, dict) or sorted(counts) != sorted(_COUNTED):
        raise ValueError("not kept counts")
    if not all(type(value) is int and value >= 0 for value in counts.values()):
        raise ValueError("not kept counts")
    return counts


def _counts_text(counts: dict[str, int]) -> str:
    return json.dumps(counts, sort_keys=True)


_KEPT_COUNTS = KeptForm(
    f"counts-{hashlib.sha256(f'{COUNTS_QUERY}{_COUNTED}'.encode()).hexdigest()[:12]}.json", _counts_text, _counts_from
)
"""The kept counts (their file name: a changed query or set of counts never reads an older file)."""
