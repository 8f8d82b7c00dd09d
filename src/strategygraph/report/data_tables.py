"""The report's data tables — committees, focus areas, statements, reflections, theme mentions, overlaps, theme
reach, and the analysis tables of :mod:`.analysis_tables` — as :class:`~strategygraph.tables.Table` s with stable
column keys and headers in Danish or English.

The CSV files use the keys as their header row (stable across languages, for scripts); the workbook uses the
translated headers (for people). Cells that hold several values join them with ``"; "``; every column of keys
or slugs has one of names beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..analysis import Analysis
from ..analysis.presentation import REACH_MEASURES, overlaps_csv_table, reach_json
from ..corpus import Corpus, TextUnit
from ..errors import NotFoundError
from ..i18n import Lang
from ..tables import Cell, Table, render_delimited
from .analysis_tables import ANALYSIS_TABLES
from .table_cells import committee_label, committee_labels, data_table_from, joined, theme_labels

TABLE_NAMES = (
    "committees",
    "focus_areas",
    "statements",
    "reflections",
    "theme_mentions",
    "overlaps",
    "theme_reach",
    "committee_themes",
    "gaps",
    "candidates",
    "clusters",
    "brokers",
)


def _community_numbers(analysis: Analysis) -> tuple[dict[str, int], dict[str, int]]:
    return analysis.committee_communities.community_of(), analysis.focus_area_communities.community_of()


def committees_table(analysis: Analysis, lang: Lang) -> Table:
    corpus = analysis.corpus
    community, _ = _community_numbers(analysis)
    rows = [
        (
            c.key,
            c.label(lang),
            c.municipality,
            c.municipality_label(lang),
            len(corpus.focus_areas_of(c.key)),
            joined(themes := sorted(analysis.index.themes_of(c.key))),
            theme_labels(corpus, themes, lang),
            joined(c.remit),
            theme_labels(corpus, c.remit, lang),
            community.get(c.key),
        )
        for c in corpus.committees
    ]
    keys = (
        "key",
        "label",
        "municipality",
        "municipality_label",
        "focus_areas",
        "themes",
        "theme_labels",
        "remit",
        "remit_labels",
        "community",
    )
    return data_table_from(keys, rows, lang)


def focus_areas_table(analysis: Analysis, lang: Lang) -> Table:
    corpus = analysis.corpus
    _, community = _community_numbers(analysis)
    rows = [
        (
            f.key,
            f.title,
            f.seminar,
            f.slide,
            f.order,
            f.committee,
            committee_label(corpus, f.committee, lang),
            f.confidence,
            f.rationale(lang),
            len(corpus.statements_of(f.key)),
            joined(themes := sorted(analysis.index.by_focus_area.get(f.key, {}))),
            theme_labels(corpus, themes, lang),
            community.get(f.key),
        )
        for f in corpus.focus_areas
    ]
    keys = (
        "key",
        "title",
        "seminar",
        "slide",
        "order",
        "committee",
        "committee_label",
        "attribution_confidence",
        "rationale",
        "statements",
        "themes",
        "theme_labels",
        "community",
    )
    return data_table_from(keys, rows, lang)


def table_units(corpus: Corpus, kind: str) -> list[TextUnit]:
    """The statements (those of a focus area) or reflections that the table of that ``kind`` has a row for."""
    return [u for u in corpus.units if u.kind == kind and (kind != "statement" or u.focus_area is not None)]


_UNIT_PLACE_KEYS = ("seminar", "slide", "order", "text", "themes", "theme_labels")
_UNIT_SOURCE_KEYS = ("source_start", "source_end", "iri")


def _unit_place(corpus: Corpus, unit: TextUnit, lang: Lang) -> tuple[Cell, ...]:
    """Where a statement or reflection stands, what it says and the themes it mentions (:data:`_UNIT_PLACE_KEYS`)."""
    themes = corpus.themes_of_unit.get(unit.key, ())
    return unit.seminar, unit.slide, unit.order, unit.text, joined(themes), theme_labels(corpus, themes, lang)


def _unit_source(unit: TextUnit) -> tuple[Cell, ...]:
    """A unit's span in the source file and its IRI (:data:`_UNIT_SOURCE_KEYS`)."""
    return unit.source_start, unit.source_end, unit.iri


def statements_table(analysis: Analysis, lang: Lang) -> Table:
    corpus = analysis.corpus
    rows = []
    for unit in table_units(corpus, "statement"):
        area = corpus.focus_area_by_key[unit.focus_area or ""]
        committee = (area.committee, committee_label(corpus, area.committee, lang), area.confidence)
        rows.append((unit.key, area.key, area.title, *committee, *_unit_place(corpus, unit, lang), *_unit_source(unit)))
    keys = (
        "key",
        "focus_area",
        "focus_area_title",
        "committee",
        "committee_label",
        "attribution_confidence",
        *_UNIT_PLACE_KEYS,
        *_UNIT_SOURCE_KEYS,
    )
    return data_table_from(keys, rows, lang)


def reflections_table(analysis: Analysis, lang: Lang) -> Table:
    corpus = analysis.corpus
    rows = [
        (
            unit.key,
            *_unit_place(corpus, unit, lang),
            joined(committees := corpus.committees_of_unit(unit)),
            committee_labels(corpus, committees, lang),
            *_unit_source(unit),
        )
        for unit in table_units(corpus, "reflection")
    ]
    keys = ("key", *_UNIT_PLACE_KEYS, "committees_on_slide", "committee_labels", *_UNIT_SOURCE_KEYS)
    return data_table_from(keys, rows, lang)


def theme_mentions_table(analysis: Analysis, lang: Lang) -> Table:
    corpus = analysis.corpus
    rows = []
    for mention in corpus.mentions:
        theme = corpus.theme_by_slug.get(mention.theme)
        unit = corpus.unit_by_key[mention.unit]
        committees = corpus.committees_of_unit(unit)
        rows.append(
            (
                mention.unit,
                unit.kind,
                joined(committees),
                committee_labels(corpus, committees, lang),
                mention.theme,
                theme.label(lang) if theme else mention.theme,
                mention.matched,
                mention.start,
                mention.end,
                mention.method,
            )
        )
    keys = ("unit", "kind", "committee", "committee_label", "theme", "theme_label", "matched", "start", "end", "method")
    return data_table_from(keys, rows, lang)


def overlaps_table(analysis: Analysis, lang: Lang) -> Table:
    """The `overlaps --format csv` table, with translated headers."""
    table = overlaps_csv_table(analysis, lang)
    return data_table_from(table.headers, table.rows, lang)


def theme_reach_table(analysis: Analysis, lang: Lang) -> Table:
    """The `themes --format json` records as a table, with names beside the keys."""
    corpus = analysis.corpus
    rows = []
    for record in reach_json(analysis, lang):
        areas = [a.title if (a := corpus.focus_area_by_key.get(k)) else k for k in record["focus_areas"]]
        pillars = [p.label(lang) if (p := corpus.pillar_by_slug.get(k)) else k for k in record["pillars"]]
        rows.append(
            (
                record["theme"],
                record["label"],
                joined(record["committees"]),
                committee_labels(corpus, record["committees"], lang),
                joined(record["focus_areas"]),
                joined(areas),
                joined([str(s) for s in record["slides"]]),
                *(record[k] for k in REACH_MEASURES[:-1]),
                joined(record["pillars"]),
                joined(pillars),
            )
        )
    keys = (
        "theme",
        "label",
        "committees",
        "committee_labels",
        "focus_areas",
        "focus_area_titles",
        "slides",
        *REACH_MEASURES,
        "pillar_labels",
    )
    return data_table_from(keys, rows, lang)


_BUILDERS: dict[str, Callable[[Analysis, Lang], Table]] = {
    "committees": committees_table,
    "focus_areas": focus_areas_table,
    "statements": statements_table,
    "reflections": reflections_table,
    "theme_mentions": theme_mentions_table,
    "overlaps": overlaps_table,
    "theme_reach": theme_reach_table,
    **ANALYSIS_TABLES,
}


def data_table(analysis: Analysis, name: str, lang: Lang) -> Table:
    """One data table by name (one of :data:`TABLE_NAMES`)."""
    try:
        builder = _BUILDERS[name]
    except KeyError:
        raise NotFoundError("error_unknown_table", name=name, choices=", ".join(TABLE_NAMES)) from None
    return builder(analysis, lang)


def data_tables(analysis: Analysis, lang: Lang) -> dict[str, Table]:
    """Every data table by name, in the order of :data:`TABLE_NAMES`."""
    return {name: data_table(analysis, name, lang) for name in TABLE_NAMES}


def csv_text(table: Table, *, excel: bool = False) -> str:
    """The table as CSV with its stable keys as the header row (``excel``: the dialect Danish Excel opens)."""
    return render_delimited(Table(table.json_keys, table.rows), excel=excel)
