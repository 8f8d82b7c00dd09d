"""A persistent Oxigraph store on disk: built once from the input files, then opened read-only by every command.

A store folder (``--store PATH``, or the automatic cache under ``$XDG_CACHE_HOME/strategygraph/``) holds one
sub-folder per *key*, named ``<sources>-<content>``: ``sources`` identifies the data folders, ``content`` hashes the
bytes of every input file (ontology, thesaurus and data Turtle, with their paths), the package version and
:data:`SCHEMA`. An edited file or a new release thus names another sub-folder and never serves stale answers.

A build writes into ``.tmp-<pid>-<random>`` beside its target and renames it into place when complete, so a
reader sees an old store or a new one, never half of one; a killed build leaves only its temporary, which the
next run removes (its pid is no longer running). After a build, the older keys of the same data folders go.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pyoxigraph as ox

from .. import __version__
from ..errors import InputError
from .oxigraph import OxigraphStore

SCHEMA = 1  # raise when what a build writes changes (the derived mentions, say) without a new release
_KEY_FOLDER = re.compile(r"(?P<sources>[0-9a-f]{16})-[0-9a-f]{32}")
_TEMPORARY = re.compile(r"\.(?:tmp|old)-(?P<pid>[0-9]+)-[0-9a-f]+")
_ABOUT = "strategygraph.json"  # beside Oxigraph's files: what the build knew (RocksDB ignores the name)
Build = Callable[[OxigraphStore], None]


class PersistentStore(OxigraphStore):
    """An Oxigraph store on disk, opened read-only: an :class:`OxigraphStore` in every query (``kind`` included,
    so --seminar scoping gives an in-memory Oxigraph store), whose triple count the build recorded (counting
    on disk scans an index: a second at 1 M triples)."""

    def __init__(self, store: ox.Store, files: Sequence[Path], triples: int | None) -> None:
        super().__init__(store, files=files)
        self._triples = triples

    def __len__(self) -> int:
        return super().__len__() if self._triples is None else self._triples


def cache_root() -> Path:
    """The automatic stores' folder: ``$XDG_CACHE_HOME/strategygraph`` (``~/.cache/strategygraph`` without it)."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(configured) if configured and Path(configured).is_absolute() else Path.home() / ".cache"
    return base / "strategygraph"


def content_key(files: Sequence[Path]) -> str:
    """A digest of every file's path and bytes (read in chunks), the package version and the schema."""
    digest = hashlib.sha256(f"strategygraph {__version__} schema {SCHEMA}\n".encode())
    for path in files:
        resolved = path.resolve()
        digest.update(os.fsencode(resolved) + b"\0")
        with resolved.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()[:32]


def sources_id(data_dirs: Sequence[Path]) -> str:
    """Which data folders a store holds (not their content): its keys share this prefix."""
    return hashlib.sha256(b"\0".join(os.fsencode(folder.resolve()) for folder in data_dirs)).hexdigest()[:16]


def open_persistent(folder: Path, files: Sequence[Path], data_dirs: Sequence[Path], build: Build) -> PersistentStore:
    """The store of ``files`` in ``folder``, opened read-only; built first (``build`` fills a new, empty store)
    unless a store of the same key is there."""
    _prepare(folder)
    name = f"{sources_id(data_dirs)}-{content_key(files)}"
    target = folder / name
    for _attempt in range(3):  # a store another process removes between our look and our open is built again
        if not target.is_dir():
            _build(target, files, build)
            _remove_older_keys(folder, name)
        opened = _open_read_only(target)
        if opened is not None:
            return PersistentStore(opened, files, _recorded_triples(target))
    raise InputError("error_store_disappearing", path=target)


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


def _build(target: Path, files: Sequence[Path], build: Build) -> None:
    """Build in memory (Oxigraph's fastest path, as ``--store oxigraph`` does), then write it all with one bulk
    load through an N-Triples file: one call, however many input files."""
    temporary, dump = (target.parent / f".tmp-{os.getpid()}-{secrets.token_hex(4)}" for _ in range(2))
    try:
        memory = OxigraphStore(files=files)
        build(memory)
        about = {"triples": len(memory), "version": __version__, "schema": SCHEMA}
        memory.oxigraph.dump(dump, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        del memory
        disk = ox.Store(str(temporary))
        disk.bulk_load(path=dump, format=ox.RdfFormat.N_TRIPLES)
        disk.flush()
        del disk
        gc.collect()  # closes the database before its folder moves
        (temporary / _ABOUT).write_text(json.dumps(about), encoding="utf-8")
        _publish(temporary, target)
    finally:
        _remove(temporary)
        _remove(dump)


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
            retired = folder / f".old-{os.getpid()}-{secrets.token_hex(4)}"
            try:
                entry.rename(retired)  # at once out of sight; a reader that opened it keeps its open files
            except OSError:
                continue  # another process removed it first
            shutil.rmtree(retired, ignore_errors=True)


def _open_read_only(target: Path) -> ox.Store | None:
    """The store opened read-only, or None when it is gone."""
    try:
        return ox.Store.read_only(str(target))
    except OSError as error:
        if not target.is_dir():
            return None
        raise InputError("error_store_cannot_open", path=target, detail=str(error).partition("\n")[0]) from None


def _recorded_triples(target: Path) -> int | None:
    try:
        triples = json.loads((target / _ABOUT).read_text(encoding="utf-8"))["triples"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return triples if isinstance(triples, int) else None
