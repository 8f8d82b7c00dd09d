"""What the report says, in one language, as plain values: the HTML page and the Markdown file render the
same :class:`ReportContent`, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import __version__
from ..analysis import Analysis
from ..analysis.evidence import Quote
from ..analysis.overlaps import BACKBONE_PARTNERS
from ..analysis.presentation import (
    WEIGHT_DIGITS,
    brokers_table,
    candidates_table,
    communities_table,
    gaps_table,
    overlaps_table,
    reach_table,
    theme_label,
)
from ..analysis.structure import SEED
from ..comparison import SeminarComparison
from ..comparison.presentation import comparison_paragraphs, comparison_tables, comparison_title
from ..i18n import Lang, format_count, format_number, in_language, phrase, text
from ..stores.base import GraphStore, as_str
from ..tables import Table
from .heatmap import Heatmap, committee_theme_heatmap
from .limits import DEFAULT_LIMITS, BundleLimits, LeftOut

TOP_OVERLAPS = 10
QUOTES_PER_SIDE = 2


def confidence_label(confidence: str | None, lang: Lang) -> str:
    """Attribution confidence in words: *stærk slutning* / *strong inference*, …"""
    return text(f"confidence_{confidence or 'unknown'}", lang)


@dataclass(frozen=True)
class Figure:
    value: str
    label: str


@dataclass(frozen=True)
class FocusAreaItem:
    title: str
    slide: int
    confidence: str  # stated | strong-inference | weak-guess | unknown
    confidence_label: str
    rationale: str
    statements: int
    themes: tuple[str, ...]  # labels


@dataclass(frozen=True)
class CommitteeItem:
    label: str
    focus_areas: tuple[FocusAreaItem, ...]


@dataclass(frozen=True)
class QuoteItem:
    text: str
    kind: str  # statement | reflection
    source: str  # "Fokusområde · slide 1 · 123–160"
    confidence: str
    confidence_label: str  # the attribution behind a statement's committee; "" for reflections


@dataclass(frozen=True)
class SharedThemeItem:
    label: str
    carried_by: str
    quotes_a: tuple[QuoteItem, ...]
    quotes_b: tuple[QuoteItem, ...]
    more: int  # quotes left out


@dataclass(frozen=True)
class OverlapItem:
    a: str
    b: str
    weight: str
    shared: tuple[SharedThemeItem, ...]


@dataclass(frozen=True)
class ViewLink:
    name: str
    title: str
    href: str


@dataclass(frozen=True)
class Section:
    """A titled block of prose and tables (the generic sections: reach, pillars, gaps, structure, method)."""

    anchor: str
    title: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[tuple[str, Table], ...] = ()  # (caption, table)


@dataclass(frozen=True)
class ReportContent:
    lang: Lang
    evidence: str  # what counts as evidence, in words ("udsagn", "statements", …)
    title: str
    subtitle: str
    figures: tuple[Figure, ...]
    committees_intro: str  # what the source says about who presented what, and what is inferred
    committees: tuple[CommitteeItem, ...]
    heatmap: Heatmap
    heatmap_columns: str  # how many themes the heatmap shows, of how many mentioned, and why
    overlaps: tuple[OverlapItem, ...]
    overlaps_note: str
    overlaps_table: Table
    reach: Section
    pillars: Section
    gaps: Section
    structure: Section
    views: tuple[ViewLink, ...]
    method: tuple[Section, ...]
    comparison: Section | None = None  # with another seminar (report --compare)
    abridged: tuple[str, ...] = ()  # what a large graph's report shows only in part, and where the rest is
    left_out: tuple[str, ...] = ()  # files the bundle leaves out, each with the command that writes it

    def t(self, key: str, **values: object) -> str:
        """A translated text of the report's language, formatted with ``values``."""
        return phrase(key, self.lang, **values)


_HEADER = """
SELECT ?seminar ?title ?language ?municipalityDa ?municipalityEn ?sourceFile WHERE {
    ?seminar a sg:Seminar ; dcterms:title ?title .
    BIND (lang(?title) AS ?language)
    OPTIONAL {
        ?seminar sg:municipality ?municipality .
        OPTIONAL { ?municipality skos:prefLabel ?municipalityDa . FILTER (lang(?municipalityDa) = "da") }
        OPTIONAL { ?municipality skos:prefLabel ?municipalityEn . FILTER (lang(?municipalityEn) = "en") }
    }
    OPTIONAL { ?document a sg:SourceDocument ; sg:seminar ?seminar ; sg:sourceFile ?sourceFile }
}
"""


@dataclass(frozen=True)
class SeminarHeader:
    """Who and what the report is about: seminar titles, municipality names and source files."""

    seminars_da: tuple[str, ...]
    seminars_en: tuple[str, ...]
    municipalities_da: tuple[str, ...]
    municipalities_en: tuple[str, ...]
    source_files: tuple[str, ...]

    seminar_count: int = 0  # seminars, some of which may share a title

    def seminar(self, lang: Lang) -> str:
        titles = self.seminars_en if lang == "en" else self.seminars_da
        if self.seminar_count > NAMED_AT_MOST:
            return text("report_count_seminars", lang).format(count=format_count(self.seminar_count, lang))
        return _named(titles, "report_count_seminars", lang)

    def municipality(self, lang: Lang) -> str:
        names = in_language(lang, self.municipalities_da, self.municipalities_en)
        return _named(names, "report_count_municipalities", lang)

    def sources(self, lang: Lang) -> str:
        return _named(self.source_files, "report_count_source_files", lang)


NAMED_AT_MOST = 3  # a title or sentence names up to this many seminars, municipalities or files; more are counted


def _named(names: Sequence[str], count_key: str, lang: Lang) -> str:
    """``names`` joined with commas, or "98 kommuner" when there are too many to read in a title."""
    if len(names) <= NAMED_AT_MOST:
        return ", ".join(names)
    return text(count_key, lang).format(count=format_count(len(names), lang))


def _title_in(titles: list[tuple[str, str]], lang: Lang) -> str:
    """A seminar's title in ``lang``, else in Danish, else any."""
    for wanted in (lang, "da", None):
        found = sorted(title for language, title in titles if wanted is None or language == wanted)
        if found:
            return found[0]
    return ""


def read_header(store: GraphStore) -> SeminarHeader:
    rows = list(store.select(_HEADER).dicts())

    def distinct(name: str) -> tuple[str, ...]:
        return tuple(sorted({str(r[name]) for r in rows if r[name] is not None}))

    titles: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        titles.setdefault(str(row["seminar"]), []).append((as_str(row["language"]) or "", str(row["title"])))
    return SeminarHeader(
        tuple(sorted({_title_in(t, "da") for t in titles.values()})),
        tuple(sorted({_title_in(t, "en") for t in titles.values()})),
        distinct("municipalityDa"),
        distinct("municipalityEn"),
        distinct("sourceFile"),
        len(titles),
    )


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


def _quote_item(analysis: Analysis, quote: Quote, lang: Lang) -> QuoteItem:
    corpus = analysis.corpus
    where = [text("report_slide", lang).format(slide=quote.slide)]
    confidence, label = "", ""
    if quote.focus_area is not None:
        area = corpus.focus_area_by_key[quote.focus_area]
        where.insert(0, area.title)
        confidence = area.confidence or "unknown"
        label = confidence_label(area.confidence, lang)
    else:
        where.insert(0, text("reflection", lang))
    if quote.source_start is not None and quote.source_end is not None:
        where.append(text("report_characters", lang).format(start=quote.source_start, end=quote.source_end))
    return QuoteItem(quote.text, quote.kind, " · ".join(where), confidence, label)


def _overlaps(analysis: Analysis, lang: Lang) -> tuple[OverlapItem, ...]:
    corpus = analysis.corpus
    items = []
    for overlap in analysis.overlaps[:TOP_OVERLAPS]:
        shared = []
        for s in overlap.shared:
            quotes_a = s.quotes_a[:QUOTES_PER_SIDE]
            quotes_b = s.quotes_b[:QUOTES_PER_SIDE]
            shared.append(
                SharedThemeItem(
                    label=theme_label(analysis, s.theme, lang),
                    carried_by=text("report_carried_by", lang).format(count=s.carriers),
                    quotes_a=tuple(_quote_item(analysis, q, lang) for q in quotes_a),
                    quotes_b=tuple(_quote_item(analysis, q, lang) for q in quotes_b),
                    more=len(s.quotes) - len(quotes_a) - len(quotes_b),
                )
            )
        items.append(
            OverlapItem(
                a=corpus.committee_by_key[overlap.a].label(lang),
                b=corpus.committee_by_key[overlap.b].label(lang),
                weight=format_number(overlap.weight, lang, WEIGHT_DIGITS - 1),
                shared=tuple(shared),
            )
        )
    return tuple(items)


def _reach(analysis: Analysis, lang: Lang) -> Section:
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


def _sections(analysis: Analysis, lang: Lang, cap: TableCap) -> tuple[Section, Section, Section]:
    pillars = Section(
        "pillars",
        text("report_pillars", lang),
        (text("report_pillars_intro", lang),),
        (("", cap(pillar_table(analysis, lang), text("report_pillars", lang))),),
    )
    gaps = Section(
        "gaps",
        text("report_gaps", lang),
        tables=(
            (text("gaps_heading", lang), cap(gaps_table(analysis, lang), text("gaps_heading", lang))),
            (text("candidates_heading", lang), cap(candidates_table(analysis, lang), text("candidates_heading", lang))),
        ),
    )
    structure = Section(
        "structure",
        text("report_structure", lang),
        tables=(
            (
                text("communities_heading", lang),
                cap(communities_table(analysis, lang), text("communities_heading", lang)),
            ),
            (text("brokers_heading", lang), cap(brokers_table(analysis, lang), text("brokers_heading", lang))),
        ),
    )
    return pillars, gaps, structure


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


def _method(analysis: Analysis, header: SeminarHeader, lang: Lang) -> tuple[Section, ...]:
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


def report_content(
    analysis: Analysis,
    header: SeminarHeader,
    lang: Lang,
    view_names: Sequence[str] = (),
    comparison: SeminarComparison | None = None,
    *,
    limits: BundleLimits = DEFAULT_LIMITS,
    left_out: Sequence[LeftOut] = (),
) -> ReportContent:
    """Everything the report says, in ``lang``; ``view_names`` are the views the bundle carries; with
    ``comparison``, a section on what changed between two seminars. A large graph's report shows the
    ``limits.shown_committees`` best-evidenced committees and the first ``limits.shown_rows`` rows of each table,
    and says so; ``left_out`` names the files the bundle could not carry."""
    evidence = text(f"evidence_{analysis.mode}", lang)
    cap = TableCap(limits.shown_rows, lang)
    pillars, gaps, structure = _sections(analysis, lang, cap)
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
        reach=_reach(analysis, lang),
        pillars=pillars,
        gaps=gaps,
        structure=structure,
        views=_view_links(analysis, view_names, lang),
        method=_method(analysis, header, lang),
        comparison=None if comparison is None else comparison_section(comparison, lang),
        abridged=(*abridged, *cap.notes),
        left_out=tuple(_left_out_line(item, lang) for item in left_out),
    )


def _left_out_line(item: LeftOut, lang: Lang) -> str:
    unit = f"report_unit_{item.unit}" + ("_one" if item.count == 1 and item.unit == "views" else "")
    return text("report_left_out_item", lang).format(
        path=item.path,
        count=format_count(item.count, lang),
        unit=text(unit, lang),
        command=item.command,
    )
