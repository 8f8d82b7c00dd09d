"""A read-only SPARQL 1.1 Protocol endpoint for the built graph: the Oxigraph server, behind a time limit.

The graph is loaded into a temporary Oxigraph database (``oxigraph load``) and served by
``oxigraph serve-read-only`` on a private loopback port: Oxigraph implements the SPARQL 1.1 Protocol,
refuses updates and Graph Store writes (HTTP 403), and serves the YASGUI query editor from its own files.
The editor's script would also ask prefix.cc for prefixes; the relay sends the page with a
Content-Security-Policy that keeps the browser on this endpoint, so nothing leaves the machine.

The relay in front (:mod:`strategygraph.stores.relay`) checks every request (the ``Host`` header, the body's
size, no ``SERVICE`` unless allowed) and enforces the time limit: a runaway query is ended by restarting the
server process on the same database. The server process dies with ``serve``, even on ``kill -9`` (Linux: the
kernel's parent-death signal), so no orphan keeps the port or the temporary database.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import StrategyGraphError
from .relay import FrontPage, RelayServer

_PR_SET_PDEATHSIG = 1
_FOLDER_PREFIX = "strategygraph-serve-"
_OWNER_FILE = "serve.pid"


def oxigraph_executable() -> Path:
    """The ``oxigraph`` server binary from the ``oxigraph`` package (next to this Python, or on PATH)."""
    for candidate in (Path(sysconfig.get_path("scripts")) / "oxigraph", shutil.which("oxigraph")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise StrategyGraphError("error_oxigraph_missing")


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def die_with_parent() -> Callable[[], None] | None:
    """Linux: a ``preexec_fn`` that has the kernel kill the child (SIGKILL) when the thread that started it ends,
    which includes ``kill -9`` of this process. Elsewhere None (the child is stopped only on a normal exit)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent, kill = os.getpid(), int(signal.SIGKILL)

    def set_death_signal() -> None:  # runs in the child between fork and exec: nothing that takes a lock
        prctl(_PR_SET_PDEATHSIG, kill, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the signal was set
            os.kill(os.getpid(), kill)

    return set_death_signal


def load_database(ntriples: str, folder: Path, executable: Path | None = None) -> Path:
    """An Oxigraph database in ``folder`` holding the given N-Triples in its default graph."""
    binary = executable or oxigraph_executable()
    source = folder / "graph.nt"
    source.write_text(ntriples, encoding="utf-8")
    location = folder / "database"
    run = subprocess.run(
        [str(binary), "load", "--location", str(location), "--file", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        detail = (run.stderr.strip().splitlines() or ["no message"])[-1]
        raise StrategyGraphError("error_oxigraph_load_failed", detail=detail)
    source.unlink()
    return location


@dataclass
class OxigraphProcess:
    """``oxigraph serve-read-only`` on a private loopback port; restarted to stop a runaway query."""

    location: Path
    timeout: float
    executable: Path = field(default_factory=oxigraph_executable)
    port: int = 0
    generation: int = 0
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _ready: threading.Event = field(default_factory=threading.Event, repr=False)
    # Every server process is started from this one thread, which lives as long as the endpoint: the kernel's
    # parent-death signal follows the starting *thread*, and a restart is asked for from a short-lived timer.
    _spawner: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="strategygraph-engine"), repr=False
    )

    def start(self) -> None:
        self._spawner.submit(self._start).result()

    def _start(self) -> None:
        self.port = free_port()
        # Oxigraph's own limit is set beyond ours, so that it never answers first with a cut-off 200.
        command = [
            str(self.executable),
            "serve-read-only",
            "--location",
            str(self.location),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--timeout-s",
            str(int(self.timeout) + 60),
        ]
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=die_with_parent()
        )
        self._wait_until_ready()
        self._ready.set()

    def _wait_until_ready(self, within: float = 15.0) -> None:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                stderr = self._process.stderr.read().decode("utf-8", "replace") if self._process.stderr else ""
                detail = (stderr.strip().splitlines() or ["no message"])[-1]
                raise StrategyGraphError("error_oxigraph_did_not_start", detail=detail)
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return
            time.sleep(0.05)
        raise StrategyGraphError("error_oxigraph_no_answer", seconds=float(within))

    def current(self, within: float) -> tuple[int, int]:
        """(generation, port) of the running server, waiting up to ``within`` seconds for a restart."""
        if not self._ready.wait(within):
            raise StrategyGraphError("error_engine_restarting")
        with self._lock:
            return self.generation, self.port

    def stop(self) -> None:
        self._ready.clear()
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()

    def restart(self, generation: int) -> None:
        """Stop and start again, unless another restart since ``generation`` already did."""
        with self._lock:
            if generation != self.generation:
                return
            self.stop()
            self.start()
            self.generation += 1

    def close(self) -> None:
        """Stop the server for good, and the thread that started it."""
        with self._lock:
            self.stop()
        self._spawner.shutdown(wait=True)


@dataclass(frozen=True)
class Endpoint:
    """A running endpoint: its base URL, and the query URL (``/query``) that SPARQL clients use."""

    base_url: str

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def remove_stale_databases(folder: Path | None = None) -> list[Path]:
    """Remove the temporary databases of ``serve`` processes that were killed (``kill -9`` skips the clean-up):
    this user's ``strategygraph-serve-*`` folders whose owning process is gone. Returns what was removed."""
    removed: list[Path] = []
    if os.name != "posix":  # os.kill(pid, 0) is not a harmless probe elsewhere
        return removed
    for candidate in sorted((folder or Path(tempfile.gettempdir())).glob(_FOLDER_PREFIX + "*")):
        with contextlib.suppress(OSError, ValueError):
            owner = int((candidate / _OWNER_FILE).read_text(encoding="ascii").strip())
            if candidate.stat().st_uid == os.getuid() and not _process_alive(owner):
                shutil.rmtree(candidate)
                removed.append(candidate)
    return removed


@contextlib.contextmanager
def running_endpoint(
    ntriples: str,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    allow_federation: bool = False,
    front: FrontPage | None = None,
) -> Iterator[Endpoint]:
    """Serve the graph read-only on ``host:port`` until the ``with`` block ends; then stop and clean up.

    ``allow_federation`` lets queries use ``SERVICE`` (the server then fetches from other hosts); ``front`` is
    the page served at ``/`` (Oxigraph's own page then moves to ``/yasgui``)."""
    if timeout <= 0:
        raise StrategyGraphError("error_timeout_not_positive")
    remove_stale_databases()
    with tempfile.TemporaryDirectory(prefix=_FOLDER_PREFIX) as folder:
        (Path(folder) / _OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
        engine = OxigraphProcess(load_database(ntriples, Path(folder)), timeout)
        try:
            engine.start()
            try:
                relay = RelayServer((host, port), engine, timeout, allow_federation, front=front)
            except OSError as error:
                raise StrategyGraphError("error_cannot_listen", host=host, port=str(port), cause=error) from None
            thread = threading.Thread(target=relay.serve_forever, name="strategygraph-serve", daemon=True)
            thread.start()
            try:
                shown = f"[{host}]" if ":" in host else host
                yield Endpoint(f"http://{shown}:{relay.server_address[1]}")
            finally:
                relay.shutdown()
                relay.server_close()
                thread.join(timeout=5)
        finally:
            engine.close()
