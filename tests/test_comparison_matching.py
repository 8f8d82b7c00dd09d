"""The committee and focus-area matching rule of `compare`: what it pairs, what it refuses, and symmetry."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategygraph.comparison import (
    SAME_COMMITTEE,
    SAME_NAME,
    committee_name_key,
    match_committees,
    match_focus_areas,
    title_key,
)
from strategygraph.corpus import Committee, FocusArea


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (
            (
                "Udvalget for Teknik & Miljø",
                "Teknik og Miljø-udvalget",
                "Teknik- og Miljøudvalget",
                "UDVALG FOR teknik, miljø",
            ),
            "teknik miljø",
        ),
        (("Økonomiudvalget", "Udvalget for Økonomi", "Økonomi-udvalget", "Økonomiudvalg"), "økonomi"),
        (("Ungeudvalget", "Udvalget for Unge"), "unge"),
        (("Udvalget for Børn og Unge", "Børn & unge-udvalget"), "børn unge"),
    ],
)
def test_names_that_are_one_committee(names: tuple[str, ...], key: str) -> None:
    assert {committee_name_key(name) for name in names} == {key}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Beskæftigelsesudvalget", "Udvalget for Beskæftigelse"),  # linking letter: not guessed
        ("Udvalget for Klima & Teknik", "Udvalget for Teknik & Klima"),  # word order counts
        ("Børne- og Ungeudvalget", "Udvalget for Børn og Unge"),  # inflection: not guessed
        ("Udvalget for Teknik & Miljø", "Udvalget for Teknik"),
    ],
)
def test_names_that_stay_apart(first: str, second: str) -> None:
    assert committee_name_key(first) != committee_name_key(second)


def test_title_key_ignores_case_punctuation_and_og() -> None:
    assert title_key("Klima & bæredygtighed") == title_key("klima og  Bæredygtighed") == "klima bæredygtighed"
    assert title_key("Klima/bæredygtighed") == "klima bæredygtighed"
    assert title_key("Unge på vej") != title_key("Unge på vej hjem")


def _committee(key: str, label: str, iri: str | None = None) -> Committee:
    """A committee whose node is ``iri`` (default: one of its own, named after ``key``)."""
    return Committee(iri or f"urn:committee:{key}", key, key, label, "", "testby")


def test_the_same_node_matches_before_any_name() -> None:
    a = [_committee("laering", "Udvalget for Læring", "urn:x:laering"), _committee("tm", "Udvalget for Teknik & Miljø")]
    b = [_committee("laering", "Læringsudvalget", "urn:x:laering"), _committee("tm2", "Teknik og Miljø-udvalget")]
    matching = match_committees(a, b)
    assert [(m.a, m.b, m.matched_by, m.name) for m in matching.matches] == [
        ("laering", "laering", SAME_COMMITTEE, "læring"),
        ("tm", "tm2", SAME_NAME, "teknik miljø"),
    ]
    assert matching.only_in_a == matching.only_in_b == ()


def test_an_ambiguous_name_matches_nothing() -> None:
    a = [_committee("tm", "Udvalget for Teknik & Miljø"), _committee("tm-bis", "Teknik og Miljø-udvalget")]
    b = [_committee("teknik", "Teknik- og Miljøudvalget")]
    matching = match_committees(a, b)
    assert matching.matches == ()
    assert matching.only_in_a == ("tm", "tm-bis")
    assert matching.only_in_b == ("teknik",)


def test_a_name_that_is_only_the_committee_word_never_matches() -> None:
    matching = match_committees([_committee("u", "Udvalget")], [_committee("v", "Udvalget")])
    assert committee_name_key("Udvalget") == ""
    assert matching.matches == ()


def _area(key: str, title: str, committee: str | None, order: int) -> FocusArea:
    return FocusArea(f"urn:area:{key}", key, key, title, (), "s", 1, order, committee, "stated", "", "")


def test_focus_areas_pair_within_matched_committees_first() -> None:
    committees = match_committees(
        [_committee("x", "Udvalget for X"), _committee("y", "Udvalget for Y")],
        [_committee("x", "X-udvalget"), _committee("y", "Y-udvalget")],
    )
    a = [_area("a1", "Trivsel", "x", 1), _area("a2", "Trivsel", "y", 2), _area("a3", "Digitalisering", "y", 3)]
    b = [_area("b1", "trivsel", "y", 1), _area("b2", "TRIVSEL", "x", 2), _area("b3", "Rekruttering", "x", 3)]
    matching = match_focus_areas(a, b, committees)
    assert [(m.a, m.b, m.same_committee) for m in matching.matches] == [("a1", "b2", True), ("a2", "b1", True)]
    assert matching.dropped == ("a3",)
    assert matching.new == ("b3",)


def test_a_title_left_over_twice_is_not_guessed() -> None:
    committees = match_committees([], [])
    a = [_area("a1", "Trivsel", "x", 1), _area("a2", "Trivsel", "y", 2)]
    b = [_area("b1", "Trivsel", "z", 1), _area("b2", "Trivsel", "w", 2)]
    matching = match_focus_areas(a, b, committees)
    assert matching.matches == ()
    assert matching.dropped == ("a1", "a2")
    assert matching.new == ("b1", "b2")
    one_each = match_focus_areas(a[:1], b[:1], committees)
    assert [(m.a, m.b, m.same_committee) for m in one_each.matches] == [("a1", "b1", False)]


_NAMES = st.sampled_from(
    [
        "Udvalget for Teknik & Miljø",
        "Teknik og Miljø-udvalget",
        "Økonomiudvalget",
        "Udvalget for Økonomi",
        "Udvalget for Læring",
        "Beskæftigelsesudvalget",
        "Udvalget for Beskæftigelse",
        "Udvalget",
    ]
)
_SIDE = st.lists(st.tuples(_NAMES, st.booleans()), max_size=6)


def _side(prefix: str, entries: list[tuple[str, bool]]) -> list[Committee]:
    """Committees with keys ``<prefix><n>``; a shared entry uses a node both sides may hold."""
    return [
        _committee(f"{prefix}{n}", name, f"urn:shared:{n}" if shared else None)
        for n, (name, shared) in enumerate(entries)
    ]


@settings(max_examples=200, deadline=None)
@given(_SIDE, _SIDE)
def test_matching_is_symmetric_and_one_to_one(first: list[tuple[str, bool]], second: list[tuple[str, bool]]) -> None:
    a, b = _side("a", first), _side("b", second)
    forward, backward = match_committees(a, b), match_committees(b, a)
    assert {(m.a, m.b, m.matched_by) for m in forward.matches} == {(m.b, m.a, m.matched_by) for m in backward.matches}
    assert (forward.only_in_a, forward.only_in_b) == (backward.only_in_b, backward.only_in_a)
    assert len(forward.a_of) == len(forward.b_of) == len(forward.matches)
    assert {m.a for m in forward.matches} | set(forward.only_in_a) == {c.key for c in a}
    assert {m.b for m in forward.matches} | set(forward.only_in_b) == {c.key for c in b}
