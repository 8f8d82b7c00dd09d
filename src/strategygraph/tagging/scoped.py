"""The theme mentions and pillar contributions of part of a graph, for a store updated in place (see
:mod:`strategygraph.stores.incremental`) and for a persistent store's build, which derives them scope by scope.

What :func:`~.mentions.derive_theme_mentions` adds for a unit (statement or reflection) depends only on the unit's
text and type, the curated mentions and suppressions that point at it, and the thesaurus; what it adds for a
focus area depends on its statements (and theirs), its seminar's municipality and the pillars. So a change of data
files whose triples name some IRIs alters the derivations of the units and focus areas those IRIs are, point at or
belong to (:meth:`MentionRefresh.scope`), and those are derived again from just what they depend on, copied into
a small store (:meth:`MentionRefresh.derived`). A changed pillar or strategy alters the focus areas of its
municipality (every focus area, for a pillar of no municipality); a changed theme alters everything: the store
is built anew. A build derives every unit and focus area that way, some thousands at a time
(:meth:`MentionRefresh.scopes`), so its memory does not grow with the data; a text that recurs is tagged once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pyoxigraph as ox
from rdflib import URIRef

from ..namespaces import DCTERMS, RDF, SG, SKOS
from ..stores.base import GraphStore, Triple
from ..stores.incremental import FullRebuild, Scope
from ..stores.oxigraph import OxigraphStore, ntriples_document, to_oxigraph_quads
from .lexicon import Lexicon, compiled_lexicon
from .mentions import FOCUS_AREA, SERVES_PILLAR, SUBJECT, theme_mention_triples
from .tagger import ThemeHit
from .thesaurus import read_thesaurus

_DEFAULT = ox.DefaultGraph()
_TYPE, _FOCUS_AREA, _MENTION_IN, _SEMINAR = (
    ox.NamedNode(str(term)) for term in (RDF.type, SG.focusArea, SG.mentionIn, SG.seminar)
)
_SEMINAR_TYPE = ox.NamedNode(str(SG.Seminar))
_UNIT_TYPES = frozenset(ox.NamedNode(str(term)) for term in (SG.Statement, SG.Reflection))
_STATEMENT, _FOCUS_AREA_TYPE, _PILLAR = (ox.NamedNode(str(term)) for term in (SG.Statement, SG.FocusArea, SG.Pillar))
_THEME, _SCHEME, _TOP_CONCEPT_OF, _CREATOR, _MUNICIPALITY = (
    ox.NamedNode(str(term))
    for term in (SG.Theme, SKOS.ConceptScheme, SKOS.topConceptOf, DCTERMS.creator, SG.municipality)
)
_OWNER_LINKS = frozenset((SG.mentionIn, FOCUS_AREA))  # what a mention and a contribution belong to
_UNIT, _AREA = "unit", "area"
_ROLES: dict[object, str] = {SUBJECT: _UNIT, SERVES_PILLAR: _AREA}  # derived triples about a unit or focus area
SCOPE_SIZE = 10_000  # units and focus areas per scope of a build: its derived triples (about 25 a unit) in memory
_TAGGED_TEXTS = 100_000  # texts whose hits a MentionRefresh keeps: a recurring text is tagged once, memory bounded


class MentionRefresh:
    """Derives the mentions and contributions of a scope: again where a change of data files touches, or all of
    them scope by scope in a build (a :class:`~strategygraph.stores.incremental.Refresh`); ``check`` vets the
    changed graph's touched seminars (every seminar, in a build)."""

    def __init__(self, check: Callable[[GraphStore, set[URIRef] | None], None]) -> None:
        self._check = check
        self._lexicon: Lexicon | None = None
        self._tagged: dict[str, list[ThemeHit]] = {}

    def scope(self, store: OxigraphStore, subjects: frozenset[ox.NamedNode], touched: frozenset[ox.NamedNode]) -> Scope:
        graph = store.oxigraph
        links = {node: _links(graph, node) for node in touched}  # one look-up of each node's own triples
        types = {node: links[node].get(_TYPE, set()) for node in subjects}
        if any(_THEME in found for found in types.values()):
            raise FullRebuild("a theme changed")
        units = {node for node in touched if links[node].get(_TYPE, set()) & _UNIT_TYPES}
        units |= {unit for node in touched for unit in links[node].get(_MENTION_IN, set())}
        areas = {area for unit in units for area in (links.get(unit) or _links(graph, unit)).get(_FOCUS_AREA, set())}
        areas |= {node for node in touched if _FOCUS_AREA_TYPE in links[node].get(_TYPE, set())}
        areas |= {area for node in touched for area in links[node].get(_FOCUS_AREA, set())}
        areas |= {node for node in touched if _subjects(graph, _FOCUS_AREA, node)}
        areas |= {area for node in touched for area in _subjects(graph, _SEMINAR, node)}
        pillars = {node for node, found in types.items() if _PILLAR in found}
        schemes = {node for node, found in types.items() if _SCHEME in found}
        return Scope(frozenset(_named(units)), frozenset(_named(areas) | _served_by(graph, pillars, schemes)))

    def derived(self, store: OxigraphStore, scope: Scope) -> set[ox.Quad]:
        return set(to_oxigraph_quads(self._derived(store, scope)))

    def derived_ntriples(self, store: OxigraphStore, scope: Scope) -> str:
        return ntriples_document(self._derived(store, scope))

    def _derived(self, store: OxigraphStore, scope: Scope) -> list[Triple]:
        graph = store.oxigraph
        lexicon = self._lexicon_of(store)
        if lexicon is None:
            return []
        copied: list[ox.Quad] = []  # a list: the store keeps each triple once
        units, municipalities = set(scope.units), set()
        for area in scope.focus_areas:
            seminars = _objects(graph, area, _SEMINAR)
            copied += _about(graph, [area, *seminars])
            municipalities |= {found for seminar in seminars for found in _objects(graph, seminar, _MUNICIPALITY)}
            others = _subjects(graph, _FOCUS_AREA, area) - units  # the scope's own units are copied anyway
            units |= {unit for unit in others if _STATEMENT in _objects(graph, unit, _TYPE)}
        for unit in _named(units):
            copied += _about(graph, [unit, *_subjects(graph, _MENTION_IN, unit)])
        copied += _pillars(graph, municipalities)
        scratch = OxigraphStore()
        scratch.oxigraph.extend(copied)
        if len(self._tagged) > _TAGGED_TEXTS:
            self._tagged.clear()
        return _owned(theme_mention_triples(scratch, lexicon, self._tagged), scope)

    def scopes(self, store: OxigraphStore) -> Iterator[Scope]:
        """Focus areas (in IRI order) with the units that point at them, then the other units: every statement,
        reflection and unit a mention points at in one scope, every focus area in one, about ``SCOPE_SIZE`` of
        them a scope, so that a build derives a municipality's focus areas together with their statements."""
        graph = store.oxigraph
        units = _named(
            quad.subject for kind in _UNIT_TYPES for quad in graph.quads_for_pattern(None, _TYPE, kind, _DEFAULT)
        )
        units |= _named(quad.object for quad in graph.quads_for_pattern(None, _MENTION_IN, None, _DEFAULT))
        areas = _named(quad.object for quad in graph.quads_for_pattern(None, _FOCUS_AREA, None, _DEFAULT))
        scope_units: set[ox.NamedNode] = set()
        scope_areas: set[ox.NamedNode] = set()
        in_order = [(node, True) for node in sorted(areas, key=_value)]
        for node, is_area in in_order + [(node, False) for node in sorted(units, key=_value)]:
            if is_area:
                scope_areas.add(node)
                found = _subjects(graph, _FOCUS_AREA, node) & units
                scope_units |= found
                units -= found
            elif node in units:  # a unit of no focus area
                scope_units.add(node)
            if len(scope_units) + len(scope_areas) >= SCOPE_SIZE:
                yield Scope(frozenset(scope_units), frozenset(scope_areas))
                scope_units, scope_areas = set(), set()
        if scope_units or scope_areas:
            yield Scope(frozenset(scope_units), frozenset(scope_areas))

    def check(self, store: OxigraphStore, touched: frozenset[ox.NamedNode] | None) -> None:
        if touched is None:
            self._check(store, None)
            return
        graph = store.oxigraph
        seminars = {node for node in touched if _SEMINAR_TYPE in _objects(graph, node, _TYPE)}
        seminars |= {seminar for node in touched for seminar in _objects(graph, node, _SEMINAR)}
        self._check(store, {URIRef(seminar.value) for seminar in seminars})

    def _lexicon_of(self, store: OxigraphStore) -> Lexicon | None:
        if self._lexicon is None:
            thesaurus = read_thesaurus(store)
            if not thesaurus.themes:
                return None
            self._lexicon = compiled_lexicon(thesaurus)
        return self._lexicon


def _pillars(graph: ox.Store, municipalities: set[ox.NamedNode]) -> list[ox.Quad]:
    """The triples of the pillars (and their strategies) that focus areas of ``municipalities`` may serve: those
    of their strategies, and those of no municipality's."""
    creators: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    copied: list[ox.Quad] = []
    for pillar in _subjects(graph, _TYPE, _PILLAR):
        schemes = _objects(graph, pillar, _TOP_CONCEPT_OF)
        for scheme in schemes - creators.keys():
            creators[scheme] = _objects(graph, scheme, _CREATOR)
        owners = [creators[scheme] for scheme in schemes]
        if not owners or not all(owners) or any(owner & municipalities for owner in owners):
            copied += _about(graph, [pillar, *schemes])
    return copied


def _served_by(graph: ox.Store, pillars: set[ox.NamedNode], schemes: set[ox.NamedNode]) -> set[ox.NamedNode]:
    """The focus areas whose contributions changed pillars or strategies (schemes) may alter: those of the
    municipalities that own them (the schemes' creators), or every focus area for a pillar without an owner."""
    schemes = schemes | {scheme for pillar in pillars for scheme in _objects(graph, pillar, _TOP_CONCEPT_OF)}
    owners = {scheme: _objects(graph, scheme, _CREATOR) for scheme in schemes}
    if any(not _subjects(graph, _TOP_CONCEPT_OF, scheme) and not owner for scheme, owner in owners.items()):
        raise FullRebuild("a concept scheme that is no municipality's strategy changed")
    if any(not _objects(graph, pillar, _TOP_CONCEPT_OF) for pillar in pillars) or not all(owners.values()):
        return {quad.object for quad in graph.quads_for_pattern(None, _FOCUS_AREA, None, _DEFAULT)}  # type: ignore[misc]
    seminars = {
        seminar for owner in owners.values() for found in owner for seminar in _subjects(graph, _MUNICIPALITY, found)
    }
    return {area for seminar in seminars for area in _subjects(graph, _SEMINAR, seminar)}


def _links(graph: ox.Store, node: ox.NamedNode) -> dict[ox.NamedNode, set[ox.NamedNode]]:
    """The IRIs ``node`` links to, by predicate."""
    found: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    for quad in graph.quads_for_pattern(node, None, None, _DEFAULT):
        if isinstance(quad.object, ox.NamedNode):
            found.setdefault(quad.predicate, set()).add(quad.object)
    return found


def _objects(graph: ox.Store, subject: ox.NamedNode, predicate: ox.NamedNode) -> set[ox.NamedNode]:
    return {
        quad.object
        for quad in graph.quads_for_pattern(subject, predicate, None, _DEFAULT)
        if isinstance(quad.object, ox.NamedNode)
    }


def _subjects(graph: ox.Store, predicate: ox.NamedNode, value: ox.NamedNode) -> set[ox.NamedNode]:
    return {
        quad.subject
        for quad in graph.quads_for_pattern(None, predicate, value, _DEFAULT)
        if isinstance(quad.subject, ox.NamedNode)
    }


def _value(node: ox.NamedNode) -> str:
    return node.value


def _named(nodes: Iterable[object]) -> set[ox.NamedNode]:
    return {node for node in nodes if isinstance(node, ox.NamedNode)}


def _about(graph: ox.Store, subjects: Iterable[ox.NamedNode]) -> list[ox.Quad]:
    return [quad for subject in subjects for quad in graph.quads_for_pattern(subject, None, None, _DEFAULT)]


def _owned(triples: list[Triple], scope: Scope) -> list[Triple]:
    """The derived triples that belong to ``scope``: its units' subjects and mentions, its focus areas'
    pillars and contributions (a derivation from a partial copy also yields others, incomplete)."""
    units = {URIRef(node.value) for node in scope.units}
    areas = {URIRef(node.value) for node in scope.focus_areas}
    owner = {subject: value for subject, predicate, value in triples if predicate in _OWNER_LINKS}
    kept = []
    for triple in triples:
        subject, predicate = triple[0], triple[1]
        role = _ROLES.get(predicate)  # derivations share their predicates' objects: mostly found by identity
        mine = (
            subject in units
            if role is _UNIT
            else subject in areas
            if role is _AREA
            else owner.get(subject) in units or owner.get(subject) in areas
        )
        if mine:
            kept.append(triple)
    return kept
