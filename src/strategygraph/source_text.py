"""The documented normalisation between raw source text and the curated text in the graph.

Slides exported to plain text come with artefacts: NO-BREAK SPACE between words, line breaks inside
sentences, blank lines splitting a paragraph, ``#`` markers before a bullet, double spaces. A curated
``sg:text`` is the source span after exactly these repairs, and nothing else:

1. NO-BREAK SPACE (U+00A0) becomes a space;
2. a line ending in ``/`` joins the next line without a space (``forening/`` + ``frivillig``);
3. a line ending in a hyphenated word part joins the next lower-case line without a space
   (``gruppe-`` + ``drøftelser``), except before a conjunction, where the hyphen is a suspended
   compound (``børne-`` + ``og ungemiljøer``);
4. any other run of whitespace, line breaks and blank lines included, becomes one space;
5. a ``#`` marker at the start is dropped; the ends are trimmed.

Source typos, odd spacing inside a line (``ift . Børn``) and punctuation are kept as they are.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
_SLASH_BREAK = re.compile(r"/[ \t\u00a0]*\n\s*")
_HYPHEN_BREAK = re.compile(r"(?<=[a-zæøåäöü])-[ \t\u00a0]*\n\s*(?!(?:og|eller|samt|til)\b)(?=[a-zæøåäöü])")
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return ``text`` with the documented slide-extraction artefacts repaired."""
    text = text.replace(NBSP, " ")
    text = _SLASH_BREAK.sub("/", text)
    text = _HYPHEN_BREAK.sub("", text)
    text = _WHITESPACE.sub(" ", text).strip()
    return text.removeprefix("#").lstrip()
