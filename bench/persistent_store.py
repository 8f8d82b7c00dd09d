"""Measure the persistent store against the targets of issue [store]: build once, then ask many times.

    PYTHONPATH=src python bench/persistent_store.py [--sizes 100000,1000000] [--repeat 3] [--work DIR]
                                                    [--json FILE] [--remote-max 1000000] [--today-max 1000000]
                                                    [--max-rss-gb 12] [--build-only] [--data DIR]

For each size it generates a data set (``generate.py``, seed 1, cached in ``--work``, see ``stores.dataset``) and
measures, each figure in a fresh process (wall time, and the child's own peak RSS from ``os.wait4``; medians of
``--repeat`` runs, builds and updates once):

- today's load + mentions (``load_graph(sources, "oxigraph")``, up to ``--today-max``) and the build of a
  persistent store (``load_graph(sources, PATH)``: ontology, thesaurus, data and theme mentions on disk);
- with ``--store PATH`` after that one build: ``info``, ``overlaps --format json`` (once alone: the first reads the
  corpus from the on-disk indexes and keeps it beside the store), ``report`` and every catalogue
  query (``query NAME --format csv``, defaults bound), each query beside the same query on a cold-opened raw
  pyoxigraph on-disk store of the same triples (a fresh process opening the built store's folder with
  ``pyoxigraph.Store.read_only`` and writing the CSV: no strategygraph import);
- one seminar's folder taken out of the data and the store updated in place, then put back (``add one seminar``);
- up to ``--remote-max``: an ``oxigraph serve`` on 127.0.0.1 (in memory), the graph put there by ``publish``, and
  ``overlaps`` and ``report`` with ``--store URL``.

Linux counts a child's peak RSS from the image it was forked from, so each figure includes this script's own RSS
at the start of the child (about 100 MB: it has imported strategygraph): an overstatement, never an understatement.
A process whose RSS passes ``--max-rss-gb`` is stopped (the figure shows "stopped"). Prints a Markdown table per
size: figure, target, ratio where the target is one, met / NOT met (targets at 1 M apply below 10 M, those at 10 M
from there on).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is a folder of scripts, not a package
from stores import dataset, machine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.oxigraph_servers import oxigraph_server  # the tests' server: `oxigraph serve` in memory, on loopback

REPO = Path(__file__).resolve().parent.parent
CLI = "from strategygraph.cli import main; main()"
LOAD = """
import sys
from pathlib import Path
from strategygraph.loading import DataSources, load_graph
print(len(load_graph(DataSources.bundled([Path(sys.argv[1])]), sys.argv[2])))
"""
RAW_QUERY = """
import json, sys
import pyoxigraph as ox
job = json.loads(sys.argv[2])
def term(kind, value, extra):
    if kind == "iri":
        return ox.NamedNode(value)
    if kind == "lang":
        return ox.Literal(value, language=extra)
    return ox.Literal(value, datatype=ox.NamedNode(extra)) if extra else ox.Literal(value)
store = ox.Store.read_only(sys.argv[1])
substitutions = {ox.Variable(name): term(*spec) for name, spec in job["bindings"].items()}
result = store.query(job["text"], prefixes=job["prefixes"], substitutions=substitutions)
sys.stdout.buffer.write(result.serialize(format=ox.QueryResultsFormat.CSV))
"""
MB = 1024.0
FIRST_OVERLAPS = "overlaps, first after the build (reads the corpus from disk and keeps it)"


@dataclass(frozen=True)
class Run:
    """One process: wall seconds, the child's peak RSS in MB; ``stopped`` past the RSS cap."""

    seconds: float
    rss_mb: float
    stopped: bool = False


@dataclass(frozen=True)
class Figure:
    name: str
    seconds: float | None  # None: stopped past the RSS cap
    rss_mb: float
    runs: int


def _environment() -> dict[str, str]:
    paths = [str(REPO / "src"), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in paths if path)}


def _rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) / MB for line in status.splitlines() if line.startswith("VmRSS:")), 0.0)


def run_process(argv: Sequence[str], max_rss_mb: float) -> Run:
    """Run ``argv`` (failing loudly), its peak RSS from ``os.wait4``; stopped when its RSS passes ``max_rss_mb``."""
    stopped = threading.Event()
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=_environment())

        def watch() -> None:
            while process.returncode is None and not stopped.is_set():
                if _rss_mb(process.pid) > max_rss_mb:
                    stopped.set()
                    os.kill(process.pid, signal.SIGKILL)
                time.sleep(0.25)

        threading.Thread(target=watch, daemon=True).start()
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        if process.returncode != 0 and not stopped.is_set():
            raise RuntimeError(f"{' '.join(argv[-6:])[:300]} … failed:\n{err.read().decode()[-2000:]}")
        return Run(seconds, usage.ru_maxrss / MB, stopped.is_set())


def measure(name: str, argv: Callable[[], Sequence[str]], repeat: int, max_rss_mb: float) -> Figure:
    """Median wall time and highest peak RSS of ``repeat`` fresh processes (``argv()`` before each)."""
    runs = []
    for _ in range(repeat):
        run = run_process(argv(), max_rss_mb)
        runs.append(run)
        if run.stopped:
            return Figure(name, None, run.rss_mb, len(runs))
    return Figure(name, statistics.median(r.seconds for r in runs), max(r.rss_mb for r in runs), len(runs))


def cli(data: Path, store: str, *arguments: str) -> list[str]:
    """The command in a fresh process; ``--data`` unless ``store`` is a service's URL (which holds the graph)."""
    folder = [] if store.startswith("http") else ["--data", str(data)]
    return [sys.executable, "-c", CLI, "--store", store, *folder, *arguments]


def raw_job(name: str) -> str:
    """A catalogue query as ``query NAME`` runs it with its defaults, for :data:`RAW_QUERY`: the planned text,
    the prefixes and the bound terms."""
    from rdflib import Literal, URIRef

    from strategygraph.catalogue.queries import bind_arguments, catalogue
    from strategygraph.namespaces import PREFIXES
    from strategygraph.stores.substitution import plan_substitution

    query = next(query for query in catalogue() if query.name == name)
    bindings: dict[str, list[str | None]] = {}
    for variable, term in bind_arguments(query, {}).items():
        if isinstance(term, URIRef):
            bindings[variable] = ["iri", str(term), None]
        else:
            assert isinstance(term, Literal)
            datatype = str(term.datatype) if term.datatype else None
            bindings[variable] = ["lang", str(term), term.language] if term.language else ["typed", str(term), datatype]
    text = plan_substitution(query.text, bindings).text
    return json.dumps({"text": text, "prefixes": {p: str(ns) for p, ns in PREFIXES.items()}, "bindings": bindings})


def store_folder(store: Path) -> Path:
    """The one key folder a build left in ``store`` (the Oxigraph database itself)."""
    (folder,) = (entry for entry in store.iterdir() if not entry.name.startswith("."))
    return folder


def measure_size(size: int, options: argparse.Namespace) -> dict[str, Any]:
    from strategygraph.catalogue.queries import catalogue

    data, summary = (options.data, f"{options.data} (given)") if options.data else dataset(size, options.work)
    store = options.work / f"store-{size}"
    report_out = options.work / f"report-{size}"
    cap, repeat = options.max_rss_gb * MB, options.repeat
    figures: list[Figure] = []

    def add(name: str, argv: Callable[[], Sequence[str]], runs: int = repeat) -> Figure:
        figure = measure(name, argv, runs, cap)
        figures.append(figure)
        progress(f"{size:,}: {name}: {figure.seconds} s, {figure.rss_mb:.0f} MB")
        return figure

    def report(kind: str) -> list[str]:
        shutil.rmtree(report_out, ignore_errors=True)
        return cli(data, kind, "report", "--out", str(report_out))

    if size <= options.today_max:
        add("today: load + mentions", lambda: [sys.executable, "-c", LOAD, str(data), "oxigraph"], 1)
    shutil.rmtree(store, ignore_errors=True)
    built = add("build", lambda: [sys.executable, "-c", LOAD, str(data), str(store)], 1)
    if built.seconds is None or options.build_only:
        if options.build_only:
            shutil.rmtree(store, ignore_errors=True)
        return {"data": summary, "figures": [asdict(figure) for figure in figures]}  # no store to ask
    path = str(store)
    add("info", lambda: cli(data, path, "info"))
    add(FIRST_OVERLAPS, lambda: cli(data, path, "overlaps", "--format", "json"), 1)
    add("overlaps", lambda: cli(data, path, "overlaps", "--format", "json"))
    add("report", lambda: report(path))
    raw = store_folder(store)
    for query in catalogue():
        add(f"query {query.name}", partial(cli, data, path, "query", query.name, "--format", "csv"))
        add(f"raw query {query.name}", partial(list, (sys.executable, "-c", RAW_QUERY, str(raw), raw_job(query.name))))
    seminar = sorted(data.rglob("seminar.ttl"))[-1].parent
    held = options.work / f"held-{size}"
    seminar.rename(held)
    try:
        add("remove one seminar", lambda: [sys.executable, "-c", LOAD, str(data), path], 1)
    finally:
        held.rename(seminar)
    add("add one seminar", lambda: [sys.executable, "-c", LOAD, str(data), path], 1)
    if size <= options.remote_max:
        with oxigraph_server() as server:
            add("remote: publish", lambda: cli(data, path, "publish", "--endpoint", server.store_url), 1)
            add("remote: overlaps", lambda: cli(data, server.query_url, "overlaps", "--format", "json"))
            add("remote: report", lambda: report(server.query_url))
    shutil.rmtree(report_out, ignore_errors=True)
    return {"data": summary, "figures": [asdict(figure) for figure in figures]}


# --- the table ------------------------------------------------------------------------------------------------


def _at_10m(size: int) -> bool:
    return size >= 10_000_000


def judge(size: int, figures: dict[str, Figure]) -> list[tuple[str, str, str, str]]:
    """Rows of (figure, target, ratio, met) for one size."""
    rows: list[tuple[str, str, str, str]] = []

    def seconds(name: str) -> float | None:
        figure = figures.get(name)
        return figure.seconds if figure else None

    def row(name: str, target: str, limit: float | None, base: str | None = None) -> None:
        if name not in figures:
            return  # not measured (a stopped build ends the size)
        mine = seconds(name)
        ratio_text, value = "", mine
        if base is not None:
            other = seconds(base)
            value = mine / other if mine is not None and other else None
            ratio_text = f"{value:.2f}×" if value is not None else ""
        met = "" if limit is None else "stopped" if value is None else "met" if value <= limit else "**NOT met**"
        rows.append((name, target, ratio_text, met))

    queries = sorted(name.removeprefix("raw ") for name in figures if name.startswith("raw query "))
    if not _at_10m(size):
        row("today: load + mentions", "", None)
        row("build", "≤ 1.5× today's load + mentions", 1.5, "today: load + mentions")
        row("info", "≤ 1 s", 1.0)
        row(FIRST_OVERLAPS, "", None)
        row("overlaps", "≤ 3 s", 3.0)
        row("report", "≤ 15 s", 15.0)
        row("query committees", "≤ 1 s", 1.0)
        for query in queries:
            row(query, "≤ 1.5× raw on-disk", 1.5, f"raw {query}")
        row("remove one seminar", "", None)
        row("add one seminar", "≤ 2 s", 2.0)
        row("remote: publish", "", None)
        row("remote: overlaps", "≤ 2× local store", 2.0, "overlaps")
        row("remote: report", "≤ 2× local store", 2.0, "report")
        return rows
    row("build", "≤ 600 s", 600.0)
    row(FIRST_OVERLAPS, "≤ 60 s", 60.0)
    for name in ("info", "report", "remove one seminar", "add one seminar"):
        row(name, "", None)
    row("overlaps", "≤ 60 s", 60.0)
    for query in queries:
        row(query, "≤ 10 s", 10.0, None)
    return rows


def markdown(size: int, result: dict[str, Any]) -> str:
    figures = {record["name"]: Figure(**record) for record in result["figures"]}
    build_cap, command_cap = (8192.0, 4096.0) if _at_10m(size) else (None, None)
    lines = [
        f"\n### {size:,} generated triples: {result['data']}\n",
        "| figure | median s | peak RSS MB | target | ratio | met |",
        "|---|---|---|---|---|---|",
    ]
    for name, target, ratio_text, met in judge(size, figures):
        figure = figures[name]
        seconds = "stopped" if figure.seconds is None else f"{figure.seconds:.2f}"
        cap = build_cap if name in ("build", "today: load + mentions") else command_cap
        rss = f"{figure.rss_mb:,.0f}"
        if cap is not None:
            rss += f" (≤ {cap:,.0f}: {'met' if figure.rss_mb <= cap else '**NOT met**'})"
        lines.append(f"| {name} | {seconds} | {rss} | {target} | {ratio_text} | {met} |")
    return "\n".join(lines)


def progress(message: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="Generated triples, comma-separated.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per command (median).")
    parser.add_argument("--work", type=Path, default=Path("/tmp/strategygraph-bench-persistent"))
    parser.add_argument("--json", type=Path, default=None, help="Write the figures here.")
    parser.add_argument("--remote-max", type=int, default=1_000_000, help="Largest size measured remotely.")
    parser.add_argument("--today-max", type=int, default=1_000_000, help="Largest size loaded today's way.")
    parser.add_argument("--max-rss-gb", type=float, default=12.0, help="Stop a process past this RSS.")
    parser.add_argument("--build-only", action="store_true", help="Measure the builds only (then remove the store).")
    parser.add_argument("--data", type=Path, default=None, help="This data folder (of the one size) instead.")
    options = parser.parse_args(argv)
    options.work.mkdir(parents=True, exist_ok=True)
    print(f"# Persistent store against issue [store]'s targets, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(f"\n{machine()}; {platform.node()}, load average at start {os.getloadavg()[0]:.1f}", flush=True)
    results: dict[str, Any] = {}
    for size in (int(text) for text in options.sizes.split(",")):
        results[str(size)] = measure_size(size, options)
        results[str(size)]["load_average_end"] = os.getloadavg()[0]
        print(markdown(size, results[str(size)]))
        print(f"\nload average at the end: {os.getloadavg()[0]:.1f}", flush=True)
    if options.json is not None:
        options.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
