"""The findings of a municipal analyst's user test of `strategygraph tag` (issue 3 follow-ups): civic
involvement only, permits by the thesaurus' scope notes, early intervention and staff shortage phrasings,
and the mobility theme. The overlap of hits is tested with the tagger (tests/test_tagger.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal

from strategygraph.namespaces import SKOS, THEME
from strategygraph.tagging.lexicon import Lexicon
from strategygraph.tagging.tagger import tag
from strategygraph.tagging.thesaurus import load_thesaurus_file, thesaurus_file


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.compile(load_thesaurus_file())


def themes(text: str, lexicon: Lexicon) -> set[str]:
    return {hit.theme for hit in tag(text, lexicon)}


def evidence(text: str, lexicon: Lexicon, theme: str) -> list[str]:
    return [hit.matched for hit in tag(text, lexicon) if hit.theme == theme]


# Citizen involvement needs the civic sense

NOT_CIVIC = [
    "Hun var involveret i en trafikulykke.",
    "Medarbejderne er meget involveret i opgaven.",
    "De involverede parter mødes i morgen.",
    "Projektet involverer store udgifter.",
    "Vi skal se sagen fra en økonomisk synsvinkel.",
    "Kommunen kan inddrage kørekortet.",
    "Politiet inddrog førerretten.",
    "Vi vil inddrage medarbejderne i planlægningen.",
    "Vi skal inddrage ny viden og data i arbejdet.",
    "Medarbejderne har medindflydelse og medbestemmelse gennem MED-systemet.",
    "Arbejdsgiveren indkalder til dialogmøde med den sygemeldte.",
    "Medarbejderinddragelse styrker arbejdsmiljøet.",
]

CIVIC = [
    ("Vi vil involvere borgerne i planlægningen.", "involvere borgerne"),
    ("Borgerne skal involveres tidligt.", "Borgerne skal involveres"),
    ("Vi involverer de unge i ungerådet.", "involverer de unge"),
    ("Brugerinvolvering er et princip.", "Brugerinvolvering"),
    ("Vi skal afklare det gode børneliv fra børnenes synsvinkel.", "børnenes synsvinkel"),
    ("Forældrene skal inddrages mere.", "inddrages"),
    ("Vi vil styrke inddragelsen af borgerne.", "inddragelsen af borgerne"),
]


@pytest.mark.parametrize("text", NOT_CIVIC)
def test_involvement_without_citizens_is_not_citizen_involvement(lexicon: Lexicon, text: str) -> None:
    assert "borgerinddragelse" not in themes(text, lexicon)


@pytest.mark.parametrize(("text", "matched"), CIVIC)
def test_citizen_involvement_is_found(lexicon: Lexicon, text: str, matched: str) -> None:
    assert matched in evidence(text, lexicon, "borgerinddragelse")


INVOLVED_FORMS = ["involveret", "involverede", "involveres", "involverer", "involvere"]
NON_CIVIC_CONTEXTS = ["i en ulykke", "i opgaven", "i projektet", "i sagen", "i arbejdet", "i en konflikt"]
CIVIC_OBJECTS = ["borgerne", "brugerne", "de unge", "børnene", "forældrene", "de pårørende", "lokalsamfundet"]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["Hun er", "Vi blev", "Alle var", "Han er meget"]),
    st.sampled_from(INVOLVED_FORMS),
    st.sampled_from(NON_CIVIC_CONTEXTS),
)
def test_being_involved_in_something_is_never_civic(lexicon: Lexicon, subject: str, form: str, context: str) -> None:
    assert "borgerinddragelse" not in themes(f"{subject} {form} {context}.", lexicon)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(INVOLVED_FORMS), st.sampled_from(CIVIC_OBJECTS))
def test_involving_citizens_is_civic_in_every_inflection(lexicon: Lexicon, form: str, people: str) -> None:
    assert "borgerinddragelse" in themes(f"Kommunen {form} {people} i beslutningerne.", lexicon)


# Permits: case handling; agile processes only when the text speaks of speed (the scope notes)

PERMITS = ["byggetilladelse", "byggetilladelsen", "byggetilladelser", "byggetilladelserne", "landzonetilladelsen"]


@pytest.mark.parametrize("permit", PERMITS)
def test_a_permit_as_such_is_case_handling_only(lexicon: Lexicon, permit: str) -> None:
    found = themes(f"Ansøgningen om {permit} ligger hos kommunen.", lexicon)
    assert "sagsbehandling" in found
    assert "smidige-processer" not in found


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(PERMITS),
    st.sampled_from(["Hurtigere {p}", "{p} skal gives hurtigere", "{p} skal komme hurtigt", "hurtig svar på {p}"]),
)
def test_a_fast_permit_is_both(lexicon: Lexicon, permit: str, template: str) -> None:
    text = template.format(p=permit)
    assert {"sagsbehandling", "smidige-processer"} <= themes(text, lexicon)
    # the evidence for agile processes holds the speed, not the permit alone
    assert all("hurtig" in matched.lower() for matched in evidence(text, lexicon, "smidige-processer"))


def test_the_scope_notes_state_the_rule() -> None:
    graph = Graph().parse(thesaurus_file(), format="turtle")
    for slug in ("sagsbehandling", "smidige-processer"):
        notes = {
            note.language: str(note) for note in graph.objects(THEME[slug], SKOS.scopeNote) if isinstance(note, Literal)
        }
        assert set(notes) == {"da", "en"}, slug
        assert "byggetilladelse" in notes["da"], slug
        assert "building permit" in notes["en"], slug


# Early intervention and staff shortage phrasings


@pytest.mark.parametrize(
    "text",
    [
        "Vi skal sætte tidligt ind over for børn i mistrivsel.",
        "Kommunen sætter ind tidligt.",
        "Vi satte tidligere ind end før.",
        "Der skal sættes tidligt ind.",
        "Fremover skal vi sætte langt tidligere ind.",
        "Vi vil gribe tidligt ind.",
        "Skolen reagerer tidligt på fravær.",
    ],
)
def test_early_intervention_phrasings(lexicon: Lexicon, text: str) -> None:
    assert "forebyggelse-ensomhed" in themes(text, lexicon)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["sætte", "sætter", "sættes", "satte", "sat"]),
    st.sampled_from(["", "langt ", "meget ", "endnu "]),
    st.sampled_from(["tidligt", "tidligere", "tidligst"]),
)
def test_saette_tidligt_ind_in_every_inflection(lexicon: Lexicon, verb: str, degree: str, early: str) -> None:
    text = f"Vi har {verb} {degree}{early} ind over for mistrivsel."
    assert any(hit.theme == "forebyggelse-ensomhed" and hit.matched.startswith(verb) for hit in tag(text, lexicon)), (
        text
    )


def test_moving_in_early_is_not_early_intervention(lexicon: Lexicon) -> None:
    assert "forebyggelse-ensomhed" not in themes("Vi flytter tidligt ind i de nye lokaler.", lexicon)


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Flere ældre og færre hænder i hjemmeplejen", "færre hænder"),
        ("Der bliver færre varme hænder i ældreplejen.", "færre varme hænder"),
        ("Vi mangler hænder i hjemmeplejen.", "mangler hænder"),
        ("Det er svært at skaffe personale.", "skaffe personale"),
        ("Daginstitutionerne mangler pædagoger.", "mangler pædagoger"),
        ("Hjemmeplejen er underbemandet.", "underbemandet"),
        ("Vi har ikke hænder nok.", "hænder nok"),
    ],
)
def test_staff_shortage_is_recruitment(lexicon: Lexicon, text: str, matched: str) -> None:
    assert matched in evidence(text, lexicon, "rekruttering-fastholdelse")


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["færre hænder", "færre varme hænder", "flere hænder", "hænderne"]),
    st.sampled_from(["i ældreplejen", "i daginstitutionerne", "på plejecentrene", "i hjemmeplejen"]),
)
def test_hands_in_the_welfare_services_are_the_municipality_s_staff(lexicon: Lexicon, hands: str, where: str) -> None:
    found = themes(f"Vi mangler {hands} {where}.", lexicon)
    assert "rekruttering-fastholdelse" in found
    assert "arbejdskraft" not in found


@pytest.mark.parametrize(
    "text", ["Der bliver færre hænder på arbejdsmarkedet.", "Virksomhederne mangler hænder og medarbejdere."]
)
def test_hands_for_businesses_are_labour_not_recruitment(lexicon: Lexicon, text: str) -> None:
    found = themes(text, lexicon)
    assert "arbejdskraft" in found
    assert "rekruttering-fastholdelse" not in found


# Mobility and infrastructure


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Vi skal have bedre veje, cykelstier og flere busser.", ["veje", "cykelstier", "busser"]),
        ("Den kollektive trafik skal styrkes, og pendlingen til Aarhus øges.", ["kollektive trafik", "pendlingen"]),
        ("Toget kører hver time, og telebussen kører til landsbyerne.", ["Toget", "telebussen"]),
        ("Infrastrukturen skal udbygges, så flere kan cykle til arbejde.", ["Infrastrukturen", "cykle"]),
        ("Trafiksikkerheden ved skolerne og en ny omfartsvej", ["Trafiksikkerheden", "omfartsvej"]),
        ("Mobilitetsplanen", ["Mobilitetsplanen"]),
        ("mange udpendlere og indpendlere", ["udpendlere", "indpendlere"]),
    ],
)
def test_mobility_is_found(lexicon: Lexicon, text: str, matched: list[str]) -> None:
    assert evidence(text, lexicon, "mobilitet-infrastruktur") == matched


@pytest.mark.parametrize(
    "text",
    [
        "Unge på vej",
        "Der er mange faldgruber for de unge henad vejen.",
        "Forældrene er ikke alene om at vise børnene vejen.",
        "Vi skal finde nye veje til job.",
        "Vi skal veje fordele og ulemper.",
        "Det tog tre måneder.",
        "Vi skal lave en business case.",
        "De ældre bygninger på Skolevej",
        "Borgeren har nedsat mobilitet efter faldet.",
        "Social mobilitet og digital infrastruktur",
        "Flere solceller og ladestandere.",
    ],
)
def test_figurative_ways_and_other_senses_are_not_mobility(lexicon: Lexicon, text: str) -> None:
    assert "mobilitet-infrastruktur" not in themes(text, lexicon)


def test_infrastructure_is_mobility_not_town_development(lexicon: Lexicon) -> None:
    found = themes("Vi investerer i infrastrukturen.", lexicon)
    assert "mobilitet-infrastruktur" in found
    assert "byudvikling-bosaetning" not in found


def test_the_mobility_theme_in_the_thesaurus() -> None:
    theme = load_thesaurus_file().theme("mobilitet-infrastruktur")
    assert dict(theme.pref_labels) == {"da": "Mobilitet og infrastruktur", "en": "Mobility and infrastructure"}
    assert {lang for lang, _ in theme.definitions} == {"da", "en"}
    assert theme.broader == ()
