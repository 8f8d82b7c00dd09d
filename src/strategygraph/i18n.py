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
    "theme": ("Tema", "Theme"),
    "label": ("Betegnelse", "Label"),
    "matched": ("Matchet tekst", "Matched text"),
    "start": ("Start", "Start"),
    "end": ("Slut", "End"),
    "via": ("Leksikon", "Lexicon entry"),
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
