"""The one family of errors strategygraph raises; each message is a single line a user can act on.

An error carries a message key of ``i18n/messages.toml`` and the values to fill in, not finished text, so that the
CLI shows it in the user's language (``error.render(lang)``). ``str(error)`` is the English text, for library
users and logs. Values that are themselves words (``Phrase``), errors or OS errors are rendered in the same
language; numbers are written the way a reader of that language writes them.
"""

from __future__ import annotations

from pathlib import Path

from .i18n import Lang, Phrase


class StrategyGraphError(Exception):
    """Base class: something the user can fix (bad input, missing file, unknown name).

    ``StrategyGraphError("error_unknown_store", kind=kind, choices=...)``: the key names the message in both
    languages; the keyword values fill in its placeholders."""

    def __init__(self, key: str, /, **values: object) -> None:
        super().__init__(key)
        self.phrase = Phrase(key, values)

    @property
    def key(self) -> str:
        return self.phrase.key

    def render(self, lang: Lang) -> str:
        """The one-line message in ``lang``."""
        return self.phrase.render(lang)

    def __str__(self) -> str:
        return self.render("en")


class InputError(StrategyGraphError):
    """Bad input in a file: the message begins with the file and, where known, the line (or spreadsheet row)
    and field: ``data/x.md:12: Ressort: …``."""

    def __init__(
        self,
        key: str,
        /,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        row: int | None = None,
        field: str | None = None,
        **values: object,
    ) -> None:
        super().__init__(key, **values)
        self.path = str(path) if path is not None else None
        self.line = line
        self.row = row
        self.field = field

    def render(self, lang: Lang) -> str:
        location = ""
        if self.path is not None:
            location = self.path if self.line is None else f"{self.path}:{self.line}"
        row = Phrase("error_row", {"row": self.row}).render(lang) if self.row is not None else None
        prefix = ": ".join(part for part in (location, ", ".join(filter(None, (row, self.field)))) if part)
        message = super().render(lang)
        return f"{prefix}: {message}" if prefix else message


class NotFoundError(StrategyGraphError):
    """A named thing (query, view, committee, theme, seminar) does not exist."""


class OptionsError(StrategyGraphError):
    """Options that do not go together (``--table`` without ``--format csv``): one line, like every other error."""
