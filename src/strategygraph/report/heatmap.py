"""The committee × theme heatmap: the counts, a colour-blind-safe sequential scale (viridis) and the geometry
of an inline SVG, which the report template draws (so that every label passes through its autoescaping).
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass

from ..analysis import Analysis
from ..i18n import Lang

# viridis (matplotlib) at 0, 0.1, …, 1: perceptually uniform, readable in grey and with colour-blindness
VIRIDIS = (
    "#440154",
    "#482475",
    "#414487",
    "#355f8d",
    "#2a788e",
    "#21918c",
    "#22a884",
    "#44bf70",
    "#7ad151",
    "#bddf26",
    "#fde725",
)
EMPTY_FILL = "#ffffff"
EMPTY_STROKE = "#d0d0d0"

CELL = 30
CHAR_WIDTH = 6.6  # average width of a 12 px sans-serif character, for label space
LABEL_ANGLE = 50  # degrees the column labels are turned
PAD = 8
LEGEND_GAP = 8  # between the legend title and its swatches
LEGEND_TEXT = 22  # below the swatches: their numbers
PRINT_CELL = 24  # on paper: rows closer, so that the heatmap fills an A4 page's height at a legible size
MAX_SWATCHES = 10


@dataclass(frozen=True)
class Heatmap:
    """Evidence counts: ``counts[i][j]`` distinct statements/reflections of committee ``rows[i]`` that mention
    theme ``columns[j]``. Rows and columns are (key, label); themes without evidence are left out."""

    rows: tuple[tuple[str, str], ...]
    columns: tuple[tuple[str, str], ...]
    counts: tuple[tuple[int, ...], ...]
    themes_down: bool = False  # rows are themes and columns committees (see :meth:`transposed`)

    @property
    def maximum(self) -> int:
        return max((c for row in self.counts for c in row), default=0)

    def transposed(self) -> Heatmap:
        """Themes down, committees across: taller than wide, as an A4 page is (the print version)."""
        counts = tuple(tuple(row[j] for row in self.counts) for j in range(len(self.columns)))
        return Heatmap(self.columns, self.rows, counts, not self.themes_down)


def committee_theme_heatmap(analysis: Analysis, lang: Lang, committees: Collection[str] | None = None) -> Heatmap:
    """Committees (by label; only ``committees`` if given) × themes with evidence (most cross-cutting first, as
    in the reach table)."""
    corpus, index = analysis.corpus, analysis.index
    carried = {theme for themes in index.by_committee.values() for theme in themes}
    columns = tuple((r.theme, corpus.theme_by_slug[r.theme].label(lang)) for r in analysis.reach if r.theme in carried)
    wanted = [c for c in corpus.committees if committees is None or c.key in committees]
    rows = tuple((c.key, c.label(lang)) for c in sorted(wanted, key=lambda c: (c.label(lang).casefold(), c.key)))
    counts = tuple(
        tuple(len({q.unit for q in index.by_committee.get(key, {}).get(theme, ())}) for theme, _ in columns)
        for key, _ in rows
    )
    return Heatmap(rows, columns, counts)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def scale_colour(value: int, maximum: int) -> str:
    """The fill for a count: white for 0; else viridis reversed, light (few) to dark (many)."""
    if value <= 0 or maximum <= 0:
        return EMPTY_FILL
    position = 0.0 if maximum == 1 else (value - 1) / (maximum - 1)
    x = (1.0 - position) * (len(VIRIDIS) - 1)  # reversed: 1 → light yellow, maximum → dark purple
    low = math.floor(x)
    high = min(low + 1, len(VIRIDIS) - 1)
    t = x - low
    a, b = _rgb(VIRIDIS[low]), _rgb(VIRIDIS[high])
    return "#" + "".join(f"{round(u + (v - u) * t):02x}" for u, v in zip(a, b, strict=True))


def text_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (relative luminance)."""
    red, green, blue = (c / 255 for c in _rgb(fill))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if luminance > 0.45 else "#ffffff"


@dataclass(frozen=True)
class Cell:
    x: float
    y: float
    fill: str
    text_fill: str
    count: int
    title: str  # tooltip: "committee × theme: count"


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Swatch:
    x: float
    fill: str
    text: str


@dataclass(frozen=True)
class HeatmapLayout:
    """Everything the template needs to draw the heatmap; sizes in SVG user units (px)."""

    width: float
    height: float
    cell: float
    cells: tuple[Cell, ...]
    row_labels: tuple[Label, ...]
    column_labels: tuple[Label, ...]
    label_angle: int
    legend_title: Label
    swatch_y: float
    swatches: tuple[Swatch, ...]


def _swatch_values(maximum: int) -> list[int]:
    if maximum <= MAX_SWATCHES:
        return list(range(1, maximum + 1))
    return sorted({1 + round(i * (maximum - 1) / (MAX_SWATCHES - 1)) for i in range(MAX_SWATCHES)})


def heatmap_layout(
    heatmap: Heatmap, legend_title: str, none_label: str, cell_title: str, cell: float = CELL
) -> HeatmapLayout:
    """Place cells (``cell`` units square), labels and a legend (one swatch per count, or evenly spaced ones
    above ten).

    ``cell_title`` formats each cell's tooltip from ``{committee}``, ``{theme}`` and ``{count}``.
    """
    row_width = max((len(label) for _, label in heatmap.rows), default=0) * CHAR_WIDTH
    longest_column = max((len(label) for _, label in heatmap.columns), default=0) * CHAR_WIDTH
    angle = math.radians(LABEL_ANGLE)
    left = PAD + row_width + PAD
    top = PAD + longest_column * math.sin(angle) + PAD
    grid_width = len(heatmap.columns) * cell
    grid_height = len(heatmap.rows) * cell
    overhang = longest_column * math.cos(angle)  # the last column label leans right of the grid
    maximum = heatmap.maximum
    cells = []
    for i, (_, row_label) in enumerate(heatmap.rows):
        for j, (_, column_label) in enumerate(heatmap.columns):
            count = heatmap.counts[i][j]
            fill = scale_colour(count, maximum)
            committee, theme = (column_label, row_label) if heatmap.themes_down else (row_label, column_label)
            title = cell_title.format(committee=committee, theme=theme, count=count)
            cells.append(
                Cell(round(left + j * cell, 1), round(top + i * cell, 1), fill, text_colour(fill), count, title)
            )
    row_labels = tuple(
        Label(round(left - PAD, 1), round(top + i * cell + cell / 2, 1), label)
        for i, (_, label) in enumerate(heatmap.rows)
    )
    column_labels = tuple(
        Label(round(left + j * cell + cell / 2, 1), round(top - PAD / 2, 1), label)
        for j, (_, label) in enumerate(heatmap.columns)
    )
    legend_y = round(top + grid_height + PAD * 2, 1)
    none_width = len(none_label) * CHAR_WIDTH
    swatches = [Swatch(round(left, 1), EMPTY_FILL, none_label)]
    for number, value in enumerate(_swatch_values(maximum)):
        x = left + max(cell, none_width) + PAD + number * (cell + 4)
        swatches.append(Swatch(round(x, 1), scale_colour(value, maximum), str(value)))
    width = max(left + grid_width + overhang, swatches[-1].x + cell, left + len(legend_title) * CHAR_WIDTH) + PAD
    return HeatmapLayout(
        width=round(width, 1),
        height=round(legend_y + LEGEND_GAP + cell + LEGEND_TEXT, 1),
        cell=cell,
        cells=tuple(cells),
        row_labels=row_labels,
        column_labels=column_labels,
        label_angle=LABEL_ANGLE,
        legend_title=Label(round(left, 1), legend_y, legend_title),
        swatch_y=round(legend_y + LEGEND_GAP, 1),
        swatches=tuple(swatches),
    )
