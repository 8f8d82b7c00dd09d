"""The report as Markdown (``report.md``): the same content as the HTML page, as headings, prose and tables,
for wikis and e-mail. Every piece of data text goes through :func:`~strategygraph.tables.markdown_text`.
"""

from __future__ import annotations

from ..i18n import Lang
from ..tables import Table, markdown_text, render_markdown
from .content_model import QuoteItem, ReportContent, Section


def _section(section: Section, lang: Lang, level: int = 2) -> list[str]:
    out = [f"{'#' * level} {markdown_text(section.title)}", ""]
    for paragraph in section.paragraphs:
        out += [markdown_text(paragraph), ""]
    for caption, table in section.tables:
        if caption:
            out += [f"**{markdown_text(caption)}**", ""]
        out += _table(table, lang)
    return out


def _table(table: Table, lang: Lang, none: str = "—") -> list[str]:
    if not table.rows:
        return [markdown_text(none), ""]
    return [render_markdown(table, lang).rstrip("\n"), ""]


def _quote_row(c: ReportContent, theme: str, side: str, quote: QuoteItem) -> tuple[str, str, str, str, str]:
    if quote.repeat_of:
        return (theme, side, c.t("report_quote_repeat", number=quote.number, where=quote.repeat_of), "", "")
    where = " · ".join(part for part in (quote.source, quote.offset) if part)
    return (theme, side, f"[{quote.number}] {quote.text}", where, quote.confidence_label or "—")


def _overlaps(c: ReportContent) -> list[str]:
    out = [f"## {markdown_text(c.t('report_overlaps'))}", "", markdown_text(c.t("report_overlaps_intro")), ""]
    if not c.overlaps:
        return [*out, markdown_text(c.t("none")), ""]
    headers = tuple(c.t(k) for k in ("col_theme_label", "col_committee_label", "col_quote", "col_where"))
    headers += (c.t("col_attribution_confidence"),)
    for o in c.overlaps:
        out += [
            f"### {markdown_text(o.a)} ↔ {markdown_text(o.b)} — {markdown_text(c.t('report_weight', weight=o.weight))}"
        ]
        out += ["", markdown_text(c.t("col_shared_theme_labels") + ": " + ", ".join(s.label for s in o.shared)), ""]
        rows = []
        more = []
        for s in o.shared:
            theme = f"{s.label} ({s.carried_by})"
            rows += [_quote_row(c, theme, o.a, q) for q in s.quotes_a]
            rows += [_quote_row(c, theme, o.b, q) for q in s.quotes_b]
            if s.more:
                more.append(f"{s.label}: {c.t('report_more_quotes', count=s.more)}")
        out += _table(Table(headers, rows), c.lang)
        out += [f"{markdown_text(line)}  " for line in more] + ([""] if more else [])
    out += [markdown_text(c.overlaps_note), "", f"### {markdown_text(c.t('report_overlaps_all'))}", ""]
    return out + _table(c.overlaps_table, c.lang)


def _committees(c: ReportContent) -> list[str]:
    keys = ("col_committee_label", "col_focus_area_title", "col_slide", "col_attribution_confidence", "col_rationale")
    headers = (*(c.t(k) for k in keys), c.t("col_statements"), c.t("col_themes"))
    rows = [
        (
            committee.label,
            area.title,
            area.slide,
            area.confidence_label,
            area.rationale,
            area.statements,
            ", ".join(area.themes) or "—",
        )
        for committee in c.committees
        for area in committee.focus_areas
    ]
    heading = f"## {markdown_text(c.t('report_committees'))}"
    return [heading, "", markdown_text(c.committees_intro), "", *_table(Table(headers, rows), c.lang)]


def _heatmap(c: ReportContent) -> list[str]:
    """The heatmap's counts, transposed (themes down, committees across) so the table stays narrow."""
    h = c.heatmap
    out = [
        f"## {markdown_text(c.t('report_heatmap'))}",
        "",
        markdown_text(c.t("report_heatmap_intro", evidence=c.evidence) + " " + c.heatmap_columns),
    ]
    out += ["", markdown_text(c.t("report_heatmap_legend", evidence=c.evidence) + "."), ""]
    headers = (c.t("col_theme_label"), *(label for _, label in h.rows))
    rows = [(label, *(h.counts[i][j] or "" for i in range(len(h.rows)))) for j, (_, label) in enumerate(h.columns)]
    return out + _table(Table(headers, rows), c.lang, c.t("none"))


def _summary(c: ReportContent) -> list[str]:
    summary = c.summary
    out = [f"## {markdown_text(c.t('report_summary'))}", ""]
    out += [f"- **{markdown_text(label)}:** {markdown_text(value)}" for label, value in summary.scope] + [""]
    out += [f"### {markdown_text(c.t('report_summary_overlaps'))}", ""]
    out += [markdown_text(c.t("report_summary_overlaps_intro")), ""]
    out += [f"{number}. {markdown_text(line)}" for number, line in enumerate(summary.overlaps, 1)]
    out += [""] if summary.overlaps else [markdown_text(c.t("none")), ""]
    out += [f"### {markdown_text(c.t('report_gaps'))}", ""]
    for line in summary.gaps:
        out += [markdown_text(line), ""]
    caveat = f"**{markdown_text(c.t('report_summary_caveat_heading'))}:** {markdown_text(summary.caveat)}"
    return [*out, f"> {caveat}", ""]


def _network(c: ReportContent) -> list[str]:
    """Where the interactive network is: a Markdown file cannot show it, only name its file."""
    out = [f"## {markdown_text(c.t('report_network'))}", "", markdown_text(c.t("report_network_intro")), ""]
    overlap = [v.href for v in c.views if v.name == "overlap"]
    if overlap:
        out += [markdown_text(c.t("report_network_file", path=overlap[0])), ""]
    else:
        out += [markdown_text(c.t("report_network_absent")), ""]
    if c.views:
        out += [f"### {markdown_text(c.t('report_views'))}", "", markdown_text(c.t("report_views_intro")), ""]
        out += [f"- [{markdown_text(v.title)}]({v.href})" for v in c.views] + [""]
    return out


def report_markdown(c: ReportContent) -> str:
    """``report.md``: the report's content as Markdown, its summary first."""
    out = [f"# {markdown_text(c.title)}", "", markdown_text(c.subtitle), ""]
    out += _summary(c)
    out += [f"## {markdown_text(c.t('report_figures'))}", ""]
    out += _table(Table((c.t("count"), c.t("what")), [(f.value, f.label) for f in c.figures]), c.lang)
    if c.abridged:
        out += [f"### {markdown_text(c.t('report_abridged'))}", ""]
        out += [f"- {markdown_text(note)}" for note in c.abridged] + [""]
    out += _committees(c)
    out += _heatmap(c)
    out += _overlaps(c)
    for section in (c.reach, c.pillars, c.gaps, c.structure):
        out += _section(section, c.lang)
    if c.comparison is not None:
        out += _section(c.comparison, c.lang)
    out += _network(c)
    out += [f"### {markdown_text(c.t('report_files'))}", "", markdown_text(c.t("report_files_intro")), ""]
    if c.left_out:
        out += [f"### {markdown_text(c.t('report_left_out'))}", "", markdown_text(c.t("report_left_out_intro")), ""]
        out += [f"- `{line}`" for line in c.left_out] + [""]
    out += [f"## {markdown_text(c.t('report_method'))}", ""]
    for section in c.method:
        out += _section(section, c.lang, 3)
    return "\n".join(line.rstrip("\n") for line in out).rstrip("\n") + "\n"
