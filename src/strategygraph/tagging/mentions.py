"""Theme mentions, derived when the graph is loaded: the tagger's evidence, the curators' corrections, and
each focus area's contribution to the council's pillars.

For every statement and reflection, each tagger hit becomes an ``sg:ThemeMention`` node
``<unit>#mention-<slug>-<start>`` (method ``lexical``, with the matched text, offsets and a score), and
the unit gets the plain triple ``<unit> dcterms:subject <theme>``. Curators correct the tagger in data:
an ``sg:ThemeMention`` with method ``curated`` adds a mention; an ``sg:MentionSuppression`` removes the
lexical mentions of one theme in one unit. Corrections win, and ``dcterms:subject`` follows the final
set. A focus area serves a pillar when its statements mention the pillar's own theme or a theme that
serves it; the ``sg:PillarContribution`` ``<focus area>#pillar-<pillar slug>`` lists those mentions as
evidence. Everything is read with SPARQL and written as triples, so any :class:`GraphStore` works.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from ..namespaces import DCTERMS, RDF, SG, XSD
from ..stores.base import GraphStore, Triple, as_int
from .lexicon import Lexicon, compiled_lexicon
from .tagger import ThemeHit, tag
from .thesaurus import read_thesaurus

_UNITS_QUERY = """
SELECT ?unit ?text WHERE {
    { ?unit a sg:Statement } UNION { ?unit a sg:Reflection }
    ?unit sg:text ?text .
}
ORDER BY ?unit
"""

_CURATED_QUERY = """
SELECT ?mention ?unit ?theme ?start ?end WHERE {
    ?mention a sg:ThemeMention ; sg:method "curated" ; sg:mentionIn ?unit ; sg:theme ?theme .
    OPTIONAL { ?mention sg:start ?start ; sg:end ?end }
}
"""

_SUPPRESSIONS_QUERY = """
SELECT ?unit ?theme WHERE {
    ?suppression a sg:MentionSuppression ; sg:mentionIn ?unit ; sg:theme ?theme .
}
"""

_FOCUS_AREAS_QUERY = """
SELECT ?focusArea ?unit ?municipality WHERE {
    ?unit a sg:Statement ; sg:focusArea ?focusArea .
    OPTIONAL { ?focusArea sg:seminar ?seminar . ?seminar sg:municipality ?municipality }
}
"""

# A pillar belongs to the municipality whose strategy scheme it tops (dcterms:creator of the scheme);
# a focus area can only serve its own municipality's pillars. A pillar whose scheme names no creator
# is taken to be shared by every municipality in the graph.
_PILLARS_QUERY = """
SELECT ?pillar ?slug ?theme ?municipality WHERE {
    ?pillar a sg:Pillar ; sg:slug ?slug .
    { ?pillar sg:pillarTheme ?theme } UNION { ?pillar sg:servedBy ?theme }
    OPTIONAL { ?pillar skos:topConceptOf ?scheme . ?scheme dcterms:creator ?municipality }
}
"""

Mention = tuple[URIRef, URIRef]
"""A mention node and its theme."""


@dataclass(frozen=True)
class MentionSummary:
    """What :func:`derive_theme_mentions` added to the graph."""

    lexical: int
    curated: int
    suppressed: int
    pillar_contributions: int


def _iri(term: Identifier | None) -> URIRef:
    """A result term the query guarantees to be an IRI."""
    assert isinstance(term, URIRef), term
    return term


# the terms every mention repeats, made once (rdflib's namespace attribute lookup builds a new URIRef each time)
_TYPE, _THEME, _MENTION_IN, _MATCHED, _START, _END, _METHOD, _SCORE, _SUBJECT = (
    RDF.type,
    SG.theme,
    SG.mentionIn,
    SG.matchedText,
    SG.start,
    SG.end,
    SG.method,
    SG.score,
    DCTERMS.subject,
)
_THEME_MENTION = SG.ThemeMention
SUBJECT, SERVES_PILLAR, FOCUS_AREA = _SUBJECT, SG.servesPillar, SG.focusArea  # what derived triples link by
_PILLAR_CONTRIBUTION, _PILLAR, _EVIDENCE = SG.PillarContribution, SG.pillar, SG.evidence
_LEXICAL = Literal("lexical")


@dataclass
class _MentionWriter:
    """Builds the triples of lexical mentions, sharing one term object per repeated value (offsets, scores,
    matched texts) so that a million triples cost few objects and convert to another store's terms once."""

    terms: dict[object, Literal] = field(default_factory=dict)

    def literal(self, value: int | str) -> Literal:
        found = self.terms.get((type(value), value))
        if found is None:
            found = self.terms[(type(value), value)] = Literal(value)
        return found

    def score(self, value: float) -> Literal:
        found = self.terms.get(("score", value))
        if found is None:
            found = self.terms[("score", value)] = Literal(Decimal(str(value)), datatype=XSD.decimal)
        return found

    def triples(self, node: URIRef, unit: URIRef, theme: URIRef, hit: ThemeHit) -> list[Triple]:
        return [
            (node, _TYPE, _THEME_MENTION),
            (node, _THEME, theme),
            (node, _MENTION_IN, unit),
            (node, _MATCHED, self.literal(hit.matched)),
            (node, _START, self.literal(hit.start)),
            (node, _END, self.literal(hit.end)),
            (node, _METHOD, _LEXICAL),
            (node, _SCORE, self.score(hit.score)),
        ]


def derive_theme_mentions(store: GraphStore, lexicon: Lexicon | None = None) -> MentionSummary:
    """Tag every statement and reflection, apply the curators' corrections, link focus areas to pillars.

    ``lexicon`` defaults to the thesaurus found in the store; a store without themes is left as it is. The
    units are read in one query, each distinct text is tagged once, and everything derived is added in one
    batch.
    """
    if lexicon is None:
        thesaurus = read_thesaurus(store)
        if not thesaurus.themes:
            return MentionSummary(0, 0, 0, 0)
        lexicon = compiled_lexicon(thesaurus)
    triples, summary = _derivation(store, lexicon)
    store.add(triples)
    return summary


def theme_mention_triples(
    store: GraphStore, lexicon: Lexicon, tagged: dict[str, list[ThemeHit]] | None = None
) -> list[Triple]:
    """What :func:`derive_theme_mentions` would add to ``store`` with ``lexicon``, without adding it; ``tagged``
    keeps each text's hits (with ``lexicon``) for later calls: a text that recurs is tagged once."""
    return _derivation(store, lexicon, {} if tagged is None else tagged)[0]


def _derivation(
    store: GraphStore, lexicon: Lexicon, hits_by_text: dict[str, list[ThemeHit]] | None = None
) -> tuple[list[Triple], MentionSummary]:
    theme_iris = {theme.slug: URIRef(theme.iri) for theme in lexicon.thesaurus.themes}
    suppressed = {(row[0], row[1]) for row in store.select(_SUPPRESSIONS_QUERY).rows}
    final: dict[URIRef, list[Mention]] = defaultdict(list)
    curated_nodes = set()
    curated_spans: set[tuple[URIRef, URIRef, int, int]] = set()  # a curated mention replaces a lexical twin
    for mention, unit, theme, start, end in store.select(_CURATED_QUERY).rows:
        final[_iri(unit)].append((_iri(mention), _iri(theme)))
        curated_nodes.add(_iri(mention))
        if start is not None and end is not None:
            curated_spans.add((_iri(unit), _iri(theme), as_int(start), as_int(end)))
    triples: list[Triple] = []
    writer = _MentionWriter()
    hits_by_text = {} if hits_by_text is None else hits_by_text
    lexical = dropped = 0
    for unit_term, text in store.select(_UNITS_QUERY).rows:
        unit = _iri(unit_term)
        hits = hits_by_text.get(str(text))
        if hits is None:
            hits = hits_by_text[str(text)] = tag(str(text), lexicon)
        for hit in hits:
            theme = theme_iris[hit.theme]
            node = URIRef(f"{unit}#mention-{hit.theme}-{hit.start}")
            if (
                (unit, theme) in suppressed
                or node in curated_nodes
                or (unit, theme, hit.start, hit.end) in curated_spans
            ):
                dropped += 1
                continue
            triples += writer.triples(node, unit, theme, hit)
            final[unit].append((node, theme))
            lexical += 1
    for unit, mentions in final.items():
        triples.extend((unit, _SUBJECT, theme) for theme in sorted({theme for _, theme in mentions}))
    contributions = _pillar_contributions(store, final)
    count = sum(1 for triple in contributions if triple[1] == _TYPE)
    return triples + contributions, MentionSummary(lexical, len(curated_nodes), dropped, count)


def _pillar_contributions(store: GraphStore, final: dict[URIRef, list[Mention]]) -> list[Triple]:
    serving: dict[URIRef, set[URIRef]] = defaultdict(set)
    slugs: dict[URIRef, str] = {}
    owner: dict[URIRef, str | None] = {}
    for pillar, slug, theme, municipality in store.select(_PILLARS_QUERY).rows:
        serving[_iri(pillar)].add(_iri(theme))
        slugs[_iri(pillar)] = str(slug)
        owner[_iri(pillar)] = None if municipality is None else str(municipality)
    statements: dict[URIRef, list[URIRef]] = defaultdict(list)
    municipality_of: dict[URIRef, str | None] = {}
    for focus_area, unit, municipality in store.select(_FOCUS_AREAS_QUERY).rows:
        statements[_iri(focus_area)].append(_iri(unit))
        municipality_of[_iri(focus_area)] = None if municipality is None else str(municipality)
    triples: list[Triple] = []
    for focus_area in sorted(statements):
        mentions = [mention for unit in statements[focus_area] for mention in final.get(unit, ())]
        for pillar in sorted(serving):
            if owner[pillar] is not None and owner[pillar] != municipality_of[focus_area]:
                continue
            evidence = sorted({node for node, theme in mentions if theme in serving[pillar]})
            if not evidence:
                continue
            node = URIRef(f"{focus_area}#pillar-{slugs[pillar]}")
            triples += [
                (focus_area, SERVES_PILLAR, pillar),
                (node, _TYPE, _PILLAR_CONTRIBUTION),
                (node, FOCUS_AREA, focus_area),
                (node, _PILLAR, pillar),
            ]
            triples += [(node, _EVIDENCE, mention) for mention in evidence]
    return triples
