"""User-facing words in Danish (first) and English, looked up by key from ``messages.toml``.

Every key has both languages, and an unknown key is an error, not a silent fallback: tests/test_messages.py
checks that each key the code uses exists and that no key is unused.
"""

from __future__ import annotations

import errno
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal, Protocol, TypeVar, get_args, runtime_checkable

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
MESSAGES_FILE = Path(__file__).with_name("messages.toml")
_T = TypeVar("_T", str, tuple[str, ...])


@cache
def messages() -> dict[str, tuple[str, str]]:
    """Every key with its Danish and English text."""
    table = tomllib.loads(MESSAGES_FILE.read_text(encoding="utf-8"))
    return {key: (entry["da"], entry["en"]) for key, entry in table.items()}


def as_lang(value: str) -> Lang:
    """``value`` as a language, for text from outside (options, files); anything else is an error."""
    if value == "da":
        return "da"
    if value == "en":
        return "en"
    raise ValueError(f"unknown language {value!r} (choose da or en)")  # a programming error, not the user's


def in_language(lang: Lang, da: _T, en: _T | None) -> _T:
    """The English text (or texts) under ``en`` when there is one, else the Danish: data is Danish first."""
    return en if lang == "en" and en else da


def text(key: str, lang: Lang) -> str:
    """The text for ``key`` in ``lang``; a key missing from messages.toml raises KeyError."""
    da, en = messages()[key]
    return en if lang == "en" else da


def has_text(key: str) -> bool:
    return key in messages()


def phrase(key: str, lang: Lang, **values: object) -> str:
    """The text for ``key`` with ``values`` filled in; ``count=1`` picks ``<key>_one`` where there is one."""
    if values.get("count") == 1 and has_text(f"{key}_one"):
        key = f"{key}_one"
    message = text(key, lang)
    return message.format(**values) if values else message


NUMBER_DIGITS = 3  # every decimal a person reads (views, tables, report, CSV, terminal) has three digits


def format_number(value: float, lang: Lang, *, signed: bool = False, digits: int = NUMBER_DIGITS) -> str:
    """A decimal number as a reader of ``lang`` writes it, the one rounding of every output for people:
    ``0,386`` in Danish, ``0.386`` in English; ``signed`` always shows the sign (``+0,055``). Three digits
    because weights lie in [0, 1]: at two, 16 of the bundled data's 23 overlap weights would read like another
    (at three, 6).
    ``digits`` is only for showing where two numbers that read alike differ (a tie broken by the exact value)."""
    shown = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    return shown.replace(".", ",") if lang == "da" else shown


def format_count(value: int, lang: Lang) -> str:
    """A whole number with thousands separated as a reader of ``lang`` writes it: ``118.084`` / ``118,084``."""
    shown = f"{value:,}"
    return shown.replace(",", ".") if lang == "da" else shown


@runtime_checkable
class Renders(Protocol):
    """Something that writes itself in either language: a :class:`Phrase`, an error."""

    def render(self, lang: Lang) -> str: ...


@dataclass(frozen=True)
class Phrase:
    """A message key and the values for its placeholders, written out only when the language is known: the
    message of an error, or a word inside one (``Phrase("none")``)."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def render(self, lang: Lang) -> str:
        """The text in ``lang``; values are shown as :func:`shown` writes them, and ``count=1`` picks
        ``<key>_one`` where there is one."""
        key = self.key
        if self.values.get("count") == 1 and has_text(f"{key}_one"):
            key = f"{key}_one"
        return text(key, lang).format(**{name: shown(value, lang) for name, value in self.values.items()})


@dataclass(frozen=True)
class Joined:
    """Several values, some of them words, shown one after another: ``Joined((a, Phrase("none")))``."""

    parts: tuple[object, ...]
    separator: str = ", "

    def render(self, lang: Lang) -> str:
        return self.separator.join(shown(part, lang) for part in self.parts)


def shown(value: object, lang: Lang) -> str:
    """A value as it stands in a message in ``lang``: words and errors in that language, whole numbers with
    thousands separated (``118.084``), decimals with the language's decimal mark, an OS error by its cause in
    that language where messages.toml has it (``os_error_ENOENT``), anything else (names, paths) as it is."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return format_count(value, lang)
    if isinstance(value, float):
        written = f"{value:g}"
        return written.replace(".", ",") if lang == "da" else written
    if isinstance(value, OSError):
        name = errno.errorcode.get(value.errno or 0, "")
        if name and has_text(f"os_error_{name}"):
            return text(f"os_error_{name}", lang)
        return str(value.strerror or value)
    if isinstance(value, Renders):
        return value.render(lang)
    return str(value)
