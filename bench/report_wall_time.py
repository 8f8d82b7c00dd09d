"""Wall time of `strategygraph report` on the bundled data (or --data FOLDER), and where it goes.

    .venv/bin/python bench/report_wall_time.py [--data FOLDER] [--repeat 3]

Prints the median wall time of the whole command in a fresh process (imports included), then one
in-process run split into loading, analysis and each step of the bundle, and the bundle's size.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path


def _command_seconds(data: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            command = [sys.executable, "-m", "strategygraph", *data, "report", "--out", f"{folder}/report", "--quiet"]
            subprocess.run(command, check=True)
            times.append(time.perf_counter() - start)
    return times


def _steps(data_dirs: list[Path]) -> None:
    from strategygraph import DataSources, analyse, load_graph, read_corpus, report_files

    marks: list[tuple[str, float]] = [("load the graph", time.perf_counter())]
    store = load_graph(DataSources.bundled(data_dirs), "auto")  # as the command line does
    marks.append(("read the corpus and analyse", time.perf_counter()))
    analysis = analyse(read_corpus(store))
    files = report_files(
        store,
        analysis,
        "da",
        progress=lambda message: marks.append((message, time.perf_counter())),
    )
    marks.append(("", time.perf_counter()))
    for (label, start), (_, end) in pairwise(marks):
        print(f"  {end - start:7.3f} s  {label}")
    print(f"  {marks[-1][1] - marks[0][1]:7.3f} s  in all (writing the files not included)")
    sizes = sorted(((len(data), name) for name, data in files.items()), reverse=True)
    total = sum(size for size, _ in sizes)
    views = sum(size for size, name in sizes if name.startswith("views/"))
    print(f"bundle: {len(files)} files, {total / 1e6:.1f} MB ({views / 1e6:.1f} MB views); largest: {sizes[0][1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, action="append", default=[], help="data folder (default: bundled)")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    data = [option for folder in arguments.data for option in ("--data", str(folder))]
    times = _command_seconds(data, arguments.repeat)
    print(f"strategygraph report: median {statistics.median(times):.2f} s over {len(times)} runs (fresh process)")
    print("one run, in process:")
    _steps(arguments.data)


if __name__ == "__main__":
    main()
