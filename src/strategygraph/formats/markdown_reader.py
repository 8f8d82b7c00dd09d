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

The front matter is read by :mod:`.markdown_front_matter`, the body by :mod:`.markdown_body`, both over the
file's lines (:mod:`.markdown_lines`); :func:`parse_markdown` joins them into a seminar outline.
"""

from __future__ import annotations

from ..i18n import Phrase
from ..source_text import normalise
from ..text_files import decode_utf8
from .markdown_body import BodyReader
from .markdown_front_matter import read_front_matter
from .markdown_lines import split_lines
from .outline import SeminarOutline, TextUnit
from .outline_builder import OutlineBuilder
from .theme_references import ThemeIndex, ThemesOnDemand


def parse_markdown(data: bytes, path: str, themes: ThemeIndex | None = None) -> SeminarOutline:
    """The seminar in a Markdown file (its bytes; ``path`` names it in error messages). ``themes`` resolves
    the themes that remits and pillars name (default: the bundled thesaurus, loaded only if needed)."""
    text = decode_utf8(data, path)
    lines = split_lines(text)
    known_themes = ThemesOnDemand(themes)
    front, body = read_front_matter(text, lines, path, known_themes)
    builder = OutlineBuilder(path, Phrase("error_hint_markdown_area"))
    reader = BodyReader(text, path, builder, known_themes)
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
