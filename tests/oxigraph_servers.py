"""A real Oxigraph server (read-write, in memory) on a free loopback port, started and stopped by a test."""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from strategygraph.stores.endpoint import Endpoint, free_port, oxigraph_executable


@dataclass(frozen=True)
class OxigraphServer(Endpoint):
    """A writable server: ``query_url`` for SPARQL, ``store_url`` for the Graph Store Protocol."""

    @property
    def store_url(self) -> str:
        return f"{self.base_url}/store"


@contextmanager
def oxigraph_server() -> Iterator[OxigraphServer]:
    """``oxigraph serve`` (writable, in memory) on 127.0.0.1, stopped when the block ends."""
    port = free_port()
    command = [str(oxigraph_executable()), "serve", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        while True:
            with suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("oxigraph serve did not start")
            time.sleep(0.05)
        yield OxigraphServer(f"http://127.0.0.1:{port}")
    finally:
        process.terminate()
        process.wait(timeout=10)


def spawn_serve(*options: str, stderr: int = subprocess.DEVNULL) -> tuple[subprocess.Popen[str], str]:
    """`strategygraph --lang en serve --port 0 OPTIONS` in a process of its own, and the first line it printed
    (the endpoint's address). The caller stops it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "strategygraph", "--lang", "en", "serve", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 60)
    if not ready:
        process.kill()
        raise AssertionError("serve printed nothing within 60 s")
    first_line = process.stdout.readline()
    assert first_line.startswith("SPARQL endpoint (read-only): http://127.0.0.1:"), first_line
    return process, first_line
