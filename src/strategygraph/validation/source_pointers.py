"""Check every source pointer in the graph against the source file it points into.

A pointer is trusted only if the file is there with the recorded SHA-256, its offsets lie inside the
file, its quote selector is exactly the text at those offsets, and the curated text is that span after
the documented normalisation (:func:`strategygraph.source_text.normalise`).
"""

from __future__ import annotations

import hashlib
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef
from rdflib.term import Identifier

from ..i18n import Lang, Phrase
from ..namespaces import DCTERMS, SG, short_namer
from ..source_text import normalise
from ..stores.base import GraphStore, as_int, as_str
from .shapes import Violation

# One query per pointer property, its predicates bound as terms: rdflib joins what follows a UNION as a nested loop
# over all pointers (quadratic: 7 s at 571 pointers), and drops solutions of an OPTIONAL that follows VALUES (rdflib
# issue #2332). A basic pattern followed by OPTIONALs is evaluated pointer by pointer in both engines, as long as no
# OPTIONAL has a pattern with more constants than its link to the row (rdflib would start there: every quote selector
# for every pointer), hence no `a oa:TextQuoteSelector` beside `oa:exact`.
POINTERS_QUERY = """
SELECT ?node ?document ?file ?sha ?start ?end ?exact ?prefix ?suffix ?text WHERE {
    ?node $pointer ?resource .
    ?resource oa:hasSource ?document ; oa:hasSelector ?position .
    ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    OPTIONAL { ?document sg:sourceFile ?file }
    OPTIONAL { ?document sg:sha256 ?sha }
    OPTIONAL {
        ?resource oa:hasSelector ?quote . ?quote oa:exact ?exact .  # only a TextQuoteSelector has oa:exact
        OPTIONAL { ?quote oa:prefix ?prefix }
        OPTIONAL { ?quote oa:suffix ?suffix }
    }
    OPTIONAL { ?node $textProperty ?text . FILTER (lang(?text) = "" || langMatches(lang(?text), "da")) }
}
"""
# each pointer property with the property holding the curated text it points to
POINTER_PROPERTIES = (
    (SG.source, SG.text),
    (SG.titleSource, DCTERMS.title),
    (SG.descriptionSource, DCTERMS.description),
)


@dataclass(frozen=True)
class SourcePointer:
    node: str
    pointer: str
    document: str
    file: str | None
    sha256: str | None
    start: int
    end: int
    exact: str | None
    prefix: str | None
    suffix: str | None
    text: str | None


def source_pointers(store: GraphStore) -> list[SourcePointer]:
    """Every source pointer of the graph, sorted by node and pointer property."""
    pointers = []
    for pointer, text_property in POINTER_PROPERTIES:
        for row in store.select(POINTERS_QUERY, {"pointer": pointer, "textProperty": text_property}).dicts():
            pointers.append(
                SourcePointer(
                    node=str(row["node"]),
                    pointer=str(pointer),
                    document=str(row["document"]),
                    file=as_str(row["file"]),
                    sha256=as_str(row["sha"]),
                    start=as_int(row["start"]),
                    end=as_int(row["end"]),
                    exact=as_str(row["exact"]),
                    prefix=as_str(row["prefix"]),
                    suffix=as_str(row["suffix"]),
                    text=as_str(row["text"]),
                )
            )
    return sorted(pointers, key=lambda p: (p.node, p.pointer))


def _find_source(relative: str, sha256: str | None, data_dirs: Sequence[Path]) -> Path | None:
    """The file ``relative`` names in one of the data folders: the one with the recorded SHA-256 where
    several seminars' folders hold a file of that name, else the first found."""
    candidates = [folder / relative for folder in data_dirs if (folder / relative).is_file()]
    if len(candidates) > 1:
        for candidate in candidates:
            if sha256 is not None and hashlib.sha256(candidate.read_bytes()).hexdigest() == sha256:
                return candidate
    return candidates[0] if candidates else None


def check_source_pointers(store: GraphStore, data_dirs: Sequence[Path], lang: Lang = "en") -> list[Violation]:
    """Every way a source pointer disagrees with its source file, as violations in ``lang`` (empty: all good)."""
    # only the prefixes: a copy of every triple in rdflib would cost ~1 kB each
    short = short_namer(store.prefix_graph())

    def say(key: str, **values: object) -> str:
        return Phrase(key, values).render(lang)

    problems: set[Violation] = set()
    texts: dict[str, str | None] = {}
    for pointer in source_pointers(store):
        node, via = short(pointer.node), short(pointer.pointer)
        if pointer.file is None:
            problems.add(Violation(short(pointer.document), "sg:sourceFile", say("pointer_no_file")))
            continue
        if pointer.document not in texts:
            texts[pointer.document] = _read_source(pointer, data_dirs, problems, short, store, lang)
        source = texts[pointer.document]
        if source is None:
            continue
        if not 0 <= pointer.start < pointer.end <= len(source):
            problems.add(
                Violation(
                    node,
                    via,
                    say("pointer_outside", start=str(pointer.start), end=str(pointer.end), length=len(source)),
                )
            )
            continue
        span = source[pointer.start : pointer.end]
        if pointer.exact is not None and pointer.exact != span:
            problems.add(
                Violation(
                    node,
                    via,
                    say("pointer_quote_differs", start=str(pointer.start), end=str(pointer.end)),
                    repr(normalise(span)[:60]),
                )
            )
        problems.update(_context_problems(pointer, source, node, via, lang))
        if pointer.text is not None and normalise(span) != pointer.text:
            problems.add(
                Violation(
                    node,
                    via,
                    say("pointer_text_differs", start=str(pointer.start), end=str(pointer.end)),
                    repr(normalise(span)[:60]),
                )
            )
    return sorted(problems)


def _context_problems(pointer: SourcePointer, source: str, node: str, via: str, lang: Lang) -> list[Violation]:
    """The quote selector's context (Web Annotation: ``oa:prefix`` is the text just before the quote,
    ``oa:suffix`` the text just after) must be the source's text there."""
    problems = []
    before = source[max(0, pointer.start - len(pointer.prefix or "")) : pointer.start]
    if pointer.prefix is not None and before != pointer.prefix:
        problems.append(
            Violation(node, via, Phrase("pointer_prefix_differs", {"start": str(pointer.start)}).render(lang))
        )
    after = source[pointer.end : pointer.end + len(pointer.suffix or "")]
    if pointer.suffix is not None and after != pointer.suffix:
        problems.append(Violation(node, via, Phrase("pointer_suffix_differs", {"end": str(pointer.end)}).render(lang)))
    return problems


_ORIGIN_QUERY = """
SELECT ?format ?spreadsheet ?municipality ?title ?date ?slug WHERE {
    OPTIONAL { ?document dcterms:format ?format }
    OPTIONAL { ?document prov:wasDerivedFrom/dcterms:identifier ?spreadsheet }
    OPTIONAL {
        ?document sg:seminar ?seminar .
        OPTIONAL { ?seminar dcterms:title ?title }
        OPTIONAL { ?seminar dcterms:date ?date }
        OPTIONAL { ?seminar sg:slug ?slug }
        OPTIONAL { ?seminar sg:municipality/skos:prefLabel ?municipality FILTER (lang(?municipality) = "da") }
    }
}
"""


def _first(rows: list[dict[str, Identifier | None]], name: str) -> str | None:
    return next((str(row[name]) for row in rows if row[name] is not None), None)


def _changed_source(store: GraphStore, document: str, path: Path, relative: str, lang: Lang) -> str:
    """What to say when a source file's SHA-256 differs from the recorded one, and what to do about it:
    an imported file is imported again (the data was made from it; the command keeps the seminar's ID), a
    curated one is restored."""
    rows = list(store.select(_ORIGIN_QUERY, {"document": URIRef(document)}).dicts())
    spreadsheet = _first(rows, "spreadsheet")
    folder = path.parent
    for _ in Path(relative).parts[:-1]:
        folder = folder.parent
    if spreadsheet is not None:
        what = "pointer_imported"
        options = [("--municipality", _first(rows, "municipality")), ("--title", _first(rows, "title"))]
        options += [("--date", _first(rows, "date")), ("--id", _first(rows, "slug"))]
        command = ["strategygraph", "import", str(folder / spreadsheet)]
        command += [part for option, value in options if value is not None for part in (option, value)]
        command += ["--out", str(folder), "--force"]
        advice = Phrase("pointer_import_spreadsheet_again", {"command": shlex.join(command)})
    elif (_first(rows, "format") or "").startswith("text/markdown"):
        what = "pointer_imported"
        command = ["strategygraph", "import", str(path), "--out", str(folder), "--force"]
        advice = Phrase("pointer_import_markdown_again", {"command": shlex.join(command)})
    else:
        what = "pointer_curated"
        advice = Phrase("pointer_restore_curated")
    return Phrase("pointer_source_changed", {"path": path, "since": Phrase(what), "advice": advice}).render(lang)


def _read_source(
    pointer: SourcePointer,
    data_dirs: Sequence[Path],
    problems: set[Violation],
    short: Callable[[str], str],
    store: GraphStore,
    lang: Lang,
) -> str | None:
    document = short(pointer.document)
    assert pointer.file is not None
    path = _find_source(pointer.file, pointer.sha256, data_dirs)
    if path is None:
        problems.add(
            Violation(document, "sg:sourceFile", Phrase("pointer_file_missing", {"file": pointer.file}).render(lang))
        )
        return None
    data = path.read_bytes()
    if pointer.sha256 is not None and hashlib.sha256(data).hexdigest() != pointer.sha256:
        problems.add(
            Violation(document, "sg:sha256", _changed_source(store, pointer.document, path, pointer.file, lang))
        )
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        problems.add(Violation(document, "sg:sourceFile", Phrase("pointer_not_utf8", {"path": path}).render(lang)))
        return None
