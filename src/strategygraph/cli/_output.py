"""Writing what a command makes: files and folders through a temporary name and a rename, never half written,
and never over the user's own files.

Guards, before any work is done:
- an output (file or folder) is never an input, inside one, or a folder that contains one (data folders,
  source files, the bundled ontology, data and queries);
- an output folder is never the current or home folder, nor one that contains them;
- ``--force`` replaces only a folder that strategygraph wrote itself: one that holds the marker file
  :data:`MARKER` (or an empty folder).

Temporary files and folders are named ``.<name>.strategygraph-<pid>-<random>.tmp`` (the previous output, while
it is being replaced, ``….old``) beside the output, so a later run finds what a killed run left behind (its
process is gone): it removes the temporaries and puts a previous output back if the new one never arrived. A
kill -9 at any moment thus leaves the old output or the new one, and the next run leaves no litter.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from ..errors import InputError

MARKER = ".strategygraph-output"
_MARKER_TEXT = b"written by strategygraph; --force may replace it\n"
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.strategygraph-(?P<pid>\d+)-[0-9a-f]+\.(?:tmp|old)$")


def _contains(folder: Path, path: Path) -> bool:
    return folder == path or folder in path.parents


def guard_output(out: Path, inputs: Sequence[Path], *, folder: bool) -> None:
    """Refuse (one line, exit 2) an output that would write over or around the user's inputs.

    ``inputs`` are the files and folders the command reads; ``folder`` says the output is a folder.
    """
    if out.is_symlink():
        raise InputError("error_output_symlink", path=out)
    target = out.resolve()
    for given in inputs:
        source = given.resolve()
        if _contains(target, source) or _contains(source, target):
            raise InputError("error_output_over_input", path=out, given=given)
    if folder:
        for key, protected in (("error_output_current_folder", Path.cwd()), ("error_output_home_folder", Path.home())):
            if _contains(target, protected.resolve()):
                raise InputError(key, path=out)


def check_output_folder(out: Path, inputs: Sequence[Path], *, force: bool = False) -> None:
    """Fail early, before any work, when ``out`` cannot become the output folder."""
    guard_output(out, inputs, folder=True)
    remove_stale_temporaries(out)
    if out.exists() and not out.is_dir():
        raise InputError("error_output_not_folder", path=out)
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise InputError("error_output_not_empty", path=out)
        if not (out / MARKER).is_file():
            raise InputError("error_output_foreign_folder", path=out, marker=MARKER)
    if not out.parent.is_dir():
        raise InputError("error_output_parent_missing", path=out.parent)


def _pid_is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(out: Path) -> None:
    """Tidy what killed runs left beside ``out`` (temporaries of processes that are gone): a previous output
    moved aside (``.old``) comes back when ``out`` is missing (the run died between its two renames); the rest
    is removed."""
    with contextlib.suppress(OSError):
        stale = []
        for entry in sorted(out.parent.iterdir()):
            match = _TEMPORARY.match(entry.name)
            if match is not None and match["name"] == out.name and not _pid_is_running(int(match["pid"])):
                stale.append(entry)
        for entry in stale:
            if entry.name.endswith(".old") and not out.exists() and not out.is_symlink():
                entry.rename(out)
            elif entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)


def _temporary_name(out: Path, kind: str) -> Path:
    return out.parent / f".{out.name}.strategygraph-{os.getpid()}-{secrets.token_hex(4)}.{kind}"


@contextlib.contextmanager
def _os_errors_as_input_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except InputError:
        raise
    except OSError as error:
        raise InputError("error_cannot_write", path=error.filename or path, cause=error) from None


def write_atomically(path: Path, content: str | bytes, inputs: Sequence[Path] = ()) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename: never a half-written file."""
    guard_output(path, inputs, folder=False)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not path.parent.is_dir():
        raise InputError("error_output_folder_missing", path=path.parent)
    if path.is_dir():
        raise InputError("error_output_is_folder", path=path)
    remove_stale_temporaries(path)
    temporary = _temporary_name(path, "tmp")
    with _os_errors_as_input_errors(path):
        try:
            _write_file(temporary, data)
            temporary.replace(path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def replace_folder_atomically(
    out: Path,
    files: Mapping[str, bytes],
    check: Callable[[Path], None],
    inputs: Sequence[Path],
    *,
    force: bool = False,
) -> None:
    """Write ``files`` (by relative path) into a new folder next to ``out``, ``check`` it, then rename it to ``out``.

    The folder gets the marker file that lets a later ``--force`` replace it. A non-empty ``out`` is replaced
    only with ``force`` and only if strategygraph wrote it. On any error, ``out`` is left exactly as it was and
    the temporary folder is removed.
    """
    check_output_folder(out, inputs, force=force)
    temporary = _temporary_name(out, "tmp")
    with _os_errors_as_input_errors(out):
        temporary.mkdir()
        try:
            for relative, data in sorted(
                {**files, MARKER: b"written by strategygraph; --force may replace it\n"}.items()
            ):
                _write_file(temporary / relative, data)
            check(temporary)
            if not out.exists():
                temporary.rename(out)
                return
            previous = _temporary_name(out, "old")
            out.rename(previous)
            try:
                temporary.rename(out)
            except BaseException:
                previous.rename(out)
                raise
            shutil.rmtree(previous)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
