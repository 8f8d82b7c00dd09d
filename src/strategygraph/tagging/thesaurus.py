"""The theme thesaurus (SKOS) as plain values: themes, their labels and the tagger's lexicon.

The thesaurus lives in ``ontology/themes.ttl``: one ``sg:Theme`` (a ``skos:Concept``) per cross-cutting
theme, with labels and definitions in Danish and English, and the Danish surface forms, patterns, stop
phrases and excluded forms the tagger works from. Everything here is read from a :class:`GraphStore`
with SPARQL, so it works on any store; :func:`load_thesaurus_file` reads just the thesaurus file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib import Literal

from .. import __version__
from ..cache_folder import cache_root, write_atomically
from ..errors import NotFoundError
from ..i18n import Lang
from ..resources import bundle
from ..stores.base import GraphStore, MemoryStore, parse_turtle_file

TAGGING_LANGUAGE = "da"
"""The language whose labels, patterns and stop phrases the tagger matches."""

_THEMES_QUERY = "SELECT ?theme ?slug WHERE { ?theme a sg:Theme ; sg:slug ?slug }"

# The property values first, the type last: rdflib evaluates the patterns in this order (the OPTIONAL this was
# took a tenth of a second on every load of the bundled data).
_THEME_VALUES_QUERY = """
SELECT ?theme ?property ?value WHERE {
    VALUES ?property {
        skos:prefLabel skos:altLabel skos:hiddenLabel skos:definition skos:broader
        sg:pattern sg:stopPhrase sg:excludedForm
    }
    ?theme ?property ?value .
    ?theme a sg:Theme .
}
"""

_GLOBAL_STOP_QUERY = """
SELECT ?phrase WHERE { ?scheme sg:stopPhraseGlobal ?phrase }
"""

_LOCAL_NAMES = {
    "http://www.w3.org/2004/02/skos/core#prefLabel": "prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel": "altLabel",
    "http://www.w3.org/2004/02/skos/core#hiddenLabel": "hiddenLabel",
    "http://www.w3.org/2004/02/skos/core#definition": "definition",
    "http://www.w3.org/2004/02/skos/core#broader": "broader",
    "https://w3id.org/strategygraph/ontology#pattern": "pattern",
    "https://w3id.org/strategygraph/ontology#stopPhrase": "stopPhrase",
    "https://w3id.org/strategygraph/ontology#excludedForm": "excludedForm",
}


@dataclass(frozen=True)
class Theme:
    """One theme: its IRI and slug, labels and definitions by language, and its Danish lexicon."""

    iri: str
    slug: str
    pref_labels: tuple[tuple[str, str], ...]
    definitions: tuple[tuple[str, str], ...]
    broader: tuple[str, ...] = ()
    alt_labels: tuple[str, ...] = ()
    hidden_labels: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    stop_phrases: tuple[str, ...] = ()
    excluded_forms: tuple[str, ...] = ()

    def label(self, lang: Lang) -> str:
        """The preferred label in ``lang``, else in Danish, else the slug."""
        labels = dict(self.pref_labels)
        return labels.get(lang) or labels.get(TAGGING_LANGUAGE) or self.slug

    def definition(self, lang: Lang) -> str:
        definitions = dict(self.definitions)
        return definitions.get(lang) or definitions.get(TAGGING_LANGUAGE, "")

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Every Danish label (preferred, alternative, hidden): each is matched as a phrase."""
        return (
            *(label for lang, label in self.pref_labels if lang == TAGGING_LANGUAGE),
            *self.alt_labels,
            *self.hidden_labels,
        )


@dataclass(frozen=True)
class Thesaurus:
    """The themes, sorted by slug, and the phrases that are never evidence for any theme."""

    themes: tuple[Theme, ...]
    stop_phrases: tuple[str, ...] = ()

    def theme(self, slug: str) -> Theme:
        for theme in self.themes:
            if theme.slug == slug:
                return theme
        raise NotFoundError("error_no_theme_slug", slug=slug)

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(theme.slug for theme in self.themes)


def _is_danish(value: Literal) -> bool:
    return value.language == TAGGING_LANGUAGE


def read_thesaurus(store: GraphStore) -> Thesaurus:
    """Every ``sg:Theme`` in the store, with its labels, definitions and Danish lexicon."""
    slugs: dict[str, str] = {}
    values: dict[str, dict[str, set[Literal | str]]] = defaultdict(lambda: defaultdict(set))
    for theme, slug in store.select(_THEMES_QUERY).rows:
        slugs[str(theme)] = str(slug)
    for theme, prop, value in store.select(_THEME_VALUES_QUERY).rows:
        if str(theme) in slugs and value is not None:
            values[str(theme)][_LOCAL_NAMES[str(prop)]].add(value if isinstance(value, Literal) else str(value))
    themes = [_theme(iri, slug, values[iri]) for iri, slug in slugs.items()]
    global_stops = sorted(
        str(row["phrase"])
        for row in store.select(_GLOBAL_STOP_QUERY).dicts()
        if isinstance(row["phrase"], Literal) and _is_danish(row["phrase"])
    )
    return Thesaurus(tuple(sorted(themes, key=lambda theme: (theme.slug, theme.iri))), tuple(global_stops))


def _theme(iri: str, slug: str, values: dict[str, set[Literal | str]]) -> Theme:
    def by_language(name: str) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((v.language or "", str(v)) for v in values.get(name, ()) if isinstance(v, Literal)))

    def danish(name: str) -> tuple[str, ...]:
        return tuple(sorted(str(v) for v in values.get(name, ()) if isinstance(v, Literal) and _is_danish(v)))

    return Theme(
        iri=iri,
        slug=slug,
        pref_labels=by_language("prefLabel"),
        definitions=by_language("definition"),
        broader=tuple(sorted(str(v) for v in values.get("broader", ()) if not isinstance(v, Literal))),
        alt_labels=danish("altLabel"),
        hidden_labels=danish("hiddenLabel"),
        patterns=danish("pattern"),
        stop_phrases=danish("stopPhrase"),
        excluded_forms=danish("excludedForm"),
    )


def thesaurus_file() -> Path:
    """The bundled thesaurus, ``ontology/themes.ttl``."""
    return bundle().ontology_dir / "themes.ttl"


def load_thesaurus_file(path: Path | None = None) -> Thesaurus:
    """The thesaurus in one Turtle file (default: the bundled one), without loading any data.

    What it reads is kept in the cache folder as JSON, named by a digest of the file's bytes, this module's code
    and the versions of strategygraph and rdflib, and read back by later processes instead of parsing the file and
    querying it again (about 0.3 s of ``tag``); a damaged or unwritable copy only costs the reading."""
    source = path or thesaurus_file()
    kept = _kept_path(source)
    thesaurus = _kept_thesaurus(kept) if kept is not None else None
    if thesaurus is None:
        store = MemoryStore()
        parse_turtle_file(store.graph, source)
        thesaurus = read_thesaurus(store)
        if kept is not None:
            with contextlib.suppress(OSError):
                write_atomically(kept, json.dumps(dataclasses.astuple(thesaurus), ensure_ascii=False).encode())
    return thesaurus


def _kept_path(source: Path) -> Path | None:
    try:
        content = source.read_bytes()
    except OSError:
        return None  # parse_turtle_file says what is wrong
    parts = [__version__.encode(), rdflib.__version__.encode(), Path(__file__).read_bytes(), content]
    digest = hashlib.sha256(b"\0".join(parts)).hexdigest()[:32]
    return cache_root() / "thesaurus" / f"{digest}.json"


def _kept_thesaurus(path: Path) -> Thesaurus | None:
    """The thesaurus kept in ``path``; None when there is none or it is not exactly a thesaurus's shape."""
    try:
        themes, stop_phrases = json.loads(path.read_bytes())
        return Thesaurus(tuple(map(_kept_theme, _items(themes))), _strings(stop_phrases))
    except (OSError, ValueError, TypeError):
        return None


def _kept_theme(fields: object) -> Theme:
    iri, slug, pref_labels, definitions, broader, alt, hidden, patterns, stops, excluded = _items(fields, 10)
    return Theme(
        _string(iri),
        _string(slug),
        _pairs(pref_labels),
        _pairs(definitions),
        _strings(broader),
        _strings(alt),
        _strings(hidden),
        _strings(patterns),
        _strings(stops),
        _strings(excluded),
    )


def _items(value: object, size: int | None = None) -> list[object]:
    if not isinstance(value, list) or (size is not None and len(value) != size):
        raise TypeError("not a kept thesaurus")
    return value


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a kept thesaurus")
    return value


def _strings(values: object) -> tuple[str, ...]:
    return tuple(map(_string, _items(values)))


def _pairs(values: object) -> tuple[tuple[str, str], ...]:
    return tuple((_string(a), _string(b)) for a, b in (_items(pair, 2) for pair in _items(values)))
