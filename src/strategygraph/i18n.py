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
    "query_name": ("Navn", "Name"),
    "query_title": ("Titel", "Title"),
    "query_parameters": ("Parametre", "Parameters"),
    "published": (
        "{graph} på {url}: {before} tripler før, {after} efter ({sent} sendt).",
        "{graph} at {url}: {before} triples before, {after} after ({sent} sent).",
    ),
    "serving": (
        "SPARQL-endpoint (skrivebeskyttet): {query_url}\nForespørgselseditor (YASGUI): {base_url}/\n"
        "Tidsgrænse pr. forespørgsel: {timeout:g} s. Stop med Ctrl-C.",
        "SPARQL endpoint (read-only): {query_url}\nQuery editor (YASGUI): {base_url}/\n"
        "Time limit per query: {timeout:g} s. Stop with Ctrl-C.",
    ),
}


def text(key: str, lang: str) -> str:
    """The text for ``key`` in ``lang`` (``da`` or ``en``); unknown keys are returned as they are."""
    da, en = _TEXTS.get(key, (key, key))
    return en if lang == "en" else da
