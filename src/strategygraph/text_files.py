"""Reading text the user hands us: files and bytes as UTF-8, with errors that name the file and line."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError


def decode_utf8(data: bytes, path: str | Path) -> str:
    """``data`` as text; a byte that is not UTF-8 is an error naming ``path``, the line and the byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(f"not UTF-8 text (byte {error.start}); save the file as UTF-8", path=path, line=line) from None


def read_text_file(path: Path) -> str:
    """The text of ``path``; a missing, unreadable or non-UTF-8 file is an error naming it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path=path) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=path) from None
    return decode_utf8(data, path)
