"""Processes that read a persistent store over and over while a test changes the data under them: each prints one
count per load, and stops after the first load that began once the test said the change is done."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

_READER = """
import sys, time
from pathlib import Path
from strategygraph.loading import DataSources, load_graph
from strategygraph.summary import count_graph
folder, store, count, stop = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
deadline = time.time() + 120  # a failed test never says stop
while time.time() < deadline:
    stopping = stop.exists()
    print(getattr(count_graph(load_graph(DataSources.bundled([folder]), store)), count), flush=True)
    if stopping:
        break
"""
# the checkout's source first, as in this process
ENVIRONMENT = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}


class StoreReaders:
    """Two reader processes of ``store`` over ``folder``, each printing ``count_graph(…).<count>`` per load."""

    def __init__(self, folder: Path, store: str, count: str, stop: Path) -> None:
        self._stop = stop
        command = [sys.executable, "-c", _READER, str(folder), store, count, str(stop)]
        self._processes = [
            subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=ENVIRONMENT) for _ in range(2)
        ]

    def first_answers(self) -> list[int]:
        """Each reader's first count (read before the test changes anything)."""
        return [int(process.stdout.readline()) for process in self._processes if process.stdout is not None]

    def all_answers(self) -> list[int]:
        """Says the change is done, and every count the readers printed after their first, once they stopped."""
        self._stop.touch()
        seen = []
        for process in self._processes:
            output, _ = process.communicate(timeout=120)
            assert process.returncode == 0
            seen += [int(line) for line in output.split()]
        return seen

    def close(self) -> None:
        self._stop.touch()
        for process in self._processes:
            if process.poll() is None:
                process.kill()
            process.wait()
