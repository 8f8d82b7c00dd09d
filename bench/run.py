"""The benchmark: strategygraph at 10 k / 100 k / 1 M triples beside raw pyoxigraph and the issue's targets.

    python bench/run.py [--max-triples 1000000] [--repeat 5] [--budget 20] [--long-budget 150]
                        [--json FIGURES.json] [--work /tmp/strategygraph-bench] [--queries NAME,...]

For each size up to ``--max-triples`` it generates the synthetic data set once (``generate.py``, seed 1, cached in
``--work``), then measures, each part in a fresh process so that peak RSS belongs to that part alone:

- raw ``pyoxigraph``: ``Store.bulk_load`` of the ontology and data files;
- strategygraph as every command uses it (``--store auto``): loading the same files, deriving the theme mentions,
  every catalogue query through ``run_query`` (with its parameters' defaults, as ``strategygraph query NAME``
  runs it, and again with sample values for its optional parameters, bound as ``query -p`` binds them) beside the
  same query run directly in pyoxigraph on the same data, and the overlaps + themes analysis (``read_corpus`` and
  ``analyse``, as ``overlaps`` and ``themes`` run it);
- ``strategygraph --data DATA report`` of the installed command, in a subprocess.

Then the bundled data's ``report`` and ``strategygraph --help`` (at least five runs). Every figure is the median of
up to ``--repeat`` runs (queries after one warm-up run); ratios come from figures measured in the same run. A
query run over ``--budget`` seconds (loading, mentions, analysis and report: ``--long-budget``) is shown as
">budget": the process doing it is stopped and a new one goes on with the rest (reading back a dump of the loaded
store with its mentions). What ran over budget at one size is not run again at the next. Repeats stop early once a
figure has used a quarter of its budget, so slow figures are medians of fewer runs (``--json`` records how many).

Prints Markdown tables: each figure beside the issue's target, and whether the largest size measured meets it.
``--queries NAME,...`` measures only those catalogue queries (after loading and the mentions, which they need):
no analysis, no ``report``, no bundled-data figures.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from stores import SIZES, dataset, load_raw, machine, peak_rss_mb, raw_query

if TYPE_CHECKING:
    from strategygraph import GraphStore, NamedQuery

# The targets (at 1 M triples, and for the bundled data).
LOAD_RATIO = 3.0
QUERY_SECONDS, QUERY_RATIO = 2.0, 3.0
ANALYSIS_SECONDS = 10.0
REPORT_SECONDS = 60.0
RSS_MB = 4096.0
BUNDLED_REPORT_SECONDS = 3.0
HELP_SECONDS = 0.3
HELP_RUNS = 5
REPEAT_SHARE = 0.25  # repeats stop once a figure has used this share of its budget
MAX_PROCESSES = 12  # per size: the first, and one more after each step stopped over budget

Record = dict[str, Any]  # {"median_s": float | None (over budget), "runs": int, "rows": int | None, "note": str}
NOT_RUN: Record = {"median_s": None, "runs": 0, "rows": None, "note": "not run: strategygraph's run was over budget"}

# Sample values for the catalogue's parameters; committee and focus area are the data's most common slugs.
SAMPLE_THEME = "theme:faellesskaber"
_COMMON_SLUG = """
SELECT ?slug (COUNT(?node) AS ?uses) WHERE { ?node a ?class ; sg:slug ?slug }
GROUP BY ?slug ORDER BY DESC(?uses) ?slug LIMIT 1
"""


# --- in the child processes -----------------------------------------------------------------------------------


def _emit(message: dict[str, Any]) -> None:
    print(json.dumps(message), flush=True)


def _rows(result: object) -> int | None:
    if isinstance(result, int):
        return result
    rows = getattr(result, "rows", None)
    return len(rows) if isinstance(rows, list) else None


@dataclass
class Stepper:
    """Times named steps and reports each to the parent: ``begin`` (with its budget) before every run, then the
    median. Steps named in ``skip`` (already measured by an earlier process) are not run."""

    repeat: int
    skip: frozenset[str] = frozenset()

    def measure(
        self, key: str, action: Callable[[], object], budget: float, *, warm_up: bool = False, runs: int = 0
    ) -> Record | None:
        """Run ``action`` up to ``runs`` (default ``repeat``) times; None when the step is skipped."""
        if key in self.skip:
            return None
        wanted = runs or self.repeat
        times: list[float] = []
        spent, rows, first = 0.0, None, True
        while True:
            _emit({"begin": key, "budget": budget})
            started = time.perf_counter()
            result = action()
            elapsed = time.perf_counter() - started
            if elapsed > budget:
                return self.report(key, {"median_s": None, "runs": len(times) + 1, "rows": None})
            spent += elapsed
            rows = _rows(result)
            if not (warm_up and first):
                times.append(elapsed)
            first = False
            if len(times) >= wanted or spent >= budget * REPEAT_SHARE:
                break
        median = statistics.median(times or [spent])
        return self.report(key, {"median_s": median, "runs": max(len(times), 1), "rows": rows})

    def report(self, key: str, record: Record) -> Record:
        _emit({"result": key, **record, "rss_mb": peak_rss_mb()})
        return record


@dataclass(frozen=True)
class QueryCase:
    """One catalogue query with the arguments it runs with; ``key`` names it in the table."""

    key: str
    query: NamedQuery
    arguments: dict[str, str]


def sample_arguments(store: GraphStore) -> dict[str, str]:
    """Values for the catalogue's parameters that occur in the data: its most common committee and focus-area
    slugs, and a theme every data set mentions."""
    from rdflib import URIRef

    from strategygraph.namespaces import SG

    def common_slug(cls: str) -> str:
        rows = store.select(_COMMON_SLUG, {"class": URIRef(SG[cls])}).rows
        return str(rows[0][0]) if rows else ""

    return {"committee": common_slug("Committee"), "focusArea": common_slug("FocusArea"), "theme": SAMPLE_THEME}


def query_cases(queries: Sequence[NamedQuery], samples: dict[str, str]) -> Iterator[QueryCase]:
    """Each query with its defaults, then (when it has optional parameters) with sample values for them."""
    for query in queries:
        required = {p.name: samples[p.name] for p in query.parameters if p.required}
        yield QueryCase(query.name, query, required)
        optional = [p.name for p in query.parameters if p.optional]
        if optional:
            bound = {**required, **{name: samples[name] for name in optional}}
            yield QueryCase(f"{query.name} -p {' '.join(optional)}", query, bound)


def child_strategygraph(
    data: Path,
    store_kind: str,
    stepper: Stepper,
    budget: float,
    long_budget: float,
    resume: Path,
    only: Sequence[str] = (),
) -> None:
    """Load, derive mentions, run every catalogue query through strategygraph and raw pyoxigraph, analyse.
    With ``only`` (query names): just those queries, and no analysis.

    After the mentions, an Oxigraph store is dumped to ``resume``: a process that goes on after a stopped one
    reads it back instead of loading and deriving the mentions again (which takes a minute at 1 M triples)."""
    import pyoxigraph as ox

    from strategygraph import DataSources, analyse, catalogue, read_corpus, run_query
    from strategygraph.catalogue.parameters import resolve_entities
    from strategygraph.catalogue.queries import bind_arguments
    from strategygraph.stores.opening import open_store
    from strategygraph.stores.oxigraph import OxigraphStore
    from strategygraph.tagging.mentions import derive_theme_mentions

    files = DataSources.bundled([data]).files()
    loaded: list[GraphStore] = []

    def load() -> None:
        loaded.clear()  # drop the previous store first: the peak is one store's
        loaded.append(open_store(files, store_kind))

    if {"load", "mentions"} <= stepper.skip and resume.exists():
        resumed = OxigraphStore()
        resumed.oxigraph.bulk_load(path=resume, format=ox.RdfFormat.N_TRIPLES)
        loaded.append(resumed)
    elif stepper.measure("load", load, long_budget) is None:
        load()
    store = loaded[0]
    mentions = partial(derive_theme_mentions, store)
    if "mentions" not in stepper.skip:
        stepper.measure("mentions", mentions, long_budget, runs=1)
        if isinstance(store, OxigraphStore):
            partial_dump = resume.with_suffix(".partial")
            store.oxigraph.dump(partial_dump, ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
            partial_dump.replace(resume)
    elif not resume.exists():
        mentions()
    raw_store = store
    if not isinstance(store, OxigraphStore):  # the memory store: compare with the same triples in Oxigraph
        raw_store = OxigraphStore()
        raw_store.add(store.to_rdflib())
    samples = sample_arguments(store)
    _emit({"info": {"store": store.kind, "triples": len(store), "samples": samples}})
    queries = [query for query in catalogue() if not only or query.name in only]
    for case in query_cases(queries, samples):
        run = partial(run_query, store, case.query, case.arguments)
        mine = stepper.measure(f"query:{case.key}", run, budget, warm_up=True)
        if mine is not None and mine["median_s"] is None:
            stepper.report(f"raw:{case.key}", NOT_RUN)
            continue
        kinds = {parameter.name: parameter.kind for parameter in case.query.parameters}
        bindings = resolve_entities(store, kinds, bind_arguments(case.query, case.arguments))  # as run_query does
        stepper.measure(f"raw:{case.key}", raw_query(raw_store, case.query.text, bindings), budget, warm_up=True)
    if not only:
        stepper.measure("analysis", lambda: analyse(read_corpus(store)), long_budget)


def child_raw(data: Path, stepper: Stepper, long_budget: float) -> None:
    """pyoxigraph's own bulk load of the same files."""
    from strategygraph import DataSources

    files = DataSources.bundled([data]).files()
    loaded: list[object] = []

    def load() -> None:
        loaded.clear()
        loaded.append(load_raw(files, bulk=True))

    stepper.measure("raw load", load, long_budget)
    _emit({"info": {"triples": len(loaded[0])}})  # type: ignore[arg-type]


# --- in the parent --------------------------------------------------------------------------------------------


@dataclass
class ChildRun:
    """What one child process reported, its peak RSS, and the step it was stopped in (over its budget)."""

    records: dict[str, Record] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)
    rss_mb: float = 0.0
    stopped_in: str | None = None


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def _watchdog_seconds(budget: float) -> float:
    """How long a run may take before its process is stopped: a run just over budget still reports itself."""
    return budget + 5


def run_child(arguments: list[str]) -> ChildRun:
    """Run this script as a child process; stop it when a step overruns its budget."""
    command = [sys.executable, __file__, *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
    run = ChildRun()
    current, deadline = "", None
    while True:
        try:
            line = lines.get(timeout=None if deadline is None else max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            process.kill()
            run.stopped_in = current
            run.records[current] = {"median_s": None, "runs": 1, "rows": None}
            if current.startswith("query:"):
                run.records["raw:" + current.removeprefix("query:")] = NOT_RUN
            break
        if line is None:
            break
        message = json.loads(line)
        if "begin" in message:
            current, deadline = message["begin"], time.monotonic() + _watchdog_seconds(message["budget"])
        elif "result" in message:
            run.records[message.pop("result")] = message
            current, deadline = "", None
        else:
            run.info.update(message["info"])
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode and run.stopped_in is None:
        raise RuntimeError(f"benchmark step failed (exit {process.returncode}): {' '.join(command)}")
    run.rss_mb = usage.ru_maxrss / 1024
    return run


def run_command(command: list[str], budget: float) -> tuple[float | None, float]:
    """Wall seconds of ``command`` (None when stopped after ``budget`` seconds) and its peak RSS in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    timer = threading.Timer(budget, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode and elapsed < budget:
        raise RuntimeError(f"command failed (exit {process.returncode}): {' '.join(command)}")
    return (elapsed if process.returncode == 0 and elapsed <= budget else None), usage.ru_maxrss / 1024


def median_of_commands(command: Callable[[str], list[str]], repeat: int, budget: float) -> tuple[Record, float]:
    """Run ``command(scratch_folder)`` up to ``repeat`` times (fewer once a quarter of the budget is used)."""
    times: list[float] = []
    rss = 0.0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="strategygraph-bench-") as scratch:
            seconds, peak = run_command(command(scratch), budget)
        rss = max(rss, peak)
        if seconds is None:
            return {"median_s": None, "runs": len(times) + 1, "rows": None}, rss
        times.append(seconds)
        if sum(times) >= budget * REPEAT_SHARE:
            break
    return {"median_s": statistics.median(times), "runs": len(times), "rows": None}, rss


def installed_cli() -> str:
    """The `strategygraph` command installed beside this Python."""
    script = Path(sys.executable).with_name("strategygraph")
    if not script.exists():
        raise SystemExit(f"{script}: strategygraph is not installed in this environment (pip install -e .)")
    return str(script)


def carried_over(previous: dict[str, Any] | None) -> dict[str, Record]:
    """Steps that ran over budget at the previous (smaller) size: not run again, shown as over budget."""
    if previous is None:
        return {}
    label = size_label(previous["size"])
    return {
        key: {"median_s": None, "runs": 0, "rows": None, "note": f"not run: over budget at {label} already"}
        for key, record in previous["records"].items()
        if record["median_s"] is None and key not in ("load", "mentions", "raw load")
    }


def measure_size(size: int, options: argparse.Namespace, previous: dict[str, Any] | None) -> dict[str, Any]:
    data, summary = dataset(size, options.work)
    common = ["--repeat", str(options.repeat), "--budget", str(options.budget)]
    common += ["--long-budget", str(options.long_budget)]
    if options.queries:
        common += ["--queries", ",".join(options.queries)]
    progress(f"{size:,} triples: raw pyoxigraph bulk load")
    raw = run_child(["--child", "raw", str(data), *common])
    records = {**raw.records, **carried_over(previous)}
    info: dict[str, Any] = {}
    rss: dict[str, float] = {"raw": raw.rss_mb, "strategygraph": 0.0}
    resume = options.work / f"resume-{size}.nt"
    resume.unlink(missing_ok=True)
    try:
        for _attempt in range(MAX_PROCESSES):  # a step over budget stops its process; a new one does the rest
            progress(f"{size:,} triples: strategygraph (load, mentions, queries, analysis)")
            arguments = ["--child", "strategygraph", str(data), "--store", options.store, "--resume", str(resume)]
            skip = ",".join(sorted(key for key in records if key != "raw load"))
            run = run_child([*arguments, *common, "--skip", skip])
            records.update(run.records)
            info.update(run.info)
            rss["strategygraph"] = max(rss["strategygraph"], run.rss_mb)
            if run.stopped_in is None or run.stopped_in in ("load", "mentions"):
                break
    finally:
        resume.unlink(missing_ok=True)
    if "report" not in records and not options.queries:
        progress(f"{size:,} triples: strategygraph report")
        cli = installed_cli()
        records["report"], rss["report"] = median_of_commands(
            lambda scratch: [cli, "--data", str(data), "report", "--out", f"{scratch}/report", "--quiet"],
            options.repeat,
            options.long_budget,
        )
    found = re.search(r"(\d+) triples", summary)
    data_triples = int(found[1]) if found else 0
    return {
        "size": size,
        "data": summary,
        "data_triples": data_triples,
        "info": info,
        "records": records,
        "rss_mb": rss,
    }


def measure_bundled(options: argparse.Namespace) -> dict[str, Record]:
    cli = installed_cli()
    progress("bundled data: report, --help")
    report, _ = median_of_commands(
        lambda scratch: [cli, "report", "--out", f"{scratch}/report", "--quiet"], options.repeat, options.long_budget
    )
    help_record, _ = median_of_commands(lambda _scratch: [cli, "--help"], max(HELP_RUNS, options.repeat), 60.0)
    return {"report": report, "help": help_record}


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- the tables -------------------------------------------------------------------------------------------------


def size_label(size: int) -> str:
    return f"{size // 1_000_000} M" if size >= 1_000_000 else f"{size // 1000} k"


def seconds_text(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds:.4f}"
    return f"{seconds:.2f}" if seconds < 100 else f"{seconds:.0f}"


def figure(record: Record | None, budget: float) -> str:
    if record is None:
        return "not measured"
    if record["median_s"] is None:
        note = record.get("note", "")
        if record["runs"] == 0 and "over budget at" in note:
            return f"> {budget:g} s ({note.split('over budget at ')[1].removesuffix(' already')})"
        return "not run" if record["runs"] == 0 else f"> {budget:g} s"
    return seconds_text(record["median_s"])


def ratio(record: Record | None, base: Record | None) -> float | None:
    """``record`` / ``base``; None when either is missing; 0 when the base ran over budget (it is the slower)."""
    if record is None or base is None or record["median_s"] is None:
        return None
    if base["median_s"] is None:
        return 0.0
    return float(record["median_s"]) / max(float(base["median_s"]), 1e-9)


def with_ratio(record: Record | None, base: Record | None, budget: float) -> str:
    value = ratio(record, base)
    if value is None or value == 0.0:
        return figure(record, budget)
    return f"{figure(record, budget)} ({value:.1f}×)"


def verdict(met: bool | None) -> str:
    return "not measured" if met is None else ("met" if met else "**NOT met**")


def within(record: Record | None, limit: float) -> bool | None:
    if record is None:
        return None
    return record["median_s"] is not None and float(record["median_s"]) <= limit


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def markdown(self) -> str:
        lines = ["| " + " | ".join(self.headers) + " |", "|" + "---|" * len(self.headers)]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in self.rows]
        return "\n".join(lines)


def sizes_table(
    results: dict[int, dict[str, Any]], budget: float, long_budget: float, *, queries_only: bool = False
) -> Table:
    """Every figure by size; ``queries_only``: the data, loading and the queries (what ``--queries`` measures)."""
    sizes = sorted(results)
    largest = results[sizes[-1]]
    table = Table(["figure (median seconds; × raw pyoxigraph)", *map(size_label, sizes), "target at 1 M"])
    table.headers.append(f"at {size_label(sizes[-1])}")

    def add(label: str, cell: Callable[[dict[str, Any]], str], target: str, met: bool | str | None) -> None:
        text = met if isinstance(met, str) else verdict(met)
        table.rows.append([label, *(cell(results[size]) for size in sizes), target, text])

    def record(result: dict[str, Any], key: str) -> Record | None:
        found: Record | None = result["records"].get(key)
        return found

    add("data triples (generated)", lambda r: f"{r['data_triples']:,}", "", "")
    add("triples in the store (ontology, data, mentions)", lambda r: f"{r['info'].get('triples', 0):,}", "", "")
    add("store (`--store auto`)", lambda r: str(r["info"].get("store", "?")), "", "")
    add("raw pyoxigraph bulk load", lambda r: figure(record(r, "raw load"), long_budget), "", "")
    load_ratio = ratio(record(largest, "load"), record(largest, "raw load"))
    add(
        "load",
        lambda r: with_ratio(record(r, "load"), record(r, "raw load"), long_budget),
        f"≤ {LOAD_RATIO:g}× raw bulk load",
        None if load_ratio is None else load_ratio <= LOAD_RATIO,
    )
    add("theme mentions (every command, after loading)", lambda r: figure(record(r, "mentions"), long_budget), "", "")
    keys = dict.fromkeys(key for size in sizes for key in results[size]["records"] if key.startswith("query:"))
    for key in [key.removeprefix("query:") for key in keys]:
        mine, raw = record(largest, f"query:{key}"), record(largest, f"raw:{key}")
        query_ratio, fast = ratio(mine, raw), within(mine, QUERY_SECONDS)
        met = None if fast is None else fast and (query_ratio or 0.0) <= QUERY_RATIO  # no raw run: over budget
        add(
            f"query `{key}`",
            lambda r, k=key: with_ratio(record(r, f"query:{k}"), record(r, f"raw:{k}"), budget),  # type: ignore[misc]
            f"≤ {QUERY_SECONDS:g} s and ≤ {QUERY_RATIO:g}× raw",
            met,
        )
    if queries_only:
        return table
    add(
        "overlaps + themes (read corpus, analyse)",
        lambda r: figure(record(r, "analysis"), long_budget),
        f"≤ {ANALYSIS_SECONDS:g} s",
        within(record(largest, "analysis"), ANALYSIS_SECONDS),
    )
    add(
        "`report` (installed CLI, wall)",
        lambda r: figure(record(r, "report"), long_budget),
        f"≤ {REPORT_SECONDS:g} s",
        within(record(largest, "report"), REPORT_SECONDS),
    )
    for key, label in (("load", "after loading"), ("mentions", "after mentions"), ("analysis", "after analysis")):
        add(f"peak RSS MB {label}", partial(step_rss_text, key=key), "", "")
    for part, label in (("strategygraph", "load, mentions, queries, analysis"), ("report", "report"), ("raw", "raw")):
        rss = largest["rss_mb"].get(part)
        small_enough: bool | str | None = "" if part == "raw" else (None if not rss else rss <= RSS_MB)
        target = "" if part == "raw" else f"≤ {RSS_MB:g} MB"
        add(f"peak RSS MB: {label}", partial(rss_text, part=part), target, small_enough)
    return table


def rss_text(result: dict[str, Any], part: str) -> str:
    """A process's peak RSS (0 when it did not run)."""
    rss = result["rss_mb"].get(part, 0)
    return f"{rss:.0f}" if rss else "not run"


def step_rss_text(result: dict[str, Any], key: str) -> str:
    """The peak RSS of the strategygraph process when it finished a step (in the process that first ran it)."""
    rss = result["records"].get(key, {}).get("rss_mb")
    return f"{rss:.0f}" if rss else "—"


def bundled_table(bundled: dict[str, Record], long_budget: float) -> Table:
    table = Table(["bundled data (median seconds, wall, fresh process)", "figure", "target", "verdict"])
    for key, label, limit, budget in (
        ("report", "`strategygraph report`", BUNDLED_REPORT_SECONDS, long_budget),
        ("help", "`strategygraph --help`", HELP_SECONDS, 60.0),
    ):
        record = bundled[key]
        table.rows.append([label, figure(record, budget), f"≤ {limit:g} s", verdict(within(record, limit))])
    return table


# --- command line -----------------------------------------------------------------------------------------------


def query_names(text: str) -> tuple[str, ...]:
    """``--queries``: comma-separated names of catalogue queries; an unknown name is an error listing them."""
    from strategygraph.catalogue.queries import catalogue_names

    names = tuple(name.strip() for name in text.split(",") if name.strip())
    known = catalogue_names()
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"not catalogue queries: {', '.join(unknown)} (known: {', '.join(known)})")
    return names


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--max-triples", type=int, default=1_000_000, help="Largest size (default 1000000).")
    parser.add_argument("--repeat", type=int, default=5, help="Runs per figure, for the median (default 5).")
    parser.add_argument("--budget", type=float, default=20.0, help="Seconds a query run may take (default 20).")
    parser.add_argument(
        "--long-budget",
        type=float,
        default=150.0,
        help="Seconds loading, mentions, analysis or report may take (default 150).",
    )
    parser.add_argument("--store", choices=("auto", "memory", "oxigraph"), default="auto", help="Store to measure.")
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures to this JSON file.")
    parser.add_argument("--work", type=Path, default=Path("/tmp/strategygraph-bench"), help="Cache of data sets.")
    parser.add_argument(
        "--queries",
        type=query_names,
        default=(),
        metavar="NAME,...",
        help="Measure only these catalogue queries (no analysis, report or bundled-data figures).",
    )
    parser.add_argument("--child", nargs=2, metavar=("PART", "DATA"), help=argparse.SUPPRESS)
    parser.add_argument("--skip", default="", help=argparse.SUPPRESS)
    parser.add_argument("--resume", type=Path, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_arguments(argv)
    if options.child:
        part, data = options.child
        stepper = Stepper(options.repeat, frozenset(filter(None, options.skip.split(","))))
        if part == "raw":
            child_raw(Path(data), stepper, options.long_budget)
        else:
            child_strategygraph(
                Path(data),
                options.store,
                stepper,
                options.budget,
                options.long_budget,
                options.resume,
                options.queries,
            )
        return 0
    started = time.perf_counter()
    options.work.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict[str, Any]] = {}
    for size in (size for size in SIZES if size <= options.max_triples):
        results[size] = measure_size(size, options, results[max(results)] if results else None)
    bundled = {} if options.queries else measure_bundled(options)
    minutes = (time.perf_counter() - started) / 60
    title = f"strategygraph benchmark, {date.today().isoformat()}, on {machine()}; {minutes:.1f} min in all"
    tables = [bundled_table(bundled, options.long_budget).markdown()] if bundled else []
    if results:
        table = sizes_table(results, options.budget, options.long_budget, queries_only=bool(options.queries))
        tables.insert(0, table.markdown())
    samples = [f"{size_label(size)}: {result['info'].get('samples')}" for size, result in sorted(results.items())]
    text = "\n\n".join([f"# {title}", *tables, "Sample parameter values — " + "; ".join(samples)])
    print(text)
    if options.json:
        figures = {
            "title": title,
            "options": {key: str(value) for key, value in vars(options).items() if key not in ("child", "skip")},
            "sizes": {str(size): result for size, result in results.items()},
            "bundled": bundled,
            "markdown": text,
        }
        options.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
