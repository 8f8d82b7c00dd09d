"""Tagging quality on the two blind gold sets, and the scoring itself."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path

import pytest

from strategygraph.errors import InputError
from strategygraph.stores.base import GraphStore
from strategygraph.tagging.lexicon import Lexicon
from strategygraph.tagging.quality import (
    GoldUnit,
    QualityReport,
    agreement,
    error_details,
    load_gold,
    load_labels,
    score_tagging,
    split,
    tag_units,
)
from strategygraph.tagging.tagger import tag
from strategygraph.tagging.thesaurus import load_thesaurus_file

GOLDSETS = Path(__file__).resolve().parent / "goldsets"
SOURCE = GOLDSETS / "hedensted-source.json"
MUNICIPAL = GOLDSETS / "municipal.json"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.compile(load_thesaurus_file())


def lexical(gold: list[GoldUnit], lexicon: Lexicon) -> QualityReport:
    return score_tagging(gold, {unit.id: {hit.theme for hit in tag(unit.text, lexicon)} for unit in gold})


def test_gold_sets_are_the_blind_labels_unchanged() -> None:
    # labelled blind by annotators who never saw the lexicon; never edit the labels to fit the tagger
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:16] == "9e527f403e7e7365"
    assert hashlib.sha256(MUNICIPAL.read_bytes()).hexdigest()[:16] == "2c9f3f1af58a0f92"
    source, municipal = load_gold(SOURCE), load_gold(MUNICIPAL)
    assert (len(source), sum(len(u.themes) for u in source)) == (72, 174)
    assert (len(municipal), sum(len(u.themes) for u in municipal)) == (80, 119)


def test_source_gold_set_lexical(lexicon: Lexicon) -> None:
    overall = lexical(load_gold(SOURCE), lexicon).overall
    assert (overall.precision or 0) >= 0.9
    assert (overall.recall or 0) >= 0.9


def test_source_gold_set_with_curated_corrections(bundled_store: GraphStore) -> None:
    subjects: dict[str, set[str]] = defaultdict(set)
    rows = bundled_store.select("SELECT ?unit ?slug WHERE { ?unit dcterms:subject ?t . ?t sg:slug ?slug }").rows
    for unit, slug in rows:
        subjects[str(unit).rsplit("/", 1)[-1]].add(str(slug))
    overall = score_tagging(load_gold(SOURCE), subjects).overall
    assert (overall.precision or 0) >= 0.95
    assert (overall.recall or 0) >= 0.95


def test_municipal_gold_set_held_out(lexicon: Lexicon) -> None:
    overall = lexical(load_gold(MUNICIPAL), lexicon).overall
    assert (overall.precision or 0) >= 0.8
    assert (overall.recall or 0) >= 0.8


def test_scoring_counts_exact_pairs() -> None:
    gold = [GoldUnit("a", "", frozenset({"faellesskaber"})), GoldUnit("b", "", frozenset())]
    report = score_tagging(gold, {"a": {"forpligtende-faellesskaber"}, "b": {"vaekst"}})
    assert (report.overall.true_positives, report.overall.false_positives, report.overall.false_negatives) == (0, 2, 1)
    assert report.overall.precision == 0.0
    by_theme = {score.theme: score for score in report.per_theme}
    assert by_theme["faellesskaber"].precision is None
    assert by_theme["faellesskaber"].recall == 0.0
    assert [error.unit for error in report.errors] == ["a", "b"]


REAL = GOLDSETS / "real"


def test_real_gold_set_dev_split(lexicon: Lexicon) -> None:
    # tuning uses the dev split only; the held-out split is scored by bench/tagger_quality.py, never here
    real = load_gold(REAL / "gold.json")
    dev = split(real, "dev")
    assert len(dev) == 1051
    assert {unit.kind for unit in dev} == {"sentence", "heading"}
    overall = lexical(dev, lexicon).overall
    # round 2 (300 units from 38 more councils): P 0.838 R 0.822 after the name and document rules; P 0.893
    # R 0.886 with lemmas, the document-kind, partner and own-staff sense rules and the dev-gold review (tagger3);
    # round 3 (291 units from 34 councils not used before) scored P 0.709 R 0.590 before any change made from it,
    # the 817 dev units P 0.831 R 0.777; P 0.847 R 0.819 with its vocabulary and sense rules; round 4 (234 units
    # aimed at the weakest dev themes) scored P 0.736 R 0.678 before any change made from it, the 1,051 dev units
    # P 0.821 R 0.784; P 0.834 R 0.784 with its sense rules (its new phrasings lowered the held-out figure: not kept)
    assert (overall.precision or 0) >= 0.83
    assert (overall.recall or 0) >= 0.78


def test_the_held_out_split_is_frozen() -> None:
    # the held-out third (15 whole councils) never changes: new units join the dev split only
    heldout = split(load_gold(REAL / "gold.json"), "heldout")
    text = json.dumps(sorted((unit.id, unit.text, sorted(unit.themes)) for unit in heldout), ensure_ascii=False)
    assert (len(heldout), hashlib.sha256(text.encode()).hexdigest()[:16]) == (134, "38cc60c886cacf13")


def test_annotator_agreement_is_micro_f1_over_pairs() -> None:
    a = {"u1": {"vaekst"}, "u2": {"ledelse", "kultur-fritid-turisme"}}
    b = {"u1": {"vaekst"}, "u2": {"ledelse"}, "u3": {"boern-og-unge"}}
    score = agreement(a, b)
    assert (score.true_positives, score.false_positives, score.false_negatives) == (2, 1, 1)
    assert agreement(a, b).f1 == agreement(b, a).f1
    labels_a, labels_b = load_labels(REAL / "labels-a.json"), load_labels(REAL / "labels-b.json")
    assert 0.95 <= (agreement(labels_a, labels_b).f1 or 0) <= 1


def test_error_details_name_the_matched_words(lexicon: Lexicon) -> None:
    gold = [
        GoldUnit("a", "Vi vil styrke kulturlivet.", frozenset({"ledelse"})),
        GoldUnit("b", "Vi vil styrke ledelse.", frozenset({"ledelse"})),
    ]
    details = error_details(gold, tag_units(gold, lexicon))
    assert [(d.unit, d.theme, d.kind) for d in details] == [
        ("a", "kultur-fritid-turisme", "fp"),
        ("a", "ledelse", "fn"),
    ]
    assert details[0].evidence[0][0] == "kulturlivet"
    assert details[1].evidence == ()


def test_label_files_that_are_not_labels_are_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "labels.json"
    bad.write_text('{"units": []}', encoding="utf-8")
    with pytest.raises(InputError):
        load_labels(bad)
