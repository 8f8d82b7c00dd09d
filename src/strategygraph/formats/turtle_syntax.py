"""How the import spells Turtle by hand: string literals with their escapes, language-tagged literals, a node
with its properties, a file's header with its prefixes — so that the same input always gives the same bytes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ..namespaces import THEME

PREFIXES = {
    "sg": "https://w3id.org/strategygraph/ontology#",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "theme": str(THEME),
}


def turtle_string(text: str) -> str:
    """``text`` as a Turtle string literal; line breaks, tabs and invisible spaces as escapes."""
    out = []
    for char in text:
        if char in '\\"':
            out.append("\\" + char)
        elif char in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        elif char != " " and unicodedata.category(char)[0] in "ZC":
            out.append(f"\\u{ord(char):04X}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def lang_literal(text: str, language: str) -> str:
    return f"{turtle_string(text)}@{language}"


def turtle_node(subject: str, kind: str, properties: Iterable[tuple[str, str]]) -> str:
    lines = [f"{subject} a {kind} ;"]
    lines.extend(f"    {predicate} {value} ;" for predicate, value in properties)
    lines[-1] = lines[-1][:-2] + " ."
    return "\n".join(lines) + "\n"


def turtle_header(comment: list[str], base: str, prefixes: dict[str, str]) -> str:
    lines = [f"# {line}".rstrip() for line in comment] + ["", f"@base    <{base}> ."]
    width = max(len(name) for name in prefixes) + 2
    lines += [f"@prefix {(name + ':').ljust(width)}<{iri}> ." for name, iri in prefixes.items()]
    return "\n".join(lines) + "\n"
