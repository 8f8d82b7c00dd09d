"""Read a seminar's outline back from a graph: the inverse of the Turtle writer, for export and comparison."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from ..errors import StrategyGraphError
from ..seminars import SeminarRef
from ..stores.base import GraphStore, as_int, as_str
from .outline import AttributionOutline, FocusAreaOutline, PillarOutline, SeminarOutline, SlideOutline, TextUnit

_SEMINAR = """
SELECT ?title ?slug ?documentTitle ?language ?municipality ?date ?description WHERE {
    ?seminar dcterms:title ?title .
    OPTIONAL { ?seminar sg:slug ?slug }
    OPTIONAL {
        ?document a sg:SourceDocument ; sg:seminar ?seminar ; dcterms:title ?documentTitle .
        OPTIONAL { ?document dcterms:language ?language }
    }
    OPTIONAL { ?seminar sg:municipality/skos:prefLabel ?municipality }
    OPTIONAL { ?seminar dcterms:date ?date }
    OPTIONAL { ?seminar dcterms:description ?description }
}
"""

_FOCUS_AREAS = """
SELECT ?area ?slide ?order ?title ?committee ?confidence ?rationale WHERE {
    ?area a sg:FocusArea ; sg:seminar ?seminar ; sg:order ?order ; dcterms:title ?title .
    ?area sg:slide/sg:slideNumber ?slide .
    OPTIONAL { ?area sg:presentedBy/skos:prefLabel ?committee }
    OPTIONAL {
        ?area sg:attribution ?attribution .
        OPTIONAL { ?attribution sg:confidence ?confidence }
        OPTIONAL { ?attribution sg:rationale ?rationale }
    }
}
ORDER BY ?slide ?order ?area
"""

_STATEMENTS = """
SELECT ?area ?order ?text WHERE {
    ?area sg:seminar ?seminar .
    ?statement a sg:Statement ; sg:focusArea ?area ; sg:order ?order ; sg:text ?text .
}
ORDER BY ?area ?order
"""

_REFLECTIONS = """
SELECT ?slide ?order ?text WHERE {
    ?slideNode sg:seminar ?seminar ; sg:slideNumber ?slide .
    ?reflection a sg:Reflection ; sg:slide ?slideNode ; sg:order ?order ; sg:text ?text .
}
ORDER BY ?slide ?order
"""

_REMITS = """
SELECT DISTINCT ?committee ?label ?theme WHERE {
    ?area sg:seminar ?seminar ; sg:presentedBy ?committee .
    ?committee sg:remit/sg:slug ?theme .
    OPTIONAL { ?committee skos:prefLabel ?label }
}
"""

# The pillars of the seminar's municipality: the top concepts of the schemes it created.
_PILLARS = """
SELECT ?pillar ?slug ?notation ?label ?own ?served WHERE {
    ?seminar sg:municipality ?municipality .
    ?scheme dcterms:creator ?municipality .
    ?pillar a sg:Pillar ; skos:topConceptOf ?scheme ; sg:slug ?slug .
    OPTIONAL { ?pillar skos:prefLabel ?label }
    OPTIONAL { ?pillar skos:notation ?notation }
    OPTIONAL { ?pillar sg:pillarTheme/sg:slug ?own }
    OPTIONAL { ?pillar sg:servedBy/sg:slug ?served }
}
"""


def _pick(values: list[Identifier | None], *languages: str) -> str | None:
    """The first value in the first of ``languages`` that has one (``""``: untagged), else the first value."""
    literals = [value for value in values if isinstance(value, Literal)]
    for language in languages:
        for value in literals:
            if (value.language or "") == language:
                return str(value)
    return str(literals[0]) if literals else None


def _remits(
    store: GraphStore, bindings: Mapping[str, Identifier], committees: list[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The remits of the seminar's committees (theme slugs, sorted), in the order the committees appear."""
    rows: dict[str, list[dict[str, Identifier | None]]] = defaultdict(list)
    for row in store.select(_REMITS, bindings).dicts():
        rows[str(row["committee"])].append(row)
    remits = {}
    for group in rows.values():
        name = _pick([row["label"] for row in group], "da", "")
        if name is not None:
            remits[name] = tuple(sorted({str(row["theme"]) for row in group}))
    return tuple((name, remits[name]) for name in committees if name in remits)


def _pillars(store: GraphStore, bindings: Mapping[str, Identifier]) -> tuple[PillarOutline, ...]:
    """The municipality's pillars in the order of their notation, each with its themes (sorted)."""
    rows: dict[str, list[dict[str, Identifier | None]]] = defaultdict(list)
    for row in store.select(_PILLARS, bindings).dicts():
        rows[str(row["pillar"])].append(row)

    def order(group: list[dict[str, Identifier | None]]) -> tuple[int, str, str]:
        notation = as_str(next((row["notation"] for row in group if row["notation"] is not None), None)) or ""
        return (int(notation) if notation.isdigit() else 1 << 30, notation, str(group[0]["slug"]))

    pillars = []
    for group in sorted(rows.values(), key=order):
        name = _pick([row["label"] for row in group], "da", "") or str(group[0]["slug"])
        english = _pick([row["label"] for row in group], "en")
        own = min((str(row["own"]) for row in group if row["own"] is not None), default=None)
        served = sorted({str(row["served"]) for row in group if row["served"] is not None} - {own})
        pillars.append(PillarOutline(name, tuple(served), own, english if english not in (None, name) else None))
    return tuple(pillars)


def outline_from_graph(store: GraphStore, seminar: SeminarRef) -> SeminarOutline:
    """The seminar's slides, committees, focus areas, texts and attributions, in order, without positions."""
    bindings = {"seminar": URIRef(seminar.iri)}
    rows = list(store.select(_SEMINAR, bindings).dicts())
    language = next((str(row["language"]) for row in rows if row["language"] is not None), "da")
    title = _pick([row["documentTitle"] for row in rows], language, "da", "") or _pick(
        [row["title"] for row in rows], language, "da", ""
    )
    municipality = _pick([row["municipality"] for row in rows], "da", "")
    if title is None or municipality is None:
        raise StrategyGraphError("error_seminar_without_title", seminar=seminar.id)
    date = as_str(next((row["date"] for row in rows if row["date"] is not None), None))
    slug = as_str(next((row["slug"] for row in rows if row["slug"] is not None), None))
    description = _pick([row["description"] for row in rows], language, "da", "")

    area_rows: dict[str, list[dict[str, Identifier | None]]] = defaultdict(list)
    for row in store.select(_FOCUS_AREAS, bindings).dicts():
        area_rows[str(row["area"])].append(row)
    statements: dict[str, dict[int, list[Identifier | None]]] = defaultdict(lambda: defaultdict(list))
    for row in store.select(_STATEMENTS, bindings).dicts():
        statements[str(row["area"])][as_int(row["order"])].append(row["text"])
    reflections: dict[int, dict[int, list[Identifier | None]]] = defaultdict(lambda: defaultdict(list))
    for row in store.select(_REFLECTIONS, bindings).dicts():
        reflections[as_int(row["slide"])][as_int(row["order"])].append(row["text"])

    areas_by_slide: dict[int, list[FocusAreaOutline]] = defaultdict(list)
    for area, group in area_rows.items():
        committee = _pick([row["committee"] for row in group], "da", "")
        if committee is None:
            raise StrategyGraphError("error_area_without_committee", area=area)
        attribution = AttributionOutline(
            as_str(next((row["confidence"] for row in group if row["confidence"] is not None), None)) or "stated",
            _pick([row["rationale"] for row in group], language, "da"),
        )
        texts = [_pick(values, language, "da", "") or "" for _, values in sorted(statements[area].items())]
        title_text = _pick([row["title"] for row in group], language, "da", "") or ""
        outline = FocusAreaOutline(TextUnit(title_text), committee, attribution, tuple(TextUnit(t) for t in texts))
        areas_by_slide[as_int(group[0]["slide"])].append(outline)

    slides: list[SlideOutline] = []
    for number in sorted({*areas_by_slide, *reflections}):
        slide_reflections = tuple(
            TextUnit(_pick(values, language, "da", "") or "") for _, values in sorted(reflections[number].items())
        )
        slides.append(SlideOutline(len(slides) + 1, tuple(areas_by_slide[number]), slide_reflections))
    committees = list(dict.fromkeys(area.committee for slide in slides for area in slide.focus_areas))
    return SeminarOutline(
        municipality=municipality,
        title=TextUnit(title),
        slides=tuple(slides),
        date=date,
        language=language,
        description=TextUnit(description) if description else None,
        slug=slug,
        remits=_remits(store, bindings, committees),
        pillars=_pillars(store, bindings),
    )
