"""A Markdown file's lines as offsets into its text: every span the Markdown reader records is built from them."""

from __future__ import annotations

from dataclasses import dataclass


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
