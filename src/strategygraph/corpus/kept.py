"""A :class:`Corpus` as JSON text, for a store that keeps it beside its data (a persistent store: read once from
the store's indexes, then read back in a fraction of the time by every later command).

The text is plain data (lists of field values), never code: reading it back runs nothing it holds. Its name
carries a digest of the model's classes and fields, so a changed model never reads an older text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from ..stores.keeping import KeptForm
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
    """The corpus :func:`corpus_text` wrote (JSON lists back to tuples); ValueError when it does not fit the
    model (``zip(strict=True)``)."""
    found = json.loads(text)
    return Corpus(**{part: tuple(_items(cls, found[part])) for part, cls in _PARTS})


def _items(cls: type[Any], rows: list[list[Any]]) -> Iterator[Any]:
    """``cls`` items of the rows' field values, made as :mod:`pickle` and :mod:`copy` make them (the fields
    straight into the instance's ``__dict__``; these frozen dataclasses have no ``__post_init__``): several
    times faster than ``__init__`` for the 150,000 mentions of 1 M triples."""
    fields = dataclasses.fields(cls)
    names = [field.name for field in fields]
    sequences = [index for index, field in enumerate(fields) if str(field.type).startswith("tuple[")]
    new = object.__new__
    for row in rows:
        for index in sequences:
            row[index] = tuple(row[index])
        item = new(cls)
        item.__dict__.update(zip(names, row, strict=True))
        yield item


KEPT_CORPUS = KeptForm(kept_name(), corpus_text, corpus_from_text)
"""The corpus as a store keeps it (:meth:`~strategygraph.stores.base.GraphStore.kept`)."""
