"""The report's generic sections — reach, pillars, gaps, structure, method and comparison — each a titled
block of prose and tables, and :class:`TableCap`, which shortens a large graph's tables for the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..analysis import Analysis
from ..analysis.presentation import (
    brokers_table,
    candidates_heading,
    candidates_table,
    communities_table,
    gaps_table,
    reach_table,
    theme_label,
)
from ..analysis.structure import SEED
from ..comparison import SeminarComparison
from ..comparison.presentation import comparison_paragraphs, comparison_tables, comparison_title
from ..i18n import Lang, format_count, phrase, text
from ..tables import Table
from .content_model import Section
from .header import SeminarHeader


@dataclass
class TableCap:
    """Shortens tables to their first ``rows`` rows for the page, and keeps a note for each one it shortened."""

    rows: int
    lang: Lang
    notes: list[str] = field(default_factory=list)

    def __call__(self, table: Table, caption: str) -> Table:
        if len(table.rows) <= self.rows:
            return table
        self.shortened(caption, len(table.rows))
        return Table(table.headers, table.rows[: self.rows], table.keys)

    def shortened(self, caption: str, total: int) -> None:
        """Note that the table ``caption`` shows ``rows`` of its ``total`` rows."""
        total_text = format_count(total, self.lang)
        self.notes.append(
            text("report_abridged_table", self.lang).format(table=caption, shown=self.rows, total=total_text)
        )


def reach_section(analysis: Analysis, lang: Lang) -> Section:
    """The themes in use, with their reach; the themes nothing mentions, named in a sentence."""
    table = reach_table(analysis, lang)
    rows = [row for row, r in zip(table.rows, analysis.reach, strict=True) if r.slides]
    unused = sorted((theme_label(analysis, r.theme, lang) for r in analysis.reach if not r.slides), key=str.casefold)
    paragraphs = [text("report_reach_intro", lang)]
    if unused:
        paragraphs.append(text("report_unused_themes", lang).format(themes=", ".join(unused)))
    return Section(
        "reach", text("report_reach", lang), tuple(paragraphs), (("", Table(table.headers, rows, table.keys)),)
    )


def pillar_table(analysis: Analysis, lang: Lang) -> Table:
    """Per pillar: the themes serving it, those in use, the committees carrying any of them, and the evidence."""
    corpus = analysis.corpus
    reach = {r.theme: r for r in analysis.reach}
    presenting = sum(1 for c in corpus.committees if corpus.focus_areas_of(c.key))
    rows = []
    for pillar in corpus.pillars:
        entries = [reach[t] for t in pillar.themes if t in reach]
        committees = sorted({c for r in entries for c in r.committees})
        rows.append(
            (
                pillar.label(lang),
                ", ".join(theme_label(analysis, t, lang) for t in pillar.themes),
                sum(1 for r in entries if r.slides),
                len(committees),
                round(len(committees) / presenting, 3) if presenting else 0.0,
                sum(r.statements for r in entries),
                sum(r.reflections for r in entries),
            )
        )
    keys = ("pillar", "themes", "theme_count", "carriers", "coverage", "statements", "reflections")
    return Table(tuple(text(f"col_{k}", lang) for k in keys), rows, keys=keys)


def table_sections(analysis: Analysis, lang: Lang, cap: TableCap) -> tuple[Section, Section, Section]:
    """The pillars, gaps and structure sections, their tables shortened by ``cap``."""

    def captioned(heading: str, table: Callable[[Analysis, Lang], Table]) -> tuple[str, Table]:
        return heading, cap(table(analysis, lang), heading)

    _, pillars = captioned(text("report_pillars", lang), pillar_table)
    return (
        Section("pillars", text("report_pillars", lang), (text("report_pillars_intro", lang),), (("", pillars),)),
        Section(
            "gaps",
            text("report_gaps", lang),
            tables=(
                captioned(text("gaps_heading", lang), gaps_table),
                captioned(candidates_heading(analysis, lang), candidates_table),
            ),
        ),
        Section(
            "structure",
            text("report_structure", lang),
            tables=(
                captioned(text("communities_heading", lang), communities_table),
                captioned(text("brokers_heading", lang), brokers_table),
            ),
        ),
    )


def method_sections(analysis: Analysis, header: SeminarHeader, lang: Lang) -> tuple[Section, ...]:
    """How the report was made: what counts as evidence, how overlaps are weighed, what is inferred."""
    corpus = analysis.corpus
    attributed = [f for f in corpus.focus_areas if f.committee is not None]
    methods = [m.method for m in corpus.mentions]

    def t(key: str, **values: object) -> str:
        return phrase(key, lang, **values)

    return (
        Section(
            "method-evidence",
            t("report_method_evidence_heading"),
            (
                t(
                    "report_method_evidence",
                    source=header.sources(lang) or "—",
                    mode_explained=t(f"report_mode_{analysis.mode}"),
                ),
            ),
        ),
        Section("method-weight", t("report_method_weight_heading"), (t("report_method_weight"),)),
        Section(
            "method-inferred",
            t("report_method_inferred_heading"),
            (
                t(
                    "report_method_inferred",
                    inferred=sum(1 for f in attributed if f.confidence != "stated"),
                    total=len(attributed),
                    lexical=methods.count("lexical"),
                    curated=methods.count("curated"),
                ),
            ),
        ),
        Section("method-structure", t("report_method_structure_heading"), (t("report_method_structure", seed=SEED),)),
    )


def comparison_section(comparison: SeminarComparison, lang: Lang) -> Section:
    """A comparison of two seminars as a report section (the same text as ``compare --format md``)."""
    return Section(
        "comparison",
        comparison_title(comparison, lang),
        comparison_paragraphs(comparison, lang),
        comparison_tables(comparison, lang),
    )
