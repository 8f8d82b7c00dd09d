"""The report's key figures on themes say what they count, and agree with the data and with the heatmap."""

from __future__ import annotations

import pytest

from strategygraph.analysis import EVIDENCE_MODES, analyse
from strategygraph.corpus import read_corpus
from strategygraph.i18n import Lang
from strategygraph.report.content import report_content
from strategygraph.report.content_model import ReportContent
from strategygraph.report.header import read_header
from strategygraph.stores.base import GraphStore, as_int

MENTIONED = "SELECT (COUNT(DISTINCT ?theme) AS ?n) WHERE { ?mention a sg:ThemeMention ; sg:theme ?theme }"
THEMES = "SELECT (COUNT(DISTINCT ?theme) AS ?n) WHERE { ?theme a sg:Theme }"
LABELS = {
    "da": ("temaer nævnt i udsagn eller refleksioner (af {total} i temalisten)", "søjlerne i varmekortet", "mindst 2"),
    "en": (
        "themes mentioned in statements or reflections (of {total} in the thesaurus)",
        "heatmap's columns",
        "least 2",
    ),
}


def _figure(content: ReportContent, words: str) -> int:
    (value,) = [int(f.value) for f in content.figures if words in f.label]
    return value


@pytest.mark.parametrize("mode", EVIDENCE_MODES)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_theme_figures_say_what_they_count_and_agree_with_the_data(
    mode: str, lang: Lang, bundled_store: GraphStore
) -> None:
    analysis = analyse(read_corpus(bundled_store), mode)
    content = report_content(analysis, read_header(bundled_store), lang)
    total = as_int(bundled_store.select(THEMES).rows[0][0])
    mentioned_words, carried_words, shared_words = LABELS[lang]

    mentioned = _figure(content, mentioned_words.format(total=total))
    assert mentioned == as_int(bundled_store.select(MENTIONED).rows[0][0])

    carried = _figure(content, carried_words)
    assert carried == len(content.heatmap.columns)
    assert all(any(row[j] for row in content.heatmap.counts) for j in range(carried)), "no empty heatmap column"
    assert carried == sum(1 for reach in analysis.reach if reach.committees)

    shared = _figure(content, shared_words)
    assert shared == sum(1 for reach in analysis.reach if len(reach.committees) >= 2)
    assert shared <= carried <= mentioned <= total
    assert f" {carried} " in content.heatmap_columns
    assert f" {mentioned} " in content.heatmap_columns
    assert all("i brug" not in f.label and "in use" not in f.label for f in content.figures)


def test_the_bundled_report_shows_why_the_heatmap_has_fewer_themes(bundled_store: GraphStore) -> None:
    content = report_content(analyse(read_corpus(bundled_store)), read_header(bundled_store), "da")
    figures = {f.label: f.value for f in content.figures}
    assert figures["temaer nævnt i udsagn eller refleksioner (af 28 i temalisten)"] == "27"
    assert figures["temaer nævnt i et udvalgs udsagn: søjlerne i varmekortet"] == "24"
    assert figures["temaer nævnt i mindst 2 udvalgs udsagn: grundlaget for overlappene"] == "18"
    assert content.heatmap_columns.startswith("Varmekortet viser 24 af de 27 temaer")
