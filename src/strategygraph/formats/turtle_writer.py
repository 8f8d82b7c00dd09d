"""Write a :class:`~strategygraph.formats.outline.SeminarOutline` as a data folder in the curated model.

The files mirror the bundled Hedensted data: ``seminar.ttl`` (document, seminar, slides, focus areas,
statements, reflections, each text with its ``sg:source`` pointer: position and quote selectors into the
source file), ``municipality.ttl`` (the municipality and the committees the seminar names, with their
``sg:remit``), ``attributions.ttl`` (``sg:presentedBy`` with an ``sg:Attribution``: confidence and
rationale) and, when the seminar names the council's pillars, ``strategy.ttl`` (a ``skos:ConceptScheme``
created by the municipality, with one ``sg:Pillar`` top concept per pillar). IRIs are
minted by :mod:`.iri_minting`; the Turtle is spelled by hand (:mod:`.turtle_syntax`), in document order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from .iri_minting import MintedIris, mint_iris
from .outline import FocusAreaOutline, PillarOutline, SeminarOutline, Span, TextUnit
from .turtle_syntax import PREFIXES, lang_literal, turtle_header, turtle_node, turtle_string

QUOTE_CONTEXT = 32
STRATEGY_SCHEME = "strategy/sigtepunkter"  # the scheme of an imported seminar's pillars, under the municipality
_DATE_TYPES = {4: "xsd:gYear", 7: "xsd:gYearMonth", 10: "xsd:date"}


@dataclass(frozen=True)
class SourceFile:
    """A file of the data folder: its path relative to the folder, its bytes and its media type."""

    path: str
    data: bytes
    media_type: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class _Pointers:
    """Writes source pointers into one source text, in the bundled data's layout."""

    source: str

    def quoted(self, node: str, stem: str, span: Span) -> str:
        """``<node#{stem}source>`` with a position and a quote selector (``stem`` is ``""`` or ``title-``…)."""
        resource, position, quote = (f"<{node}#{stem}{part}>" for part in ("source", "position", "quote"))
        exact = self.source[span.start : span.end]
        prefix = self.source[max(0, span.start - QUOTE_CONTEXT) : span.start]
        suffix = self.source[span.end : span.end + QUOTE_CONTEXT]
        selectors = [("oa:exact", turtle_string(exact))]
        selectors += [(name, turtle_string(value)) for name, value in (("oa:prefix", prefix), ("oa:suffix", suffix))]
        return "\n".join(
            [
                turtle_node(
                    resource,
                    "oa:SpecificResource",
                    [("oa:hasSource", "<document>"), ("oa:hasSelector", f"{position} , {quote}")],
                ),
                self._position(position, span),
                turtle_node(quote, "oa:TextQuoteSelector", [s for s in selectors if s[1] != '""']),
            ]
        )

    def position_only(self, node: str, span: Span) -> str:
        resource, position = f"<{node}#source>", f"<{node}#position>"
        pointer = [("oa:hasSource", "<document>"), ("oa:hasSelector", position)]
        return turtle_node(resource, "oa:SpecificResource", pointer) + "\n" + self._position(position, span)

    @staticmethod
    def _position(position: str, span: Span) -> str:
        return f"{position} a oa:TextPositionSelector ; oa:start {span.start} ; oa:end {span.end} .\n"


def _text_node(
    node: str, kind: str, links: list[tuple[str, str]], unit: TextUnit, language: str, pointers: _Pointers
) -> str:
    properties = [*links, ("sg:text", lang_literal(unit.text, language))]
    if unit.row is not None:
        properties.append(("sg:sourceRow", str(unit.row)))
    if unit.span is None:
        return turtle_node(f"<{node}>", kind, properties)
    properties.append(("sg:source", f"<{node}#source>"))
    return turtle_node(f"<{node}>", kind, properties) + "\n" + pointers.quoted(node, "", unit.span)


def _themes(slugs: Iterable[str]) -> str:
    return " , ".join(f"theme:{slug}" for slug in slugs)


def _pillar(pillar: PillarOutline, slug: str, number: int, scheme: str) -> list[tuple[str, str]]:
    labels = f"{lang_literal(pillar.name, 'da')} , {lang_literal(pillar.name_en or pillar.name, 'en')}"
    properties = [("sg:slug", turtle_string(slug)), ("skos:prefLabel", labels)]
    if pillar.own_theme:
        properties.append(("sg:pillarTheme", _themes([pillar.own_theme])))
    if pillar.themes:
        properties.append(("sg:servedBy", _themes(pillar.themes)))
    properties += [
        ("skos:notation", turtle_string(str(number))),
        ("skos:topConceptOf", scheme),
        ("skos:inScheme", scheme),
    ]
    return properties


@dataclass(frozen=True)
class _SeminarWriter:
    outline: SeminarOutline
    iris: MintedIris
    source: SourceFile
    original: SourceFile | None
    pointers: _Pointers

    @property
    def language(self) -> str:
        return self.outline.language

    def seminar_ttl(self) -> str:
        outline, municipality = self.outline, f"{self.iris.municipality_prefix}:"
        comment = [
            f'{outline.municipality}: "{outline.title.text}"',
            f"Imported by `strategygraph import` from {self.source.path}.",
            "Every sg:text is the author's own words: the text at its offsets in the source file after the",
            "documented normalisation (line breaks and runs of spaces joined). Every statement, reflection and title",
            "carries a pointer (character offsets + exact quote, W3C Web Annotation selectors) into that file;",
            "`strategygraph validate` checks each one. Theme mentions are derived whenever the graph is loaded.",
        ]
        prefixes = {name: PREFIXES[name] for name in ("sg", "oa", "dcterms", "prov", "xsd")}
        prefixes[self.iris.municipality_prefix] = self.iris.municipality_iri
        parts = [turtle_header(comment, self.iris.base, prefixes), *self._document(municipality)]
        parts += self._seminar(municipality)
        for slide in outline.slides:
            properties = [
                ("sg:slideNumber", str(slide.number)),
                ("sg:document", "<document>"),
                ("sg:seminar", "<seminar>"),
            ]
            node = f"slide/{slide.number}"
            if slide.span is None:
                parts.append(turtle_node(f"<{node}>", "sg:Slide", properties))
                continue
            parts.append(turtle_node(f"<{node}>", "sg:Slide", [*properties, ("sg:source", f"<{node}#source>")]))
            parts.append(self.pointers.position_only(node, slide.span))
        areas = iter(self.iris.focus_areas)
        for slide in outline.slides:
            for order, area in enumerate(slide.focus_areas, start=1):
                parts += self._focus_area(area, next(areas), slide.number, order)
        for slide in outline.slides:
            for order, reflection in enumerate(slide.reflections, start=1):
                links = [("sg:slide", f"<slide/{slide.number}>"), ("sg:order", str(order))]
                node = f"reflection/slide-{slide.number}-{order}"
                parts.append(_text_node(node, "sg:Reflection", links, reflection, self.language, self.pointers))
        return "\n".join(parts)

    def _document(self, municipality: str) -> list[str]:
        outline, source = self.outline, self.source
        properties = [("dcterms:title", lang_literal(outline.title.text, self.language))]
        if outline.title.span is not None:
            properties.append(("sg:titleSource", "<document#title-source>"))
        properties += [
            ("dcterms:language", turtle_string(self.language)),
            ("dcterms:format", turtle_string(source.media_type)),
            ("sg:sourceFile", turtle_string(source.path)),
            ("sg:sha256", turtle_string(source.sha256)),
            ("sg:municipality", municipality),
            ("sg:seminar", "<seminar>"),
            ("prov:wasGeneratedBy", "<seminar>"),
        ]
        if self.original is not None:
            properties.append(("prov:wasDerivedFrom", "<spreadsheet>"))
        parts = [turtle_node("<document>", "sg:SourceDocument", properties)]
        if outline.title.span is not None:
            parts.append(self.pointers.quoted("document", "title-", outline.title.span))
        if self.original is not None:
            original = [
                ("dcterms:identifier", turtle_string(self.original.path)),
                ("dcterms:format", turtle_string(self.original.media_type)),
            ]
            parts.append(turtle_node("<spreadsheet>", "prov:Entity", original))
        return parts

    def _seminar(self, municipality: str) -> list[str]:
        outline = self.outline
        properties = [
            ("sg:slug", turtle_string(self.iris.seminar)),
            ("dcterms:title", lang_literal(outline.title.text, self.language)),
        ]
        if outline.date:
            properties.append(("dcterms:date", f"{turtle_string(outline.date)}^^{_DATE_TYPES[len(outline.date)]}"))
        description = outline.description
        if description is not None:
            properties.append(("dcterms:description", lang_literal(description.text, self.language)))
            if description.span is not None:
                properties.append(("sg:descriptionSource", "<seminar#description-source>"))
        properties += [("sg:municipality", municipality), ("prov:wasAssociatedWith", municipality)]
        parts = [turtle_node("<seminar>", "sg:Seminar", properties)]
        if description is not None and description.span is not None:
            parts.append(self.pointers.quoted("seminar", "description-", description.span))
        return parts

    def _focus_area(self, area: FocusAreaOutline, slug: str, slide: int, order: int) -> list[str]:
        node = f"focus-area/{slug}"
        properties = [("sg:slug", turtle_string(slug)), ("dcterms:title", lang_literal(area.title.text, self.language))]
        if area.title.span is not None:
            properties.append(("sg:titleSource", f"<{node}#title-source>"))
        properties += [("sg:slide", f"<slide/{slide}>"), ("sg:seminar", "<seminar>"), ("sg:order", str(order))]
        parts = [turtle_node(f"<{node}>", "sg:FocusArea", properties)]
        if area.title.span is not None:
            parts.append(self.pointers.quoted(node, "title-", area.title.span))
        for number, statement in enumerate(area.statements, start=1):
            links = [("sg:focusArea", f"<{node}>"), ("sg:order", str(number))]
            parts.append(
                _text_node(f"statement/{slug}-{number}", "sg:Statement", links, statement, self.language, self.pointers)
            )
        return parts

    def municipality_ttl(self) -> str:
        outline, iris = self.outline, self.iris
        comment = [
            f"{outline.municipality} and the committees named in {self.source.path}",
            "(imported by `strategygraph import`; names as written there).",
        ]
        if outline.remits:
            comment.append("sg:remit: the themes of a committee's remit, as its Ressort line names them.")
        names = ("sg", "org", "skos", "theme") if outline.remits else ("sg", "org", "skos")
        parts = [turtle_header(comment, iris.municipality_iri, {name: PREFIXES[name] for name in names})]
        municipality = [
            ("sg:slug", turtle_string(iris.municipality)),
            ("skos:prefLabel", lang_literal(outline.municipality, "da")),
        ]
        parts.append(turtle_node("<>", "sg:Municipality", municipality))
        for name, slug in iris.committees.items():
            properties = [("sg:slug", turtle_string(slug)), ("skos:prefLabel", lang_literal(name, "da"))]
            if outline.remit(name):
                properties.append(("sg:remit", _themes(outline.remit(name))))
            properties.append(("org:unitOf", "<>"))
            parts.append(turtle_node(f"<committee/{slug}>", "sg:Committee", properties))
        return "\n".join(parts)

    def strategy_ttl(self) -> str:
        """The council's pillars as written in the source: a scheme of the municipality, a pillar each."""
        outline, iris = self.outline, self.iris
        comment = [
            f"The pillars (sigtepunkter) of {outline.municipality}'s council, as {self.source.path} names them",
            "(imported by `strategygraph import`): sg:pillarTheme is the theme that is the pillar itself, sg:servedBy",
            "the themes that serve it. When the graph is loaded, focus areas whose statements mention them get",
            "sg:servesPillar.",
        ]
        prefixes = {name: PREFIXES[name] for name in ("sg", "skos", "dcterms", "prov", "theme")}
        parts = [turtle_header(comment, iris.municipality_iri, prefixes)]
        scheme = f"<{STRATEGY_SCHEME}>"
        pillars = [f"<pillar/{slug}>" for slug in iris.pillars]
        properties = [
            (
                "skos:prefLabel",
                f"{lang_literal(f'Sigtepunkter – {outline.municipality}', 'da')} , "
                f"{lang_literal(f'Pillars – {outline.municipality}', 'en')}",
            ),
            ("dcterms:creator", "<>"),
            ("prov:wasDerivedFrom", f"<{iris.seminar}/document>"),
            ("skos:hasTopConcept", " , ".join(pillars)),
        ]
        parts.append(turtle_node(scheme, "skos:ConceptScheme", properties))
        for number, (pillar, node, slug) in enumerate(zip(outline.pillars, pillars, iris.pillars, strict=True), 1):
            parts.append(turtle_node(node, "sg:Pillar", _pillar(pillar, slug, number, scheme)))
        return "\n".join(parts)

    def attributions_ttl(self) -> str:
        iris = self.iris
        committee_prefix = f"{iris.municipality_prefix}-udvalg"
        comment = [
            f"Which committee presented which focus area, as {self.source.path} says, with its confidence:",
            "stated (the source says so) | strong-inference | weak-guess, and the author's rationale.",
        ]
        prefixes = {name: PREFIXES[name] for name in ("sg", "prov")}
        prefixes[committee_prefix] = f"{iris.municipality_iri}committee/"
        parts = [turtle_header(comment, iris.base, prefixes)]
        for area, slug in zip(self.outline.focus_areas(), iris.focus_areas, strict=True):
            committee = f"{committee_prefix}:{iris.committees[area.committee]}"
            node, attribution = f"<focus-area/{slug}>", f"<attribution/{slug}>"
            parts.append(f"{node} sg:presentedBy {committee} ;\n    sg:attribution {attribution} .\n")
            properties = [
                ("sg:focusArea", node),
                ("sg:committee", committee),
                ("sg:confidence", turtle_string(area.attribution.confidence)),
            ]
            if area.attribution.rationale:
                properties.append(("sg:rationale", lang_literal(area.attribution.rationale, self.language)))
            properties.append(("prov:wasDerivedFrom", "<document>"))
            parts.append(turtle_node(attribution, "sg:Attribution", properties))
        return "\n".join(parts)


def seminar_files(outline: SeminarOutline, source: SourceFile, original: SourceFile | None = None) -> dict[str, bytes]:
    """The data folder's files, by path relative to the folder: three or four Turtle files and the source file(s)."""
    text = source.data.decode("utf-8")
    writer = _SeminarWriter(outline, mint_iris(outline), source, original, _Pointers(text))
    files = {
        "seminar.ttl": writer.seminar_ttl(),
        "municipality.ttl": writer.municipality_ttl(),
        "attributions.ttl": writer.attributions_ttl(),
    }
    if outline.pillars:
        files["strategy.ttl"] = writer.strategy_ttl()
    result = {name: content.encode("utf-8") for name, content in files.items()}
    result[source.path] = source.data
    if original is not None:
        result[original.path] = original.data
    return result
