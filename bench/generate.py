"""Generate a synthetic national data set in strategygraph's model: municipalities × committees × seminars.

    python bench/generate.py --triples 1000000 --out /tmp/national [--seed 1]

Every seminar gets a plain-text source file and Turtle in exactly the model and shapes of the bundled Hedensted
data (document, seminar, slides, focus areas with ordered statements, group reflections, inferred attributions
with confidence and rationale, source pointers with position and quote selectors), so
``strategygraph --data OUT validate`` passes. Statement and reflection texts are the real Danish sentences of
the two blind-labelled gold sets, recombined; a committee draws more often the sentences whose gold themes
match its policy area, so the tagger finds themes and committees differ in profile. Output is deterministic:
the same seed and target give the same bytes, and a smaller target gives a prefix of a larger one's seminars.

Seminars are generated year by year (2024, 2023, …), each year for all 98 municipalities in a seeded order,
until the triple target is reached. IRIs live under ``…/id/synthetic/`` so they never clash with real data.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from catalogue import (
    COMMITTEE_AREAS,
    CONFIDENCES,
    FINANCE,
    MUNICIPALITIES,
    PILLARS,
    RATIONALES,
    CommitteeArea,
)

REPO = Path(__file__).resolve().parent.parent
GOLD_FILES = ("hedensted-source.json", "municipal.json")
GOLD_DIRS = (REPO / "tests" / "goldsets", Path("/work/scratch/gold"))
SCRATCH_NAMES = {"hedensted-source.json": "source-gold.json", "municipal.json": "municipal-gold.json"}

ID_ROOT = "https://w3id.org/strategygraph/id/synthetic/"
FIRST_YEAR = 2024
LINE_WIDTH = 72
REFLECTIONS_HEADING = "Refleksioner fra gruppedrøftelser"

PREFIXES = (
    ("sg", "https://w3id.org/strategygraph/ontology#"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
)
_ESCAPES = str.maketrans(
    {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u00a0": "\\u00A0"},
)


@dataclass(frozen=True)
class Sentence:
    """One gold-set unit: the source's (or the annotator's) Danish text and its blind-labelled themes."""

    text: str
    themes: frozenset[str]


def gold_files() -> list[Path]:
    """The two gold sets: in the repository (tests/goldsets) if present, else the scratch copies."""
    for folder in GOLD_DIRS:
        paths = [folder / name for name in GOLD_FILES]
        if all(path.is_file() for path in paths):
            return paths
        scratch = [folder / SCRATCH_NAMES[name] for name in GOLD_FILES]
        if all(path.is_file() for path in scratch):
            return scratch
    raise FileNotFoundError(f"gold sets {', '.join(GOLD_FILES)} not found in {GOLD_DIRS[0]}")


def load_sentences(paths: Sequence[Path]) -> list[Sentence]:
    sentences = []
    for path in paths:
        for unit in json.loads(path.read_text(encoding="utf-8"))["units"]:
            sentences.append(Sentence(unit["text"], frozenset(unit["themes"])))
    return sentences


def slugify(text: str) -> str:
    """An ASCII slug as the bundled data writes them (æ→ae, ø→oe, å→aa)."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def literal(text: str, lang: str | None = None) -> str:
    quoted = '"' + text.translate(_ESCAPES) + '"'
    return f"{quoted}@{lang}" if lang else quoted


@dataclass
class TurtleDocument:
    """Turtle text built in memory, counting the triples it writes."""

    base: str
    prefixes: tuple[tuple[str, str], ...]
    parts: list[str] = field(default_factory=list)
    triples: int = 0

    def node(self, subject: str, pairs: Sequence[tuple[str, str]]) -> None:
        body = " ;\n    ".join(f"{predicate} {obj}" for predicate, obj in pairs)
        self.parts.append(f"{subject} {body} .\n")
        self.triples += len(pairs)

    def comment(self, text: str) -> None:
        self.parts.append(f"\n# {text}\n")

    def text(self) -> str:
        head = [f"@base <{self.base}> .\n"] + [f"@prefix {p}: <{iri}> .\n" for p, iri in self.prefixes]
        return "".join(head) + "\n" + "".join(self.parts)


@dataclass
class SourceText:
    """A seminar's source file, built piece by piece; ``add`` returns the character span of what it appended."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, raw: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(raw)
        self.length += len(raw)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def layout(text: str, rng: random.Random) -> str:
    """``text`` as a slide export writes it: lines wrapped near ``LINE_WIDTH``, most spaces NO-BREAK SPACE.

    Lines never break after a word ending in ``-`` or ``/``, so the documented normalisation gives back ``text``.
    """
    words = text.split(" ")
    out = [words[0]]
    column = len(words[0])
    for previous, word in itertools.pairwise(words):
        if column + 1 + len(word) > LINE_WIDTH and not previous.endswith(("-", "/")):
            out.append("\n")
            column = 0
        else:
            out.append("\u00a0" if rng.random() < 0.7 else " ")
            column += 1
        out.append(word)
        column += len(word)
    return "".join(out)


@dataclass(frozen=True)
class Committee:
    slug: str
    name: str
    area: CommitteeArea


@dataclass(frozen=True)
class Municipality:
    slug: str
    short_name: str
    name: str
    committees: tuple[Committee, ...]
    pillars: tuple[tuple[str, str, str], ...]

    @property
    def iri(self) -> str:
        return f"{ID_ROOT}{self.slug}/"


@dataclass
class Summary:
    """What ``generate`` wrote."""

    municipalities: int = 0
    seminars: int = 0
    committees: int = 0
    focus_areas: int = 0
    statements: int = 0
    reflections: int = 0
    triples: int = 0
    turtle_bytes: int = 0
    source_bytes: int = 0
    files: int = 0

    def line(self) -> str:
        return (
            f"{self.municipalities} municipalities, {self.seminars} seminars, {self.committees} committees, "
            f"{self.focus_areas} focus areas, {self.statements} statements, {self.reflections} reflections; "
            f"{self.triples} triples, {self.turtle_bytes} bytes of Turtle, {self.source_bytes} bytes of source "
            f"text in {self.files} files"
        )


class Corpus:
    """The gold sentences with sampling weights per set of themes (cached cumulative weights)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = list(sentences)
        self._weights: dict[frozenset[str], list[float]] = {}

    def _cumulative(self, themes: frozenset[str]) -> list[float]:
        weights = self._weights.get(themes)
        if weights is None:
            total, weights = 0.0, []
            for sentence in self.sentences:
                total += 1.0 + 6.0 * len(sentence.themes & themes)
                weights.append(total)
            self._weights[themes] = weights
        return weights

    def draw(self, rng: random.Random, themes: frozenset[str], count: int) -> list[Sentence]:
        """``count`` distinct sentences, favouring those labelled with ``themes``."""
        chosen: dict[int, Sentence] = {}
        weights = self._cumulative(themes)
        while len(chosen) < count:
            (index,) = rng.choices(range(len(self.sentences)), cum_weights=weights, k=1)
            chosen.setdefault(index, self.sentences[index])
        return list(chosen.values())


def make_municipality(short_name: str, name: str, seed: int) -> Municipality:
    slug = slugify(short_name)
    rng = random.Random(f"{seed}:{slug}")
    areas = [FINANCE, *rng.sample(COMMITTEE_AREAS, k=rng.randint(5, 8))]
    committees = []
    for area in areas:
        committee_name = rng.choice(area.danish_names)
        committees.append(Committee(slugify(committee_name), committee_name, area))
    pillars = tuple(rng.sample(PILLARS, k=3))
    return Municipality(slug, short_name, name, tuple(committees), pillars)


def write_municipality(municipality: Municipality, out: Path, summary: Summary) -> None:
    doc = TurtleDocument(municipality.iri, PREFIXES)
    doc.comment(f"{municipality.name} (synthetic benchmark data): committees and the council's strategy pillars.")
    doc.node(
        "<>",
        [
            ("a", "sg:Municipality"),
            ("sg:slug", literal(municipality.slug)),
            ("skos:prefLabel", literal(municipality.name, "da")),
            ("skos:prefLabel", literal(f"{municipality.short_name} Municipality", "en")),
            ("rdfs:comment", literal("Syntetiske data til ydelsesmåling.", "da")),
            ("rdfs:comment", literal("Synthetic data for benchmarks.", "en")),
        ],
    )
    doc.node(
        "<agent/curators>",
        [
            ("a", "prov:Agent"),
            ("rdfs:label", literal("generatoren af syntetiske data", "da")),
            ("rdfs:label", literal("the synthetic data generator", "en")),
        ],
    )
    for committee in municipality.committees:
        doc.node(
            f"<committee/{committee.slug}>",
            [
                ("a", "sg:Committee"),
                ("sg:slug", literal(committee.slug)),
                ("skos:prefLabel", literal(committee.name, "da")),
                ("skos:prefLabel", literal(committee.area.english_name, "en")),
                ("dcterms:description", literal(committee.area.description_da, "da")),
                ("dcterms:description", literal(committee.area.description_en, "en")),
                ("org:unitOf", "<>"),
            ],
        )
    scheme = "<strategy/strategi>"
    doc.node(
        scheme,
        [
            ("a", "skos:ConceptScheme"),
            ("skos:prefLabel", literal(f"{municipality.name}s strategi", "da")),
            ("skos:prefLabel", literal(f"The strategy of {municipality.short_name} Municipality", "en")),
            ("dcterms:creator", "<>"),
            *[("skos:hasTopConcept", f"<pillar/{slug}>") for slug, _, _ in municipality.pillars],
        ],
    )
    for number, (slug, danish, english) in enumerate(municipality.pillars, start=1):
        doc.node(
            f"<pillar/{slug}>",
            [
                ("a", "sg:Pillar"),
                ("sg:slug", literal(slug)),
                ("skos:prefLabel", literal(danish, "da")),
                ("skos:prefLabel", literal(english, "en")),
                ("skos:notation", literal(str(number))),
                ("skos:topConceptOf", scheme),
                ("skos:inScheme", scheme),
            ],
        )
    summary.committees += len(municipality.committees)
    _write(out / municipality.slug / "kommune.ttl", doc, summary)


def _write(path: Path, doc: TurtleDocument, summary: Summary) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = doc.text().encode("utf-8")
    path.write_bytes(data)
    summary.triples += doc.triples
    summary.turtle_bytes += len(data)
    summary.files += 1


class SeminarWriter:
    """One seminar of one municipality: its source text and its Turtle, pointers computed as the text grows."""

    def __init__(self, municipality: Municipality, year: int, corpus: Corpus, seed: int) -> None:
        self.municipality = municipality
        self.year = year
        self.corpus = corpus
        self.rng = random.Random(f"{seed}:{municipality.slug}:{year}")
        self.slug = f"udvalgsseminar-{year}"
        self.source = SourceText()
        self.doc = TurtleDocument(f"{municipality.iri}{self.slug}/", (*PREFIXES, ("mun", municipality.iri)))
        self._quotes: list[tuple[str, int, int]] = []

    def _sentence(self, sentence: Sentence) -> str:
        """The sentence with Hedensted's name swapped for this municipality's (the gold texts name it)."""
        text = sentence.text.replace("Hedensted Kommune", self.municipality.name)
        return text.replace("Hedensted", self.municipality.short_name)

    def _pointer(self, node: str, text: str, *, kind: str = "", wrap: bool = True) -> str:
        """Append ``text`` to the source and describe its span (position and quote selectors, IRIs
        ``<node#{kind}source>`` etc. as in the bundled data); returns the pointer resource."""
        raw = layout(text, self.rng) if wrap else text
        start, end = self.source.add(raw)
        resource, position, quote = (f"<{node}#{kind}{part}>" for part in ("source", "position", "quote"))
        self.doc.node(
            resource,
            [
                ("a", "oa:SpecificResource"),
                ("oa:hasSource", "<document>"),
                ("oa:hasSelector", position),
                ("oa:hasSelector", quote),
            ],
        )
        self.doc.node(position, [("a", "oa:TextPositionSelector"), ("oa:start", str(start)), ("oa:end", str(end))])
        self._quotes.append((quote, start, end))
        return resource

    def write(self, out: Path, summary: Summary) -> None:
        municipality, rng = self.municipality, self.rng
        title = f"Tværgående fokusområder fra udvalgsseminaret {self.year}"
        description = (
            f"På seminaret præsenterede udvalgene i {municipality.name} deres tværgående fokusområder. "
            "Syntetiske data til ydelsesmåling, sammensat af udsagn fra to guldstandarder."
        )
        self.source.add("\n")
        title_source = self._pointer("document", title, kind="title-", wrap=False)
        self.source.add("\n\n")
        description_source = self._pointer("seminar", description, kind="description-")
        self.source.add("\n\n\n")
        file_name = f"{self.slug}/source/{municipality.slug}-{self.slug}.txt"  # relative to the municipality
        self.doc.node(
            "<seminar>",
            [
                ("a", "sg:Seminar"),
                ("sg:slug", literal(self.slug)),
                ("dcterms:title", literal(f"Udvalgsseminar {self.year}: tværgående fokusområder", "da")),
                ("dcterms:title", literal(f"Committee seminar {self.year}: cross-cutting focus areas", "en")),
                ("dcterms:description", literal(description, "da")),
                ("sg:descriptionSource", description_source),
                ("dcterms:date", f'"{self.year}"^^xsd:gYear'),
                ("sg:municipality", "mun:"),
                ("prov:wasAssociatedWith", "mun:"),
            ],
        )
        committees = list(municipality.committees)
        rng.shuffle(committees)
        slides: list[list[Committee]] = []
        while committees:
            size = min(len(committees), rng.choice((1, 1, 2, 2, 3)))
            slides.append(committees[:size])
            committees = committees[size:]
        used_titles: set[str] = set()
        attributions: list[tuple[str, Committee, str]] = []
        for number, slide_committees in enumerate(slides, start=1):
            self._slide(number, slide_committees, used_titles, attributions, summary)
        self._attributions(attributions)
        text = self.source.text()
        self._quote_selectors(text)
        data = text.encode("utf-8")
        self.doc.node(
            "<document>",
            [
                ("a", "sg:SourceDocument"),
                ("dcterms:title", literal(title, "da")),
                ("sg:titleSource", title_source),
                ("dcterms:language", literal("da")),
                ("dcterms:format", literal("text/plain; charset=utf-8")),
                ("sg:sourceFile", literal(file_name)),
                ("sg:sha256", literal(hashlib.sha256(data).hexdigest())),
                ("sg:municipality", "mun:"),
                ("sg:seminar", "<seminar>"),
                ("prov:wasGeneratedBy", "<seminar>"),
            ],
        )
        source_path = out / municipality.slug / file_name
        source_path.parent.mkdir(parents=True, exist_ok=True)
        source_path.write_bytes(data)
        summary.source_bytes += len(data)
        summary.files += 1
        summary.seminars += 1
        _write(out / municipality.slug / self.slug / "seminar.ttl", self.doc, summary)

    def _slide(
        self,
        number: int,
        committees: list[Committee],
        used_titles: set[str],
        attributions: list[tuple[str, Committee, str]],
        summary: Summary,
    ) -> None:
        rng, slide = self.rng, f"slide/{number}"
        start = self.source.length
        order = 0
        for committee in committees:
            titles = [t for t in committee.area.focus_area_titles if t not in used_titles]
            for title in rng.sample(titles, k=min(len(titles), 2 if rng.random() < 0.75 else 1)):
                used_titles.add(title)
                order += 1
                focus_area = f"focus-area/{slugify(title)}"
                attributions.append((focus_area, committee, title))
                self._focus_area(focus_area, title, slide, order, committee, summary)
        self.source.add(f"\n{REFLECTIONS_HEADING}\n\n")
        themes = frozenset().union(*(committee.area.themes for committee in committees))
        reflections = self.corpus.draw(rng, themes, rng.randint(2, 5))
        for position, sentence in enumerate(reflections, start=1):
            node = f"reflection/slide-{number}-{position}"
            text = self._sentence(sentence)
            pointer = self._pointer(node, text)
            self.source.add("\n\n")
            self.doc.node(
                f"<{node}>",
                [
                    ("a", "sg:Reflection"),
                    ("sg:slide", f"<{slide}>"),
                    ("sg:order", str(position)),
                    ("sg:text", literal(text, "da")),
                    ("sg:source", pointer),
                ],
            )
        summary.reflections += len(reflections)
        end = self.source.length - 2
        self.source.add("\n")
        self.doc.node(
            f"<{slide}#source>",
            [("a", "oa:SpecificResource"), ("oa:hasSource", "<document>"), ("oa:hasSelector", f"<{slide}#position>")],
        )
        self.doc.node(
            f"<{slide}#position>", [("a", "oa:TextPositionSelector"), ("oa:start", str(start)), ("oa:end", str(end))]
        )
        self.doc.node(
            f"<{slide}>",
            [
                ("a", "sg:Slide"),
                ("sg:slideNumber", str(number)),
                ("sg:document", "<document>"),
                ("sg:seminar", "<seminar>"),
                ("sg:source", f"<{slide}#source>"),
            ],
        )

    def _focus_area(
        self, node: str, title: str, slide: str, order: int, committee: Committee, summary: Summary
    ) -> None:
        title_source = self._pointer(node, title, kind="title-", wrap=False)
        self.source.add("\n")
        pairs = [
            ("a", "sg:FocusArea"),
            ("sg:slug", literal(node.removeprefix("focus-area/"))),
            ("dcterms:title", literal(title, "da")),
        ]
        if " og " in title:
            pairs.append(("skos:altLabel", literal(title.replace(" og ", " & "), "da")))
        pairs += [
            ("sg:titleSource", title_source),
            ("sg:slide", f"<{slide}>"),
            ("sg:seminar", "<seminar>"),
            ("sg:order", str(order)),
        ]
        self.doc.node(f"<{node}>", pairs)
        statements = self.corpus.draw(self.rng, committee.area.themes, self.rng.randint(2, 5))
        for position, sentence in enumerate(statements, start=1):
            statement = f"statement/{node.removeprefix('focus-area/')}-{position}"
            text = self._sentence(sentence)
            pointer = self._pointer(statement, text)
            self.source.add("\n")
            self.doc.node(
                f"<{statement}>",
                [
                    ("a", "sg:Statement"),
                    ("sg:focusArea", f"<{node}>"),
                    ("sg:order", str(position)),
                    ("sg:text", literal(text, "da")),
                    ("sg:source", pointer),
                ],
            )
        summary.focus_areas += 1
        summary.statements += len(statements)

    def _attributions(self, attributions: list[tuple[str, Committee, str]]) -> None:
        self.doc.comment("Which committee presented which focus area: generated, with a confidence and rationale.")
        names, weights = zip(*CONFIDENCES, strict=True)
        for focus_area, committee, _title in attributions:
            slug = focus_area.removeprefix("focus-area/")
            confidence = self.rng.choices(names, weights=weights, k=1)[0]
            danish, english = RATIONALES[confidence]
            committee_ref = f"<{self.municipality.iri}committee/{committee.slug}>"
            self.doc.node(
                f"<{focus_area}>", [("sg:presentedBy", committee_ref), ("sg:attribution", f"<attribution/{slug}>")]
            )
            self.doc.node(
                f"<attribution/{slug}>",
                [
                    ("a", "sg:Attribution"),
                    ("sg:focusArea", f"<{focus_area}>"),
                    ("sg:committee", committee_ref),
                    ("sg:confidence", literal(confidence)),
                    ("sg:rationale", literal(danish.format(area=committee.area.description_da), "da")),
                    ("sg:rationale", literal(english.format(area_en=committee.area.description_en), "en")),
                    ("prov:wasAttributedTo", f"<{self.municipality.iri}agent/curators>"),
                ],
            )

    def _quote_selectors(self, text: str) -> None:
        for node, start, end in self._quotes:
            pairs = [("a", "oa:TextQuoteSelector"), ("oa:exact", literal(text[start:end]))]
            if start > 0:
                pairs.append(("oa:prefix", literal(text[max(0, start - 32) : start])))
            if end < len(text):
                pairs.append(("oa:suffix", literal(text[end : end + 32])))
            self.doc.node(node, pairs)


def generate(out: Path, triples: int, seed: int = 1) -> Summary:
    """Write seminars into ``out`` until at least ``triples`` triples are written; return what was written."""
    corpus = Corpus(load_sentences(gold_files()))
    order = list(MUNICIPALITIES)
    random.Random(seed).shuffle(order)
    municipalities: dict[str, Municipality] = {}
    summary = Summary()
    year = FIRST_YEAR
    while summary.triples < triples:
        for short_name, name in order:
            if summary.triples >= triples:
                break
            municipality = municipalities.get(short_name)
            if municipality is None:
                municipality = municipalities[short_name] = make_municipality(short_name, name, seed)
                write_municipality(municipality, out, summary)
            SeminarWriter(municipality, year, corpus, seed).write(out, summary)
        year -= 1
    summary.municipalities = len(municipalities)
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=10_000, help="Target number of triples (default 10000).")
    parser.add_argument("--out", type=Path, required=True, help="Empty or new folder to write into.")
    parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"{args.out}: folder is not empty; choose a new one", file=sys.stderr)
        return 2
    started = time.perf_counter()
    summary = generate(args.out, args.triples, args.seed)
    print(f"{args.out}: {summary.line()} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
