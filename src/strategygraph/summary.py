"""Counts of what a graph holds, for `strategygraph info`."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .stores.base import GraphStore, as_int

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
    result = store.select(COUNTS_QUERY)
    (row,) = result.dicts()
    counts = {name: as_int(value) for name, value in row.items()}
    return GraphCounts(**counts, triples=len(store))
