"""Slugs are ASCII, readable, stable, and distinct within a namespace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from strategygraph.formats.slugs import (
    MAX_LENGTH,
    SLUG_PATTERN,
    SlugRegistry,
    committee_slug,
    municipality_slug,
    slugify,
)
from strategygraph.stores.base import GraphStore

DANISH = st.text(alphabet=st.sampled_from("abcæøåÆØÅ &/–-.,()0123456789éü\u00a0ß"), max_size=80)


def test_danish_letters_are_spelled_out() -> None:
    assert slugify("Ældre, børn og små skoler") == "aeldre-boern-og-smaa-skoler"
    assert slugify("Klima/bæredygtighed") == "klima-baeredygtighed"
    assert slugify("Café for Übermut") == "cafe-for-uebermut"
    assert municipality_slug("Hedensted Kommune") == "hedensted"
    assert municipality_slug("Københavns Kommune") == "koebenhavns"


def test_long_titles_are_cut_after_a_whole_word() -> None:
    slug = slugify("Fiktivt eksempel – tværgående fokusområder fra udvalgsseminar 2024")
    assert slug == "fiktivt-eksempel-tvaergaaende-fokusomraader"


def test_committee_slugs_match_the_bundled_committees(bundled_store: GraphStore) -> None:
    query = """
        SELECT ?label ?slug WHERE {
            ?c a sg:Committee ; sg:slug ?slug ; skos:prefLabel ?label FILTER (lang(?label) = "da")
        }
    """
    rows = bundled_store.select(query).rows
    assert len(rows) == 8
    for label, slug in rows:
        assert committee_slug(str(label)) == str(slug)


@given(DANISH | st.text(max_size=80))
def test_a_slug_is_ascii_short_and_well_formed(text: str) -> None:
    slug = slugify(text)
    assert slug.isascii()
    assert SLUG_PATTERN.match(slug)
    assert len(slug) <= MAX_LENGTH
    assert slug == slugify(text), "the same text always gives the same slug"


@given(st.lists(DANISH, max_size=30))
def test_a_registry_never_hands_out_a_slug_twice(names: list[str]) -> None:
    registry = SlugRegistry(reserved=frozenset({"committee"}))
    slugs = {name: registry.slug(name, slugify(name)) for name in names}
    assert len(set(slugs.values())) == len(slugs), "distinct names, distinct slugs"
    assert "committee" not in slugs.values()
    assert all(SLUG_PATTERN.match(slug) for slug in slugs.values())
    assert all(registry.slug(name, "ignored") == slug for name, slug in slugs.items()), "stable per name"
    again = SlugRegistry(reserved=frozenset({"committee"}))
    assert [again.slug(name, slugify(name)) for name in slugs] == list(slugs.values()), "deterministic"
