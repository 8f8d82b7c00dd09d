"""Time every catalogue query on the bundled data: median of repeated runs, local store and Oxigraph endpoint.

Run: .venv/bin/python bench/queries.py [--repeat N] [--no-endpoint] [--data DIR]

Prints one line per query: rows, median local time (rdflib in memory, query parsed once and cached as
the CLI does within one run), median time through `strategygraph serve` (the Oxigraph server over
HTTP, including the request), and the ratio. A figure to watch, not a test: nothing here fails.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from strategygraph import DataSources, GraphStore, catalogue, load_graph, run_query
from strategygraph.stores.endpoint import running_endpoint
from strategygraph.stores.remote import SparqlEndpoint
from strategygraph.stores.serialization import serialize_graph


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    action()  # warm-up: parsing and caches
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-endpoint", action="store_true", help="time the local store only")
    parser.add_argument("--data", type=Path, action="append", default=[], help="data folder (default: bundled)")
    options = parser.parse_args()

    started = time.perf_counter()
    local: GraphStore = load_graph(DataSources.bundled(options.data))
    print(f"graph: {len(local)} triples, loaded in {time.perf_counter() - started:.2f} s")
    queries = catalogue()

    def run_all(remote: GraphStore | None) -> None:
        header = f"{'query':30} {'rows':>5} {'local ms':>9}"
        print(header + (f" {'endpoint ms':>12} {'local/endpoint':>15}" if remote else ""))
        total_local = total_remote = 0.0
        for query in queries:
            rows = len(run_query(local, query).rows)
            local_s = median_seconds(lambda q=query: run_query(local, q), options.repeat)  # type: ignore[misc]
            total_local += local_s
            line = f"{query.name:30} {rows:5d} {local_s * 1000:9.1f}"
            if remote is not None:
                remote_s = median_seconds(lambda q=query: run_query(remote, q), options.repeat)  # type: ignore[misc]
                total_remote += remote_s
                line += f" {remote_s * 1000:12.1f} {local_s / remote_s:15.1f}"
            print(line)
        summary = f"{'all ' + str(len(queries)) + ' queries':30} {'':5} {total_local * 1000:9.1f}"
        print(summary + (f" {total_remote * 1000:12.1f} {total_local / total_remote:15.1f}" if remote else ""))

    if options.no_endpoint:
        run_all(None)
        return
    with running_endpoint(serialize_graph(local, "nt"), port=0, timeout=60) as endpoint:
        run_all(SparqlEndpoint(endpoint.query_url))


if __name__ == "__main__":
    main()
