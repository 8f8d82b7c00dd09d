"""The analysis results as data tables (CSV and workbook sheets): the committee × theme counts, gaps, candidate
collaborations, clusters and brokers — with keys and slugs for scripts and names beside them for people."""

from __future__ import annotations

from collections.abc import Callable

from ..analysis import Analysis
from ..analysis.presentation import WEIGHT_DIGITS
from ..i18n import Lang, text
from ..tables import Cell, Table
from .heatmap import committee_theme_heatmap
from .table_cells import committee_label, committee_labels, data_table_from, joined, theme_labels


def committee_themes_table(analysis: Analysis, lang: Lang) -> Table:
    """Committees × themes: how many statements (or, by the evidence mode, reflections) of each committee mention
    each theme. The columns after the committee are the themes (keys: slugs; headers: names)."""
    heatmap = committee_theme_heatmap(analysis, lang)
    rows: list[tuple[Cell, ...]] = [
        (key, label, *counts) for (key, label), counts in zip(heatmap.rows, heatmap.counts, strict=True)
    ]
    headers = (text("col_committee", lang), text("col_committee_label", lang), *(t for _, t in heatmap.columns))
    keys = ("committee", "committee_label", *(slug for slug, _ in heatmap.columns))
    return Table(headers, rows, keys=keys)


def gaps_data_table(analysis: Analysis, lang: Lang) -> Table:
    """One row per reflection that raises a theme no focus area owns."""
    corpus = analysis.corpus
    rows: list[tuple[Cell, ...]] = []
    for gap in analysis.gaps:
        label = theme_labels(corpus, (gap.theme,), lang)
        for unit in gap.reflections:
            committees = corpus.committees_of_unit(unit)
            rows.append(
                (
                    gap.theme,
                    label,
                    gap.seminar,
                    unit.slide,
                    joined(committees),
                    committee_labels(corpus, committees, lang),
                    unit.key,
                    unit.text,
                )
            )
    keys = ("theme", "theme_label", "seminar", "slide", "committees_on_slide", "committee_labels", "unit", "text")
    return data_table_from(keys, rows, lang)


def candidates_data_table(analysis: Analysis, lang: Lang) -> Table:
    """Candidate collaborations: strongly overlapping pairs that never mention each other's remit."""
    corpus = analysis.corpus
    rows = [
        (
            c.overlap.a,
            committee_label(corpus, c.overlap.a, lang),
            c.overlap.b,
            committee_label(corpus, c.overlap.b, lang),
            round(c.overlap.weight, WEIGHT_DIGITS),
            joined(c.overlap.shared_themes),
            theme_labels(corpus, c.overlap.shared_themes, lang),
            joined(c.a_silent_on),
            theme_labels(corpus, c.a_silent_on, lang),
            joined(c.b_silent_on),
            theme_labels(corpus, c.b_silent_on, lang),
        )
        for c in analysis.candidates
    ]
    keys = (
        "a",
        "a_label",
        "b",
        "b_label",
        "weight",
        "shared_themes",
        "shared_theme_labels",
        "a_silent_on",
        "a_silent_on_labels",
        "b_silent_on",
        "b_silent_on_labels",
    )
    return data_table_from(keys, rows, lang)


def clusters_data_table(analysis: Analysis, lang: Lang) -> Table:
    """One row per member of a cluster (Louvain community) of committees or of focus areas."""
    corpus = analysis.corpus
    rows: list[tuple[Cell, ...]] = []
    partitions = (("committees", analysis.committee_communities), ("focus_areas", analysis.focus_area_communities))
    for kind, found in partitions:
        for number, group in enumerate(found.groups, 1):
            for key in group:
                if kind == "committees":
                    label = committee_label(corpus, key, lang)
                else:
                    label = corpus.focus_area_by_key[key].title
                rows.append((kind, number, round(found.modularity, WEIGHT_DIGITS), key, label))
    return data_table_from(("kind", "community", "modularity", "member", "member_label"), rows, lang)


def brokers_data_table(analysis: Analysis, lang: Lang) -> Table:
    """Committees without which connected theme pairs fall apart."""
    corpus = analysis.corpus
    rows = [
        (
            b.committee,
            committee_label(corpus, b.committee, lang),
            b.disconnected_pairs,
            round(b.connectivity_loss, WEIGHT_DIGITS),
            round(b.betweenness, WEIGHT_DIGITS),
            joined(b.sole_carrier_of),
            theme_labels(corpus, b.sole_carrier_of, lang),
        )
        for b in analysis.brokers
    ]
    keys = (
        "committee",
        "committee_label",
        "disconnected_pairs",
        "connectivity_loss",
        "betweenness",
        "sole_carrier_of",
        "sole_carrier_of_labels",
    )
    return data_table_from(keys, rows, lang)


ANALYSIS_TABLES: dict[str, Callable[[Analysis, Lang], Table]] = {
    "committee_themes": committee_themes_table,
    "gaps": gaps_data_table,
    "candidates": candidates_data_table,
    "clusters": clusters_data_table,
    "brokers": brokers_data_table,
}
