"""A real Oxigraph server (read-write, in memory) on a free loopback port, started and stopped by a test."""

from __future__ import annotations

import socket
import subprocess
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
