"""simplemma's lemma dictionary kept as a hash table on disk, which a process maps instead of decoding it.

simplemma decodes its front-coded Danish dictionary (788,416 entries) into a dict on first use: about 0.6 s in
every process that tags. Here the first process writes the decoded entries once into the cache folder
(``$XDG_CACHE_HOME/strategygraph/lemmas/``) as an open-addressing hash table; every later process maps the file
and looks a key up where it lies, so opening it costs a checksum instead of a decoding.

The lemmas stay simplemma's: the same :class:`simplemma.Lemmatizer` with the same strategies, given this
dictionary through simplemma's ``DictionaryFactory`` protocol; only where the entries are kept differs. The file's
name holds simplemma's version and a digest of its data file, it is written through a temporary file and a
rename, and it carries a CRC-32 of its contents: a truncated or corrupt table is ignored and written again, and
when none can be written (a read-only cache folder) the stock dictionary serves.

Layout (native byte order, which the name's digest includes): a header (:data:`_MAGIC`, the number of slots, the
length of the records, the CRC-32 of everything after the header), ``slots`` unsigned 32-bit file offsets (0: an
empty slot; a key's first slot is its CRC-32 modulo ``slots``, then the next ones), the records (each a key's
length and its value's length in one byte each, the key and the value in UTF-8), and the number of records.
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import struct
import sys
import zlib
from array import array
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

from simplemma.__metadata__ import __version__ as SIMPLEMMA_VERSION
from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

from ..cache_folder import write_atomically

_MAGIC = b"SGLEMMA1"
_HEADER = struct.Struct("<8sQQI")
_SLOT = array("I").itemsize
_LONGEST_PART = 255  # a record's lengths are one byte each


class LemmaTable(Mapping[str, str]):
    """A read-only str -> str view of a table file, looked up in place (the file is mapped, never read whole)."""

    __slots__ = ("_count", "_data", "_mask", "_slots")

    def __init__(self, data: mmap.mmap, slots: memoryview, count: int) -> None:
        self._data = data
        self._slots = slots
        self._mask = len(slots) - 1
        self._count = count

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        wanted = key.encode()
        size = len(wanted)
        data, slots, mask = self._data, self._slots, self._mask
        slot = zlib.crc32(wanted) & mask
        while offset := slots[slot]:
            if data[offset] == size and data[offset + 2 : offset + 2 + size] == wanted:
                start = offset + 2 + size
                return data[start : start + data[offset + 1]].decode()
            slot = (slot + 1) & mask
        return default

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        data, position = self._data, _HEADER.size + len(self._slots) * _SLOT
        while position < len(data) - 4:  # the last four bytes: the number of records
            size = data[position]
            yield data[position + 2 : position + 2 + size].decode()
            position += 2 + size + data[position + 1]

    def __len__(self) -> int:
        return self._count


def open_table(path: Path) -> LemmaTable | None:
    """The table in ``path``, or None when there is none or it is truncated, corrupt or of another layout."""
    try:
        with path.open("rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    if len(data) < _HEADER.size:
        return None
    magic, slots, records, checksum = _HEADER.unpack_from(data)
    count_at = _HEADER.size + slots * _SLOT
    if magic != _MAGIC or slots < 1 or slots & (slots - 1) or len(data) != count_at + records + 4:
        return None
    if zlib.crc32(memoryview(data)[_HEADER.size :]) != checksum:
        return None
    (count,) = struct.unpack_from("<I", data, len(data) - 4)
    return LemmaTable(data, memoryview(data)[_HEADER.size : count_at].cast("I"), count)


def write_table(entries: Mapping[str, str], path: Path) -> None:
    """Write ``entries`` as a table into ``path`` through a temporary file beside it and a rename (OSError or
    ValueError when it cannot: a folder that cannot be written, an entry too long for the layout)."""
    slots_count = 1 << max(4, (2 * len(entries) - 1).bit_length())  # at most half full: short probes
    mask = slots_count - 1
    slots = array("I", bytes(slots_count * _SLOT))
    records = bytearray()
    base = _HEADER.size + slots_count * _SLOT
    for key, value in entries.items():
        key_bytes, value_bytes = key.encode(), value.encode()
        if len(key_bytes) > _LONGEST_PART or len(value_bytes) > _LONGEST_PART:
            raise ValueError(f"a dictionary entry longer than {_LONGEST_PART} bytes: {key!r}")
        slot = zlib.crc32(key_bytes) & mask
        while slots[slot]:
            slot = (slot + 1) & mask
        slots[slot] = base + len(records)
        records += bytes((len(key_bytes), len(value_bytes))) + key_bytes + value_bytes
    if base + len(records) >= 1 << (8 * _SLOT):
        raise ValueError("the dictionary is too large for 32-bit offsets")
    body = slots.tobytes() + bytes(records) + struct.pack("<I", len(entries))
    write_atomically(path, _HEADER.pack(_MAGIC, slots_count, len(records), zlib.crc32(body)) + body)


def table_path(folder: Path, lang: str) -> Path | None:
    """Where the table of simplemma's dictionary for ``lang`` lives in ``folder``: its name holds simplemma's
    version and a digest of the shipped data file (None when that file cannot be read)."""
    try:
        shipped = resources.files("simplemma.strategies.dictionaries").joinpath(f"data/{lang}.plzma").read_bytes()
    except (OSError, ValueError):
        return None
    digest = hashlib.sha256(b"\0".join([_MAGIC, sys.byteorder.encode(), lang.encode(), shipped])).hexdigest()[:16]
    return folder / f"{lang}-simplemma-{SIMPLEMMA_VERSION}-{digest}.table"


class TableDictionaryFactory:
    """A simplemma ``DictionaryFactory`` whose dictionaries come from tables in ``folder``, written there from
    simplemma's own dictionary the first time (or again when a table is found damaged); simplemma's stock
    dictionary when no table can be read or written."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self.get_dictionary = lru_cache(maxsize=8)(self._dictionary)

    def _dictionary(self, lang: str) -> Mapping[str, str]:
        path = table_path(self._folder, lang)
        if path is None:
            return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)  # raises ValueError for an unknown language
        table = open_table(path)
        if table is not None:
            return table
        stock = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        try:
            write_table(stock, path)
        except (OSError, ValueError, UnicodeError):
            return stock
        _remove_other_tables(path)
        return stock  # already decoded in this process: the next ones open the table


def _remove_other_tables(kept: Path) -> None:
    """Tables of the same language for other versions of simplemma or its data (best effort)."""
    language = kept.name.split("-", 1)[0]
    for path in kept.parent.glob(f"{language}-simplemma-*.table"):
        if path != kept:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
