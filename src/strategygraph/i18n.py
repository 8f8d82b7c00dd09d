"""User-facing words in Danish (first) and English, looked up by key."""

from __future__ import annotations

_TEXTS: dict[str, tuple[str, str]] = {
    "what": ("Hvad", "What"),
    "count": ("Antal", "Count"),
    "municipalities": ("Kommuner", "Municipalities"),
    "seminars": ("Seminarer", "Seminars"),
    "slides": ("Slides", "Slides"),
    "committees": ("Udvalg", "Committees"),
    "focus_areas": ("Fokusområder", "Focus areas"),
    "statements": ("Udsagn", "Statements"),
    "reflections": ("Refleksioner", "Reflections"),
    "themes": ("Temaer", "Themes"),
    "pillars": ("Sigtepunkter", "Pillars"),
    "mentions": ("Temaforekomster", "Theme mentions"),
    "triples": ("Tripler", "Triples"),
    "committee": ("Udvalg", "Committee"),
    "committee_a": ("Udvalg A", "Committee A"),
    "committee_b": ("Udvalg B", "Committee B"),
    "weight": ("Vægt", "Weight"),
    "shared": ("Fælles", "Shared"),
    "shared_themes": ("Fælles temaer", "Shared themes"),
    "quotes": ("Citater", "Quotes"),
    "theme": ("Tema", "Theme"),
    "cross_cutting": ("Tværgående", "Cross-cutting"),
    "degree": ("Grad", "Degree"),
    "betweenness": ("Mellemled", "Betweenness"),
    "example": ("Eksempel", "Example"),
    "a_silent_on": ("A nævner ikke", "A never mentions"),
    "b_silent_on": ("B nævner ikke", "B never mentions"),
    "kind": ("Slags", "Kind"),
    "community": ("Fællesskab nr.", "Community"),
    "modularity": ("Modularitet", "Modularity"),
    "members": ("Medlemmer", "Members"),
    "disconnected_pairs": ("Afbrudte temapar", "Disconnected theme pairs"),
    "connectivity_loss": ("Tab af sammenhæng", "Connectivity loss"),
    "sole_carrier_of": ("Eneste bærer af", "Sole carrier of"),
    "gaps_heading": (
        "Temaer fra refleksionerne, som intet fokusområde ejer",
        "Themes raised in reflections that no focus area owns",
    ),
    "candidates_heading": (
        "Kandidater til samarbejde: stærkt overlap, men de nævner ikke hinandens område",
        "Candidate collaborations: strong overlap, but neither mentions the other's remit",
    ),
    "communities_heading": ("Fællesskaber (Louvain)", "Communities (Louvain)"),
    "brokers_heading": (
        "Brobyggere: udvalg, uden hvilke temagrafen falder fra hinanden",
        "Brokers: committees without which the theme graph falls apart",
    ),
    "none": ("(ingen)", "(none)"),
    "conforms": (
        "Data overholder formerne og alle kildehenvisninger passer ({triples} tripler).",
        "The data conforms to the shapes and every source pointer matches ({triples} triples).",
    ),
    "violations": ("{count} overtrædelser.", "{count} violations."),
    "imported": (
        "{folder}: seminaret {seminar} er importeret og valideret.",
        "{folder}: seminar {seminar} imported and validated.",
    ),
}


def text(key: str, lang: str) -> str:
    """The text for ``key`` in ``lang`` (``da`` or ``en``); unknown keys are returned as they are."""
    da, en = _TEXTS.get(key, (key, key))
    return en if lang == "en" else da
