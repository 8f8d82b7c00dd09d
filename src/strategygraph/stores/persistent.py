"""A persistent Oxigraph store on disk: built once from the input files, then opened read-only by every command.

A store folder (``--store PATH``, or the automatic cache under ``$XDG_CACHE_HOME/strategygraph/``) holds one
sub-folder per *key*, named ``<sources>-<content>``: ``sources`` identifies the data folders, ``content`` hashes the
bytes of every input file (ontology, thesaurus and data Turtle, with their paths), the package version and
:data:`SCHEMA`. An edited file or a new release thus names another sub-folder and never serves stale answers.

A build writes into ``.tmp-<pid>-<random>`` beside its target and renames it into place when complete, so a
reader sees an old store or a new one, never half of one; a killed build leaves only its temporary, which the
next run removes (its pid is no longer running). After a build, the older keys of the same data folders go.

A changed set of data files with the same ontology, thesaurus, version and schema is applied to an existing store
instead of building anew (:mod:`.incremental`): a seminar added, replaced or removed costs about its own triples.
For that, each store records its files' hashes and keeps an N-Triples copy of each file's triples (``files/``).
"""

from __future__ import annotations

import errno
import gc
import hashlib
import io
import json
import os
import re
import secrets
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .. import __version__
from ..errors import InputError
from .incremental import FILES, FileRecord, FullRebuild, Refresh, apply_changes, dump_name, parse_copy, record_dump
from .keeping import KEPT, KeptForm, T, read_or_keep
from .oxigraph import OxigraphStore

SCHEMA = 2  # raise when what a build writes changes (the derived mentions, say) without a new release
_KEY_FOLDER = re.compile(r"(?P<sources>[0-9a-f]{16})-[0-9a-f]{32}")
_TEMPORARY = re.compile(r"\.(?:tmp|old)-(?P<pid>[0-9]+)-[0-9a-f]+")
_ABOUT = "strategygraph.json"  # beside Oxigraph's files: what the build knew (RocksDB ignores the name)
_WHOLE_READ = 1 << 22  # bytes read at once when hashing an input file
_POOLED_FILES = 64  # from this many input files on, they are hashed on threads


class PersistentStore(OxigraphStore):
    """An Oxigraph store on disk, opened read-only: an :class:`OxigraphStore` in every query (``kind`` included,
    so --seminar scoping gives an in-memory Oxigraph store), whose triple count the build recorded (counting
    on disk scans an index: a second at 1 M triples). It keeps derived text (the corpus) in its folder."""

    def __init__(self, store: ox.Store, files: Sequence[Path], triples: int | None, folder: Path) -> None:
        super().__init__(store, files=files)
        self._triples = triples
        self._folder = folder

    def __len__(self) -> int:
        return super().__len__() if self._triples is None else self._triples

    def kept(self, form: KeptForm[T], make: Callable[[], T]) -> T | None:
        """The value kept as ``KEPT + form.name`` in the store's folder (whose name is the content key, so it is
        never stale: an update or a rebuild makes another folder), else made now and kept there."""
        return read_or_keep(self._folder / f"{KEPT}{form.name}", form, make)


def file_digests(files: Sequence[Path]) -> dict[Path, str]:
    """Each file's SHA-256, many files on a few threads (hashlib lets go of the GIL while it hashes a block)."""
    if len(files) < _POOLED_FILES:
        return {path: _file_digest(path) for path in files}
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(min(4, os.cpu_count() or 1)) as pool:
        return dict(zip(files, pool.map(_file_digest, files, chunksize=32), strict=True))


def _file_digest(path: Path) -> str:
    """A file's SHA-256: a Turtle file read whole, unbuffered (open, read, close), a larger one in blocks."""
    with path.open("rb", buffering=0) as handle:
        block = handle.read(_WHOLE_READ)
        digest = hashlib.sha256(block)
        while len(block) == _WHOLE_READ:
            block = handle.read(_WHOLE_READ)
            digest.update(block)
    return digest.hexdigest()


def content_key(files: Sequence[Path], digests: dict[Path, str] | None = None) -> str:
    """A digest of every file's absolute path and bytes, the package version and the schema (``digests`` by the
    same absolute paths)."""
    resolved = [path.resolve() for path in files]
    return _content_key(resolved, file_digests(resolved) if digests is None else digests)


def _content_key(resolved: Sequence[Path], digests: dict[Path, str]) -> str:
    """:func:`content_key` of files whose paths are already absolute and resolved (each resolve asks the file
    system: at 1 M triples, 819 files)."""
    digest = hashlib.sha256(f"strategygraph {__version__} schema {SCHEMA}\n".encode())
    for path in resolved:
        digest.update(os.fsencode(path) + b"\0" + bytes.fromhex(digests[path]))
    return digest.hexdigest()[:32]


def sources_id(data_dirs: Sequence[Path]) -> str:
    """Which data folders a store holds (not their content): its keys share this prefix."""
    return hashlib.sha256(b"\0".join(os.fsencode(folder.resolve()) for folder in data_dirs)).hexdigest()[:16]


def open_persistent(
    folder: Path,
    files: Sequence[Path],
    data_dirs: Sequence[Path],
    refresh: Callable[[], Refresh],
) -> PersistentStore:
    """The store of ``files`` in ``folder``, opened read-only; built first unless a store of the same key is there,
    or updated from a store of other data files when only data files differ (``refresh()`` makes the
    :class:`Refresh` that derives the theme mentions: all of them in a build, what the change touches in an
    update; called only then)."""
    _prepare(folder)
    resolved = {path: path.resolve() for path in files}  # once: each resolve asks the file system
    digests = file_digests(list(resolved.values()))
    name = f"{sources_id(data_dirs)}-{_content_key(list(resolved.values()), digests)}"
    target = folder / name
    data_folders = {data_dir.resolve() for data_dir in data_dirs}
    data = {path for path in digests if not data_folders.isdisjoint(path.parents)}
    base_key = _content_key([path for path in digests if path not in data], digests)
    for _attempt in range(3):  # a store another process removes between our look and our open is built again
        if not target.is_dir():
            base = _base_store(folder, base_key, name, len(files))
            if base is not None and _update(base, target, digests, refresh()):
                _retire(base[0])  # the store it was updated from (of other data folders, maybe) is past
            else:
                _build(target, resolved, refresh(), digests, base_key)
            _remove_older_keys(folder, name)
        opened = _open_read_only(target)
        if opened is not None:
            return PersistentStore(opened, files, _recorded_triples(target), target)
    raise InputError("error_store_disappearing", path=target)


def _base_store(folder: Path, base_key: str, name: str, files: int) -> tuple[Path, dict[str, Any]] | None:
    """The store in ``folder`` to update into ``name``: one of the same base (ontology, thesaurus, version and
    schema: the key of the files outside the data folders), of the same data folders if there is one, else the
    one whose count of files is nearest."""
    found = []
    for entry in folder.iterdir():
        about = _about(entry) if _KEY_FOLDER.fullmatch(entry.name) else None
        if about is not None and about.get("base") == base_key and isinstance(about.get("files"), dict):
            other_sources = entry.name.split("-", 1)[0] != name.split("-", 1)[0]
            found.append((other_sources, abs(len(about["files"]) - files), entry.name, entry, about))
    return min(found)[3:] if found else None


def _update(base: tuple[Path, dict[str, Any]], target: Path, digests: dict[Path, str], refresh: Refresh) -> bool:
    """Apply the changed data files to the ``base`` store, into ``target``; False when it needs a full build."""
    folder, about = base
    temporary = target.parent / f".tmp-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        recorded = {name: FileRecord(**record) for name, record in about["files"].items()}
        outcome = apply_changes(folder, temporary, recorded, digests, (about["triples"], about["disjoint"]), refresh)
        _hook("updated")
        _write_about(temporary, outcome.triples, about["base"], outcome.disjoint, outcome.files)
        _publish(temporary, target)
    except (FullRebuild, OSError, KeyError, TypeError):
        return False
    finally:
        _remove(temporary)
    return True


def _prepare(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise InputError("error_store_not_folder", path=folder)
    folder.mkdir(parents=True, exist_ok=True)
    for entry in folder.iterdir():
        found = _TEMPORARY.fullmatch(entry.name)
        if found and not _running(int(found["pid"])):
            _remove(entry)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _build(target: Path, files: dict[Path, Path], refresh: Refresh, digests: dict[Path, str], base: str) -> None:
    """Build with bounded memory: each file parsed alone into its N-Triples copy, the copies bulk-loaded into the
    on-disk store (streamed), then the theme mentions and pillar contributions derived from the store scope by
    scope (``refresh.scopes``: some thousands of units and focus areas each) into an N-Triples file beside it,
    bulk-loaded at the end; the store a derivation of everything in memory gives, triple for triple
    (tests/test_persistent_store.py)."""
    temporary, derived = (target.parent / f".tmp-{os.getpid()}-{secrets.token_hex(4)}" for _ in range(2))
    try:
        (temporary / FILES).mkdir(parents=True)
        records, stated = {}, 0
        for path, resolved in files.items():
            name = dump_name(resolved)
            stated += len(parse_copy(path, temporary / name))
            records[str(resolved)] = record_dump(temporary / name, digests[resolved], name)
        _hook("dumped")
        disk = ox.Store(str(temporary))
        with io.BufferedReader(_Concatenated([temporary / record.dump for record in records.values()])) as copies:
            disk.bulk_load(copies, format=ox.RdfFormat.N_TRIPLES, lenient=True)  # Oxigraph wrote them: valid
        disk.optimize()  # compacts the bulk loader's files: the derivation reads the data about twice as fast
        store = OxigraphStore(disk, files=list(files))
        refresh.check(store, None)
        with derived.open("w", encoding="utf-8") as handle:  # loaded at the end: reads meet one compacted store
            for scope in refresh.scopes(store):
                text = refresh.derived_ntriples(store, scope)
                handle.write(text)
                stated += text.count("\n")
        disk.bulk_load(path=derived, format=ox.RdfFormat.N_TRIPLES)
        disk.optimize()  # compacts the bulk loader's files: on-disk queries at 1 M about twice as fast, for 3 s
        disk.flush()
        triples = len(disk)
        del disk, store
        gc.collect()  # closes the database before its folder moves
        _write_about(temporary, triples, base, triples == stated, records)
        _hook("built")
        _publish(temporary, target)
    finally:
        _remove(temporary)
        _remove(derived)


class _Concatenated(io.RawIOBase):
    """The files one after another, as one stream (each N-Triples copy ends with a line break)."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self._paths = iter(paths)
        self._current: io.BufferedReader | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if self._current is None:
                path = next(self._paths, None)
                if path is None:
                    return 0
                self._current = path.open("rb")
            count = self._current.readinto(buffer)
            if count:
                return count
            self._current.close()
            self._current = None

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
        super().close()


def _write_about(folder: Path, triples: int, base: str, disjoint: bool, files: dict[str, FileRecord]) -> None:
    about = {"triples": triples, "version": __version__, "schema": SCHEMA, "base": base, "disjoint": disjoint}
    about["files"] = {name: record.as_json() for name, record in sorted(files.items())}
    (folder / _ABOUT).write_text(json.dumps(about, indent=1), encoding="utf-8")


def _hook(point: str) -> None:
    """For the tests of killed builds: ``STRATEGYGRAPH_STORE_KILL_AT=<point>`` ends the process there at once."""
    if os.environ.get("STRATEGYGRAPH_STORE_KILL_AT") == point:
        os.kill(os.getpid(), 9)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _publish(temporary: Path, target: Path) -> None:
    try:
        temporary.rename(target)
    except OSError as error:  # another process built the same key first: keep its store
        if error.errno not in (errno.EEXIST, errno.ENOTEMPTY) or not target.is_dir():
            raise


def _remove_older_keys(folder: Path, name: str) -> None:
    sources = name.split("-", 1)[0]
    for entry in folder.iterdir():
        found = _KEY_FOLDER.fullmatch(entry.name)
        if found and found["sources"] == sources and entry.name != name:
            _retire(entry)


def _retire(store: Path) -> None:
    retired = store.parent / f".old-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        store.rename(retired)  # at once out of sight; a reader that opened it keeps its open files
    except OSError:
        return  # another process removed it first
    shutil.rmtree(retired, ignore_errors=True)


def _open_read_only(target: Path) -> ox.Store | None:
    """The store opened read-only, or None when it is gone."""
    try:
        return ox.Store.read_only(str(target))
    except OSError as error:
        if not target.is_dir():
            return None
        raise InputError("error_store_cannot_open", path=target, detail=str(error).partition("\n")[0]) from None


def _about(target: Path) -> dict[str, Any] | None:
    """What the build or update of a store recorded (None when unreadable)."""
    try:
        about = json.loads((target / _ABOUT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return about if isinstance(about, dict) else None


def _recorded_triples(target: Path) -> int | None:
    triples = (_about(target) or {}).get("triples")
    return triples if isinstance(triples, int) else None
