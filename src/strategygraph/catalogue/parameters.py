"""Query parameters that name a thing of the graph — a committee, a focus area, a theme — however a user
writes it: its slug (``laering``), its key (``hedensted/laering``), its full or prefixed IRI, or a label
in Danish or English, in any case (``"udvalget for læring"``).

The value is looked up with one fixed SPARQL query whose inputs are bound as RDF terms (never pasted into
the query text), so the lookup runs the same on rdflib, Oxigraph and a remote endpoint. A value that names
nothing is an error naming the parameter and the closest known values, never a silent empty result.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from ..errors import NotFoundError, StrategyGraphError
from ..i18n import Phrase
from ..namespaces import ID, PREFIXES, SG
from ..stores.base import GraphStore
from ..stores.sparql_text import check_iri


@dataclass(frozen=True)
class EntityKind:
    """A parameter kind that names a thing: its class, and whether the query wants its slug or its IRI."""

    name: str
    rdf_type: URIRef
    binds_slug: bool
    noun: Phrase  # the kind named in messages: ``committee`` / ``udvalg``


ENTITY_KINDS: dict[str, EntityKind] = {
    kind.name: kind
    for kind in (
        EntityKind("committee", SG.Committee, binds_slug=True, noun=Phrase("noun_committee")),
        EntityKind("focus-area", SG.FocusArea, binds_slug=True, noun=Phrase("noun_focus_area")),
        EntityKind("theme", SG.Theme, binds_slug=False, noun=Phrase("noun_theme")),
    )
}

_NAMES = """
PREFIX sg:      <https://w3id.org/strategygraph/ontology#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org:     <http://www.w3.org/ns/org#>
"""

# The things of a type a value names: by IRI, slug, scope/slug key, or a label / title, ignoring case.
_LOOKUP = (
    _NAMES
    + """
SELECT DISTINCT ?entity ?slug WHERE {
  ?entity a $type ;
          sg:slug ?slug .
  OPTIONAL { ?entity org:unitOf|sg:seminar ?scope . ?scope sg:slug ?scopeSlug }
  OPTIONAL { ?entity skos:prefLabel|skos:altLabel|dcterms:title ?label }
  FILTER(
    sameTerm(?entity, $iri)
    || LCASE(STR(?slug)) = $folded
    || LCASE(CONCAT(STR(?scopeSlug), "/", STR(?slug))) = $folded
    || LCASE(STR(?label)) = $folded
  )
}
ORDER BY ?slug ?entity
"""
)

# Every thing of a type with its names, for the closest-values hint.
_CANDIDATES = (
    _NAMES
    + """
SELECT ?entity ?slug ?scopeSlug ?label WHERE {
  ?entity a $type ;
          sg:slug ?slug .
  OPTIONAL { ?entity org:unitOf|sg:seminar ?scope . ?scope sg:slug ?scopeSlug }
  OPTIONAL { ?entity skos:prefLabel|dcterms:title ?label }
}
ORDER BY ?slug ?entity ?label
"""
)

_HINTS = 3


def _folded(value: str) -> str:
    """The value as the lookup compares it: spaces collapsed, lower case (as SPARQL's ``LCASE``)."""
    return " ".join(value.split()).lower()


def _as_iri(value: str) -> URIRef | None:
    """The IRI ``value`` writes (``<…>``, a full IRI or a prefixed name), if it looks like one."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, colon, local = text.partition(":")
    if not colon or any(ch.isspace() for ch in text):
        return None
    namespaces = {**PREFIXES, "id": ID}  # ``id:`` as the tables write data IRIs
    if prefix in namespaces and not local.startswith("//"):
        text = str(namespaces[prefix]) + local
    try:
        return URIRef(check_iri(text))
    except StrategyGraphError:
        return None


def _closest(store: GraphStore, kind: EntityKind, value: str) -> Phrase:
    """``Label (slug), …``: the known things whose slug, key or label is closest to ``value``."""
    shown: dict[str, str] = {}  # entity → "label (slug)"
    names: dict[str, str] = {}  # folded name → entity
    for row in store.select(_CANDIDATES, {"type": kind.rdf_type}).dicts():
        entity, slug = str(row["entity"]), str(row["slug"])
        label, scope = row["label"], row["scopeSlug"]
        if entity not in shown or (isinstance(label, Literal) and label.language == "da"):
            shown[entity] = f"{label} ({slug})" if label is not None else slug
        for name in (slug, f"{scope}/{slug}" if scope is not None else None, label):
            if name is not None:
                names.setdefault(_folded(str(name)), entity)
    close = difflib.get_close_matches(_folded(value), list(names), n=10, cutoff=0.5)
    hits = list(dict.fromkeys(names[name] for name in close))[:_HINTS]
    if hits:
        return Phrase("error_closest", {"names": ", ".join(shown[entity] for entity in hits)})
    if not shown:
        return Phrase("error_graph_holds_none", {"noun": kind.noun})
    first = sorted(shown.values())
    more = ", …" if len(first) > _HINTS else ""
    return Phrase("error_known", {"names": ", ".join(first[:_HINTS]) + more})


def resolve_entity(store: GraphStore, kind: EntityKind, parameter: str, value: str) -> Identifier:
    """The term to bind for ``value`` given as parameter ``parameter`` of kind ``kind``: the slug (a plain
    literal) or the IRI of the one thing it names. Nothing named, or two different things, is an error."""
    iri = _as_iri(value)
    bindings: dict[str, Identifier] = {
        "type": kind.rdf_type,
        "iri": iri if iri is not None else Literal(""),
        "folded": Literal(_folded(value)),
    }
    terms: list[Identifier] = []
    for entity, slug in store.select(_LOOKUP, bindings).rows:
        term = Literal(str(slug)) if kind.binds_slug else entity
        if term is not None and term not in terms:
            terms.append(term)
    if not terms or not _folded(value):
        raise NotFoundError(
            "error_no_entity", parameter=parameter, noun=kind.noun, value=value, hint=_closest(store, kind, value)
        )
    if len(terms) > 1:
        found = ", ".join(str(term) for term in terms)
        raise StrategyGraphError(
            "error_several_entities", parameter=parameter, value=value, noun=kind.noun, found=found
        )
    return terms[0]


def resolve_entities(
    store: GraphStore, kinds: Mapping[str, str], bindings: Mapping[str, Identifier]
) -> dict[str, Identifier]:
    """``bindings`` with each parameter whose kind (``kinds``: name → kind) names a thing resolved."""
    resolved = dict(bindings)
    for name, kind_name in kinds.items():
        kind = ENTITY_KINDS.get(kind_name)
        if kind is not None and name in resolved:
            resolved[name] = resolve_entity(store, kind, name, str(resolved[name]))
    return resolved
