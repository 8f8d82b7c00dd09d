"""Precision, recall and F1 of the theme tagger on the gold sets, per theme and overall.

- tests/goldsets/real/gold.json: 1,185 units of real council text from 96 councils and KL, adjudicated, in four
  rounds; scored separately for its dev part (1,051 units, the only part to tune on) and its held-out part (134
  units: 15 whole councils frozen away from tuning), beside the agreement of the two blind annotators
  (labels-a.json, labels-b.json).
- tests/goldsets/hedensted-source.json: the 72 statements and reflections of the bundled source, labelled
  blind; scored for the lexical tagger alone and with the curated corrections of data/hedensted applied
  (the dcterms:subject of each unit in the loaded graph).
- tests/goldsets/municipal.json: 80 sentences in the style of other municipalities, labelled blind: the
  lexical tagger alone.

Pairs (unit, theme) are scored exactly and micro-averaged: a narrower theme does not count for its broader one.
``--errors`` lists every false positive and negative with the words that matched, for every set except
the held-out part of the real set: its texts and errors are shown only with ``--show-heldout-errors``
(look at them only after tuning is over, or the held-out figure no longer means anything).

    .venv/bin/python bench/tagger_quality.py [--format table|md] [--errors] [--show-heldout-errors] [--brief]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from strategygraph.loading import DataSources, load_graph
from strategygraph.tables import Table, render
from strategygraph.tagging.lexicon import Lexicon
from strategygraph.tagging.quality import (
    GoldUnit,
    QualityReport,
    Score,
    agreement,
    error_details,
    load_gold,
    load_labels,
    score_tagging,
    split,
    tag_units,
    themes_of,
)
from strategygraph.tagging.thesaurus import load_thesaurus_file

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "goldsets"
REAL = GOLD / "real"

_SUBJECTS = """
SELECT ?unit ?slug WHERE {
    { ?unit a sg:Statement } UNION { ?unit a sg:Reflection }
    ?unit dcterms:subject ?theme . ?theme sg:slug ?slug .
}
"""


def lexical(gold: list[GoldUnit], lexicon: Lexicon) -> QualityReport:
    return score_tagging(gold, themes_of(tag_units(gold, lexicon)))


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


def _micro(score: Score) -> str:
    return f"P {_cell(score.precision)}  R {_cell(score.recall)}  F1 {_cell(score.f1)}"


def show(title: str, report: QualityReport, fmt: str, brief: bool) -> None:
    print(f"\n{title}: {_micro(report.overall)}")
    if not brief:
        print()
        rows = [_row(score) for score in report.per_theme] + [_row(report.overall)]
        print(render(Table(("theme", "tp", "fp", "fn", "precision", "recall", "f1"), rows), fmt), end="")


def show_errors(title: str, gold: list[GoldUnit], lexicon: Lexicon) -> None:
    print(f"\nErrors, {title}\n")
    for detail in error_details(gold, tag_units(gold, lexicon)):
        if detail.kind == "fp":
            evidence = "; ".join(f"{matched!r} via {via}" for matched, via in detail.evidence)
            print(f"  {detail.unit} FP {detail.theme}: {evidence}")
        else:
            print(f"  {detail.unit} FN {detail.theme}")
        print(f"      {detail.text}")


def show_curated_errors(report: QualityReport) -> None:
    print("\nErrors, Hedensted source with curated corrections\n")
    for error in report.errors:
        print(f"  {error.unit}: extra {', '.join(error.extra) or '-'}; missed {', '.join(error.missed) or '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("table", "md"), default="table")
    parser.add_argument("--errors", action="store_true", help="list each error, except on the held-out part")
    parser.add_argument(
        "--show-heldout-errors", action="store_true", help="also list the held-out part's errors (after tuning only)"
    )
    parser.add_argument("--brief", action="store_true", help="micro figures only, no per-theme tables")
    parser.add_argument("--dev-only", action="store_true", help="do not score the held-out part at all (while tuning)")
    args = parser.parse_args()
    lexicon = Lexicon.compile(load_thesaurus_file())
    real = load_gold(REAL / "gold.json")
    dev, heldout = split(real, "dev"), split(real, "heldout")
    source = load_gold(GOLD / "hedensted-source.json")
    municipal = load_gold(GOLD / "municipal.json")
    a, b = load_labels(REAL / "labels-a.json"), load_labels(REAL / "labels-b.json")
    print(f"Annotators A and B on the real set (the ceiling): {_micro(agreement(a, b))}")
    parts = (("dev", dev),) if args.dev_only else (("dev", dev), ("held-out", heldout))
    for name, part in parts:
        ids = {unit.id for unit in part}
        agree = agreement({k: v for k, v in a.items() if k in ids}, {k: v for k, v in b.items() if k in ids})
        print(f"  on the {name} part ({len(part)} units): {_micro(agree)}")
    show(f"Real council text, dev ({len(dev)} units), lexical tagger", lexical(dev, lexicon), args.format, args.brief)
    if not args.dev_only:
        show(
            f"Real council text, held out ({len(heldout)} units), lexical tagger",
            lexical(heldout, lexicon),
            args.format,
            args.brief,
        )
    show("Hedensted source (72 units), lexical tagger", lexical(source, lexicon), args.format, args.brief)
    curated = with_curation(source)
    show("Hedensted source (72 units), with curated corrections", curated, args.format, args.brief)
    show("Municipal sentences (80 units), lexical tagger", lexical(municipal, lexicon), args.format, args.brief)
    if args.errors:
        show_errors("real council text, dev", dev, lexicon)
        show_errors("Hedensted source, lexical tagger", source, lexicon)
        show_curated_errors(curated)
        show_errors("municipal sentences", municipal, lexicon)
    if args.show_heldout_errors:
        show_errors("real council text, HELD OUT", heldout, lexicon)


if __name__ == "__main__":
    main()
