"""The page ``serve`` opens on: a SPARQL editor with the prefixes, the query catalogue ready to pick and run, and
the endpoint's own query URL — one self-contained HTML page (no network request but to the endpoint itself).

The catalogue, the parameters and the choices for parameters that name a thing (committees, focus areas, themes,
with their labels) travel as JSON in a ``type="application/json"`` script and reach the screen through
``textContent``. A catalogue query's text with its parameters filled in comes from the endpoint
(:func:`compose_query`, the same resolution and term substitution as ``query --endpoint``), so a value the user
types is bound as an RDF term, never pasted into query text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal

from ..i18n import Lang, in_language, text
from ..namespaces import PREFIXES
from ..stores.base import GraphStore
from ..stores.sparql_text import substitute
from ..views.page import csp_hash, script_json, template_environment
from .parameters import ENTITY_KINDS, resolve_entities
from .queries import NamedQuery, bind_arguments, find_query
from .results import DISPLAY_PREFIXES

TEMPLATES = Path(__file__).parent / "templates"
_PAGE_TEXT_KEYS = (
    "query_page_title",
    "query_page_endpoint",
    "query_page_catalogue",
    "query_page_own_query",
    "query_page_parameters",
    "query_page_all",
    "query_page_run",
    "query_page_running",
    "query_page_rows",
    "query_page_error",
    "query_page_yasgui",
)
_CHOICES = """
PREFIX sg:      <https://w3id.org/strategygraph/ontology#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?entity ?slug ?label WHERE {
  ?entity a $type ; sg:slug ?slug .
  OPTIONAL { ?entity skos:prefLabel|dcterms:title ?label FILTER(LANGMATCHES(LANG(?label), $lang)) }
}
"""


@dataclass(frozen=True)
class QueryPage:
    """The page's HTML and the Content-Security-Policy that lets exactly its own script and style run."""

    html: str
    policy: str


def prefix_lines() -> str:
    """``PREFIX`` declarations for every namespace the graph uses, one per line."""
    return "".join(f"PREFIX {name}: <{namespace}>\n" for name, namespace in sorted(PREFIXES.items()))


def entity_choices(store: GraphStore, lang: Lang) -> dict[str, list[dict[str, str]]]:
    """For each parameter kind that names a thing: its things as ``{value, label}``, sorted by label.

    ``value`` is what ``query -p`` accepts for it (the slug; a theme's IRI in ``theme:`` form)."""
    choices: dict[str, list[dict[str, str]]] = {}
    for name, kind in sorted(ENTITY_KINDS.items()):
        found: dict[str, str] = {}
        result = store.select(_CHOICES, {"type": kind.rdf_type, "lang": Literal(lang)})
        for row in result.dicts():
            entity, slug, label = (row.get(variable) for variable in ("entity", "slug", "label"))
            value = str(slug) if kind.binds_slug else f"theme:{slug}"
            if entity is not None and slug is not None:
                found.setdefault(value, str(label) if label is not None else str(slug))
        choices[name] = [{"value": v, "label": label} for v, label in sorted(found.items(), key=lambda i: i[1])]
    return choices


def _in_lang(description: str, lang: Lang) -> str:
    """One language's half of a catalogue description written ``dansk / english``."""
    danish, _, english = description.partition(" / ")
    return in_language(lang, danish.strip(), english.strip())


def _catalogue_entry(query: NamedQuery, lang: Lang) -> dict[str, object]:
    return {
        "name": query.name,
        "title": query.title(lang),
        "description": query.description(lang),
        "columns": query.column_titles(lang),
        "parameters": [
            {
                "name": parameter.name,
                "kind": parameter.kind,
                "default": parameter.default,
                "optional": parameter.optional,
                "description": _in_lang(parameter.description, lang),
            }
            for parameter in query.parameters
        ],
    }


def query_page(queries: Sequence[NamedQuery], choices: Mapping[str, list[dict[str, str]]], lang: Lang) -> QueryPage:
    """The editor page for ``queries`` (the catalogue), with ``choices`` for parameters that name things."""
    script = (TEMPLATES / "query_page.js").read_text(encoding="utf-8")
    style = (TEMPLATES / "query_page.css").read_text(encoding="utf-8")
    data = {
        "lang": lang,
        "prefixes": prefix_lines(),
        "namespaces": [[prefix, str(namespace)] for prefix, namespace in DISPLAY_PREFIXES],
        "catalogue": [_catalogue_entry(query, lang) for query in queries],
        "choices": choices,
        "text": {key.removeprefix("query_page_"): text(key, lang) for key in _PAGE_TEXT_KEYS},
    }
    html = (
        template_environment(TEMPLATES)
        .get_template("query_page.html.j2")
        .render(lang=lang, data=script_json(data), script=script, style=style, title=text("query_page_title", lang))
    )
    policy = (
        f"default-src 'none'; connect-src 'self'; script-src {csp_hash(script)}; style-src {csp_hash(style)}; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    return QueryPage(html, policy)


def compose_query(store: GraphStore, name: str, arguments: Mapping[str, str]) -> str:
    """The text of catalogue query ``name`` with ``arguments`` bound: resolved as ``query NAME -p …`` resolves
    them (names of things looked up in ``store``) and substituted as RDF terms."""
    query = find_query(name)
    given = {key: value for key, value in arguments.items() if value != ""}
    bindings = resolve_entities(store, {p.name: p.kind for p in query.parameters}, bind_arguments(query, given))
    body = query.text.splitlines(keepends=True)
    while body and body[0].startswith("#"):  # the catalogue header: the page shows title and parameters itself
        body.pop(0)
    return substitute("".join(body), bindings)
