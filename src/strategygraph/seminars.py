"""Several seminars in one graph: list them, find one by its ID, and scope a graph to one of them.

A seminar's ID is ``<municipality-slug>/<seminar-slug>``; its ``sg:slug`` alone will do where no other
municipality uses that slug, and the municipality's slug alone where it has just that one seminar.
:func:`scope_to_seminar` reduces a loaded graph to what that seminar alone would load: the ontology and
thesaurus, everything that belongs to the seminar (document, slides, focus areas, statements, reflections,
their pointers, attributions, derived theme mentions and pillar contributions), and the municipality-level
things it stands on (its municipality, the committees it uses, the municipality's strategy and pillars).
Every command runs on the reduced graph, so a scoped command gives the same results as the same command on
that seminar's data folder alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef
from rdflib.term import Node

from .errors import NotFoundError
from .i18n import Phrase
from .stores.base import GraphStore, Triple, as_str
from .stores.opening import STORE_KINDS, open_store

_SEMINARS = """
SELECT ?seminar ?slug ?municipality ?municipalitySlug WHERE {
    ?seminar a sg:Seminar ; sg:slug ?slug .
    OPTIONAL { ?seminar sg:municipality ?municipality . OPTIONAL { ?municipality sg:slug ?municipalitySlug } }
}
ORDER BY ?municipalitySlug ?slug ?seminar
"""

# What belongs to a seminar, by the model's links (the seminar's base IRI catches anything else minted under it).
_SEMINAR_NODES = """
SELECT DISTINCT ?seminar ?node WHERE {
    ?seminar a sg:Seminar .
    { ?seminar a sg:Seminar . BIND (?seminar AS ?node) }
    UNION { ?node sg:seminar ?seminar }
    UNION { ?node (sg:focusArea|sg:slide)/sg:seminar ?seminar }
    UNION { ?node sg:mentionIn/(sg:focusArea|sg:slide)/sg:seminar ?seminar }
    UNION { ?node oa:hasSource/sg:seminar ?seminar }
    UNION { ?node ^oa:hasSelector/oa:hasSource/sg:seminar ?seminar }
}
"""

_MUNICIPALITY_NODES = """
SELECT DISTINCT ?municipality ?node ?committee WHERE {
    ?municipality a sg:Municipality .
    { ?municipality a sg:Municipality . BIND (?municipality AS ?node) }
    UNION { ?node org:unitOf ?municipality . BIND (true AS ?committee) }
    UNION { ?node dcterms:creator ?municipality }
    UNION { ?node skos:inScheme|skos:topConceptOf ?scheme . ?scheme dcterms:creator ?municipality }
}
"""

_COMMITTEES_USED = """
SELECT DISTINCT ?committee WHERE {
    ?area sg:seminar ?seminar .
    { ?area sg:presentedBy ?committee } UNION { ?attribution sg:focusArea ?area ; sg:committee ?committee }
}
"""


@dataclass(frozen=True, order=True)
class SeminarRef:
    """One seminar in the graph: its ID, slug, IRI and municipality (IRI and slug)."""

    id: str
    slug: str
    iri: str
    municipality: str | None
    municipality_slug: str | None = None


def list_seminars(store: GraphStore) -> list[SeminarRef]:
    seminars = []
    for row in store.select(_SEMINARS).dicts():
        slug, municipality_slug = str(row["slug"]), as_str(row["municipalitySlug"])
        ident = f"{municipality_slug}/{slug}" if municipality_slug else slug
        seminars.append(SeminarRef(ident, slug, str(row["seminar"]), as_str(row["municipality"]), municipality_slug))
    return seminars


def find_seminar(store: GraphStore, ident: str) -> SeminarRef:
    """The seminar whose ID or slug is ``ident``, or the only seminar of the municipality whose slug it is;
    otherwise an error listing the seminars there are (those of that municipality, if it names one)."""
    seminars = list_seminars(store)
    matches = [seminar for seminar in seminars if ident in (seminar.id, seminar.slug)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise NotFoundError("error_seminar_ambiguous", ident=ident, ids=", ".join(s.id for s in matches))
    of_municipality = [seminar for seminar in seminars if seminar.municipality_slug == ident]
    if len(of_municipality) == 1:
        return of_municipality[0]
    if of_municipality:
        ids = ", ".join(seminar.id for seminar in of_municipality)
        raise NotFoundError("error_municipality_seminars", ident=ident, count=len(of_municipality), ids=ids)
    available = ", ".join(seminar.id for seminar in seminars) or Phrase("none")
    raise NotFoundError("error_unknown_seminar", ident=ident, available=available)


def _seminar_base(iri: str) -> str | None:
    """``…/hedensted/tvaergaaende-fokusomraader/`` for ``…/seminar``: the namespace its nodes were minted in."""
    return iri.removesuffix("seminar") if iri.endswith("/seminar") else None


def _municipality_base(iri: str) -> str | None:
    return iri if iri.endswith("/") else None


@dataclass
class _Ownership:
    """Decides, node by node, whether a node belongs to another seminar or municipality than the kept one."""

    seminar: SeminarRef
    seminar_of: dict[Node, str]
    municipality_of: dict[Node, str]
    committees: set[Node]
    used_committees: set[Node]
    seminar_bases: list[tuple[str, str]]
    municipality_bases: list[tuple[str, str]]

    def foreign(self, node: Node) -> bool:
        owner = self.seminar_of.get(node) or self._by_base(node, self.seminar_bases)
        if owner is not None:
            return owner != self.seminar.iri
        municipality = self.municipality_of.get(node) or self._by_base(node, self.municipality_bases)
        if municipality is None:
            return False
        if municipality != self.seminar.municipality:
            return True
        return node in self.committees and node not in self.used_committees

    @staticmethod
    def _by_base(node: Node, bases: list[tuple[str, str]]) -> str | None:
        if isinstance(node, URIRef):
            for base, owner in bases:
                if str(node).startswith(base):
                    return owner
        return None


def _ownership(store: GraphStore, seminar: SeminarRef) -> _Ownership:
    seminar_of: dict[Node, str] = {}
    for row in store.select(_SEMINAR_NODES).dicts():
        assert row["node"] is not None
        seminar_of.setdefault(row["node"], str(row["seminar"]))
    municipality_of: dict[Node, str] = {}
    committees: set[Node] = set()
    for row in store.select(_MUNICIPALITY_NODES).dicts():
        node = row["node"]
        assert node is not None
        municipality_of.setdefault(node, str(row["municipality"]))
        if row["committee"] is not None:
            committees.add(node)
    used = {row["committee"] for row in store.select(_COMMITTEES_USED, {"seminar": URIRef(seminar.iri)}).dicts()}
    seminar_bases = [(base, s.iri) for s in list_seminars(store) if (base := _seminar_base(s.iri))]
    municipality_bases = [(base, m) for m in set(municipality_of.values()) if (base := _municipality_base(m))]
    return _Ownership(
        seminar,
        seminar_of,
        municipality_of,
        committees,
        {node for node in used if node is not None},
        sorted(seminar_bases, key=lambda pair: -len(pair[0])),
        sorted(municipality_bases, key=lambda pair: -len(pair[0])),
    )


def _kept(triples: Iterable[Triple], ownership: _Ownership) -> Iterable[Triple]:
    verdict: dict[Node, bool] = {}

    def foreign(node: Node) -> bool:
        if node not in verdict:
            verdict[node] = ownership.foreign(node)
        return verdict[node]

    for subject, predicate, obj in triples:
        if not foreign(subject) and not foreign(obj):
            yield subject, predicate, obj


def scope_to_seminar(store: GraphStore, ident: str) -> GraphStore:
    """A new store of the same kind holding only what seminar ``ident`` alone would load (see the module)."""
    seminar = find_seminar(store, ident)
    ownership = _ownership(store, seminar)
    source = store.to_rdflib()
    scoped = open_store((), store.kind if store.kind in STORE_KINDS else "memory")  # a remote store: a local copy
    scoped.add(_kept(source, ownership))
    target = scoped.to_rdflib()
    for prefix, namespace in source.namespaces():
        target.bind(prefix, namespace, override=True, replace=True)
    return scoped
