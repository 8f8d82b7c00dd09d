"""Write a seminar in strategygraph's Markdown format, so that importing the file gives the seminar back.

Every text is written on one line (a statement as a list item, a reflection as a paragraph), so that no
line-break repair of the normalisation can change it; the seminar's ID, committees' remits and the
council's pillars are written too. Before returning, the writer reads its own output with the importer's
reader and refuses (with the first difference) if anything would not come back as it was: a focus-area
title with a word beginning with *refleksion* or *reflection*, a text holding ``<!--``, and the like.
"""

from __future__ import annotations

import re
from itertools import groupby

from ..errors import InputError, StrategyGraphError
from ..i18n import Lang, Phrase
from ..i18n import text as words
from ..seminars import list_seminars
from ..stores.base import GraphStore
from ..tagging.thesaurus import read_thesaurus
from .graph_outline import outline_from_graph
from .markdown_body import ATTRIBUTION_KEYWORDS, REMIT_KEYWORDS, is_reflections_heading
from .markdown_reader import parse_markdown
from .outline import AttributionOutline, FocusAreaOutline, PillarOutline, SeminarOutline, SlideOutline
from .slugs import slugify
from .theme_references import OWN_THEME_MARK, ThemeIndex

# A paragraph starting like this would be read as something else (a list item, heading, slide end, a keyword line …).
_KEYWORDS = "|".join((*ATTRIBUTION_KEYWORDS, *REMIT_KEYWORDS))
_NOT_A_PLAIN_PARAGRAPH = re.compile(rf"^(?:#|[-*+](?:\s|$)|\d{{1,9}}[.)](?:\s|$)|---$|(?i:{_KEYWORDS})[ \t]*:|<!--)")


def _value(text: str) -> str:
    return f'"{text}"' if text[:1] in "\"'" else text


def _paragraph(text: str) -> str:
    return f"- {text}" if _NOT_A_PLAIN_PARAGRAPH.match(text) else text


def _attribution(attribution: AttributionOutline) -> str:
    rationale = f" — {attribution.rationale}" if attribution.rationale else ""
    return f"Attribution: {attribution.confidence}{rationale}"


def _pillar(pillar: PillarOutline) -> str:
    """``  - name | English name: =own-theme, served, …`` (the mark only where the name does not say it)."""
    name = f"{pillar.name} | {pillar.name_en}" if pillar.name_en else pillar.name
    own = []
    if pillar.own_theme is not None:
        mark = "" if slugify(pillar.name, "") == pillar.own_theme else OWN_THEME_MARK
        own = [f"{mark}{pillar.own_theme}"]
    return f"  - {name}: {', '.join([*own, *pillar.themes])}".rstrip()


def _committee_block(committee: str, areas: list[FocusAreaOutline], remit: tuple[str, ...]) -> list[str]:
    """``# committee``, its remit (the first time), one attribution line for the block if all its focus
    areas share one, the areas."""
    shared = {area.attribution for area in areas}
    block_attribution = shared.pop() if len(shared) == 1 else None
    lines = [f"# {committee}"]
    if remit:
        lines.append(f"Ressort: {', '.join(remit)}")
    if block_attribution is not None and block_attribution != AttributionOutline():
        lines.append(_attribution(block_attribution))
    lines.append("")
    for area in areas:
        lines.append(f"## {area.title.text}")
        if block_attribution is None and area.attribution != AttributionOutline():
            lines.append(_attribution(area.attribution))
        lines.append("")
        lines += [f"- {statement.text}" for statement in area.statements]
        lines.append("")
    return lines


def _slide(slide: SlideOutline, remits: dict[str, tuple[str, ...]]) -> list[str]:
    """The slide's committee blocks and reflections; a remit is written (and taken from ``remits``) once."""
    lines = []
    for committee, areas in groupby(slide.focus_areas, key=lambda area: area.committee):
        lines += _committee_block(committee, list(areas), remits.pop(committee, ()))
    if slide.reflections:
        lines += ["## Refleksioner", ""]
        for reflection in slide.reflections:
            lines += [_paragraph(reflection.text), ""]
    return lines


def render_markdown(outline: SeminarOutline, note: str = "") -> str:
    """``outline`` in the Markdown format; ``note`` becomes a comment under the front matter."""
    lines = ["---", f"municipality: {_value(outline.municipality)}", f"title: {_value(outline.title.text)}"]
    if outline.slug:
        lines.append(f"id: {outline.slug}")
    if outline.date:
        lines.append(f"date: {outline.date}")
    lines.append(f"language: {outline.language}")
    if outline.pillars:
        lines += ["sigtepunkter:", *(_pillar(pillar) for pillar in outline.pillars)]
    lines += ["---", ""]
    if note:
        lines += [f"<!-- {note} -->", ""]
    if outline.description is not None:
        lines += [_paragraph(outline.description.text), ""]
    remits = dict(outline.remits)
    for index, slide in enumerate(outline.slides):
        if index:
            lines += ["---", ""]
        lines += _slide(slide, remits)
    return "\n".join(lines).rstrip("\n") + "\n"


def _texts(outline: SeminarOutline) -> list[str]:
    """Everything the format carries, flattened in order, to find where two outlines first differ."""
    texts = [outline.municipality, outline.title.text, outline.slug or "", outline.date or "", outline.language]
    texts += [f"{pillar}" for pillar in outline.pillars] + [f"{name}: {themes}" for name, themes in outline.remits]
    texts.append(outline.description.text if outline.description else "")
    for slide in outline.slides:
        texts.append(f"slide {slide.number}")
        for area in slide.focus_areas:
            texts += [area.committee, area.title.text, area.attribution.confidence, area.attribution.rationale or ""]
            texts += [statement.text for statement in area.statements]
        texts += [reflection.text for reflection in slide.reflections]
    return texts


def seminar_markdown(store: GraphStore, lang: Lang = "da") -> str:
    """The one seminar in ``store`` (scope the graph with ``--seminar`` when it holds several) as Markdown;
    the comment under the front matter is written in ``lang`` (Danish by default, as the document is)."""
    seminars = list_seminars(store)
    if len(seminars) != 1:
        names = ", ".join(seminar.id for seminar in seminars) or Phrase("none")
        raise StrategyGraphError("error_markdown_one_seminar", names=names)
    (seminar,) = seminars
    outline = outline_from_graph(store, seminar)
    refusal = Phrase("error_markdown_refusal", {"seminar": seminar.id})
    for area in outline.focus_areas():
        if is_reflections_heading(area.title.text):
            raise StrategyGraphError("error_markdown_reflection_title", refusal=refusal, title=area.title.text)
    note = words("markdown_export_note", lang).format(seminar=seminar.id)
    text = render_markdown(outline, note)
    try:
        themes = ThemeIndex.of(read_thesaurus(store))
        back = parse_markdown(text.encode("utf-8"), "Markdown", themes).content()
    except InputError as error:
        raise StrategyGraphError("error_markdown_reads_badly", refusal=refusal, error=error) from None
    if back != outline:
        pairs = zip([*_texts(outline), ""], [*_texts(back), ""], strict=False)
        difference = next(((a, b) for a, b in pairs if a != b), None)
        if difference is None:
            raise StrategyGraphError("error_markdown_structure_differs", refusal=refusal)
        raise StrategyGraphError("error_markdown_reads_back", refusal=refusal, was=difference[0], read=difference[1])
    return text
