"""The one family of errors strategygraph raises; each message is a single line a user can act on."""

from __future__ import annotations

from pathlib import Path


class StrategyGraphError(Exception):
    """Base class: something the user can fix (bad input, missing file, unknown name)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(StrategyGraphError):
    """Bad input in a file: the message names the file and, where known, the line and field."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        location = ""
        if self.path is not None:
            location = self.path if line is None else f"{self.path}:{line}"
        parts = [part for part in (location, field) if part]
        prefix = ": ".join(parts)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class NotFoundError(StrategyGraphError):
    """A named thing (query, view, committee, theme, seminar) does not exist."""


class OptionsError(StrategyGraphError):
    """Options that do not go together (``--table`` without ``--format csv``): one line, like every other error."""
