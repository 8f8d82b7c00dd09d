"""A :class:`~strategygraph.comparison.SeminarComparison` as JSON-ready dicts, as titled tables (Danish or
English) and as a Markdown section that a report can include."""

from __future__ import annotations

from typing import Any

from ..analysis.presentation import WEIGHT_DIGITS
from ..i18n import Lang, format_number, text
from ..tables import Cell, Table, markdown_text, render_markdown
from .changes import ComparedSeminar, OverlapChange, SeminarComparison, ThemeChanges


def _committee_label(side: ComparedSeminar, key: str, lang: Lang) -> str:
    committee = side.analysis.corpus.committee_by_key.get(key)
    return committee.label(lang) if committee else key


def _theme_label(c: SeminarComparison, slug: str, lang: Lang) -> str:
    theme = c.a.analysis.corpus.theme_by_slug.get(slug) or c.b.analysis.corpus.theme_by_slug.get(slug)
    return theme.label(lang) if theme else slug


def _sorted_labels(c: SeminarComparison, slugs: tuple[str, ...] | frozenset[str], lang: Lang) -> list[str]:
    """Theme labels in ``lang``, alphabetically (case-insensitive), as the report lists them."""
    return sorted((_theme_label(c, slug, lang) for slug in slugs), key=str.casefold)


def _area_title(side: ComparedSeminar, key: str) -> str:
    return side.analysis.corpus.focus_area_by_key[key].title


def _area_committee(side: ComparedSeminar, key: str) -> str | None:
    return side.analysis.corpus.focus_area_by_key[key].committee


def _weight(weight: float | None) -> float | None:
    return None if weight is None else round(weight, WEIGHT_DIGITS)


def _pair_labels(c: SeminarComparison, change: OverlapChange, lang: Lang) -> tuple[str, str]:
    """The pair's committee names: as seminar A names them, or as B does when A lacks the committee."""
    a, b = change.committees_a, change.committees_b
    if a is not None:
        return _committee_label(c.a, a[0], lang), _committee_label(c.a, a[1], lang)
    assert b is not None
    return _committee_label(c.b, b[0], lang), _committee_label(c.b, b[1], lang)


def _seminar_json(side: ComparedSeminar, lang: Lang) -> dict[str, Any]:
    return {"id": side.id, "title": side.title(lang), "municipality": side.municipality(lang), "date": side.date}


def _themes_json(changes: ThemeChanges) -> dict[str, list[str]]:
    return {"gained": list(changes.gained), "lost": list(changes.lost), "kept": list(changes.kept)}


def _overlap_json(c: SeminarComparison, change: OverlapChange, lang: Lang) -> dict[str, Any]:
    delta = change.delta
    return {
        "committees_a": None if change.committees_a is None else list(change.committees_a),
        "committees_b": None if change.committees_b is None else list(change.committees_b),
        "labels": list(_pair_labels(c, change, lang)),
        "weight_a": _weight(change.weight_a),
        "weight_b": _weight(change.weight_b),
        "delta": None if delta is None else round(delta, WEIGHT_DIGITS),
        "comparable": change.comparable,
        "shared_themes_a": list(change.shared_a),
        "shared_themes_b": list(change.shared_b),
    }


def _area_json(side: ComparedSeminar, key: str, lang: Lang) -> dict[str, Any]:
    committee = _area_committee(side, key)
    return {
        "key": key,
        "title": _area_title(side, key),
        "committee": committee,
        "committee_label": None if committee is None else _committee_label(side, committee, lang),
    }


def comparison_json(c: SeminarComparison, lang: Lang) -> dict[str, Any]:
    """The ``compare --format json`` document: keys and slugs, labels in ``lang``, weights to 4 decimals."""
    return {
        "evidence_mode": c.mode,
        "seminar_a": _seminar_json(c.a, lang),
        "seminar_b": _seminar_json(c.b, lang),
        "themes": _themes_json(c.themes),
        "committees": {
            "matched": [
                {
                    "a": change.match.a,
                    "b": change.match.b,
                    "a_label": _committee_label(c.a, change.match.a, lang),
                    "b_label": _committee_label(c.b, change.match.b, lang),
                    "matched_by": change.match.matched_by,
                    "name": change.match.name,
                    "themes": _themes_json(change.themes),
                }
                for change in c.committees
            ],
            "only_in_a": [
                {"key": k, "label": _committee_label(c.a, k, lang), "themes": sorted(c.a.themes_of(k))}
                for k in c.only_in_a
            ],
            "only_in_b": [
                {"key": k, "label": _committee_label(c.b, k, lang), "themes": sorted(c.b.themes_of(k))}
                for k in c.only_in_b
            ],
        },
        "focus_areas": {
            "new": [_area_json(c.b, key, lang) for key in c.focus_areas.new],
            "dropped": [_area_json(c.a, key, lang) for key in c.focus_areas.dropped],
            "kept": [
                {"a": _area_json(c.a, m.a, lang), "b": _area_json(c.b, m.b, lang), "same_committee": m.same_committee}
                for m in c.focus_areas.matches
            ],
        },
        "overlaps": {
            "in_both": [_overlap_json(c, change, lang) for change in c.overlaps_in_both],
            "only_in_a": [_overlap_json(c, change, lang) for change in c.overlaps_only_in_a],
            "only_in_b": [_overlap_json(c, change, lang) for change in c.overlaps_only_in_b],
        },
        # every theme above is carried in A or B, so gained, lost and kept name them all
        "theme_labels": {slug: _theme_label(c, slug, lang) for slug in sorted(c.a.themes | c.b.themes)},
    }


def comparison_title(c: SeminarComparison, lang: Lang) -> str:
    return text("compare_title", lang).format(a=c.a.title(lang), b=c.b.title(lang))


def comparison_paragraphs(c: SeminarComparison, lang: Lang) -> tuple[str, ...]:
    """Which seminars, what counts as evidence, and how committees and focus areas were matched."""

    def seminar(side: ComparedSeminar) -> str:
        details = ", ".join(part for part in (side.id, side.municipality(lang), side.date) if part)
        return f"{side.title(lang)} ({details})"

    evidence = text(f"evidence_{c.mode}", lang)
    return (
        text("compare_seminars", lang).format(a=seminar(c.a), b=seminar(c.b), evidence=evidence),
        text("compare_rules", lang),
    )


def _themes_table(c: SeminarComparison, lang: Lang) -> Table:
    rows: list[tuple[Cell, ...]] = [
        (text(f"compare_theme_{kind}", lang), label)
        for kind, slugs in (("gained", c.themes.gained), ("lost", c.themes.lost), ("kept", c.themes.kept))
        for label in _sorted_labels(c, slugs, lang)
    ]
    keys = ("change", "theme")
    return Table(tuple(text(f"compare_col_{k}", lang) for k in keys), rows, keys=keys)


def _committees_table(c: SeminarComparison, lang: Lang) -> Table:
    """One row per theme a matched committee gained or lost (one row saying so if nothing changed)."""
    rows: list[tuple[Cell, ...]] = []
    for change in c.committees:
        pair = (
            _committee_label(c.a, change.match.a, lang),
            _committee_label(c.b, change.match.b, lang),
            text(f"compare_matched_{change.match.matched_by}", lang),
        )
        themes = [
            (text(f"compare_theme_{kind}", lang), label)
            for kind, slugs in (("gained", change.themes.gained), ("lost", change.themes.lost))
            for label in _sorted_labels(c, slugs, lang)
        ]
        rows += [(*pair, *theme) for theme in themes or [(text("compare_theme_unchanged", lang), "")]]
    keys = ("committee_a", "committee_b", "matched_by", "change", "theme")
    return Table(tuple(text(f"compare_col_{k}", lang) for k in keys), rows, keys=keys)


def _unmatched_table(c: SeminarComparison, lang: Lang) -> Table:
    rows: list[tuple[Cell, ...]] = [
        (name, _committee_label(side, key, lang), ", ".join(_sorted_labels(c, side.themes_of(key), lang)))
        for name, side, keys in (("A", c.a, c.only_in_a), ("B", c.b, c.only_in_b))
        for key in keys
    ]
    keys = ("seminar", "committee", "themes")
    return Table(tuple(text(f"compare_col_{k}", lang) for k in keys), rows, keys=keys)


def _focus_areas_table(c: SeminarComparison, lang: Lang) -> Table:
    def committee(side: ComparedSeminar, area: str) -> str:
        key = _area_committee(side, area)
        return "" if key is None else _committee_label(side, key, lang)

    rows: list[tuple[Cell, ...]] = [
        (text("compare_area_new", lang), _area_title(c.b, key), "", committee(c.b, key)) for key in c.focus_areas.new
    ]
    rows += [
        (text("compare_area_dropped", lang), _area_title(c.a, key), committee(c.a, key), "")
        for key in c.focus_areas.dropped
    ]
    rows += [
        (
            text("compare_area_kept" if m.same_committee else "compare_area_moved", lang),
            _area_title(c.a, m.a),
            committee(c.a, m.a),
            committee(c.b, m.b),
        )
        for m in c.focus_areas.matches
    ]
    keys = ("change", "focus_area", "committee_a", "committee_b")
    return Table(tuple(text(f"compare_col_{k}", lang) for k in keys), rows, keys=keys)


def _status(change: OverlapChange, lang: Lang) -> str:
    if change.weight_a and change.weight_b:
        return text("compare_pair_both", lang)
    side = "a" if change.weight_a else "b"
    status = text(f"compare_pair_only_{side}", lang)
    return status if change.comparable else status + text(f"compare_pair_unmatched_{side}", lang)


def _overlaps_table(c: SeminarComparison, lang: Lang) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for change in (*c.overlaps_in_both, *c.overlaps_only_in_a, *c.overlaps_only_in_b):
        delta = change.delta
        rows.append(
            (
                *_pair_labels(c, change, lang),
                _weight(change.weight_a),
                _weight(change.weight_b),
                None if delta is None else format_number(delta, lang, signed=True),
                _status(change, lang),
            )
        )
    keys = ("committee_1", "committee_2", "weight_a", "weight_b", "delta", "status")
    return Table(tuple(text(f"compare_col_{k}", lang) for k in keys), rows, keys=keys)


def comparison_tables(c: SeminarComparison, lang: Lang) -> tuple[tuple[str, Table], ...]:
    """(caption, table) for themes overall, committees in both, committees without a counterpart, focus
    areas, and committee overlaps — in that order."""
    return (
        (text("compare_themes_heading", lang), _themes_table(c, lang)),
        (text("compare_committees_heading", lang), _committees_table(c, lang)),
        (text("compare_unmatched_heading", lang), _unmatched_table(c, lang)),
        (text("compare_focus_areas_heading", lang), _focus_areas_table(c, lang)),
        (text("compare_overlaps_heading", lang), _overlaps_table(c, lang)),
    )


def comparison_markdown(c: SeminarComparison, lang: Lang, level: int = 2) -> str:
    """The comparison as one Markdown section (a heading of ``level``, the paragraphs, captioned tables;
    an empty table is ``—``), every piece of data text escaped — laid out as the report's sections are."""
    out = [f"{'#' * level} {markdown_text(comparison_title(c, lang))}", ""]
    out += [line for paragraph in comparison_paragraphs(c, lang) for line in (markdown_text(paragraph), "")]
    for caption, table in comparison_tables(c, lang):
        body = render_markdown(table, lang).rstrip("\n") if table.rows else markdown_text("—")
        out += [f"**{markdown_text(caption)}**", "", body, ""]
    return "\n".join(out)
