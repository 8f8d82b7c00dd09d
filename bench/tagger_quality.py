"""Precision, recall and F1 of the theme tagger on the two gold sets, per theme and overall.

- tests/goldsets/hedensted-source.json: the 72 statements and reflections of the bundled source, labelled
  blind; scored for the lexical tagger alone and with the curated corrections of data/hedensted applied
  (the dcterms:subject of each unit in the loaded graph).
- tests/goldsets/municipal.json: 80 sentences in the style of other municipalities, labelled blind and
  held out from tuning: the lexical tagger alone.

Pairs (unit, theme) are scored exactly and micro-averaged: a narrower theme does not count for its broader one.

    .venv/bin/python bench/tagger_quality.py [--format table|md] [--errors]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from strategygraph.loading import DataSources, load_graph
from strategygraph.tables import Table, render
from strategygraph.tagging.lexicon import Lexicon
from strategygraph.tagging.quality import GoldUnit, QualityReport, Score, load_gold, score_tagging
from strategygraph.tagging.tagger import tag
from strategygraph.tagging.thesaurus import load_thesaurus_file

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "goldsets"

_SUBJECTS = """
SELECT ?unit ?slug WHERE {
    { ?unit a sg:Statement } UNION { ?unit a sg:Reflection }
    ?unit dcterms:subject ?theme . ?theme sg:slug ?slug .
}
"""


def lexical(gold: list[GoldUnit], lexicon: Lexicon) -> QualityReport:
    return score_tagging(gold, {unit.id: {hit.theme for hit in tag(unit.text, lexicon)} for unit in gold})


def with_curation(gold: list[GoldUnit]) -> QualityReport:
    store = load_graph(DataSources.bundled([REPO / "data" / "hedensted"]))
    subjects: dict[str, set[str]] = defaultdict(set)
    for unit, slug in store.select(_SUBJECTS).rows:
        subjects[str(unit).rsplit("/", 1)[-1]].add(str(slug))
    return score_tagging(gold, subjects)


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _row(score: Score) -> tuple[str, int, int, int, str, str, str]:
    return (
        score.theme,
        score.true_positives,
        score.false_positives,
        score.false_negatives,
        _cell(score.precision),
        _cell(score.recall),
        _cell(score.f1),
    )


def show(title: str, report: QualityReport, fmt: str, errors: bool) -> None:
    print(f"\n{title}\n")
    rows = [_row(score) for score in report.per_theme] + [_row(report.overall)]
    print(render(Table(("theme", "tp", "fp", "fn", "precision", "recall", "f1"), rows), fmt), end="")
    if errors:
        for error in report.errors:
            print(f"  {error.unit}: extra {', '.join(error.extra) or '-'}; missed {', '.join(error.missed) or '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("table", "md"), default="table")
    parser.add_argument("--errors", action="store_true", help="list each unit the tagger got wrong")
    args = parser.parse_args()
    lexicon = Lexicon.compile(load_thesaurus_file())
    source = load_gold(GOLD / "hedensted-source.json")
    municipal = load_gold(GOLD / "municipal.json")
    show("Hedensted source (72 units), lexical tagger", lexical(source, lexicon), args.format, args.errors)
    show("Hedensted source (72 units), with curated corrections", with_curation(source), args.format, args.errors)
    show(
        "Municipal sentences (80 units, held out), lexical tagger",
        lexical(municipal, lexicon),
        args.format,
        args.errors,
    )


if __name__ == "__main__":
    main()
