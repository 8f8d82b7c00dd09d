"""What the report says, in one language: :func:`report_content` assembles a
:class:`~strategygraph.report.content_model.ReportContent` from an analysis — its figures, committees,
overlaps with their quotes and the links to the views — and the generic sections of :mod:`.sections`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from .. import __version__
from ..analysis import Analysis, evidence
from ..analysis.evidence import Quote
from ..analysis.overlaps import BACKBONE_PARTNERS
from ..analysis.presentation import overlaps_table, theme_label
from ..analysis.structure import SEED
from ..comparison import SeminarComparison
from ..i18n import Lang, format_count, format_number, text
from .content_model import (
    CommitteeItem,
    Figure,
    FocusAreaItem,
    OverlapItem,
    QuoteItem,
    ReportContent,
    SharedThemeItem,
    ViewLink,
)
from .header import SeminarHeader
from .heatmap import committee_theme_heatmap
from .limits import DEFAULT_LIMITS, BundleLimits, LeftOut
from .sections import TableCap, comparison_section, method_sections, reach_section, table_sections
from .summary import date_text, report_summary

TOP_OVERLAPS = 10
QUOTES_PER_SIDE = 2


def confidence_label(confidence: str | None, lang: Lang) -> str:
    """Attribution confidence in words: *stærk slutning* / *strong inference*, …"""
    return text(f"confidence_{confidence or 'unknown'}", lang)


def _committees_intro(analysis: Analysis, lang: Lang) -> str:
    """All inferred, all stated, or some of each: the report must not claim what this data does not say."""
    attributed = [f for f in analysis.corpus.focus_areas if f.committee is not None]
    stated = sum(1 for f in attributed if f.confidence == "stated")
    if stated == len(attributed):
        return text("report_committees_intro_stated", lang)
    if stated == 0:
        return text("report_committees_intro", lang)
    return text("report_committees_intro_mixed", lang).format(stated=stated, total=len(attributed))


def theme_counts(analysis: Analysis) -> tuple[int, int, int]:
    """Themes mentioned anywhere (statements or reflections); themes some committee carries under the evidence
    mode (the heatmap's columns); themes at least two committees carry (what overlaps rest on)."""
    carriers = analysis.index.carriers()
    mentioned = {m.theme for m in analysis.corpus.mentions}
    return len(mentioned), len(carriers), sum(1 for committees in carriers.values() if len(committees) >= 2)


def _figures(analysis: Analysis, lang: Lang) -> tuple[Figure, ...]:
    corpus = analysis.corpus
    presenting = [c for c in corpus.committees if corpus.focus_areas_of(c.key)]
    mentioned, carried, shared = theme_counts(analysis)
    evidence = text(f"evidence_{analysis.mode}", lang)
    pairs = len(presenting) * (len(presenting) - 1) // 2
    inferred = sum(1 for f in corpus.focus_areas if f.committee is not None and f.confidence != "stated")
    attributed = sum(1 for f in corpus.focus_areas if f.committee is not None)

    def figure(value: object, key: str, **values: object) -> Figure:
        label = text(key, lang)
        return Figure(str(value), label.format(**values) if values else label)

    return (
        figure(len(presenting), "report_figure_committees"),
        figure(len(corpus.focus_areas), "report_figure_focus_areas"),
        figure(sum(u.kind == "statement" for u in corpus.units), "report_figure_statements"),
        figure(sum(u.kind == "reflection" for u in corpus.units), "report_figure_reflections"),
        figure(mentioned, "report_figure_themes", total=len(corpus.themes)),
        figure(carried, "report_figure_themes_carried", evidence=evidence),
        figure(shared, "report_figure_themes_shared", evidence=evidence),
        figure(len(corpus.mentions), "report_figure_mentions"),
        figure(len(analysis.overlaps), "report_figure_pairs", total=pairs),
        figure(inferred, "report_figure_inferred", total=attributed),
    )


def _committees(analysis: Analysis, lang: Lang, shown: set[str]) -> tuple[CommitteeItem, ...]:
    corpus = analysis.corpus

    def area_item(key: str) -> FocusAreaItem:
        area = corpus.focus_area_by_key[key]
        themes = analysis.index.by_focus_area.get(key, {})
        return FocusAreaItem(
            title=area.title,
            slide=area.slide,
            confidence=area.confidence or "unknown",
            confidence_label=confidence_label(area.confidence, lang),
            rationale=area.rationale(lang),
            statements=len(corpus.statements_of(key)),
            themes=tuple(sorted((theme_label(analysis, t, lang) for t in themes), key=str.casefold)),
        )

    items = [
        CommitteeItem(c.label(lang), tuple(area_item(f.key) for f in corpus.focus_areas_of(c.key)))
        for c in sorted(corpus.committees, key=lambda c: (c.label(lang).casefold(), c.key))
        if c.key in shown
    ]
    orphans = tuple(area_item(f.key) for f in corpus.focus_areas if f.committee is None)
    if orphans:
        items.append(CommitteeItem(text("report_unattributed", lang), orphans))
    return tuple(item for item in items if item.focus_areas)


@dataclass
class _Quotes:
    """Numbers the quotes in the order the report shows them; a quote shown again refers back to its first
    appearance instead of repeating it (a statement often mentions several shared themes)."""

    analysis: Analysis
    lang: Lang
    first: dict[str, tuple[int, str]] = field(default_factory=dict)  # unit → (number, where it first appeared)

    def item(self, quote: Quote, where_shown: str) -> QuoteItem:
        corpus, lang = self.analysis.corpus, self.lang
        where = [text("report_slide", lang).format(slide=quote.slide)]
        confidence, label = "", ""
        if quote.focus_area is not None:
            area = corpus.focus_area_by_key[quote.focus_area]
            where.insert(0, area.title)
            confidence = area.confidence or "unknown"
            label = confidence_label(area.confidence, lang)
        else:
            where.insert(0, text("reflection", lang))
        offset = ""
        if quote.source_start is not None and quote.source_end is not None:
            offset = text("report_characters", lang).format(start=quote.source_start, end=quote.source_end)
        repeat_of = self.first[quote.unit][1] if quote.unit in self.first else ""
        number, _ = self.first.setdefault(quote.unit, (len(self.first) + 1, where_shown))
        return QuoteItem(quote.text, quote.kind, " · ".join(where), offset, confidence, label, number, repeat_of)


def _overlaps(analysis: Analysis, lang: Lang) -> tuple[OverlapItem, ...]:
    corpus = analysis.corpus
    quotes = _Quotes(analysis, lang)
    items = []
    for overlap in analysis.overlaps[:TOP_OVERLAPS]:
        a, b = corpus.committee_by_key[overlap.a].label(lang), corpus.committee_by_key[overlap.b].label(lang)
        shared = []
        for s in overlap.shared:
            quotes_a = s.quotes_a[:QUOTES_PER_SIDE]
            quotes_b = s.quotes_b[:QUOTES_PER_SIDE]
            label = theme_label(analysis, s.theme, lang)
            where = f"{label} · {a} ↔ {b}"
            shared.append(
                SharedThemeItem(
                    label=label,
                    carried_by=text("report_carried_by", lang).format(count=s.carriers),
                    quotes_a=tuple(quotes.item(q, where) for q in quotes_a),
                    quotes_b=tuple(quotes.item(q, where) for q in quotes_b),
                    more=len(s.quotes) - len(quotes_a) - len(quotes_b),
                )
            )
        items.append(OverlapItem(a=a, b=b, weight=format_number(overlap.weight, lang), shared=tuple(shared)))
    return tuple(items)


def view_file(name: str) -> str:
    """The bundle path of a view: ``committee:laering`` → ``views/committee-laering.html``."""
    return "views/" + name.replace(":", "-").replace("/", "-") + ".html"


def _view_links(analysis: Analysis, names: Sequence[str], lang: Lang) -> tuple[ViewLink, ...]:
    corpus = analysis.corpus
    links = []
    for name in names:
        kind, _, key = name.partition(":")
        if kind == "committee" and key in corpus.committee_by_key:
            title = text("view_committee", lang).format(label=corpus.committee_by_key[key].label(lang))
        elif kind == "theme" and key in corpus.theme_by_slug:
            title = text("view_theme", lang).format(label=corpus.theme_by_slug[key].label(lang))
        elif kind == "municipality":
            title = text("view_municipality", lang).format(label=corpus.municipality_name(key, lang))
        else:
            title = text(f"view_{name}", lang)
        links.append(ViewLink(name, title, view_file(name)))
    return tuple(links)


def report_content(
    analysis: Analysis,
    header: SeminarHeader,
    lang: Lang,
    view_names: Sequence[str] = (),
    comparison: SeminarComparison | None = None,
    *,
    day: date | None = None,
    limits: BundleLimits = DEFAULT_LIMITS,
    left_out: Sequence[LeftOut] = (),
) -> ReportContent:
    """Everything the report says, in ``lang``, dated ``day`` (default: today); ``view_names`` are the views
    the bundle carries; with ``comparison``, a section on what changed between two seminars. A large graph's
    report shows the ``limits.shown_committees`` best-evidenced committees and the first ``limits.shown_rows``
    rows of each table, and says so; ``left_out`` names the files the bundle could not carry."""
    evidence = text(f"evidence_{analysis.mode}", lang)
    cap = TableCap(limits.shown_rows, lang)
    pillars, gaps, structure = table_sections(analysis, lang, cap)
    overlaps = _overlaps(analysis, lang)
    ranked = analysis.committees_by_evidence
    shown = set(ranked[: limits.shown_committees])
    abridged = []
    if len(shown) < len(ranked):
        abridged.append(
            text("report_abridged_committees", lang).format(
                shown=len(shown), total=format_count(len(ranked), lang), evidence=evidence
            )
        )
    presenting = sum(1 for c in analysis.corpus.committees if analysis.corpus.focus_areas_of(c.key))
    if presenting > limits.view_top:
        abridged.append(text("report_abridged_network", lang).format(top=limits.view_top, per=BACKBONE_PARTNERS))
    abridged += _community_notes(analysis, lang)
    heatmap = committee_theme_heatmap(analysis, lang, shown)
    shown_pairs = overlaps_table(analysis, lang, analysis.overlaps[: limits.shown_rows])
    overlaps_note = text("report_overlaps_shown", lang).format(shown=len(overlaps), total=len(analysis.overlaps))
    if len(shown_pairs.rows) < len(analysis.overlaps):
        cap.shortened(text("report_overlaps_all", lang), len(analysis.overlaps))
        overlaps_note = text("report_overlaps_shown_abridged", lang).format(
            shown=len(overlaps), total=format_count(len(analysis.overlaps), lang), rows=len(shown_pairs.rows)
        )
    return ReportContent(
        lang=lang,
        evidence=evidence,
        title=" · ".join((text("report_title", lang), header.municipality(lang))).strip(" ·"),
        subtitle=text("report_subtitle", lang).format(
            seminar=header.seminar(lang),
            municipality=header.municipality(lang),
            evidence=evidence,
            version=__version__,
        ),
        date=date_text(day or date.today(), lang),
        summary=report_summary(analysis, header, lang, day or date.today()),
        figures=_figures(analysis, lang),
        committees_intro=_committees_intro(analysis, lang),
        committees=_committees(analysis, lang, shown),
        heatmap=heatmap,
        heatmap_columns=text("report_heatmap_columns", lang).format(
            shown=len(heatmap.columns), mentioned=theme_counts(analysis)[0], evidence=evidence
        ),
        overlaps=overlaps,
        overlaps_note=overlaps_note,
        overlaps_table=shown_pairs,
        reach=reach_section(analysis, lang),
        pillars=pillars,
        gaps=gaps,
        structure=structure,
        views=_view_links(analysis, view_names, lang),
        method=method_sections(analysis, header, lang),
        comparison=None if comparison is None else comparison_section(comparison, lang),
        abridged=(*abridged, *cap.notes),
        left_out=tuple(_left_out_line(item, lang) for item in left_out),
    )


def _community_notes(analysis: Analysis, lang: Lang) -> list[str]:
    """What a national graph's communities are computed differently for (see :mod:`..analysis.structure`)."""
    found = (analysis.committee_communities, analysis.focus_area_communities)
    notes = []
    if any(c.method == "theme-matrix" for c in found):
        threshold = format_count(evidence.EXACT_PAIR_SHARES, lang)
        notes.append(text("report_abridged_communities_matrix", lang).format(seed=SEED, threshold=threshold))
    if analysis.focus_area_communities.scope == "municipality":
        notes.append(text("report_abridged_communities_municipality", lang))
    return notes


def _left_out_line(item: LeftOut, lang: Lang) -> str:
    unit = f"report_unit_{item.unit}" + ("_one" if item.count == 1 and item.unit == "views" else "")
    return text("report_left_out_item", lang).format(
        path=item.path,
        count=format_count(item.count, lang),
        unit=text(unit, lang),
        command=item.command,
    )
