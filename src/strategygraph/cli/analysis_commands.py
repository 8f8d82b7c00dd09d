"""Commands that analyse the graph: overlaps, themes, gaps, structure, compare."""

from __future__ import annotations

import click

from ..errors import OptionsError
from ._app import AppContext, echo_json, evidence_option, format_option, pass_app


@click.command()
@format_option("table", "csv", "csv-excel", "json")
@evidence_option
@click.option(
    "--min-shared",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only pairs sharing at least this many themes.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="Only the strongest N pairs (0: all of them).",
)
@click.option(
    "--municipality",
    metavar="SLUG",
    default=None,
    help="Only pairs of committees of this municipality (a graph of several municipalities).",
)
@pass_app
def overlaps(app: AppContext, fmt: str, mode: str, min_shared: int, top: int, municipality: str | None) -> None:
    """Committee pairs that share themes: weight, shared themes and the quotes on both sides.

    The weight (0–1) counts each shared theme as 1/(k−1), k = the number of committees carrying it, and
    divides by √(|themes of A| · |themes of B|): themes almost everyone carries add little. The strongest
    50 pairs by default; when pairs are left out, stderr says how many.

    \b
    Example:
        strategygraph overlaps --format json --min-shared 2
        strategygraph --data national/ overlaps --municipality aarhus --top 0 --format csv
    """
    from ..analysis.presentation import overlaps_csv_table, overlaps_json, overlaps_table, select_overlaps
    from ..i18n import format_count, text
    from ..tables import render

    analysis = app.analysis(mode, min_shared)
    pairs, available = select_overlaps(analysis, top, municipality)
    if fmt == "json":
        echo_json(overlaps_json(analysis, app.lang, pairs))
    elif fmt.startswith("csv"):
        click.echo(render(overlaps_csv_table(analysis, app.lang, pairs), fmt), nl=False)
    else:
        click.echo(render(overlaps_table(analysis, app.lang, pairs), "table", app.lang), nl=False)
    if len(pairs) < available:
        note = text("overlaps_top_note", app.lang)
        click.echo(note.format(shown=len(pairs), total=format_count(available, app.lang)), err=True)


@click.command()
@format_option("table", "csv", "csv-excel", "json")
@evidence_option
@pass_app
def themes(app: AppContext, fmt: str, mode: str) -> None:
    """Theme reach: committees and slides carrying each theme, how cross-cutting it is, its pillars.

    \b
    Example:
        strategygraph --lang en themes
    """
    from ..analysis.presentation import reach_json, reach_table
    from ..tables import render

    analysis = app.analysis(mode)
    if fmt == "json":
        echo_json(reach_json(analysis, app.lang))
    else:
        click.echo(render(reach_table(analysis, app.lang), fmt, app.lang), nl=False)


@click.command()
@format_option("table", "json")
@evidence_option
@click.option(
    "--min-weight",
    type=click.FloatRange(0, 1),
    default=None,
    help="Overlap weight a candidate pair needs (default: the median of all overlapping pairs).",
)
@pass_app
def gaps(app: AppContext, fmt: str, mode: str, min_weight: float | None) -> None:
    """Gaps and candidates: themes the groups raised that no focus area owns, and strongly overlapping
    committees that never mention each other's remit.

    \b
    Example:
        strategygraph gaps --format json
    """
    from ..analysis.presentation import candidates_table, gaps_json, gaps_table
    from ..i18n import text
    from ..tables import render

    analysis = app.analysis(mode, min_weight=min_weight)
    if fmt == "json":
        echo_json(gaps_json(analysis, app.lang))
        return
    for heading, table in (
        ("gaps_heading", gaps_table(analysis, app.lang)),
        ("candidates_heading", candidates_table(analysis, app.lang)),
    ):
        click.echo(text(heading, app.lang))
        click.echo(render(table, "table", app.lang) if table.rows else text("none", app.lang) + "\n")


@click.command()
@format_option("table", "json")
@evidence_option
@pass_app
def structure(app: AppContext, fmt: str, mode: str) -> None:
    """Communities of committees and of focus areas (Louvain, fixed seed) and broker committees.

    \b
    Example:
        strategygraph structure --format json
    """
    from ..analysis.presentation import brokers_table, communities_table, structure_json
    from ..i18n import text
    from ..tables import render

    analysis = app.analysis(mode)
    if fmt == "json":
        echo_json(structure_json(analysis, app.lang))
        return
    click.echo(text("communities_heading", app.lang))
    click.echo(render(communities_table(analysis, app.lang), "table", app.lang))
    click.echo(text("brokers_heading", app.lang))
    click.echo(render(brokers_table(analysis, app.lang), "table", app.lang), nl=False)


@click.command()
@click.argument("seminar_a", metavar="SEMINAR_A")
@click.argument("seminar_b", metavar="SEMINAR_B")
@format_option("table", "json", "md")
@evidence_option
@pass_app
def compare(app: AppContext, seminar_a: str, seminar_b: str, fmt: str, mode: str) -> None:
    """Compare two seminars of the graph: themes gained and lost (overall and per committee), new and
    dropped focus areas, and how the committee overlaps changed.

    SEMINAR_A and SEMINAR_B are seminar IDs as for --seminar; gained means in B and not in A. Each seminar
    is analysed on its own, as --seminar scopes it. Committees are matched when they are the same
    committee or their names agree after a fixed normalisation (README); the rest are listed as having
    no counterpart. --format md writes a Markdown section for a report.

    \b
    Example:
        strategygraph --data data/ compare fiktivt-eksempel-tvaergaaende-fokusomraader \\
            hedensted/tvaergaaende-fokusomraader
        strategygraph --data data/ --lang en compare hedensted/tvaergaaende-fokusomraader \\
            fjordlund/fiktivt-eksempel-tvaergaaende-fokusomraader --format json
    """
    from ..comparison import compare_seminars
    from ..comparison.presentation import (
        comparison_json,
        comparison_markdown,
        comparison_paragraphs,
        comparison_tables,
        comparison_title,
    )
    from ..i18n import text
    from ..tables import render

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
        click.echo(render(table, "table", app.lang) if table.rows else text("none", app.lang) + "\n", nl=False)


COMMANDS = (overlaps, themes, gaps, structure, compare)
