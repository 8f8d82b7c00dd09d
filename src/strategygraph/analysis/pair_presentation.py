"""One committee pair up close (`overlaps --pair A B`): why they overlap — each shared theme with the quotes on
both sides — as text for a terminal, as JSON and as a table of quotes."""

from __future__ import annotations

import difflib
import textwrap

from ..corpus import Corpus
from ..errors import NotFoundError, OptionsError
from ..i18n import Lang, Phrase, format_number, text
from ..tables import Cell, Table
from . import Analysis
from .evidence import Quote
from .overlaps import Overlap
from .presentation import WEIGHT_DIGITS, theme_label


def committee_key(corpus: Corpus, name: str) -> str:
    """The key of the committee ``name`` names: its key, or its Danish or English name (any case)."""
    if name in corpus.committee_by_key:
        return name
    folded = name.casefold().strip()
    by_name: dict[str, set[str]] = {}
    for committee in corpus.committees:
        for label in {committee.label_da, committee.label_en, committee.label("da"), committee.label("en")}:
            by_name.setdefault(label.casefold(), set()).add(committee.key)
    found = by_name.get(folded, set())
    if len(found) == 1:
        return next(iter(found))
    if len(found) > 1:
        raise NotFoundError("error_pair_several_committees", name=name, found=", ".join(sorted(found)))
    close = difflib.get_close_matches(folded, [*by_name, *corpus.committee_by_key], n=3, cutoff=0.6)
    hint = (
        Phrase("error_pair_did_you_mean", {"names": " / ".join(repr(c) for c in close)})
        if close
        else Phrase("error_pair_see_info")
    )
    raise NotFoundError("error_pair_unknown_committee", name=name, hint=hint)


def find_pair(analysis: Analysis, first: str, second: str) -> tuple[str, str, Overlap | None]:
    """The keys of the two committees named (in key order, as in :class:`Overlap`) and their overlap, if any."""
    a, b = sorted((committee_key(analysis.corpus, first), committee_key(analysis.corpus, second)))
    if a == b:
        raise OptionsError("error_pair_same_committee", committee=a)
    return a, b, next((o for o in analysis.overlaps if (o.a, o.b) == (a, b)), None)


def _where(analysis: Analysis, quote: Quote, lang: Lang) -> str:
    area = analysis.corpus.focus_area_by_key.get(quote.focus_area or "")
    return area.title if area is not None else text("reflection", lang).lower()


def _committee(analysis: Analysis, key: str, lang: Lang) -> str:
    committee = analysis.corpus.committee_by_key.get(key)
    return committee.label(lang) if committee else key


def pair_text(analysis: Analysis, a: str, b: str, overlap: Overlap | None, lang: Lang, width: int | None = 80) -> str:
    """The pair as text of at most ``width`` columns (``None``: lines unwrapped): weight, then each shared theme
    with its quotes on both sides (committee, focus area and slide above each quote)."""
    names = {"a": _committee(analysis, a, lang), "b": _committee(analysis, b, lang)}
    if overlap is None:
        return text("pair_none", lang).format(**names, evidence=text(f"evidence_{analysis.mode}", lang)) + "\n"

    def wrapped(line: str, indent: str) -> list[str]:
        if width is None:
            return [indent + line]
        return textwrap.wrap(line, max(20, width), initial_indent=indent, subsequent_indent=indent + "  ") or [""]

    weight = format_number(overlap.weight, lang)
    out = wrapped(text("pair_heading", lang).format(**names, weight=weight, count=len(overlap.shared)), "")
    for number, shared in enumerate(overlap.shared, 1):
        out.append("")
        theme = theme_label(analysis, shared.theme, lang)
        out += wrapped(text("pair_theme", lang).format(number=number, theme=theme, carriers=shared.carriers), "")
        for quote in shared.quotes:
            source = text("pair_source", lang).format(
                committee=_committee(analysis, quote.committee, lang),
                where=_where(analysis, quote, lang),
                slide=quote.slide,
            )
            out += wrapped(source + ":", "   ")
            out += wrapped(f"»{' '.join(quote.text.split())}«", "     ")
    return "\n".join(line.rstrip() for line in out) + "\n"


def pair_quotes_table(analysis: Analysis, overlap: Overlap | None, lang: Lang) -> Table:
    """One row per quote behind the pair's shared themes (the CSV of `overlaps --pair`)."""
    rows: list[tuple[Cell, ...]] = []
    for shared in overlap.shared if overlap is not None else ():
        for quote in shared.quotes:
            rows.append(
                (
                    shared.theme,
                    theme_label(analysis, shared.theme, lang),
                    round(overlap.weight, WEIGHT_DIGITS) if overlap else None,
                    quote.committee,
                    _committee(analysis, quote.committee, lang),
                    quote.focus_area,
                    _where(analysis, quote, lang),
                    quote.kind,
                    quote.slide,
                    quote.unit,
                    quote.text,
                )
            )
    keys = (
        "theme",
        "theme_label",
        "weight",
        "committee",
        "committee_label",
        "focus_area",
        "focus_area_title",
        "kind",
        "slide",
        "unit",
        "text",
    )
    return Table(keys, rows)
