"""Commands that analyse the graph: overlaps, themes, gaps, structure, compare."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..errors import OptionsError
from ..tables import Table
from ._app import AppContext, echo_json, evidence_option, format_option, pass_app, terminal_width
from ._help import TranslatedCommand

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..i18n import Lang


CSV_FORMATS = ("csv", "csv-excel")


def _echo_csv(table: Table, fmt: str) -> None:
    """A table as CSV with its stable keys as the header row: RFC 4180, or (``csv-excel``) for Danish Excel."""
    from ..report import csv_text

    click.echo(csv_text(table, excel=fmt == "csv-excel"), nl=False)


def _echo_table(table: Table, lang: Lang, *, empty: str | None = None) -> None:
    """A table for people, fitted to the terminal; ``empty`` instead of an empty table."""
    from ..tables import render

    if not table.rows and empty is not None:
        click.echo(empty, nl=False)
        return
    click.echo(render(table, "table", lang, width=terminal_width()), nl=False)


def _echo_paragraph(paragraph: str) -> None:
    """A heading or glossary, wrapped to the terminal's width (if printing to one)."""
    import textwrap

    width = terminal_width()
    click.echo(paragraph if width is None else textwrap.fill(paragraph, width))


def _csv_table_name(chosen: str | None, names: tuple[str, str]) -> str:
    """The data table a CSV of a two-table command holds: the one ``--table`` chose (a CSV file holds only one)."""
    if chosen is None:
        raise OptionsError("error_csv_one_table", first=names[0], second=names[1])
    return chosen


@click.command(cls=TranslatedCommand)
@format_option("table", *CSV_FORMATS, "json")
@evidence_option
@click.option(
    "--min-shared",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
)
@click.option(
    "--municipality",
    metavar="SLUG",
    default=None,
)
@click.option(
    "--pair",
    nargs=2,
    metavar="A B",
    default=None,
)
@pass_app
def overlaps(
    app: AppContext,
    fmt: str,
    mode: str,
    min_shared: int,
    top: int,
    municipality: str | None,
    pair: tuple[str, str] | None,
) -> None:
    from ..analysis.presentation import overlaps_csv_table, overlaps_json, overlaps_table, select_overlaps
    from ..i18n import format_count, text

    analysis = app.analysis(mode, min_shared)
    if pair is not None:
        _overlap_pair(app, analysis, fmt, pair)
        return
    pairs, available = select_overlaps(analysis, top, municipality)
    if fmt == "json":
        echo_json(overlaps_json(analysis, app.lang, pairs))
    elif fmt in CSV_FORMATS:
        _echo_csv(overlaps_csv_table(analysis, app.lang, pairs), fmt)
    else:
        _echo_table(overlaps_table(analysis, app.lang, pairs), app.lang)
    if len(pairs) < available:
        note = text("overlaps_top_note", app.lang)
        click.echo(note.format(shown=len(pairs), total=format_count(available, app.lang)), err=True)


def _overlap_pair(app: AppContext, analysis: Analysis, fmt: str, pair: tuple[str, str]) -> None:
    from ..analysis.pair_presentation import find_pair, pair_quotes_table, pair_text
    from ..analysis.presentation import overlaps_json

    a, b, overlap = find_pair(analysis, *pair)
    if fmt == "json":
        echo_json(overlaps_json(analysis, app.lang, () if overlap is None else (overlap,)))
    elif fmt in CSV_FORMATS:
        _echo_csv(pair_quotes_table(analysis, overlap, app.lang), fmt)
    else:
        click.echo(pair_text(analysis, a, b, overlap, app.lang, terminal_width()), nl=False)


@click.command(cls=TranslatedCommand)
@format_option("table", *CSV_FORMATS, "json")
@evidence_option
@pass_app
def themes(app: AppContext, fmt: str, mode: str) -> None:
    from ..analysis.presentation import reach_json, reach_table
    from ..i18n import text
    from ..report import data_table

    analysis = app.analysis(mode)
    if fmt == "json":
        echo_json(reach_json(analysis, app.lang))
    elif fmt in CSV_FORMATS:
        _echo_csv(data_table(analysis, "theme_reach", app.lang), fmt)
    else:
        _echo_table(reach_table(analysis, app.lang), app.lang)
        _echo_paragraph(text("themes_glossary", app.lang))


@click.command(cls=TranslatedCommand)
@format_option("table", *CSV_FORMATS, "json")
@evidence_option
@click.option(
    "--min-weight",
    type=click.FloatRange(0, 1),
    default=None,
)
@click.option(
    "--table",
    "chosen",
    type=click.Choice(["gaps", "candidates"]),
    default=None,
)
@pass_app
def gaps(app: AppContext, fmt: str, mode: str, min_weight: float | None, chosen: str | None) -> None:
    from ..analysis.presentation import candidates_heading, candidates_table, gaps_json, gaps_table
    from ..i18n import text
    from ..report import data_table

    analysis = app.analysis(mode, min_weight=min_weight)
    if fmt == "json":
        found = gaps_json(analysis, app.lang)
        keys = {"gaps": "reflection_gaps", "candidates": "candidates"}
        if chosen is not None:
            found = {"evidence_mode": found["evidence_mode"], keys[chosen]: found[keys[chosen]]}
        echo_json(found)
        return
    if fmt in CSV_FORMATS:
        _echo_csv(data_table(analysis, _csv_table_name(chosen, ("gaps", "candidates")), app.lang), fmt)
        return
    if chosen in (None, "gaps"):
        _echo_paragraph(text("gaps_heading", app.lang))
        _echo_table(gaps_table(analysis, app.lang, around_match=True), app.lang, empty=text("none", app.lang) + "\n")
        click.echo()
    if chosen in (None, "candidates"):
        _echo_paragraph(candidates_heading(analysis, app.lang))
        _echo_table(candidates_table(analysis, app.lang), app.lang, empty=text("none", app.lang) + "\n")
        click.echo()


@click.command(cls=TranslatedCommand)
@format_option("table", *CSV_FORMATS, "json")
@evidence_option
@click.option(
    "--table",
    "chosen",
    type=click.Choice(["clusters", "brokers"]),
    default=None,
)
@pass_app
def structure(app: AppContext, fmt: str, mode: str, chosen: str | None) -> None:
    from ..analysis.presentation import brokers_table, communities_table, structure_json
    from ..i18n import text
    from ..report import data_table

    analysis = app.analysis(mode)
    if fmt == "json":
        echo_json(structure_json(analysis, app.lang))
        return
    if fmt in CSV_FORMATS:
        _echo_csv(data_table(analysis, _csv_table_name(chosen, ("clusters", "brokers")), app.lang), fmt)
        return
    tables = {
        "clusters": (text("communities_heading", app.lang), communities_table),
        "brokers": (text("brokers_heading", app.lang), brokers_table),
    }
    for name, (heading, build) in tables.items():
        if chosen in (None, name):
            _echo_paragraph(heading)
            _echo_table(build(analysis, app.lang), app.lang)
            click.echo()
    if chosen is None:
        _echo_paragraph(text("structure_glossary", app.lang))


@click.command(cls=TranslatedCommand)
@click.argument("seminar_a", metavar="SEMINAR_A")
@click.argument("seminar_b", metavar="SEMINAR_B")
@format_option("table", "json", "md")
@evidence_option
@pass_app
def compare(app: AppContext, seminar_a: str, seminar_b: str, fmt: str, mode: str) -> None:
    from ..comparison import compare_seminars
    from ..comparison.presentation import (
        comparison_json,
        comparison_markdown,
        comparison_paragraphs,
        comparison_tables,
        comparison_title,
    )
    from ..i18n import text

    if app.seminar is not None:
        raise OptionsError("error_compare_with_seminar")
    comparison = compare_seminars(app.store(), seminar_a, seminar_b, mode)
    if fmt == "json":
        echo_json(comparison_json(comparison, app.lang))
        return
    if fmt == "md":
        click.echo(comparison_markdown(comparison, app.lang), nl=False)
        return
    click.echo(comparison_title(comparison, app.lang))
    for paragraph in comparison_paragraphs(comparison, app.lang):
        click.echo(paragraph)
    for caption, table in comparison_tables(comparison, app.lang):
        click.echo("\n" + caption)
        _echo_table(table, app.lang, empty=text("none", app.lang) + "\n")


COMMANDS = (overlaps, themes, gaps, structure, compare)
