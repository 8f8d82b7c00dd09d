"""Apply a change of data files to a persistent store without reading the unchanged files again.

A store records, per data file, its content hash and an N-Triples copy of what that file stated (``files/``, see
:mod:`.persistent`). When the files change (a seminar added, replaced or removed) but the ontology, thesaurus,
version and schema did not, :func:`apply_changes` clones the store (a RocksDB checkpoint: hard links, not a copy),
removes the old files' triples, adds the new ones, and lets a :class:`Refresh` recompute the derived triples (theme
mentions, pillar contributions) of just the units and focus areas the change touches. The result is the store a
full build of the new files would give, triple for triple (tests/test_incremental_store.py checks it). A full build
uses the same :class:`Refresh` for every unit and focus area, scope by scope (:meth:`Refresh.scopes`).

A triple stated by two sources (two files, or a file and a derivation) must outlive the removal of one of them. A
build records whether its sources are *disjoint* (every triple from exactly one source); while they are, a removed
file's triples simply go. Otherwise a triple goes only if no remaining file's copy states it (a scan of the copies:
slower, still exact). Blank nodes get new labels when stored, so a change touching a file with blank nodes, or a
thesaurus, pillar or concept scheme, needs a full build: :class:`FullRebuild`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from .oxigraph import OxigraphStore

FILES = "files"  # the N-Triples copy of each data file, inside a store's folder
_DEFAULT = ox.DefaultGraph()


class FullRebuild(Exception):
    """The change cannot be applied to the old store exactly; build the store from all files instead."""


@dataclass(frozen=True)
class Scope:
    """The units (statements, reflections) and focus areas whose derived triples a change may alter."""

    units: frozenset[ox.NamedNode]
    focus_areas: frozenset[ox.NamedNode]


class Refresh(Protocol):
    """What a store derives from its data, recomputed for part of it (see :mod:`..tagging.scoped`)."""

    def scope(self, store: OxigraphStore, subjects: frozenset[ox.NamedNode], touched: frozenset[ox.NamedNode]) -> Scope:
        """What a change whose triples have ``subjects`` and name ``touched`` may alter, as ``store`` shows it;
        raises :class:`FullRebuild` when a change there alters everything."""

    def derived(self, store: OxigraphStore, scope: Scope) -> set[ox.Quad]:
        """Exactly the derived triples of ``scope``'s units and focus areas that a full build of ``store`` adds."""

    def derived_ntriples(self, store: OxigraphStore, scope: Scope) -> str:
        """The same triples as :meth:`derived`, as one N-Triples document, each triple once."""

    def scopes(self, store: OxigraphStore) -> Iterator[Scope]:
        """Every unit and focus area of ``store`` that has derived triples, in scopes of bounded size that share
        none: what a build derives part by part."""

    def check(self, store: OxigraphStore, touched: frozenset[ox.NamedNode] | None) -> None:
        """Raise if the data is refused (two folders defining one seminar, say) where it names ``touched`` (None:
        anywhere)."""


@dataclass(frozen=True)
class FileRecord:
    """A data file as a store knows it: its bytes' hash, its N-Triples copy and whether it has blank nodes."""

    sha256: str
    dump: str
    blank: bool

    def as_json(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "dump": self.dump, "blank": self.blank}


def dump_name(path: Path) -> str:
    """The name of a data file's N-Triples copy inside a store (by its absolute path: one per file)."""
    import hashlib

    return f"{FILES}/{hashlib.sha256(os.fsencode(path)).hexdigest()[:24]}.nt"


def record_dump(dump: Path, sha256: str, name: str) -> FileRecord:
    return FileRecord(sha256, name, b"_:" in dump.read_bytes())


@dataclass(frozen=True)
class Outcome:
    """What an applied change left: the triple count, whether the sources stay disjoint, the files' records."""

    triples: int
    disjoint: bool
    files: dict[str, FileRecord]


def apply_changes(
    base: Path,
    temporary: Path,
    recorded: dict[str, FileRecord],
    current: dict[Path, str],
    counts: tuple[int, bool],
    refresh: Refresh,
) -> Outcome:
    """Write into ``temporary`` the store of the ``current`` files (absolute path → SHA-256), from the store in
    ``base`` whose files were ``recorded`` and whose triple count and disjointness are ``counts``."""
    triples, disjoint = counts
    keys = {str(path): path for path in current}
    gone = [name for name, record in recorded.items() if keys.get(name) is None or current[keys[name]] != record.sha256]
    came = [path for name, path in keys.items() if name not in recorded or recorded[name].sha256 != current[path]]
    if len(gone) + len(came) > max(len(recorded), len(current)) // 2:
        raise FullRebuild("most files changed: a build is faster")
    if any(recorded[name].blank for name in gone):
        raise FullRebuild("a changed file had blank nodes")
    old_store = ox.Store.read_only(str(base))
    old_store.backup(str(temporary))
    (temporary / FILES).mkdir()
    files = {name: record for name, record in recorded.items() if name not in gone}
    for record in files.values():
        os.link(base / record.dump, temporary / record.dump)
    old = _read_dumps(base / recorded[name].dump for name in gone)
    new: set[ox.Quad] = set()
    stated_twice = False
    for path in came:
        name = dump_name(path)
        triples_of_file = _parse_into(path, temporary / name)
        stated_twice = stated_twice or not new.isdisjoint(triples_of_file)  # two new files state one triple
        new |= triples_of_file
        files[str(path)] = record_dump(temporary / name, current[path], name)
        if files[str(path)].blank:
            raise FullRebuild("a new file has blank nodes")
    disjoint = disjoint and not stated_twice
    store = ox.Store(str(temporary))
    subjects, touched = _named(old | new)
    scope = refresh.scope(OxigraphStore(old_store), subjects, touched)
    stated = _Stated([temporary / record.dump for record in files.values()], new)
    triples, disjoint = _apply(store, old - new, new - old, (triples, disjoint), stated)
    scope = _union(scope, refresh.scope(OxigraphStore(store), subjects, touched))
    before, after = refresh.derived(OxigraphStore(old_store), scope), refresh.derived(OxigraphStore(store), scope)
    triples, disjoint = _apply(store, before - after, after - before, (triples, disjoint), stated)
    missing = [quad for quad in before & after if quad not in store]  # went with a file that stated it too
    store.extend(missing)
    triples += len(missing)
    refresh.check(OxigraphStore(store), touched)
    store.flush()
    del store, old_store
    gc.collect()  # closes both databases before the new folder moves
    return Outcome(triples, disjoint, files)


def _parse_into(path: Path, dump: Path) -> set[ox.Quad]:
    """The triples of one Turtle file, written to ``dump`` as N-Triples."""
    return set(parse_copy(path, dump))


def parse_copy(path: Path, dump: Path) -> ox.Store:
    """One Turtle file parsed into a store of its own (errors name the file and line) and written to ``dump`` as
    N-Triples (each triple once): a data file's copy, as a build and an update keep it."""
    scratch = OxigraphStore()
    scratch.load_turtle(path)
    with dump.open("wb") as handle:  # a handle, not the path: pyoxigraph writes a path unbuffered (4 times slower)
        scratch.oxigraph.dump(handle, format=ox.RdfFormat.N_TRIPLES, from_graph=_DEFAULT)
    return scratch.oxigraph


def _read_dumps(dumps: Iterable[Path]) -> set[ox.Quad]:
    found: set[ox.Quad] = set()
    for dump in dumps:
        found.update(ox.parse(path=dump, format=ox.RdfFormat.N_TRIPLES))
    return found


def _named(quads: set[ox.Quad]) -> tuple[frozenset[ox.NamedNode], frozenset[ox.NamedNode]]:
    """The IRIs the triples are about, and every IRI they name (subjects and objects)."""
    subjects = frozenset(quad.subject for quad in quads if isinstance(quad.subject, ox.NamedNode))
    return subjects, subjects | {quad.object for quad in quads if isinstance(quad.object, ox.NamedNode)}


def _union(first: Scope, second: Scope) -> Scope:
    return Scope(first.units | second.units, first.focus_areas | second.focus_areas)


class _Stated:
    """Every triple the remaining files state (their copies, read once and only when needed) and the new files'."""

    def __init__(self, dumps: list[Path], new: set[ox.Quad]) -> None:
        self._dumps, self._new = dumps, new
        self._found: set[ox.Quad] | None = None

    def __call__(self) -> set[ox.Quad]:
        if self._found is None:
            self._found = _read_dumps(self._dumps) | self._new
        return self._found


def _apply(
    store: ox.Store, removed: set[ox.Quad], added: set[ox.Quad], counts: tuple[int, bool], stated: _Stated
) -> tuple[int, bool]:
    """Remove and add triples, keeping the count; while the sources are not disjoint, a triple another source
    still states stays."""
    triples, disjoint = counts
    if removed and not disjoint:
        removed = removed - stated()
    for quad in removed:
        if quad in store:
            store.remove(quad)
            triples -= 1
    fresh = [quad for quad in added if quad not in store]
    if len(fresh) != len(added):
        disjoint = False  # a triple now has two sources
    store.extend(fresh)
    return triples + len(fresh), disjoint
