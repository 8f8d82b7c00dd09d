"""Measure the graph stores: load time, peak memory and a few queries at 10 k / 100 k / 1 M triples.

    python bench/stores.py [--max-triples 1000000] [--repeat 5] [--budget 60] [--work /tmp/strategygraph-bench]

For each size it generates a data set (``generate.py``, seed 1, cached in ``--work``) and then, each in a fresh
process so that peak RSS belongs to one store alone, loads the bundled ontology plus the data into
- ``memory``: strategygraph's MemoryStore (rdflib),
- ``oxigraph``: strategygraph's OxigraphStore (pyoxigraph, Oxigraph's Turtle parser),
- ``raw-bulk`` / ``raw-load``: pyoxigraph itself, ``Store.bulk_load`` / ``Store.load`` of the same files,
then (stores only) derives the theme mentions as every command does,
and runs each query ``--repeat`` times (median, after one warm-up run; a query over ``--budget`` seconds is
reported as ">budget") through the store and, for Oxigraph, directly in pyoxigraph on the same data: the
wrapper's overhead is substitution planning and conversion to rdflib terms. Ratios come from figures measured in
the same run. The full benchmark (every catalogue query, overlaps, report) is run.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from generate import generate, gold_files
from strategygraph import DataSources, GraphStore
from strategygraph.namespaces import PREFIXES, SG
from strategygraph.stores.base import Triple
from strategygraph.stores.opening import open_store
from strategygraph.stores.substitution import plan_substitution
from strategygraph.summary import COUNTS_QUERY
from strategygraph.tagging.mentions import derive_theme_mentions
from strategygraph.validation.source_pointers import POINTERS_QUERY

SIZES = (10_000, 100_000, 1_000_000)
MODES = ("memory", "oxigraph", "raw-bulk", "raw-load")

FOCUS_AREA_STATEMENTS = """
SELECT ?statement ?order ?text WHERE {
    ?statement sg:focusArea ?focusArea ; sg:order ?order ; sg:text ?text .
} ORDER BY ?order
"""
STATEMENTS_BY_CONFIDENCE = """
SELECT ?committee (COUNT(DISTINCT ?statement) AS ?statements) WHERE {
    ?focusArea sg:presentedBy ?committee ; sg:attribution ?attribution .
    ?attribution sg:confidence ?confidence .
    ?statement sg:focusArea ?focusArea .
} GROUP BY ?committee ORDER BY DESC(?statements) ?committee
"""
QUERIES: dict[str, tuple[str, dict[str, Any]]] = {
    "counts (info)": (COUNTS_QUERY, {}),
    "pointers (validate)": (POINTERS_QUERY, {"pointer": SG.source, "textProperty": SG.text}),
    "statements of a focus area (IRI bound)": (FOCUS_AREA_STATEMENTS, {"focusArea": "FOCUS_AREA"}),
    "statements per committee (literal bound)": (STATEMENTS_BY_CONFIDENCE, {"confidence": "weak-guess"}),
}


def machine() -> str:
    """CPU model, cores, memory and Python version: the figures mean little without them."""
    cpu = platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line]
        cpu = f"{models[0]} × {len(models)}" if models else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kilobytes = int(meminfo.read_text().split()[1])
        memory = f", {kilobytes / 1024**2:.0f} GB RAM"
    versions = ", ".join(f"{package} {_version(package)}" for package in ("pyoxigraph", "rdflib"))
    return f"{cpu}{memory}, Python {platform.python_version()}, {versions}"


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bindings(spec: dict[str, Any], focus_area: str) -> dict[str, Any]:
    from rdflib import Literal, URIRef

    return {name: URIRef(focus_area) if value == "FOCUS_AREA" else Literal(value) for name, value in spec.items()}


class Timeout(Exception):
    pass


def _on_alarm(_signum: int, _frame: object) -> None:
    raise Timeout


def _median_seconds(run: Callable[[], object], repeat: int, budget: float) -> float | None:
    """Median wall time of ``repeat`` runs, or None when one run exceeds ``budget`` seconds (rdflib is pure
    Python, so the alarm interrupts it; Oxigraph queries here finish in well under the budget)."""
    times = []
    signal.signal(signal.SIGALRM, _on_alarm)
    for attempt in range(repeat + 1):
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            run()
        except Timeout:
            return None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if attempt:  # the first run warms caches
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def load_raw(files: list[Path], *, bulk: bool = True) -> Any:
    """A pyoxigraph store holding ``files``, loaded by pyoxigraph itself: ``Store.bulk_load`` or ``Store.load``."""
    import pyoxigraph as ox

    raw = ox.Store()
    for path in files:
        method = raw.bulk_load if bulk else raw.load
        method(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
    return raw


def child(mode: str, data: Path, repeat: int, budget: float) -> dict[str, Any]:
    """Run in a fresh process: load ``data`` one way, then time the queries."""
    files = DataSources.bundled([data]).files()
    started = time.perf_counter()
    store: GraphStore | None = None
    if mode in ("memory", "oxigraph"):
        store = open_store(files, mode)
        triples = len(store)
    else:
        triples = len(load_raw(files, bulk=mode == "raw-bulk"))
    report: dict[str, Any] = {"load_s": time.perf_counter() - started, "triples": triples, "rss_mb": peak_rss_mb()}
    if store is None:
        return report
    started = time.perf_counter()
    derive_theme_mentions(store)  # what every command does after loading
    report["mentions_s"] = time.perf_counter() - started
    focus_area = str(store.select(f"SELECT ?f WHERE {{ ?f a <{SG.FocusArea}> }} ORDER BY ?f LIMIT 1").rows[0][0])
    queries: dict[str, dict[str, float | None]] = {}
    for name, (query, spec) in QUERIES.items():
        bindings = _bindings(spec, focus_area)
        timing = {"store_s": _median_seconds(partial(store.select, query, bindings), repeat, budget)}
        if mode == "oxigraph":
            timing["raw_s"] = _median_seconds(raw_query(store, query, bindings), repeat, budget)
            timing["rows"] = len(store.select(query, bindings).rows)
        queries[name] = timing
    report["queries"] = queries
    report["rss_after_queries_mb"] = peak_rss_mb()
    started = time.perf_counter()
    store.to_rdflib()
    report["to_rdflib_s"] = time.perf_counter() - started
    started = time.perf_counter()
    store.add(_mention_like_triples(100_000))
    report["add_100k_s"] = time.perf_counter() - started
    return report


def _mention_like_triples(count: int) -> Iterator[Triple]:
    """Triples shaped like the tagger's theme mentions: an IRI subject, IRI, integer and string objects."""
    from rdflib import Literal, URIRef

    for index in range(count):
        mention = URIRef(f"https://w3id.org/strategygraph/id/bench/mention/{index // 4}")
        kind = index % 4
        if kind == 0:
            yield mention, URIRef(SG.theme), URIRef(f"https://w3id.org/strategygraph/theme/t{index % 27}")
        elif kind == 1:
            yield mention, URIRef(SG.start), Literal(index % 300)
        elif kind == 2:
            yield mention, URIRef(SG.end), Literal(index % 300 + 7)
        else:
            yield mention, URIRef(SG.matchedText), Literal("fællesskab")


def raw_query(store: GraphStore, query: str, bindings: dict[str, Any]) -> Callable[[], int]:
    """The same query straight in pyoxigraph, planned once: each call runs it and counts the rows, with no
    conversion of results to rdflib terms."""
    import pyoxigraph as ox

    from strategygraph.stores.oxigraph import OxigraphStore, to_substitutions

    assert isinstance(store, OxigraphStore)
    text = plan_substitution(query, bindings).text
    substitutions = to_substitutions(bindings)
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}

    def run() -> int:
        result = store.oxigraph.query(text, prefixes=prefixes, substitutions=substitutions)
        if isinstance(result, ox.QueryBoolean):
            return 1
        assert isinstance(result, ox.QuerySolutions)
        return len(list(result))

    return run


def dataset(size: int, work: Path) -> tuple[Path, str]:
    """The synthetic data set of ``size`` triples (seed 1) and its summary line, generated once into ``work``.

    The folder name carries a digest of the generator and its inputs, so a changed generator never reuses
    stale data."""
    digest = hashlib.sha256()
    for path in (Path(__file__).with_name("generate.py"), Path(__file__).with_name("catalogue.py"), *gold_files()):
        digest.update(path.read_bytes())
    data = work / f"synthetic-{size}-{digest.hexdigest()[:12]}"
    done = data / "done"
    if not done.exists():
        if data.exists():
            shutil.rmtree(data)  # an interrupted run left a partial folder
        summary = generate(data, size, seed=1)
        done.write_text(summary.line() + "\n", encoding="utf-8")
    return data, done.read_text(encoding="utf-8").strip()


def measure(size: int, work: Path, repeat: int, memory_max: int, budget: float) -> dict[str, Any]:
    data, summary = dataset(size, work)
    results: dict[str, Any] = {"data": summary}
    for mode in MODES:
        if mode == "memory" and size > memory_max:
            continue
        command = [sys.executable, __file__, "--child", mode, str(data), "--repeat", str(repeat)]
        command += ["--budget", str(budget)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results[mode] = json.loads(output.splitlines()[-1])
    return results


def _seconds(value: float | None, budget: float, width: int) -> str:
    return f"{value:>{width}.4f}" if value is not None else f"{'>' + format(budget, '.0f'):>{width}}"


def print_table(size: int, results: dict[str, Any], budget: float) -> None:
    print(f"\n## {size:,} triples target: {results['data']}")
    raw = results["raw-bulk"]["load_s"]
    print(
        f"{'store':<10} {'triples':>9} {'load s':>8} {'× raw bulk':>11} {'RSS MB':>7} {'mentions s':>11} "
        f"{'RSS end':>8} {'to_rdflib s':>12} {'add 100k s':>11}"
    )
    for mode in MODES:
        if mode in results:
            row = results[mode]
            extra = "".join(
                f"{row[key]:>{width}.2f}" if key in row else f"{'-':>{width}}"
                for key, width in (
                    ("mentions_s", 12),
                    ("rss_after_queries_mb", 9),
                    ("to_rdflib_s", 13),
                    ("add_100k_s", 12),
                )
            )
            ratio = row["load_s"] / raw
            print(f"{mode:<10} {row['triples']:>9} {row['load_s']:>8.2f} {ratio:>11.2f} {row['rss_mb']:>7.0f}{extra}")
    print(f"{'query':<44} {'rows':>6} {'memory s':>9} {'oxigraph s':>11} {'raw ox s':>9} {'ox/raw':>7} {'mem/ox':>7}")
    for name, timing in results["oxigraph"]["queries"].items():
        ox_s, raw_s = timing["store_s"], timing["raw_s"]
        memory_text, speedup = f"{'-':>9}", f"{'-':>7}"
        if "memory" in results:
            memory = results["memory"]["queries"][name]["store_s"]
            memory_text = _seconds(memory, budget, 9)
            speedup = f"{memory / ox_s:>7.0f}" if memory is not None else f"{'>' + format(budget / ox_s, '.0f'):>7}"
        print(
            f"{name:<44} {timing['rows']:>6} {memory_text} {ox_s:>11.4f} {raw_s:>9.4f} {ox_s / raw_s:>7.2f} {speedup}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-triples", type=int, default=1_000_000)
    parser.add_argument("--memory-max-triples", type=int, default=1_000_000, help="Skip rdflib above this size.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--budget", type=float, default=60.0, help="Give up on a query after this many seconds.")
    parser.add_argument("--work", type=Path, default=Path("/tmp/strategygraph-bench"))
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DATA"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, data = args.child
        print(json.dumps(child(mode, Path(data), args.repeat, args.budget)))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"# strategygraph stores on {machine()}")
    for size in SIZES:
        if size <= args.max_triples:
            results = measure(size, args.work, args.repeat, args.memory_max_triples, args.budget)
            print_table(size, results, args.budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())
