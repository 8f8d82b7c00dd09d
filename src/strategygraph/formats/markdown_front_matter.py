"""The front matter of a Markdown seminar: the ``key: value`` lines between the opening ``---`` lines —
municipality, title, id, date, language — and the list of the council's pillars (``sigtepunkter:``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..source_text import normalise
from .markdown_lines import Line
from .outline import PillarOutline, Span, TextUnit
from .outline_builder import Location, parse_date, parse_seminar_id
from .theme_references import PILLARS_FIELD, ThemesOnDemand

FRONT_MATTER_KEYS = ("municipality", "title", "id", "date", "language", "sigtepunkter")
FRONT_MATTER_ALIASES = {"pillars": "sigtepunkter"}
LIST_KEYS = frozenset({"sigtepunkter"})

_FRONT_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_FRONT_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+(?P<item>.*?)[ \t]*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class FrontMatter:
    municipality: str
    title: TextUnit
    slug: str | None
    date: str | None
    language: str
    pillars: tuple[PillarOutline, ...]


def read_front_matter(text: str, lines: list[Line], path: str, themes: ThemesOnDemand) -> tuple[FrontMatter, int]:
    """The front matter and the index of the first body line."""
    first = Location(path, line=1)
    if not lines or text[lines[0].start : lines[0].end].lstrip("\ufeff").rstrip() != "---":
        raise first.error("error_front_matter_missing")
    closing = next((i for i, line in enumerate(lines[1:], 1) if text[line.start : line.end].rstrip() == "---"), None)
    if closing is None:
        raise first.error("error_front_matter_not_closed")
    reader = _FrontValues(text)
    for line in lines[1:closing]:
        reader.read(line, Location(path, line=line.number))
    values, items = reader.values, reader.items
    for key in ("municipality", "title"):
        if key not in values or not normalise(values[key][0]):
            raise first.error("error_front_matter_lacks", key=key)
    municipality = normalise(values["municipality"][0])
    title_text, title_span, _ = values["title"]
    slug = parse_seminar_id(values["id"][0], values["id"][2]) if "id" in values else None
    date_value = parse_date(values["date"][0], values["date"][2]) if "date" in values else None
    language = "da"
    if "language" in values:
        language, _, where = values["language"]
        if not _LANGUAGE.match(language):
            raise where.error("error_bad_language_tag", language=language)
    pillars = _pillars(items.get("sigtepunkter", []), themes)
    front = FrontMatter(municipality, TextUnit(normalise(title_text), title_span), slug, date_value, language, pillars)
    return front, closing + 1


def _pillars(items: list[tuple[str, Location]], themes: ThemesOnDemand) -> tuple[PillarOutline, ...]:
    pillars: dict[str, tuple[PillarOutline, Location]] = {}
    for item, where in items:
        pillar = themes.get().pillar(item, where)
        key = pillar.name.casefold()
        if key in pillars:
            first = pillars[key][1].describe()
            raise where.error("error_pillar_twice", PILLARS_FIELD, name=pillar.name, first=first)
        pillars[key] = (pillar, where)
    return tuple(pillar for pillar, _ in pillars.values())


@dataclass
class _FrontValues:
    """Each front-matter key's value, its span (inside any quotes) and its line; and each list key's items."""

    text: str
    values: dict[str, tuple[str, Span, Location]] = field(default_factory=dict)
    items: dict[str, list[tuple[str, Location]]] = field(default_factory=dict)
    list_key: str | None = None  # the list key whose items the lines now give

    def read(self, line: Line, where: Location) -> None:
        content = self.text[line.start : line.end]
        if not content.strip() or content.lstrip().startswith("#"):
            return
        item = _FRONT_ITEM.match(content)
        if item is None:
            self._key_line(content, line, where)
        elif self.list_key is None:
            raise where.error("error_list_item_misplaced", keys=" / ".join(f"{key}:" for key in sorted(LIST_KEYS)))
        else:
            self.items[self.list_key].append((item["item"], where))

    def _key_line(self, content: str, line: Line, where: Location) -> None:
        match = _FRONT_LINE.match(content)
        if match is None:
            raise where.error("error_front_matter_malformed", content=content.strip())
        key = FRONT_MATTER_ALIASES.get(match["key"].lower(), match["key"].lower())
        if key not in FRONT_MATTER_KEYS:
            raise where.error("error_front_matter_unknown_key", key=match["key"], keys=", ".join(FRONT_MATTER_KEYS))
        if key in self.values or key in self.items:
            raise where.error("error_front_matter_key_twice", key=key)
        self.list_key = None
        if key in LIST_KEYS:
            if match["value"]:
                raise where.error("error_front_matter_list_inline", key=key)
            self.items[key], self.list_key = [], key
            return
        start, end = line.start + match.start("value"), line.start + match.end("value")
        if end - start >= 2 and self.text[start] in "\"'" and self.text[end - 1] == self.text[start]:
            start, end = start + 1, end - 1
        self.values[key] = (self.text[start:end], Span(start, end), where)
