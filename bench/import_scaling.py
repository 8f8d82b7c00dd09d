"""How `strategygraph import` scales with the number of statements: wall time and peak memory of the installed
command on generated Markdown seminars, and the time per statement (flat = linear). Target: 100,000 statements
in at most 60 s and 2 GB.

    .venv/bin/python bench/import_scaling.py [--sizes 1000,10000,100000] [--stages]

``--stages`` also times each step of one import in this process (read, write, load, SHACL, source pointers).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = [
    "borgere",
    "skal",
    "trives",
    "fællesskab",
    "klima",
    "vækst",
    "skole",
    "arbejdsplads",
    "udvikling",
    "samarbejde",
    "kommune",
    "ældre",
    "børn",
]
PER_AREA = 50


def seminar_markdown(statements: int, seed: int = 1) -> str:
    """A valid seminar of ``statements`` statements: 50 per focus area, 5 focus areas per committee."""
    rng = random.Random(seed)
    lines = ["---", "municipality: Storby Kommune", "title: Stort seminar", "date: 2024-05-14", "---", ""]
    for area in range(max(1, statements // PER_AREA)):
        if area % 5 == 0:
            lines.append(f"# Udvalget nr {area // 5}")
        lines.append(f"## Fokusområde {area}")
        for number in range(PER_AREA):
            sentence = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
            lines.append(f"- {sentence} {area}-{number}.")
        lines.append("")
    return "\n".join(lines)


def measure(statements: int, folder: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one import in a fresh process (that process's own peak, from wait4)."""
    source = folder / f"seminar-{statements}.md"
    source.write_text(seminar_markdown(statements), encoding="utf-8")
    command = [sys.executable, "-m", "strategygraph", "import", str(source), "--out", str(folder / f"out-{statements}")]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"import of {statements} statements failed: {errors.decode(errors='replace')}")
    return wall, usage.ru_maxrss / 1024


def stages(statements: int, folder: Path) -> dict[str, float]:
    """Seconds per step of one import, run in this process: what ``strategygraph import`` does, step by step."""
    from strategygraph.formats.importing import import_seminar
    from strategygraph.loading import DataSources, load_curated
    from strategygraph.validation.shapes import validate_graph
    from strategygraph.validation.source_pointers import check_source_pointers

    seconds: dict[str, float] = {}
    started = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal started
        now = time.perf_counter()
        seconds[name] = now - started
        started = now

    imported = import_seminar(seminar_markdown(statements).encode("utf-8"), f"seminar-{statements}.md")
    lap("read+turtle")
    out = folder / f"stages-{statements}"
    for name, data in imported.files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    lap("write")
    sources = DataSources.bundled([out])
    store = load_curated(sources, "oxigraph")
    lap("load")
    validate_graph(store, sources.shapes_file)
    lap("shapes")
    check_source_pointers(store, sources.data_dirs)
    lap("pointers")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000,4000", help="statement counts, comma-separated")
    parser.add_argument("--stages", action="store_true", help="also time each step of the import in this process")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'statements':>10}  {'wall s':>8}  {'ms/statement':>12}  {'peak MB':>8}  per statement vs previous size")
    with tempfile.TemporaryDirectory() as temporary:
        previous: float | None = None
        for size in sizes:
            wall, peak = measure(size, Path(temporary))
            per = 1000 * wall / size
            ratio = f"{per / previous:.2f}×" if previous else "-"
            previous = per
            print(f"{size:>10}  {wall:>8.2f}  {per:>12.2f}  {peak:>8.0f}  {ratio}", flush=True)
        if args.stages:
            for size in sizes:
                laps = stages(size, Path(temporary))
                print(f"{size:>10}  " + "  ".join(f"{name} {value:.2f} s" for name, value in laps.items()), flush=True)


if __name__ == "__main__":
    main()
