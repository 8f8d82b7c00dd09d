"""The body of a Markdown seminar, line by line: committee (``#``) and focus-area (``##``) headings, the
``Attribution:`` and ``Ressort:`` lines under them, statements as list items or paragraphs, the reflections
heading, comments, and ``---`` between slides — each reported to an
:class:`~strategygraph.formats.outline_builder.OutlineBuilder`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..i18n import Phrase
from ..source_text import normalise
from .markdown_lines import Line
from .outline import Span, TextUnit
from .outline_builder import CONFIDENCE_FORMS, Location, OutlineBuilder, confidence_key, parse_confidence
from .theme_references import ThemesOnDemand

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
_WORD = re.compile(r"\w+")


def is_reflections_heading(title: str) -> bool:
    """A ``##`` title holding a word that begins with *refleksion* or *reflection* (any case) heads the slide's
    reflections: ``## Refleksioner``, ``## Gruppernes refleksioner``, ``## Group reflections``."""
    return any(word.casefold().startswith(REFLECTIONS_WORDS) for word in _WORD.findall(title))


@dataclass
class _Block:
    """A paragraph or list item being read: its text runs from ``start`` to ``end``."""

    kind: str
    start: int
    end: int
    where: Location


@dataclass
class BodyReader:
    """Reads the body's lines (:meth:`feed`), then :meth:`finish` ends the last slide."""

    text: str
    path: str
    builder: OutlineBuilder
    themes: ThemesOnDemand
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
            raise where.error("error_comment_not_alone")
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
            raise where.error("error_heading_needs_space")
        keyword = _KEYWORD_LINE.match(content)
        if heading:
            self._flush()
            self._heading(heading, line, where)
        elif keyword is None or not self._keyword(keyword["keyword"], keyword["rest"], where):
            self._text(content, line, where)

    def finish(self) -> Span | None:
        """End the last slide; returns the introduction's span, if there was one."""
        if self.comment_from is not None:
            raise self.comment_from.error("error_comment_not_closed")
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
                raise where.error("error_text_after_comment")
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
            raise where.error("error_heading_level")
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
            key, values = _expected_line(keyword, rest, under)
            raise where.error(key, **values)
        return False

    def _attribution(self, rest: str, where: Location) -> None:
        value = _CONFIDENCE.match(rest.strip())
        if value is None:
            unknown = _UNKNOWN_CONFIDENCE.match(rest.strip())
            written = unknown["value"].strip() if unknown else ""
            if not written:
                raise where.error("error_attribution_malformed")
            parse_confidence(written, where)  # raises: unknown, with the closest confidence
        assert value is not None
        tail = _RATIONALE.match(rest.strip()[value.end() :])
        if tail is None:
            raise where.error("error_attribution_needs_dash")
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
                raise where.error("error_empty_list_item")
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
                raise block.where.error("error_comment_in_introduction")
            self.intro.append(span)
            return
        unit = TextUnit(normalise(self.text[span.start : span.end]), span)
        if not unit.text:
            raise block.where.error("error_empty_statement")
        if self.in_reflections:
            self.builder.reflection(unit)
        else:
            self.builder.statement(unit, block.where)


def _looks_like_a_keyword(word: str, rest: str) -> bool:
    """Whether a ``Word: rest`` line right under a focus-area heading is a misspelt keyword line, not text."""
    close = difflib.get_close_matches(word, [*ATTRIBUTION_KEYWORDS, *REMIT_KEYWORDS], n=1, cutoff=0.75)
    return bool(close) or _CONFIDENCE.match(rest.strip()) is not None


def _expected_line(keyword: str, rest: str, under: str) -> tuple[str, dict[str, object]]:
    """What a ``keyword: rest`` line right under a heading was probably meant to be: the error's key and values."""
    word = keyword.casefold()
    remit = difflib.get_close_matches(word, REMIT_KEYWORDS, n=1, cutoff=0.75)
    attribution = difflib.get_close_matches(word, ATTRIBUTION_KEYWORDS, n=1, cutoff=0.75)
    confidence = _CONFIDENCE.match(rest.strip())
    heading = Phrase("error_under_committee" if under == "committee" else "error_under_focus_area")
    known = Phrase("error_unknown_line", {"line": keyword + ":", "heading": heading})
    if remit and not attribution and confidence is None:
        return "error_did_you_mean_remit", {"known": known}
    if attribution or confidence is not None:
        value = CONFIDENCE_FORMS[confidence_key(confidence[0])] if confidence else "<sikkerhed>"
        return "error_did_you_mean_attribution_line", {"known": known, "value": value}
    return "error_expected_line", {"known": known}
