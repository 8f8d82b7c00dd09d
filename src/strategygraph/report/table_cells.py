"""What every data table is made of: stable column keys with translated headers, and cells that hold several values
(joined with ``"; "``), names beside the keys and slugs."""

from __future__ import annotations

from collections.abc import Sequence

from ..corpus import Corpus
from ..i18n import Lang, text
from ..tables import Cell, Table

LIST_SEPARATOR = "; "


# key columns whose plain header (shared with the report's tables) names the names: their own header says keys
_KEY_HEADERS = {"themes": "col_theme_keys"}


def data_table_from(keys: Sequence[str], rows: Sequence[tuple[Cell, ...]], lang: Lang) -> Table:
    """A data table: stable ``keys``, headers translated (``col_<key>``)."""
    headers = tuple(text(_KEY_HEADERS[key], lang) if key in _KEY_HEADERS else text(f"col_{key}", lang) for key in keys)
    return Table(headers, list(rows), keys=tuple(keys))


def joined(values: Sequence[str]) -> str:
    """Several values in one cell."""
    return LIST_SEPARATOR.join(values)


def committee_label(corpus: Corpus, key: str | None, lang: Lang) -> str:
    """A committee's name ("" for none or an unknown key)."""
    committee = corpus.committee_by_key.get(key or "")
    return committee.label(lang) if committee else ""


def committee_labels(corpus: Corpus, keys: Sequence[str], lang: Lang) -> str:
    """The committees' names, joined as their keys are in the column beside."""
    return joined([committee_label(corpus, k, lang) or k for k in keys])


def theme_labels(corpus: Corpus, slugs: Sequence[str], lang: Lang) -> str:
    """The themes' names, joined as their slugs are in the column beside."""
    return joined([t.label(lang) if (t := corpus.theme_by_slug.get(s)) else s for s in slugs])
