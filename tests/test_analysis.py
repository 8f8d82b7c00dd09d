"""Overlap analysis on a tiny hand-computed corpus, and its properties on generated ones."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategygraph.analysis import (
    analyse,
    brokers,
    collaboration_candidates,
    committee_communities,
    committee_overlaps,
    evidence_index,
    normalised_entropy,
    reflection_gaps,
    specificity_weights,
    theme_reach,
)
from strategygraph.corpus import Committee, Corpus, FocusArea, Mention, TextUnit, Theme

# Three committees, four themes. Statements: A says t1+t2 and t1; B says t1+t3; C says t1+t3.
# Reflections: slide 1 (A and B present there) raises t4; slide 2 (C) raises t2.
REMITS = {"A": ("t2",), "B": ("t3",), "C": ("t4",)}


def _statement(key: str, area: str, slide: int, order: int) -> TextUnit:
    return TextUnit(f"urn:{key}", key, "statement", f"Udsagn {key}.", "s", slide, order, area, None, None)


def _reflection(key: str, slide: int, order: int) -> TextUnit:
    return TextUnit(f"urn:{key}", key, "reflection", f"Refleksion {key}.", "s", slide, order, None, None, None)


def tiny_corpus() -> Corpus:
    committees = tuple(
        Committee(f"urn:{k}", k, k.lower(), f"Udvalg {k}", f"Committee {k}", "m", REMITS[k]) for k in "ABC"
    )
    areas = (
        FocusArea("urn:fa", "fa", "fa", "Fokus A", (), "s", 1, 1, "A", "strong-inference", "", ""),
        FocusArea("urn:fb", "fb", "fb", "Fokus B", (), "s", 1, 2, "B", "weak-guess", "", ""),
        FocusArea("urn:fc", "fc", "fc", "Fokus C", (), "s", 2, 1, "C", "stated", "", ""),
    )
    units = (
        _statement("a1", "fa", 1, 1),
        _statement("a2", "fa", 1, 2),
        _statement("b1", "fb", 1, 1),
        _reflection("r1", 1, 1),
        _statement("c1", "fc", 2, 1),
        _reflection("r2", 2, 1),
    )
    themes = tuple(Theme(f"urn:{t}", t, t.upper(), t.upper(), (), ()) for t in ("t1", "t2", "t3", "t4"))
    said = {"a1": ("t1", "t2"), "a2": ("t1",), "b1": ("t1", "t3"), "c1": ("t1", "t3"), "r1": ("t4",), "r2": ("t2",)}
    mentions = tuple(sorted(Mention(u, t, t, 0, 2, "lexical") for u, ts in said.items() for t in ts))
    return Corpus(committees, areas, units, themes, (), mentions)


def _weights(mode: str) -> list[tuple[str, str, float]]:
    corpus = tiny_corpus()
    return [(o.a, o.b, round(o.weight, 5)) for o in committee_overlaps(corpus, evidence_index(corpus, mode))]


def test_overlap_weights_by_hand() -> None:
    # statements: T_A={t1,t2}, T_B={t1,t3}, T_C={t1,t3}; t1 has 3 carriers (counts 1/2), t3 has 2 (counts 1)
    assert _weights("statements") == [("B", "C", 0.75), ("A", "B", 0.25), ("A", "C", 0.25)]
    # all: A={t1,t2,t4}, B={t1,t3,t4}, C={t1,t2,t3}; every pair: (1/2 + 1) / 3
    assert _weights("all") == [("A", "B", 0.5), ("A", "C", 0.5), ("B", "C", 0.5)]
    # reflections: A={t4}, B={t4}, C={t2}
    assert _weights("reflections") == [("A", "B", 1.0)]


def test_overlap_evidence_quotes_both_sides() -> None:
    corpus = tiny_corpus()
    (first, *_) = committee_overlaps(corpus, evidence_index(corpus, "statements"))
    assert first.shared_themes == ("t3", "t1")  # most specific first
    t1 = first.shared[1]
    assert t1.carriers == 3
    assert [(q.committee, q.unit) for q in t1.quotes] == [("B", "b1"), ("C", "c1")]
    assert {q.text for q in t1.quotes} == {"Udsagn b1.", "Udsagn c1."}


def test_min_shared_filters_pairs() -> None:
    corpus = tiny_corpus()
    overlaps = committee_overlaps(corpus, evidence_index(corpus, "statements"), min_shared=2)
    assert [(o.a, o.b) for o in overlaps] == [("B", "C")]


def test_theme_reach_by_hand() -> None:
    corpus = tiny_corpus()
    reach = {r.theme: r for r in theme_reach(corpus, evidence_index(corpus, "statements"))}
    # t1: evidence A=2, B=1, C=1 over 3 committees: H = -(1/2 ln 1/2 + 2 · 1/4 ln 1/4) / ln 3
    expected = -(0.5 * math.log(0.5) + 2 * 0.25 * math.log(0.25)) / math.log(3)
    assert reach["t1"].cross_cutting == pytest.approx(expected)
    assert reach["t1"].committees == ("A", "B", "C")
    assert reach["t3"].cross_cutting == pytest.approx(math.log(2) / math.log(3))
    assert reach["t2"].cross_cutting == 0.0
    assert reach["t2"].slides == ("s/1", "s/2")  # A's statement and slide 2's reflection
    assert reach["t4"].committees == ()
    assert (reach["t4"].statements, reach["t4"].reflections) == (0, 1)
    # theme projection: t1–t2 (A), t1–t3 (B and C): t1 is the hub
    assert reach["t1"].degree == pytest.approx(1.0)
    assert reach["t2"].degree == pytest.approx(0.5)
    assert reach["t1"].betweenness == pytest.approx(1.0)
    assert reach["t3"].betweenness == 0.0
    assert next(iter(reach)) == "t1", "most cross-cutting first"


def test_brokers_by_hand() -> None:
    corpus = tiny_corpus()
    ranked = brokers(corpus, evidence_index(corpus, "statements"))
    assert [b.committee for b in ranked] == ["A", "B", "C"]
    a, b, _c = ranked
    assert a.disconnected_pairs == 2  # without A, t2 is cut off from t1 and t3
    assert a.connectivity_loss == pytest.approx(2 / 3)
    assert a.sole_carrier_of == ("t2",)
    assert a.betweenness == pytest.approx(0.4)  # 4 of the 10 pairs in the 6-node bipartite graph
    assert b.connectivity_loss == 0.0
    assert b.betweenness == pytest.approx(0.15)


def test_communities_by_hand() -> None:
    corpus = tiny_corpus()
    communities = committee_communities(corpus, evidence_index(corpus, "statements"))
    # splitting {B, C} from A has modularity 0.6 − 0.64 − 0.04 < 0, so Louvain keeps one community
    assert communities.groups == (("A", "B", "C"),)
    assert communities.modularity == pytest.approx(0.0)
    assert communities.community_of() == {"A": 1, "B": 1, "C": 1}


def test_gaps_and_candidates_by_hand() -> None:
    corpus = tiny_corpus()
    (gap,) = reflection_gaps(corpus)
    assert (gap.theme, gap.slides, [u.key for u in gap.reflections]) == ("t4", (1,), ["r1"])
    index = evidence_index(corpus, "statements")
    overlaps = committee_overlaps(corpus, index)
    candidates = collaboration_candidates(corpus, index, overlaps)
    # median weight 0.25, and strong means strictly above it: A–B and A–C weigh exactly the median, so none is
    # strong; below a lower bar both are (B–C is excluded because C speaks of t3, B's remit)
    assert [o.weight for o in overlaps if (o.a, o.b) in {("A", "B"), ("A", "C")}] == [0.25, 0.25]
    assert candidates == []
    candidates = collaboration_candidates(corpus, index, overlaps, min_weight=0.2)
    assert [(c.overlap.a, c.overlap.b) for c in candidates] == [("A", "B"), ("A", "C")]
    assert candidates[0].a_silent_on == ("t3",)
    assert candidates[0].b_silent_on == ("t2",)
    assert collaboration_candidates(corpus, index, overlaps, min_weight=0.25) == []


def test_analyse_bundles_everything() -> None:
    analysis = analyse(tiny_corpus(), "all")
    assert analysis.mode == "all"
    assert len(analysis.overlaps) == 3
    assert {r.theme for r in analysis.reach} == {"t1", "t2", "t3", "t4"}


def test_unknown_mode_is_an_error() -> None:
    from strategygraph.errors import StrategyGraphError

    with pytest.raises(StrategyGraphError, match="unknown evidence mode 'some'"):
        evidence_index(tiny_corpus(), "some")


def test_normalised_entropy_edges() -> None:
    assert normalised_entropy([5], 8) == 0.0
    assert normalised_entropy([1, 1, 1, 1], 4) == pytest.approx(1.0)
    assert normalised_entropy([], 4) == 0.0
    assert normalised_entropy([3], 1) == 0.0


# --- properties on generated theme profiles ---------------------------------------------------------

THEMES = [f"t{i}" for i in range(6)]
profiles_strategy = st.dictionaries(
    keys=st.sampled_from([f"c{i}" for i in range(7)]),
    values=st.frozensets(st.sampled_from(THEMES), min_size=1, max_size=4),
    min_size=2,
    max_size=7,
)


@given(profiles_strategy)
def test_weights_lie_in_unit_interval_and_pairs_are_ordered(profiles: dict[str, frozenset[str]]) -> None:
    for (a, b), weight in specificity_weights(profiles).items():
        assert a < b
        assert 0.0 < weight <= 1.0
        assert profiles[a] & profiles[b]


@given(profiles_strategy, st.permutations(list(range(7))))
def test_renaming_and_reordering_committees_changes_nothing(
    profiles: dict[str, frozenset[str]], permutation: list[int]
) -> None:
    rename = {f"c{i}": f"x{permutation[i]}" for i in range(7)}
    renamed = {rename[k]: v for k, v in reversed(list(profiles.items()))}
    original = specificity_weights(profiles)
    again = specificity_weights(renamed)
    assert {frozenset((rename[a], rename[b])): w for (a, b), w in original.items()} == {
        frozenset(pair): w for pair, w in again.items()
    }


@given(profiles_strategy)
def test_overlap_is_symmetric(profiles: dict[str, frozenset[str]]) -> None:
    weights = specificity_weights(profiles)
    mirrored = specificity_weights({k: profiles[k] for k in sorted(profiles, reverse=True)})
    assert weights == mirrored


@given(profiles_strategy)
def test_adding_a_committee_with_no_shared_themes_changes_no_other_pair(profiles: dict[str, frozenset[str]]) -> None:
    extended = {**profiles, "loner": frozenset({"only-mine", "also-only-mine"})}
    before, after = specificity_weights(profiles), specificity_weights(extended)
    assert after == before


@settings(max_examples=200)
@given(profiles_strategy)
def test_a_theme_everyone_carries_adds_little(profiles: dict[str, frozenset[str]]) -> None:
    n = len(profiles)
    before = specificity_weights(profiles)
    everyone = specificity_weights({k: v | {"ubiquitous"} for k, v in profiles.items()})
    for pair, weight in everyone.items():
        a, b = pair
        added = weight - before.get(pair, 0.0)
        assert added <= 1.0 / (n - 1) + 1e-12
        exclusive = specificity_weights({**profiles, a: profiles[a] | {"ours"}, b: profiles[b] | {"ours"}})
        assert added <= exclusive[pair] - before.get(pair, 0.0) + 1e-12, "a theme only the pair shares counts more"
