"""Read a seminar written in strategygraph's Markdown format (see README, *Writing a seminar in Markdown*).

```
---
municipality: Fjordlund Kommune
title: Udvalgsseminar 2024
id: udvalgsseminar-2024                  optional; default: the title's slug
date: 2024-03
sigtepunkter:                            optional: the council's pillars and the themes serving them
  - Grøn omstilling: klima-baeredygtighed, erhvervsudvikling
---
Introduction (optional): the seminar's description.

# Udvalget for Læring                   a committee
Attribution: strong-inference — why      optional; default stated (also Tilskrivning:, Danish values)
Ressort: uddannelse-laering, Børn og unge   optional: the committee's remit (also Remit:)

## Trivsel i skolen                     a focus area of that committee
- Each list item is one statement,
  and wrapped lines continue it.
A plain paragraph is one statement too.

## Gruppernes refleksioner              the slide's group reflections (a word beginning "refleksion"/"reflection")
...
---                                     the end of a slide
```

Every text is the file's own words: ``text == normalise(file[start:end])`` for its recorded span.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from ..source_text import normalise
from ..text_files import decode_utf8
from .outline import PillarOutline, SeminarOutline, Span, TextUnit
from .outline_builder import (
    CONFIDENCE_FORMS,
    Location,
    OutlineBuilder,
    confidence_key,
    parse_confidence,
    parse_seminar_id,
)
from .theme_references import PILLARS_FIELD, ThemeIndex

FRONT_MATTER_KEYS = ("municipality", "title", "id", "date", "language", "sigtepunkter")
FRONT_MATTER_ALIASES = {"pillars": "sigtepunkter"}
LIST_KEYS = frozenset({"sigtepunkter"})
ATTRIBUTION_KEYWORDS = ("attribution", "tilskrivning")
REMIT_KEYWORDS = ("ressort", "remit")
REFLECTIONS_WORDS = ("refleksion", "reflection")  # a word beginning so heads the reflections

_HEADING = re.compile(r"^(?P<marks>#+)(?:[ \t]+(?P<text>.*?))?[ \t]*$")
_ITEM = re.compile(r"^(?P<indent> {0,3})(?:(?P<bullet>[-*+])|(?P<number>\d{1,9})[.)])(?:[ \t]+|$)")
_KEYWORD_LINE = re.compile(r"^(?P<keyword>[^\W\d_]+)[ \t]*:(?P<rest>.*)$")
_CONFIDENCE = re.compile(
    "(?:"
    + "|".join(r"[\s_-]+".join(map(re.escape, key.split())) for key in sorted(CONFIDENCE_FORMS, key=len, reverse=True))
    + r")(?=$|[\s—–-])",
    re.IGNORECASE,
)
_RATIONALE = re.compile(r"^[ \t]*(?:[—–-][ \t]*(?P<rationale>.*?))?[ \t]*$")
_UNKNOWN_CONFIDENCE = re.compile(r"^(?P<value>.*?)(?:[ \t]+[—–-]|[—–]|$)")
_FRONT_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_FRONT_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+(?P<item>.*?)[ \t]*$")
_WORD = re.compile(r"\w+")
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


def is_reflections_heading(title: str) -> bool:
    """A ``##`` title holding a word that begins with *refleksion* or *reflection* (any case) heads the slide's
    reflections: ``## Refleksioner``, ``## Gruppernes refleksioner``, ``## Group reflections``."""
    return any(word.casefold().startswith(REFLECTIONS_WORDS) for word in _WORD.findall(title))


@dataclass
class _Themes:
    """The thesaurus's themes, loaded only when the file names a theme."""

    index: ThemeIndex | None = None

    def get(self) -> ThemeIndex:
        if self.index is None:
            self.index = ThemeIndex.bundled()
        return self.index


@dataclass(frozen=True)
class _FrontMatter:
    municipality: str
    title: TextUnit
    slug: str | None
    date: str | None
    language: str
    pillars: tuple[PillarOutline, ...]


def _front_matter(text: str, lines: list[Line], path: str, themes: _Themes) -> tuple[_FrontMatter, int]:
    """The front matter and the index of the first body line."""
    first = Location(path, line=1)
    if not lines or text[lines[0].start : lines[0].end].lstrip("\ufeff").rstrip() != "---":
        raise first.error("missing front matter: the file must begin with a '---' line")
    closing = next((i for i, line in enumerate(lines[1:], 1) if text[line.start : line.end].rstrip() == "---"), None)
    if closing is None:
        raise first.error("front matter is not closed by a '---' line")
    values, items = _front_values(text, lines[1:closing], path)
    for key in ("municipality", "title"):
        if key not in values or not normalise(values[key][0]):
            raise first.error(f"front matter lacks {key!r}")
    municipality = normalise(values["municipality"][0])
    title_text, title_span, _ = values["title"]
    slug = parse_seminar_id(values["id"][0], values["id"][2]) if "id" in values else None
    date_value = parse_date(values["date"][0], values["date"][2]) if "date" in values else None
    language = "da"
    if "language" in values:
        language, _, where = values["language"]
        if not _LANGUAGE.match(language):
            raise where.error(f"language {language!r} is not a language tag such as da or en")
    pillars = _pillars(items.get("sigtepunkter", []), themes)
    front = _FrontMatter(municipality, TextUnit(normalise(title_text), title_span), slug, date_value, language, pillars)
    return front, closing + 1


def _pillars(items: list[tuple[str, Location]], themes: _Themes) -> tuple[PillarOutline, ...]:
    pillars: dict[str, tuple[PillarOutline, Location]] = {}
    for item, where in items:
        pillar = themes.get().pillar(item, where)
        key = pillar.name.casefold()
        if key in pillars:
            first = pillars[key][1].describe()
            raise where.error(f"pillar {pillar.name!r} is given twice (first at {first})", PILLARS_FIELD)
        pillars[key] = (pillar, where)
    return tuple(pillar for pillar, _ in pillars.values())


def _front_values(
    text: str, lines: list[Line], path: str
) -> tuple[dict[str, tuple[str, Span, Location]], dict[str, list[tuple[str, Location]]]]:
    """Each front-matter key's value, its span (inside any quotes) and its line; and each list key's items."""
    values: dict[str, tuple[str, Span, Location]] = {}
    items: dict[str, list[tuple[str, Location]]] = {}
    list_key: str | None = None
    for line in lines:
        content = text[line.start : line.end]
        where = Location(path, line=line.number)
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        item = _FRONT_ITEM.match(content)
        if item is not None:
            if list_key is None:
                raise where.error(f"a list item in the front matter belongs under {' or '.join(sorted(LIST_KEYS))}:")
            items[list_key].append((item["item"], where))
            continue
        match = _FRONT_LINE.match(content)
        if match is None:
            raise where.error(f"malformed front matter: expected 'key: value', got {content.strip()!r}")
        key = FRONT_MATTER_ALIASES.get(match["key"].lower(), match["key"].lower())
        if key not in FRONT_MATTER_KEYS:
            raise where.error(f"unknown front-matter key {match['key']!r} (use {', '.join(FRONT_MATTER_KEYS)})")
        if key in values or key in items:
            raise where.error(f"front-matter key {key!r} given twice")
        list_key = None
        if key in LIST_KEYS:
            if match["value"]:
                raise where.error(
                    f"write each of the {key} on a line of its own under '{key}:': '  - <navn>: <tema>, …'"
                )
            items[key], list_key = [], key
            continue
        start, end = line.start + match.start("value"), line.start + match.end("value")
        if end - start >= 2 and text[start] in "\"'" and text[end - 1] == text[start]:
            start, end = start + 1, end - 1
        values[key] = (text[start:end], Span(start, end), where)
    return values, items


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
    themes: _Themes
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
        keyword = _KEYWORD_LINE.match(content)
        if heading:
            self._flush()
            self._heading(heading, line, where)
        elif keyword is None or not self._keyword(keyword["keyword"], keyword["rest"], where):
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
        elif is_reflections_heading(title):
            self.builder.reflections_heading()
            self.in_reflections = True
        else:
            span = Span(line.start + heading.start("text"), line.start + heading.end("text")) if title else None
            self.builder.focus_area(TextUnit(normalise(title), span), where)

    def _keyword(self, keyword: str, rest: str, where: Location) -> bool:
        """Handle a ``Word: …`` line that is an attribution or a remit (True), or looks like a failed attempt
        at one right under a heading (an error saying what is expected); False: it is ordinary text."""
        word = keyword.casefold()
        if word in ATTRIBUTION_KEYWORDS:
            self._flush()
            self._attribution(rest, where)
            return True
        if word in REMIT_KEYWORDS:
            self._flush()
            self.builder.check_remit_place(where)
            self.builder.remit(self.themes.get().remit(rest, where), where)
            return True
        under = self.builder.under_heading
        attempt = under == "committee" or (under == "focus-area" and _looks_like_a_keyword(word, rest))
        if self.block is None and attempt:
            raise where.error(_expected_line(keyword, rest, under))
        return False

    def _attribution(self, rest: str, where: Location) -> None:
        value = _CONFIDENCE.match(rest.strip())
        if value is None:
            unknown = _UNKNOWN_CONFIDENCE.match(rest.strip())
            written = unknown["value"].strip() if unknown else ""
            if not written:
                raise where.error("malformed attribution: write 'Attribution: <confidence> — <rationale>'")
            parse_confidence(written, where)  # raises: unknown, with the closest confidence
        assert value is not None
        tail = _RATIONALE.match(rest.strip()[value.end() :])
        if tail is None:
            raise where.error(
                "malformed attribution: put a dash between confidence and rationale: "
                "'Attribution: <confidence> — <rationale>'"
            )
        self.builder.attribution(value[0], normalise(tail["rationale"] or ""), where)

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


def _looks_like_a_keyword(word: str, rest: str) -> bool:
    """Whether a ``Word: rest`` line right under a focus-area heading is a misspelt keyword line, not text."""
    close = difflib.get_close_matches(word, [*ATTRIBUTION_KEYWORDS, *REMIT_KEYWORDS], n=1, cutoff=0.75)
    return bool(close) or _CONFIDENCE.match(rest.strip()) is not None


def _expected_line(keyword: str, rest: str, under: str) -> str:
    """What a ``keyword: rest`` line right under a heading was probably meant to be."""
    word = keyword.casefold()
    remit = difflib.get_close_matches(word, REMIT_KEYWORDS, n=1, cutoff=0.75)
    attribution = difflib.get_close_matches(word, ATTRIBUTION_KEYWORDS, n=1, cutoff=0.75)
    confidence = _CONFIDENCE.match(rest.strip())
    heading = "a committee heading" if under == "committee" else "a focus-area heading"
    known = f"{keyword + ':'!r} is not a line the format knows under {heading}"
    if remit and not attribution and confidence is None:
        return f"{known}; did you mean 'Ressort: <tema>, <tema>'?"
    if attribution or confidence is not None:
        value = CONFIDENCE_FORMS[confidence_key(confidence[0])] if confidence else "<sikkerhed>"
        return f"{known}; did you mean 'Attribution: {value} — <begrundelse>'?"
    return (
        f"{known}: write 'Attribution: <sikkerhed> — <begrundelse>' or 'Ressort: <tema>, <tema>', "
        "or begin a focus area with '## <titel>'"
    )


def parse_markdown(data: bytes, path: str, themes: ThemeIndex | None = None) -> SeminarOutline:
    """The seminar in a Markdown file (its bytes; ``path`` names it in error messages). ``themes`` resolves
    the themes that remits and pillars name (default: the bundled thesaurus, loaded only if needed)."""
    text = decode_utf8(data, path)
    lines = split_lines(text)
    known_themes = _Themes(themes)
    front, body = _front_matter(text, lines, path, known_themes)
    builder = OutlineBuilder(path, " (start one with a '## <title>' heading)")
    reader = _BodyReader(text, path, builder, known_themes)
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
        slug=front.slug,
        remits=reader.builder.remits(),
        pillars=front.pillars,
    )
