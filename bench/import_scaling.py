"""How `strategygraph import` scales with the number of statements: wall time and peak memory of the installed
command on generated Markdown seminars, and the time per statement (flat = linear).

    .venv/bin/python bench/import_scaling.py [--sizes 250,1000,4000]
"""

from __future__ import annotations

import argparse
import random
import resource
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
    """Wall seconds and peak RSS (MB) of one import in a fresh process."""
    source = folder / f"seminar-{statements}.md"
    source.write_text(seminar_markdown(statements), encoding="utf-8")
    command = [sys.executable, "-m", "strategygraph", "import", str(source), "--out", str(folder / f"out-{statements}")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - started
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return wall, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000,4000", help="statement counts, comma-separated")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'statements':>10}  {'wall s':>8}  {'ms/statement':>12}  {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as temporary:
        first: float | None = None
        for size in sizes:
            wall, peak = measure(size, Path(temporary))
            per = 1000 * wall / size
            first = first or per
            print(
                f"{size:>10}  {wall:>8.2f}  {per:>12.2f}  {peak:>8.0f}   ({per / first:.2f}× the first per statement)"
            )


if __name__ == "__main__":
    main()
