"""The tagger: Danish morphology, false friends, the pattern notation, evidence offsets, determinism."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategygraph.tagging.lexicon import Lexicon, PatternError, danish_stemmer, parse_pattern
from strategygraph.tagging.tagger import VIA_SEPARATOR, ThemeHit, tag
from strategygraph.tagging.thesaurus import Theme, Thesaurus, load_thesaurus_file


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.compile(load_thesaurus_file())


def themes(text: str, lexicon: Lexicon) -> set[str]:
    return {hit.theme for hit in tag(text, lexicon)}


def test_issue_example(lexicon: Lexicon) -> None:
    found = themes("Vi skal styrke børnefællesskaberne og forældrenes engagement", lexicon)
    assert {"boern-og-unge", "faellesskaber"} <= found
    assert "aeldre-handicap" not in found


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Vi vil styrke fællesskabet.", "faellesskaber"),
        ("Fællesskaberne i byen", "faellesskaber"),
        ("at være en del af et arbejdsfællesskab", "faellesskaber"),
        ("børnefællesskaberne", "faellesskaber"),
        ("Væksten skal komme hele kommunen til gode", "vaekst"),
        ("for at kommunen fortsat kan vækste", "vaekst"),
        ("Sagsbehandlingen skal være hurtig", "sagsbehandling"),
        ("flere landzonetilladelser", "sagsbehandling"),
        ("ældreområdet", "aeldre-handicap"),
        ("et godt ungdomsliv", "det-gode-liv"),
        ("velfærdsteknologien", "velfaerdsteknologi-digitalisering"),
    ],
)
def test_inflection_and_compound_heads(lexicon: Lexicon, text: str, theme: str) -> None:
    assert theme in themes(text, lexicon)


def test_suspended_compound_gives_both_parts(lexicon: Lexicon) -> None:
    text = "hvor vækst- og klimaindsatsen sker sammen med borgerne"
    hits = {hit.theme: hit for hit in tag(text, lexicon)}
    assert hits["vaekst"].matched == "vækst"
    assert hits["klima-baeredygtighed"].matched == "klimaindsatsen"
    assert "aeldre-handicap" in themes("ældre- og handicapområdet", lexicon)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Forældrene skal inddrages mere", "aeldre-handicap"),
        ("bedsteforældre og forældre", "aeldre-handicap"),
        ("de ældre bygninger skal renoveres", "aeldre-handicap"),
        ("klimamål, vi har forpligtet os på", "forpligtende-faellesskaber"),
        ("Vi har forpligtet os til at halvere udledningen", "forpligtende-faellesskaber"),
        ("et godt arbejdsklima", "klima-baeredygtighed"),
        ("et bedre erhvervsklima", "klima-baeredygtighed"),
        ("samarbejdsklimaet i byrådet", "klima-baeredygtighed"),
        ("På tværs af grupperne var der enighed", "helhed-tvaerfaglighed"),
        ("Børne- og Ungeudvalget godkendte sagen", "boern-og-unge"),
        ("Økonomiudvalget mødes i morgen", "oekonomi-ressourcer"),
        ("forældre, der har ressourcerne til at deltage", "oekonomi-ressourcer"),
        ("ressourcestærke unge", "oekonomi-ressourcer"),
        ("personlig vækst", "vaekst"),
        ("en tryg opvækst", "vaekst"),
        ("en fælles, sammenhængende indsats", "faellesskaber"),
        ("dem, der har brug for det", "aeldre-handicap"),
        ("det leder til bedre løsninger", "ledelse"),
        ("således at processen", "ledelse"),
        ("at forebygge oversvømmelser", "forebyggelse-ensomhed"),
        ("ledige pladser i daginstitutionerne", "beskaeftigelse-selvforsoergelse"),
        ("De ældre bygninger på Skolevej", "uddannelse-laering"),
    ],
)
def test_false_friends_are_not_evidence(lexicon: Lexicon, text: str, theme: str) -> None:
    assert theme not in themes(text, lexicon)


def test_boilerplate_does_not_block_the_rest_of_the_sentence(lexicon: Lexicon) -> None:
    text = "På tværs af grupperne var der fokus på samarbejde på tværs af forvaltninger."
    (hit,) = [hit for hit in tag(text, lexicon) if hit.theme == "helhed-tvaerfaglighed"]
    assert hit.start == text.rindex("på tværs af")


def test_narrower_theme_does_not_imply_broader(lexicon: Lexicon) -> None:
    found = themes("Der var fokus på forpligtende fællesskaber.", lexicon)
    assert "forpligtende-faellesskaber" in found
    assert "faellesskaber" not in found


def test_labels_follow_language(lexicon: Lexicon) -> None:
    (danish,) = tag("ensomhed", lexicon, "da")
    (english,) = tag("ensomhed", lexicon, "en")
    assert danish.label == "Forebyggelse, tidlig indsats og ensomhed"
    assert english.label == "Prevention, early intervention and loneliness"


def test_empty_and_themeless_text(lexicon: Lexicon) -> None:
    assert tag("", lexicon) == []
    assert tag("Mødet sluttede klokken tre.", lexicon) == []


# The pattern notation, on a tiny thesaurus of its own


def tiny(
    *patterns: str, stop: tuple[str, ...] = (), excluded: tuple[str, ...] = (), everywhere: tuple[str, ...] = ()
) -> Lexicon:
    theme = Theme(
        iri="https://example.org/theme/t",
        slug="t",
        pref_labels=(("da", "Testtema"), ("en", "Test theme")),
        definitions=(),
        patterns=patterns,
        stop_phrases=stop,
        excluded_forms=excluded,
    )
    return Lexicon.compile(Thesaurus((theme,), everywhere))


def matched(lexicon: Lexicon, text: str) -> list[str]:
    return [hit.matched for hit in tag(text, lexicon)]


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [  # commas keep the words apart: touching hits of one theme would be one mention
        ("fællesskaber", "fællesskab, fællesskabet, fællesskaberne", ["fællesskab", "fællesskabet", "fællesskaberne"]),
        ("demens", "dem, demens, demensen", ["demens", "demensen"]),
        ("forpligtende", "forpligtet forpligtende", ["forpligtende"]),
        ("ledig", "ledelse ledige", ["ledige"]),
        ("klima*", "klimaet, klimavenlig, arbejdsklima", ["klimaet", "klimavenlig"]),
        ("ældre+", "ældre, ældreområdet, ældres", ["ældreområdet", "ældres"]),
        ("*fællesskab", "arbejdsfællesskaberne, fællesskab", ["arbejdsfællesskaberne", "fællesskab"]),
        ("+leder", "leder skoleleder således", ["skoleleder"]),
        ("*udvalg*", "ungeudvalget", ["ungeudvalget"]),
        ("=job", "job jobbet", ["job"]),
        ("møde _ borgere", "møde de borgere", ["møde de borgere"]),
        ("hurtig … hjælp", "hurtig og meget mere differentieret hjælp", ["hurtig og meget mere differentieret hjælp"]),
        ("hurtig … hjælp", "hurtig a b c d e hjælp", []),
        ("hurtig … hjælp", "hurtig. Hjælp", []),
    ],
)
def test_pattern_notation(pattern: str, text: str, expected: list[str]) -> None:
    assert matched(tiny(pattern), text) == expected


def test_suspended_first_part_counts_as_a_compound() -> None:
    assert matched(tiny("ældre+"), "ældre- og handicapområdet") == ["ældre"]


def test_stop_phrases_and_excluded_forms() -> None:
    assert matched(tiny("vækst", stop=("personlig vækst",)), "personlig vækst og vækst") == ["vækst"]
    assert matched(tiny("*ældre", excluded=("*forældre",)), "forældre bedsteforældre ældre") == ["ældre"]
    assert matched(tiny("grupper", everywhere=("på tværs af grupper",)), "på tværs af grupperne") == []


def test_a_hit_inside_a_longer_hit_of_the_same_theme_is_dropped() -> None:
    assert matched(tiny("vækst", "vækst i balance"), "vækst i balance") == ["vækst i balance"]


def test_overlapping_hits_of_one_theme_are_one_mention_with_all_the_evidence() -> None:
    lexicon = tiny("hurtig … hjælp", "hjælp … hurtig", "gives hurtig")
    (hit,) = tag("Der gives hurtig hjælp hurtigt.", lexicon)
    assert (hit.matched, hit.start, hit.end) == ("gives hurtig hjælp hurtigt", 4, 30)
    assert hit.via.split(VIA_SEPARATOR) == ["gives hurtig", "hurtig … hjælp", "hjælp … hurtig"]
    assert hit.score == 0.9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("børne-/ungeområdet", ["børne-/ungeområdet"]),  # touching across a hyphen and a slash
        ("børne- og ungeområdet", ["børne", "ungeområdet"]),  # a word between: two mentions
        ("ungdomsliv unge", ["ungdomsliv unge"]),  # only a space between
        ("unge, unge", ["unge", "unge"]),  # a comma separates items of a list
        ("unge.\nUnge", ["unge", "Unge"]),  # never across a sentence end
        ("unge\n\nunge", ["unge", "unge"]),  # nor across a blank line
    ],
)
def test_touching_hits_of_one_theme_are_one_mention(text: str, expected: list[str]) -> None:
    assert matched(tiny("børne+", "unge+", "unge", "ungdom*"), text) == expected


def test_hits_of_different_themes_are_not_merged(lexicon: Lexicon) -> None:
    hits = tag("Flere ældre og færre hænder i hjemmeplejen", lexicon)
    older = [hit for hit in hits if hit.theme == "aeldre-handicap"]
    assert [hit.matched for hit in older] == ["Flere ældre og", "hjemmeplejen"]
    assert len({hit.theme for hit in hits}) == len({(hit.theme, hit.start) for hit in hits}) - 1


@pytest.mark.parametrize("pattern", ["", "… vækst", "vækst …", "væ-kst", "**", "vækst*+"])
def test_malformed_patterns_are_rejected(pattern: str) -> None:
    with pytest.raises(PatternError):
        parse_pattern(pattern, danish_stemmer())


def test_a_malformed_pattern_in_the_thesaurus_names_the_theme() -> None:
    with pytest.raises(PatternError, match="theme 't' sg:pattern"):
        tiny("vækst …")


# Properties, for any text

WORDS = [
    "fællesskab", "børnefællesskaberne", "forældre", "ældre", "vækst-", "og", "klimaindsatsen", "På", "tværs", "af",
    "grupperne", "forpligtende", "fællesskaber", "hurtig", "smidig", "sagsbehandling", "unge", "Ungeudvalget", "ÆLDRE",
    "job", ",", ".", " ", "\n\n", "–", "/", "İ", "ß", "🙂", "\u00a0",
]  # fmt: skip

danish_texts = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
any_texts = st.one_of(st.text(max_size=200), danish_texts)


def check_hits(text: str, hits: list[ThemeHit]) -> None:
    for hit in hits:
        assert 0 <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.matched
        assert 0 <= hit.score <= 1
    assert hits == sorted(hits, key=lambda hit: (hit.start, hit.theme, hit.end))
    assert len({(hit.theme, hit.start, hit.end) for hit in hits}) == len(hits)
    for theme in {hit.theme for hit in hits}:
        spans = [(hit.start, hit.end) for hit in hits if hit.theme == theme]
        for (_, end), (start, _) in itertools.pairwise(spans):
            between = text[end:start]
            # hits of one theme neither overlap nor touch: a word, a comma or a sentence end lies between
            assert start > end
            assert any(c.isalnum() or c not in " \t\n\r\u00a0-/" for c in between) or "\n\n" in between.replace(" ", "")


@settings(max_examples=300, deadline=None)
@given(any_texts)
def test_offsets_slice_to_the_matched_text_sorted_and_unique(lexicon: Lexicon, text: str) -> None:
    check_hits(text, tag(text, lexicon))


@pytest.fixture(scope="module")
def fresh_lexicon(lexicon: Lexicon) -> Lexicon:
    """A second lexicon of the same thesaurus, compiled apart (compiling takes a tenth of a second)."""
    return Lexicon.compile(lexicon.thesaurus)


@settings(max_examples=100, deadline=None)
@given(any_texts)
def test_deterministic(lexicon: Lexicon, fresh_lexicon: Lexicon, text: str) -> None:
    """The same hits from two lexicons, whatever either has cached from the texts before."""
    assert tag(text, lexicon) == tag(text, fresh_lexicon) == tag(text, lexicon)
