"""How much of a large graph the report bundle carries.

A seminar fits whole in the bundle. A national graph (hundreds of committees, a quarter of a million overlapping
pairs, a million triples) does not stay a readable folder of a few MB: the bundle then leaves out the files that
would be too large, and the report names each with its size and the command that writes it in full. Nothing is
cut silently: a file is in the bundle whole, or it is left out and listed.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..analysis import Analysis
from .data_tables import table_units

# Limits: the bundled Hedensted seminar and a 10 k-triple sample stay far below every one of them.
TABLE_ROWS = 5_000  # a data table (CSV and workbook sheet) longer than this is left out
TABLE_BYTES = 2_000_000  # … and so is one whose CSV is larger (a national theme table lists 9,000 focus areas)
NETWORK_EDGES = 20_000  # GraphML/GEXF with more edges are left out
RDF_TRIPLES = 50_000  # the RDF dump (Turtle, JSON-LD) of a larger graph is left out
VIEW_BYTES = 6_000_000  # interactive views are added, most important first, while their pages fit in this size
VIEW_MISSES = 3  # views tried in a row that did not fit before the bundle stops trying
VIEW_TOP = 30  # committees and themes a view in the bundle draws (the view command's --top is 50)
SHOWN_ROWS = 100  # rows of a table printed in index.html and report.md
EMBEDDED_VIEW_BYTES = 1_500_000  # index.html embeds the overlap view up to this size, else links to it
SHOWN_COMMITTEES = 50  # committees (with their focus areas) and heatmap rows in index.html and report.md
VIEW_QUOTES = 20  # quotes a panel section of a view in the bundle carries (the view command's: 200); the rest counted


@dataclass(frozen=True)
class BundleLimits:
    """The limits a bundle is built under (defaults above; tests lower them to exercise large-graph paths)."""

    table_rows: int = TABLE_ROWS
    table_bytes: int = TABLE_BYTES
    network_edges: int = NETWORK_EDGES
    rdf_triples: int = RDF_TRIPLES
    view_bytes: int = VIEW_BYTES
    view_misses: int = VIEW_MISSES
    view_top: int = VIEW_TOP
    shown_rows: int = SHOWN_ROWS
    shown_committees: int = SHOWN_COMMITTEES
    embedded_view_bytes: int = EMBEDDED_VIEW_BYTES
    view_quotes: int = VIEW_QUOTES


DEFAULT_LIMITS = BundleLimits()


@dataclass(frozen=True)
class LeftOut:
    """Files the bundle leaves out: their bundle path (or a pattern), how many rows/edges/triples/views they
    hold (``unit`` names which, an i18n key) and the command that writes them in full."""

    path: str
    count: int
    unit: str  # rows | edges | triples | views | quotes (a view's, counted in its panels but not carried)
    command: str


def table_rows(analysis: Analysis, name: str) -> int:
    """Rows of the data table ``name``, counted without building it."""
    corpus = analysis.corpus
    counts = {
        "committees": lambda: len(corpus.committees),
        "focus_areas": lambda: len(corpus.focus_areas),
        "statements": lambda: len(table_units(corpus, "statement")),
        "reflections": lambda: len(table_units(corpus, "reflection")),
        "theme_mentions": lambda: len(corpus.mentions),
        "overlaps": lambda: len(analysis.overlaps),
        "theme_reach": lambda: len(analysis.reach),
        "committee_themes": lambda: len(corpus.committees),
        "gaps": lambda: sum(len(g.reflections) for g in analysis.gaps),
        "candidates": lambda: len(analysis.candidates),
        "clusters": lambda: sum(
            len(g) for found in (analysis.committee_communities, analysis.focus_area_communities) for g in found.groups
        ),
        "brokers": lambda: len(corpus.committees),
    }
    return counts[name]()


def network_edges(analysis: Analysis) -> int:
    """Edges of the report's network (GraphML/GEXF), counted without building it: presents, mentions,
    carries, overlap and serves links (an upper bound: a pillar link of a theme without a node is not drawn)."""
    corpus, index = analysis.corpus, analysis.index
    return (
        sum(1 for f in corpus.focus_areas if f.committee is not None)
        + sum(len(themes) for themes in index.by_focus_area.values())
        + sum(len(themes) for themes in index.by_committee.values())
        + len(analysis.overlaps)
        + sum(len(p.themes) for p in corpus.pillars)
    )


def bundle_view_names(analysis: Analysis) -> tuple[str, ...]:
    """The views a bundle offers, in the order the report lists them: the fixed views, a view per committee and
    a view per theme something mentions."""
    from ..views.catalogue import view_names

    return view_names(analysis.corpus, mentioned_themes_only=True)


def views_by_importance(analysis: Analysis, names: Sequence[str]) -> list[str]:
    """``names`` in the order a bundle adds them until its views reach their size limit: the overlap view (the
    report embeds it), the other fixed views, then theme, municipality and committee views taking turns, each
    kind most evidence first (a municipality by its best-evidenced committee)."""
    from ..views.catalogue import FIXED_VIEWS

    wanted = set(names)
    fixed = sorted((n for n in names if n in FIXED_VIEWS), key=lambda n: (n != "overlap", FIXED_VIEWS.index(n)))
    committees = [f"committee:{key}" for key in analysis.committees_by_evidence if f"committee:{key}" in wanted]
    themes = [f"theme:{r.theme}" for r in analysis.reach if f"theme:{r.theme}" in wanted]  # most cross-cutting first
    councils: dict[str, None] = {}  # ordered: the council of the best-evidenced committee first
    for key in analysis.committees_by_evidence:
        council = f"municipality:{analysis.corpus.committee_by_key[key].municipality}"
        if council in wanted:
            councils.setdefault(council)
    turns = itertools.zip_longest(themes, councils, committees)
    return [*fixed, *(n for turn in turns for n in turn if n is not None)]


def left_out_views(names: Sequence[str], included: Collection[str]) -> list[LeftOut]:
    """The views of ``names`` not ``included``: one line per fixed view, one per kind for the rest."""
    missing = [n for n in names if n not in included]
    lines = [
        LeftOut(f"views/{n}.html", 1, "views", f"strategygraph view {n} --out {n}.html")
        for n in missing
        if ":" not in n
    ]
    for kind, placeholder in (("municipality", "<slug>"), ("committee", "<key>"), ("theme", "<slug>")):
        count = sum(1 for n in missing if n.startswith(f"{kind}:"))
        if count:
            command = f"strategygraph view {kind}:{placeholder} --out {kind}.html"
            lines.append(LeftOut(f"views/{kind}-*.html", count, "views", command))
    return lines
