"""The report's data tables — committees, focus areas, statements, reflections, theme mentions, overlaps and
theme reach — as :class:`~strategygraph.tables.Table` s with stable column keys and headers in Danish or English.

The CSV files use the keys as their header row (stable across languages, for scripts); the workbook uses the
translated headers (for people). Cells that hold several values join them with ``"; "``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..analysis import Analysis
from ..analysis.presentation import REACH_MEASURES, overlaps_csv_table, reach_json
from ..corpus import Corpus, TextUnit
from ..errors import NotFoundError
from ..i18n import Lang, has_text, text
from ..tables import Cell, Table, render_delimited

TABLE_NAMES = (
    "committees",
    "focus_areas",
    "statements",
    "reflections",
    "theme_mentions",
    "overlaps",
    "theme_reach",
)

LIST_SEPARATOR = "; "


def _table(keys: Sequence[str], rows: Sequence[tuple[Cell, ...]], lang: Lang) -> Table:
    return Table(tuple(text(f"col_{key}", lang) for key in keys), list(rows), keys=tuple(keys))


def _method(method: str, lang: Lang) -> str:
    """How a mention was found (``lexical``, ``curated``) in ``lang``; a method messages.toml lacks as it is."""
    key = f"mention_method_{method}"
    return text(key, lang) if has_text(key) else method


def _joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


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
            len(corpus.focus_areas_of(c.key)),
            _joined(sorted(analysis.index.themes_of(c.key))),
            _joined(c.remit),
            community.get(c.key),
        )
        for c in corpus.committees
    ]
    keys = ("key", "label", "municipality", "focus_areas", "themes", "remit", "community")
    return _table(keys, rows, lang)


def _committee_label(corpus: Corpus, key: str | None, lang: Lang) -> str:
    committee = corpus.committee_by_key.get(key or "")
    return committee.label(lang) if committee else ""


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
            _committee_label(corpus, f.committee, lang),
            f.confidence,
            f.rationale(lang),
            len(corpus.statements_of(f.key)),
            _joined(sorted(analysis.index.by_focus_area.get(f.key, {}))),
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
        "community",
    )
    return _table(keys, rows, lang)


def table_units(corpus: Corpus, kind: str) -> list[TextUnit]:
    """The statements (those of a focus area) or reflections that the table of that ``kind`` has a row for."""
    return [u for u in corpus.units if u.kind == kind and (kind != "statement" or u.focus_area is not None)]


_UNIT_PLACE_KEYS = ("seminar", "slide", "order", "text", "themes")
_UNIT_SOURCE_KEYS = ("source_start", "source_end", "iri")


def _unit_place(corpus: Corpus, unit: TextUnit) -> tuple[Cell, ...]:
    """Where a statement or reflection stands, what it says and the themes it mentions (:data:`_UNIT_PLACE_KEYS`)."""
    return unit.seminar, unit.slide, unit.order, unit.text, _joined(corpus.themes_of_unit.get(unit.key, ()))


def _unit_source(unit: TextUnit) -> tuple[Cell, ...]:
    """A unit's span in the source file and its IRI (:data:`_UNIT_SOURCE_KEYS`)."""
    return unit.source_start, unit.source_end, unit.iri


def statements_table(analysis: Analysis, lang: Lang) -> Table:
    corpus = analysis.corpus
    rows = []
    for unit in table_units(corpus, "statement"):
        area = corpus.focus_area_by_key[unit.focus_area or ""]
        committee = (area.committee, _committee_label(corpus, area.committee, lang), area.confidence)
        rows.append((unit.key, area.key, area.title, *committee, *_unit_place(corpus, unit), *_unit_source(unit)))
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
    return _table(keys, rows, lang)


def reflections_table(analysis: Analysis, lang: Lang) -> Table:
    corpus = analysis.corpus
    rows = [
        (unit.key, *_unit_place(corpus, unit), _joined(corpus.committees_of_unit(unit)), *_unit_source(unit))
        for unit in table_units(corpus, "reflection")
    ]
    keys = ("key", *_UNIT_PLACE_KEYS, "committees_on_slide", *_UNIT_SOURCE_KEYS)
    return _table(keys, rows, lang)


def theme_mentions_table(analysis: Analysis, lang: Lang) -> Table:
    corpus = analysis.corpus
    rows = []
    for mention in corpus.mentions:
        theme = corpus.theme_by_slug.get(mention.theme)
        rows.append(
            (
                mention.unit,
                text(corpus.unit_by_key[mention.unit].kind, lang),
                mention.theme,
                theme.label(lang) if theme else mention.theme,
                mention.matched,
                mention.start,
                mention.end,
                _method(mention.method, lang),
            )
        )
    keys = ("unit", "kind", "theme", "theme_label", "matched", "start", "end", "method")
    return _table(keys, rows, lang)


def overlaps_table(analysis: Analysis, lang: Lang) -> Table:
    """The `overlaps --format csv` table, with translated headers."""
    table = overlaps_csv_table(analysis, lang)
    return _table(table.headers, table.rows, lang)


def _record_cell(value: Any) -> Cell:
    if isinstance(value, list | tuple):
        return _joined([str(v) for v in value])
    if value is None or isinstance(value, str | int | float):
        return value
    return str(value)


def records_table(records: Sequence[Mapping[str, Any]], keys: Sequence[str], lang: Lang) -> Table:
    """A table from JSON-ready records (lists joined with ``"; "``)."""
    return _table(keys, [tuple(_record_cell(r[k]) for k in keys) for r in records], lang)


def theme_reach_table(analysis: Analysis, lang: Lang) -> Table:
    """The `themes --format json` records as a table."""
    keys = ("theme", "label", "committees", "focus_areas", "slides", *REACH_MEASURES)
    return records_table(reach_json(analysis, lang), keys, lang)


_BUILDERS: dict[str, Callable[[Analysis, Lang], Table]] = {
    "committees": committees_table,
    "focus_areas": focus_areas_table,
    "statements": statements_table,
    "reflections": reflections_table,
    "theme_mentions": theme_mentions_table,
    "overlaps": overlaps_table,
    "theme_reach": theme_reach_table,
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
