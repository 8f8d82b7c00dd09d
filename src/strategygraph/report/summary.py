"""The report's first page, as a council's board papers open: the date and scope, the strongest overlaps and
the gaps in words, and the caveat that the committee behind a focus area is mostly inferred."""

from __future__ import annotations

from collections import Counter
from datetime import date

from ..analysis import Analysis
from ..analysis.overlaps import Overlap
from ..analysis.presentation import theme_label
from ..i18n import Lang, format_count, phrase, text
from .content_model import Summary
from .header import SeminarHeader

SUMMARY_OVERLAPS = 5
THEMES_NAMED = 4  # an overlap's sentence names up to this many shared themes, and counts the rest
GAPS_NAMED = 5
CANDIDATES_NAMED = 3
CONFIDENCE_ORDER = ("stated", "strong-inference", "weak-guess", "unknown")
THEMES_JOINED_BY = "; "  # theme labels hold commas and "og" themselves ("Forebyggelse, tidlig indsats og ensomhed")


def date_text(day: date, lang: Lang) -> str:
    """``day`` as its reader writes it: *7. december 2026* / *7 December 2026*."""
    month = text("report_months", lang).split(",")[day.month - 1]
    return phrase("report_date_format", lang, day=day.day, month=month, year=day.year)


def _evidence_count(overlap: Overlap) -> int:
    """The distinct statements (and reflections) on both sides that mention a shared theme."""
    return len({quote.unit for shared in overlap.shared for quote in shared.quotes})


def _overlap_sentence(analysis: Analysis, overlap: Overlap, lang: Lang) -> str:
    committees = analysis.corpus.committee_by_key
    themes = [theme_label(analysis, t, lang) for t in overlap.shared_themes]
    named = themes[:THEMES_NAMED]
    if len(themes) > len(named):
        named.append(phrase("report_summary_more_themes", lang, count=len(themes) - len(named)))
    return phrase(
        "report_summary_overlap",
        lang,
        a=committees[overlap.a].label(lang),
        b=committees[overlap.b].label(lang),
        themes=THEMES_JOINED_BY.join(named),
        count=_evidence_count(overlap),
    )


def _gap_sentences(analysis: Analysis, lang: Lang) -> tuple[str, ...]:
    sentences = []
    if analysis.gaps:
        gaps = [
            phrase("report_summary_gap", lang, theme=theme_label(analysis, g.theme, lang), count=len(g.reflections))
            for g in analysis.gaps[:GAPS_NAMED]
        ]
        if len(analysis.gaps) > GAPS_NAMED:
            gaps.append(phrase("report_summary_more_themes", lang, count=len(analysis.gaps) - GAPS_NAMED))
        sentences.append(phrase("report_summary_gaps", lang, themes=THEMES_JOINED_BY.join(gaps)))
    if analysis.candidates:
        committees = analysis.corpus.committee_by_key
        pairs = [
            f"{committees[c.overlap.a].label(lang)} – {committees[c.overlap.b].label(lang)}"
            for c in analysis.candidates[:CANDIDATES_NAMED]
        ]
        sentences.append(
            phrase(
                "report_summary_candidates",
                lang,
                count=len(analysis.candidates),
                pairs="; ".join(pairs),
            )
        )
    return tuple(sentences) or (text("report_summary_no_gaps", lang),)


def _caveat(analysis: Analysis, lang: Lang) -> str:
    attributed = [f for f in analysis.corpus.focus_areas if f.committee is not None]
    confidences = Counter(f.confidence or "unknown" for f in attributed)
    inferred = len(attributed) - confidences["stated"]
    if inferred == 0:
        return phrase("report_summary_caveat_stated", lang, total=len(attributed))
    counts = [
        f"{confidences[key]} {text(f'confidence_{key}', lang)}"
        for key in CONFIDENCE_ORDER
        if key != "stated" and confidences[key]
    ]
    return phrase(
        "report_summary_caveat", lang, inferred=inferred, total=len(attributed), confidences=", ".join(counts)
    )


def report_summary(analysis: Analysis, header: SeminarHeader, lang: Lang, day: date) -> Summary:
    """The summary page's content, for the report dated ``day``."""
    corpus = analysis.corpus
    presenting = sum(1 for c in corpus.committees if corpus.focus_areas_of(c.key))
    basis = phrase(
        "report_summary_basis",
        lang,
        committees=format_count(presenting, lang),
        focus_areas=format_count(len(corpus.focus_areas), lang),
        statements=format_count(sum(u.kind == "statement" for u in corpus.units), lang),
        reflections=format_count(sum(u.kind == "reflection" for u in corpus.units), lang),
        pairs=format_count(len(analysis.overlaps), lang),
    )
    scope = [(text("report_summary_date", lang), date_text(day, lang))]
    if header.municipality(lang):
        municipalities = len(header.municipalities_da)
        scope.append((phrase("report_summary_municipality", lang, count=municipalities), header.municipality(lang)))
    if header.seminar(lang):
        scope.append((phrase("report_summary_seminar", lang, count=header.seminar_count), header.seminar(lang)))
    scope.append((text("report_summary_basis_label", lang), basis))
    return Summary(
        scope=tuple(scope),
        overlaps=tuple(_overlap_sentence(analysis, o, lang) for o in analysis.overlaps[:SUMMARY_OVERLAPS]),
        gaps=_gap_sentences(analysis, lang),
        caveat=_caveat(analysis, lang),
    )
