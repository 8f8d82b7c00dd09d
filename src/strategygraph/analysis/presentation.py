"""Analysis results as JSON-ready dicts and as :class:`~strategygraph.tables.Table` s, in Danish or English."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import NotFoundError
from ..i18n import Lang, Phrase, format_number, text
from ..tables import Table
from . import Analysis
from .evidence import Quote
from .overlaps import Overlap

WEIGHT_DIGITS = 4
# The columns of a theme's reach after its name, its committees and slides (the reach table, the CSV and JSON)
REACH_MEASURES = ("statements", "reflections", "cross_cutting", "degree", "betweenness", "pillars")


def _committee_label(analysis: Analysis, key: str, lang: Lang) -> str:
    committee = analysis.corpus.committee_by_key.get(key)
    return committee.label(lang) if committee else key


def theme_label(analysis: Analysis, slug: str, lang: Lang) -> str:
    theme = analysis.corpus.theme_by_slug.get(slug)
    return theme.label(lang) if theme else slug


def _pillar_label(analysis: Analysis, slug: str, lang: Lang) -> str:
    pillar = analysis.corpus.pillar_by_slug.get(slug)
    return pillar.label(lang) if pillar else slug


def quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "committee": quote.committee,
        "focus_area": quote.focus_area,
        "kind": quote.kind,
        "text": quote.text,
        "unit": quote.unit,
        "slide": quote.slide,
        "source_start": quote.source_start,
        "source_end": quote.source_end,
    }


def select_overlaps(
    analysis: Analysis, top: int = 0, municipality: str | None = None
) -> tuple[tuple[Overlap, ...], int]:
    """The strongest ``top`` overlaps (0: all), only between committees of ``municipality`` if given (its slug;
    unknown slugs raise :class:`NotFoundError` naming the known ones), and how many there were to choose from."""
    found: Sequence[Overlap] = analysis.overlaps
    if municipality is not None:
        known = analysis.corpus.municipalities
        if municipality not in known:
            shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
            raise NotFoundError("error_unknown_municipality", municipality=municipality, known=shown or Phrase("none"))
        members = {c.key for c in analysis.corpus.committees if c.municipality == municipality}
        found = [o for o in found if o.a in members and o.b in members]
    return tuple(found[:top] if top else found), len(found)


def overlaps_json(analysis: Analysis, lang: Lang, pairs: Sequence[Overlap] | None = None) -> dict[str, Any]:
    """The `overlaps --format json` contract: ``pairs`` (default: all) sorted by weight, each with its evidence."""
    return {
        "evidence_mode": analysis.mode,
        "pairs": [
            {
                "a": overlap.a,
                "b": overlap.b,
                "a_label": _committee_label(analysis, overlap.a, lang),
                "b_label": _committee_label(analysis, overlap.b, lang),
                "weight": round(overlap.weight, WEIGHT_DIGITS),
                "shared_themes": list(overlap.shared_themes),
                "evidence": {s.theme: [quote_json(q) for q in s.quotes] for s in overlap.shared},
            }
            for overlap in (analysis.overlaps if pairs is None else pairs)
        ],
    }


def overlaps_table(analysis: Analysis, lang: Lang, pairs: Sequence[Overlap] | None = None) -> Table:
    rows = [
        (
            _committee_label(analysis, o.a, lang),
            _committee_label(analysis, o.b, lang),
            round(o.weight, WEIGHT_DIGITS),
            len(o.shared),
            ", ".join(theme_label(analysis, t, lang) for t in o.shared_themes),
            len({q.unit for s in o.shared for q in s.quotes}),
        )
        for o in (analysis.overlaps if pairs is None else pairs)
    ]
    return Table(
        tuple(text(k, lang) for k in ("committee_a", "committee_b", "weight", "shared", "shared_themes", "quotes")),
        rows,
        keys=("a", "b", "weight", "shared", "shared_themes", "quotes"),
    )


def overlaps_csv_table(analysis: Analysis, lang: Lang, pairs: Sequence[Overlap] | None = None) -> Table:
    """One row per pair (default: all), with slugs as well as labels (for spreadsheets)."""
    rows = [
        (
            o.a,
            o.b,
            _committee_label(analysis, o.a, lang),
            _committee_label(analysis, o.b, lang),
            round(o.weight, WEIGHT_DIGITS),
            "; ".join(o.shared_themes),
            "; ".join(theme_label(analysis, t, lang) for t in o.shared_themes),
            len({q.unit for s in o.shared for q in s.quotes}),
        )
        for o in (analysis.overlaps if pairs is None else pairs)
    ]
    return Table(("a", "b", "a_label", "b_label", "weight", "shared_themes", "shared_theme_labels", "quotes"), rows)


def reach_json(analysis: Analysis, lang: Lang) -> list[dict[str, Any]]:
    return [
        {
            "theme": r.theme,
            "label": theme_label(analysis, r.theme, lang),
            "committees": list(r.committees),
            "focus_areas": list(r.focus_areas),
            "slides": list(r.slides),
            "statements": r.statements,
            "reflections": r.reflections,
            "cross_cutting": round(r.cross_cutting, WEIGHT_DIGITS),
            "degree": round(r.degree, WEIGHT_DIGITS),
            "betweenness": round(r.betweenness, WEIGHT_DIGITS),
            "pillars": list(r.pillars),
        }
        for r in analysis.reach
    ]


def reach_table(analysis: Analysis, lang: Lang) -> Table:
    rows = [
        (
            theme_label(analysis, r.theme, lang),
            len(r.committees),
            len(r.slides),
            r.statements,
            r.reflections,
            round(r.cross_cutting, 3),
            round(r.degree, 3),
            round(r.betweenness, 3),
            ", ".join(_pillar_label(analysis, p, lang) for p in r.pillars),
        )
        for r in analysis.reach
    ]
    keys = ("theme", "committees", "slides", *REACH_MEASURES)
    return Table(tuple(text(k, lang) for k in keys), rows, keys=keys)


def gaps_json(analysis: Analysis, lang: Lang) -> dict[str, Any]:
    return {
        "evidence_mode": analysis.mode,
        "reflection_gaps": [
            {
                "theme": g.theme,
                "label": theme_label(analysis, g.theme, lang),
                "seminar": g.seminar,
                "slides": list(g.slides),
                "reflections": [
                    {
                        "unit": u.key,
                        "slide": u.slide,
                        "text": u.text,
                        "source_start": u.source_start,
                        "source_end": u.source_end,
                    }
                    for u in g.reflections
                ],
            }
            for g in analysis.gaps
        ],
        "candidates": [
            {
                "a": c.overlap.a,
                "b": c.overlap.b,
                "a_label": _committee_label(analysis, c.overlap.a, lang),
                "b_label": _committee_label(analysis, c.overlap.b, lang),
                "weight": round(c.overlap.weight, WEIGHT_DIGITS),
                "shared_themes": list(c.overlap.shared_themes),
                "a_silent_on": list(c.a_silent_on),
                "b_silent_on": list(c.b_silent_on),
                "evidence": {s.theme: [quote_json(q) for q in s.quotes] for s in c.overlap.shared},
            }
            for c in analysis.candidates
        ],
    }


EXCERPT_CHARACTERS = 70


def excerpt_around(text: str, start: int, end: int, size: int = EXCERPT_CHARACTERS) -> str:
    """About ``size`` characters of ``text`` with ``text[start:end]`` in the middle, cut at spaces where it can be,
    with "…" where text is left out; the whole ``text`` when it is short enough."""
    if len(text) <= size:
        return text
    room = max(0, size - (end - start))
    left = max(0, start - room // 2)
    right = min(len(text), end + room - (start - left))
    left = max(0, right - max(size, end - start))  # room not used on the right goes to the left
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return ("…" if left > 0 else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def _gap_examples(analysis: Analysis) -> list[str]:
    """Each gap's first reflection, around the first words in it that mention the gap's theme."""
    first = {(g.reflections[0].key, g.theme): (len(g.reflections[0].text), 0) for g in analysis.gaps}
    for mention in analysis.corpus.mentions:
        span = first.get((mention.unit, mention.theme))
        if span is not None and mention.start < span[0]:
            first[(mention.unit, mention.theme)] = (mention.start, mention.end)
    examples = []
    for gap in analysis.gaps:
        start, end = first[(gap.reflections[0].key, gap.theme)]
        examples.append(excerpt_around(gap.reflections[0].text, min(start, end), end))
    return examples


def candidates_heading(analysis: Analysis, lang: Lang) -> str:
    """The candidates' heading, naming the weight a pair must exceed."""
    return text("candidates_heading", lang).format(bar=format_number(analysis.strong_overlap_bar, lang))


def gaps_table(analysis: Analysis, lang: Lang, *, around_match: bool = False) -> Table:
    """Each gap with its first reflection: whole, or (``around_match``, for a terminal) the words around the
    first mention of the gap's theme."""
    examples = _gap_examples(analysis) if around_match else [g.reflections[0].text for g in analysis.gaps]
    rows = [
        (theme_label(analysis, g.theme, lang), ", ".join(str(s) for s in g.slides), len(g.reflections), example)
        for g, example in zip(analysis.gaps, examples, strict=True)
    ]
    keys = ("theme", "slides", "reflections", "example")
    return Table(tuple(text(k, lang) for k in keys), rows, keys=keys)


def candidates_table(analysis: Analysis, lang: Lang) -> Table:
    rows = [
        (
            _committee_label(analysis, c.overlap.a, lang),
            _committee_label(analysis, c.overlap.b, lang),
            round(c.overlap.weight, WEIGHT_DIGITS),
            ", ".join(theme_label(analysis, t, lang) for t in c.overlap.shared_themes),
            ", ".join(theme_label(analysis, t, lang) for t in c.a_silent_on),
            ", ".join(theme_label(analysis, t, lang) for t in c.b_silent_on),
        )
        for c in analysis.candidates
    ]
    keys = ("committee_a", "committee_b", "weight", "shared_themes", "a_silent_on", "b_silent_on")
    return Table(tuple(text(k, lang) for k in keys), rows, keys=keys)


def structure_json(analysis: Analysis, lang: Lang) -> dict[str, Any]:
    def communities(kind: str) -> dict[str, Any]:
        found = analysis.committee_communities if kind == "committee" else analysis.focus_area_communities
        return {
            "modularity": round(found.modularity, WEIGHT_DIGITS),
            "scope": found.scope,
            "seed": found.seed,
            "groups": [list(group) for group in found.groups],
        }

    return {
        "evidence_mode": analysis.mode,
        "committee_communities": communities("committee"),
        "focus_area_communities": communities("focus-area"),
        "brokers": [
            {
                "committee": b.committee,
                "label": _committee_label(analysis, b.committee, lang),
                "connectivity_loss": round(b.connectivity_loss, WEIGHT_DIGITS),
                "disconnected_pairs": b.disconnected_pairs,
                "sole_carrier_of": list(b.sole_carrier_of),
                "betweenness": round(b.betweenness, WEIGHT_DIGITS),
            }
            for b in analysis.brokers
        ],
    }


def communities_table(analysis: Analysis, lang: Lang) -> Table:
    rows: list[tuple[str | int | float | None, ...]] = []
    for kind, found in (
        ("committees", analysis.committee_communities),
        ("focus_areas", analysis.focus_area_communities),
    ):
        for number, group in enumerate(found.groups, 1):
            if kind == "committees":
                members = [_committee_label(analysis, k, lang) for k in group]
            else:
                members = [analysis.corpus.focus_area_by_key[k].title for k in group]
            rows.append((text(kind, lang), number, round(found.modularity, 3), "; ".join(members)))
    keys = ("kind", "community", "modularity", "members")
    return Table(tuple(text(k, lang) for k in keys), rows, keys=keys)


def brokers_table(analysis: Analysis, lang: Lang) -> Table:
    rows = [
        (
            _committee_label(analysis, b.committee, lang),
            b.disconnected_pairs,
            round(b.connectivity_loss, 3),
            round(b.betweenness, 3),
            ", ".join(theme_label(analysis, t, lang) for t in b.sole_carrier_of),
        )
        for b in analysis.brokers
    ]
    keys = ("committee", "disconnected_pairs", "connectivity_loss", "betweenness", "sole_carrier_of")
    return Table(tuple(text(k, lang) for k in keys), rows, keys=keys)
