"""Read a seminar written in strategygraph's Markdown format (see README, *Writing a seminar in Markdown*).

```
---
municipality: Fjordlund Kommune
title: Udvalgsseminar 2024
date: 2024-03
---
Introduction (optional): the seminar's description.

# Udvalget for Læring                   a committee
Attribution: strong-inference — why      optional; default stated

## Trivsel i skolen                     a focus area of that committee
- Each list item is one statement,
  and wrapped lines continue it.
A plain paragraph is one statement too.

## Refleksioner                         the slide's group reflections, one per paragraph
...
---                                     the end of a slide
```

Every text is the file's own words: ``text == normalise(file[start:end])`` for its recorded span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .outline import SeminarOutline, Span, TextUnit
from .outline_builder import Location, OutlineBuilder, decode_utf8
from .source_text import normalise

FRONT_MATTER_KEYS = ("municipality", "title", "date", "language")
REFLECTIONS_HEADING = "refleksion"

_HEADING = re.compile(r"^(?P<marks>#+)(?:[ \t]+(?P<text>.*?))?[ \t]*$")
_ITEM = re.compile(r"^(?P<indent> {0,3})(?:(?P<bullet>[-*+])|(?P<number>\d{1,9})[.)])(?:[ \t]+|$)")
_ATTRIBUTION = re.compile(r"^Attribution:[ \t]*(?P<value>\S*)[ \t]*(?:[—–-][ \t]*(?P<rationale>.*?))?[ \t]*$")
_FRONT_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@dataclass(frozen=True)
class Line:
    """One line of the file: its 1-based number and the offsets of its content (without the line break)."""

    number: int
    start: int
    end: int


def split_lines(text: str) -> list[Line]:
    lines, position = [], 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        content = raw.rstrip("\r\n")
        lines.append(Line(number, position, position + len(content)))
        position += len(raw)
    return lines


def parse_date(value: str, where: Location) -> str:
    """``value`` if it is a real YYYY, YYYY-MM or YYYY-MM-DD date."""
    match = _DATE.match(value)
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = match["year"], match["month"], match["day"]
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise where.error(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


@dataclass(frozen=True)
class _FrontMatter:
    municipality: str
    title: TextUnit
    date: str | None
    language: str


def _front_matter(text: str, lines: list[Line], path: str) -> tuple[_FrontMatter, int]:
    """The front matter and the index of the first body line."""
    first = Location(path, line=1)
    if not lines or text[lines[0].start : lines[0].end].lstrip("\ufeff").rstrip() != "---":
        raise first.error("missing front matter: the file must begin with a '---' line")
    closing = next((i for i, line in enumerate(lines[1:], 1) if text[line.start : line.end].rstrip() == "---"), None)
    if closing is None:
        raise first.error("front matter is not closed by a '---' line")
    values = _front_values(text, lines[1:closing], path)
    for key in ("municipality", "title"):
        if key not in values or not normalise(values[key][0]):
            raise first.error(f"front matter lacks {key!r}")
    municipality = normalise(values["municipality"][0])
    title_text, title_span, _ = values["title"]
    date_value = parse_date(values["date"][0], values["date"][2]) if "date" in values else None
    language = "da"
    if "language" in values:
        language, _, where = values["language"]
        if not _LANGUAGE.match(language):
            raise where.error(f"language {language!r} is not a language tag such as da or en")
    return _FrontMatter(municipality, TextUnit(normalise(title_text), title_span), date_value, language), closing + 1


def _front_values(text: str, lines: list[Line], path: str) -> dict[str, tuple[str, Span, Location]]:
    """Each front-matter key's value, its span (inside any quotes) and its line."""
    values: dict[str, tuple[str, Span, Location]] = {}
    for line in lines:
        content = text[line.start : line.end]
        where = Location(path, line=line.number)
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        match = _FRONT_LINE.match(content)
        if match is None:
            raise where.error(f"malformed front matter: expected 'key: value', got {content.strip()!r}")
        key = match["key"].lower()
        if key not in FRONT_MATTER_KEYS:
            raise where.error(f"unknown front-matter key {match['key']!r} (use {', '.join(FRONT_MATTER_KEYS)})")
        if key in values:
            raise where.error(f"front-matter key {key!r} given twice")
        start, end = line.start + match.start("value"), line.start + match.end("value")
        if end - start >= 2 and text[start] in "\"'" and text[end - 1] == text[start]:
            start, end = start + 1, end - 1
        values[key] = (text[start:end], Span(start, end), where)
    return values


@dataclass
class _Block:
    """A paragraph or list item being read: its text runs from ``start`` to ``end``."""

    kind: str
    start: int
    end: int
    where: Location


@dataclass
class _BodyReader:
    text: str
    path: str
    builder: OutlineBuilder
    block: _Block | None = None
    comment_from: Location | None = None
    in_intro: bool = True
    in_reflections: bool = False
    intro: list[Span] = field(default_factory=list)
    intro_interrupted: bool = False
    slide_span: Span | None = None

    def feed(self, line: Line) -> None:
        content = self.text[line.start : line.end]
        where = Location(self.path, line=line.number)
        if self.comment_from is not None or content.lstrip().startswith("<!--"):
            self._comment(content, where)
            return
        if "<!--" in content:
            raise where.error("a comment (<!-- … -->) must stand on lines of its own")
        if not content.strip():
            self._flush()
            return
        if content.rstrip() == "---":
            self._flush()
            self._end_slide()
            return
        self._grow_slide(line)
        heading = _HEADING.match(content)
        if heading is None and content.startswith("#"):
            raise where.error("a heading needs a space after its '#' marks")
        if heading:
            self._flush()
            self._heading(heading, line, where)
        elif content.startswith("Attribution:"):
            self._flush()
            self._attribution(content, where)
        else:
            self._text(content, line, where)

    def finish(self) -> Span | None:
        """End the last slide; returns the introduction's span, if there was one."""
        if self.comment_from is not None:
            raise self.comment_from.error("comment (<!--) is not closed by -->")
        self._flush()
        self._end_slide()
        return Span(self.intro[0].start, self.intro[-1].end) if self.intro else None

    def _comment(self, content: str, where: Location) -> None:
        self._flush()
        self.intro_interrupted = self.in_intro and bool(self.intro)
        if self.comment_from is None:
            self.comment_from = where
        if "-->" in content:
            if not content.rstrip().endswith("-->"):
                raise where.error("text after the end of a comment (-->)")
            self.comment_from = None

    def _grow_slide(self, line: Line) -> None:
        if self.in_intro:
            return
        start = self.slide_span.start if self.slide_span else line.start
        self.slide_span = Span(start, line.start + len(self.text[line.start : line.end].rstrip()))

    def _end_slide(self) -> None:
        self.builder.end_slide(self.slide_span)
        self.slide_span, self.in_intro, self.in_reflections = None, False, False

    def _heading(self, heading: re.Match[str], line: Line, where: Location) -> None:
        if self.in_intro:
            self.in_intro = False
            self._grow_slide(line)
        level, title = len(heading["marks"]), heading["text"] or ""
        if level > 2:
            raise where.error("only '#' (committee) and '##' (focus area or Refleksioner) headings are allowed")
        self.in_reflections = False
        if level == 1:
            self.builder.committee(normalise(title), where)
        elif title.lower().startswith(REFLECTIONS_HEADING):
            self.builder.reflections_heading()
            self.in_reflections = True
        else:
            span = Span(line.start + heading.start("text"), line.start + heading.end("text")) if title else None
            self.builder.focus_area(TextUnit(normalise(title), span), where)

    def _attribution(self, content: str, where: Location) -> None:
        match = _ATTRIBUTION.match(content)
        if match is None or not match["value"]:
            raise where.error("malformed attribution: write 'Attribution: <confidence> — <rationale>'")
        self.builder.attribution(match["value"], normalise(match["rationale"] or ""), where)

    def _text(self, content: str, line: Line, where: Location) -> None:
        item = _ITEM.match(content)
        starts_item = item is not None and (
            self.block is None or self.block.kind == "item" or item["bullet"] is not None or item["number"] == "1"
        )
        end = line.start + len(content.rstrip())
        if item is not None and starts_item:
            self._flush()
            start = line.start + item.end()
            if start >= end:
                raise where.error("empty list item")
            self.block = _Block("item", start, end, where)
        elif self.block is not None:
            self.block.end = end
        else:
            self.block = _Block("paragraph", line.start + len(content) - len(content.lstrip()), end, where)

    def _flush(self) -> None:
        block, self.block = self.block, None
        if block is None:
            return
        span = Span(block.start, block.end)
        if self.in_intro:
            if self.intro_interrupted:
                raise block.where.error("a comment inside the introduction: keep its paragraphs together")
            self.intro.append(span)
            return
        unit = TextUnit(normalise(self.text[span.start : span.end]), span)
        if not unit.text:
            raise block.where.error("empty statement")
        if self.in_reflections:
            self.builder.reflection(unit)
        else:
            self.builder.statement(unit, block.where)


def parse_markdown(data: bytes, path: str) -> SeminarOutline:
    """The seminar in a Markdown file (its bytes; ``path`` names it in error messages)."""
    text = decode_utf8(data, path)
    lines = split_lines(text)
    front, body = _front_matter(text, lines, path)
    reader = _BodyReader(text, path, OutlineBuilder(path))
    for line in lines[body:]:
        reader.feed(line)
    intro = reader.finish()
    description = None
    if intro is not None:
        description = TextUnit(normalise(text[intro.start : intro.end]), intro)
    return SeminarOutline(
        municipality=front.municipality,
        title=front.title,
        slides=reader.builder.slides(),
        date=front.date,
        language=front.language,
        description=description,
    )
