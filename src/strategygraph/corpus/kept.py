"""A :class:`Corpus` as JSON text, for a store that keeps it beside its data (a persistent store: read once from
the store's indexes, then read back in a fraction of the time by every later command).

The text is plain data (lists of field values), never code: reading it back runs nothing it holds. Its name
carries a digest of the model's classes and fields, so a changed model never reads an older text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

from .model import Committee, Corpus, FocusArea, Mention, Pillar, TextUnit, Theme

_PARTS: tuple[tuple[str, type[Any]], ...] = (
    ("committees", Committee),
    ("focus_areas", FocusArea),
    ("units", TextUnit),
    ("themes", Theme),
    ("pillars", Pillar),
    ("mentions", Mention),
)


def kept_name() -> str:
    """The file name of the kept corpus: the model's shape in a digest."""
    shape = ";".join(f"{cls.__name__}:{','.join(f.name for f in dataclasses.fields(cls))}" for _part, cls in _PARTS)
    return f"corpus-{hashlib.sha256(shape.encode()).hexdigest()[:12]}.json"


def corpus_text(corpus: Corpus) -> str:
    """The corpus as compact JSON: per part, one list of field values per item."""
    return json.dumps(
        {part: [dataclasses.astuple(item) for item in getattr(corpus, part)] for part, _cls in _PARTS},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def corpus_from_text(text: str) -> Corpus:
    """The corpus :func:`corpus_text` wrote (lists back to tuples: every list-valued field is a tuple)."""
    found = json.loads(text)
    parts = {
        part: tuple(cls(*(tuple(value) if isinstance(value, list) else value for value in row)) for row in found[part])
        for part, cls in _PARTS
    }
    return Corpus(**parts)
