"""Reading text the user hands us: files and bytes as UTF-8, with errors that name the file and line."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

# Documented bounds on what a user hands us (README, "Limits"): far above any real seminar or query, low enough that a
# wrong file (a video, /dev/zero, a database dump) is refused at once instead of filling the memory.
MAX_SEMINAR_BYTES = 20_000_000
MAX_QUERY_BYTES = 1_000_000
MAX_TAG_BYTES = 20_000_000
MAX_TURTLE_BYTES = 2_000_000_000


def read_user_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, which must be a regular file (not a folder, FIFO or device) of at most ``limit``
    bytes; anything else is a one-line error naming it."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("error_file_not_found", path=path) from None
    except OSError as error:
        raise InputError("error_cannot_read", path=path, cause=error) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError("error_not_regular_file", path=path)
    if info.st_size > limit:
        raise InputError("error_file_too_large", path=path, size=info.st_size, limit=limit)
    try:
        with path.open("rb") as stream:
            return read_bounded(stream, limit, str(path))
    except OSError as error:
        raise InputError("error_cannot_read", path=path, cause=error) from None


def read_bounded(stream: BinaryIO, limit: int, name: str) -> bytes:
    """At most ``limit`` bytes of ``stream``; more is an error (a file that grew, or standard input)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError("error_stream_too_large", path=name, limit=limit)
    return data


def decode_utf8(data: bytes, path: str | Path) -> str:
    """``data`` as text; a byte that is not UTF-8 is an error naming ``path``, the line and the byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError("error_not_utf8", path=path, line=line, byte=error.start) from None


def read_text_file(path: Path) -> str:
    """The text of ``path``; a missing, unreadable or non-UTF-8 file is an error naming it."""
    return decode_utf8(read_user_file(path, MAX_TURTLE_BYTES), path)
