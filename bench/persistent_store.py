"""Measure the persistent store: build once, then ask many times, against today's Oxigraph store in memory.

    PYTHONPATH=src python bench/persistent_store.py [--sizes 100000,1000000] [--repeat 3] [--work DIR] [--json FILE]

For each size it generates a data set (``generate.py``, seed 1, cached in ``--work``), then, each in a fresh
process: the build of a persistent store (``load_graph(sources, PATH)``: ontology, thesaurus, data, theme mentions
written to disk) beside today's load + mentions (``load_graph(sources, "oxigraph")``); and the commands
``info`` and ``query committees --format csv`` run with ``--store PATH`` after that one build and with
``--store oxigraph`` (wall time of the whole process, median of ``--repeat`` runs); then one seminar's folder
removed from the data and the store updated in place (``load_graph`` in a fresh process), and the folder put
back and the store updated again. Targets (issue [store]): after one build, ``info`` ≤ 1 s and ``query committees``
≤ 1 s at 1 M; the build ≤ 1.5× today's load + mentions; adding one seminar to the 1 M store ≤ 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is a folder of scripts, not a package
from generate import generate

REPO = Path(__file__).resolve().parent.parent
CLI = "from strategygraph.cli import main; main()"
LOAD = """
import sys, time
from pathlib import Path
from strategygraph.loading import DataSources, load_graph
start = time.perf_counter()
store = load_graph(DataSources.bundled([Path(sys.argv[1])]), sys.argv[2])
print(time.perf_counter() - start, len(store))
"""
COMMANDS = {"info": ["info"], "query committees": ["query", "committees", "--format", "csv"]}


def _environment() -> dict[str, str]:
    paths = [str(REPO / "src"), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in paths if path)}


def _load(folder: Path, store: str) -> tuple[float, int]:
    """Seconds to load (and build, for a path) in a fresh process, and the triples in the store."""
    done = subprocess.run(
        [sys.executable, "-c", LOAD, str(folder), store], capture_output=True, text=True, check=True, env=_environment()
    )
    seconds, triples = done.stdout.split()
    return float(seconds), int(triples)


def _wall(folder: Path, store: str, arguments: list[str], repeat: int) -> float:
    """Median wall seconds of the whole command in a fresh process."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", CLI, "--store", store, "--data", str(folder), *arguments],
            capture_output=True,
            check=True,
            env=_environment(),
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(size: int, work: Path, repeat: int) -> dict[str, float]:
    folder = work / f"data-{size}"
    if not folder.exists():
        generate(folder, size, seed=1)
    store = work / f"store-{size}"
    shutil.rmtree(store, ignore_errors=True)
    figures: dict[str, float] = {}
    figures["today: load + mentions (oxigraph)"], triples = _load(folder, "oxigraph")
    figures["build (persistent)"], built = _load(folder, str(store))
    assert built == triples, (built, triples)
    figures["triples in the store"] = triples
    for name, arguments in COMMANDS.items():
        figures[f"{name}: --store oxigraph"] = _wall(folder, "oxigraph", arguments, repeat)
        figures[f"{name}: --store PATH"] = _wall(folder, str(store), arguments, repeat)
    seminar = sorted(folder.rglob("seminar.ttl"))[-1].parent
    held = work / f"held-{size}"
    shutil.rmtree(held, ignore_errors=True)
    try:
        seminar.rename(held)
        figures["remove one seminar"], fewer = _load(folder, str(store))
    finally:
        held.rename(seminar)
    figures["add one seminar"], again = _load(folder, str(store))
    assert again == triples > fewer, (again, triples, fewer)
    figures["triples of the seminar"] = triples - fewer
    figures["seminars"] = len(list(folder.rglob("seminar.ttl")))
    return figures


def _report(size: int, figures: dict[str, float]) -> None:
    print(f"\n{size:,} generated triples ({figures['triples in the store']:,.0f} in the store)")
    build, today = figures["build (persistent)"], figures["today: load + mentions (oxigraph)"]
    print(f"  build {build:.2f} s vs today's load + mentions {today:.2f} s: {build / today:.2f}x (target <= 1.5x)")
    for name in COMMANDS:
        after, before = figures[f"{name}: --store PATH"], figures[f"{name}: --store oxigraph"]
        print(f"  {name}: --store PATH {after:.2f} s vs --store oxigraph {before:.2f} s: {before / after:.1f}x faster")
        print(f"    (target at 1 M: <= 1 s: {'met' if after <= 1 else 'NOT met'})")
    seminars, seminar = figures["seminars"], figures["triples of the seminar"]
    print(f"  one seminar of {seminars:,.0f} ({seminar:,.0f} triples with its mentions), the store updated in place:")
    for name in ("remove one seminar", "add one seminar"):
        seconds = figures[name]
        print(
            f"    {name}: {seconds:.2f} s ({seconds / 2:.2f}x the target of 2 s; "
            f"{build / seconds:.0f}x faster than a build)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="Generated triples, comma-separated.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per command (median).")
    parser.add_argument("--work", type=Path, default=Path("/tmp/strategygraph-bench-persistent"))
    parser.add_argument("--json", type=Path, default=None, help="Write the figures here.")
    options = parser.parse_args()
    options.work.mkdir(parents=True, exist_ok=True)
    results = {}
    for size in (int(text) for text in options.sizes.split(",")):
        results[size] = measure(size, options.work, options.repeat)
        _report(size, results[size])
    if options.json is not None:
        options.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
