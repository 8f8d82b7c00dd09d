"""A real Virtuoso (Debian's virtuoso-opensource 7) on free loopback ports, with a database of its own in a
temporary folder, the SPARQL account granted SPARQL_UPDATE (as the README tells administrators to), and its
default answer limits (ResultSetMaxRows 10 000): started and stopped by a test."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from strategygraph.stores.endpoint import free_port

SERVER = "virtuoso-t"
ISQL = "isql-vt"  # Debian's name for Virtuoso's isql (unixODBC has its own isql)
ADMIN = ("dba", "dba")  # a new database's administrator
INSTALL = "apt-get install -y virtuoso-opensource"
_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 4
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
"""


@dataclass(frozen=True)
class VirtuosoServer:
    """``query_url`` for SPARQL, ``store_url`` for the Graph Store Protocol, ``auth_store_url`` for it with HTTP
    digest authentication (the ``dba`` account); ``sql`` runs one SQL statement as the administrator."""

    base_url: str
    sql_port: int

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/sparql"

    @property
    def store_url(self) -> str:
        return f"{self.base_url}/sparql-graph-crud"

    @property
    def auth_store_url(self) -> str:
        return f"{self.base_url}/sparql-graph-crud-auth"

    def sql(self, statement: str) -> str:
        command = [_executable(ISQL), f"127.0.0.1:{self.sql_port}", *ADMIN, f"exec={statement}"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0 or "Error" in done.stdout:
            raise RuntimeError(f"isql failed on {statement!r}: {done.stdout}{done.stderr}")
        return done.stdout


def _executable(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} is missing: install Virtuoso ({INSTALL}; .ci/run does)")
    return found


@contextmanager
def virtuoso_server() -> Iterator[VirtuosoServer]:
    """``virtuoso-t +foreground`` on 127.0.0.1 with a new database, stopped (and the database removed) at the end."""
    with tempfile.TemporaryDirectory(prefix="virtuoso-") as folder:
        http_port, sql_port = free_port(), free_port()
        ini = Path(folder) / "virtuoso.ini"
        ini.write_text(_INI.format(folder=folder, http_port=http_port, sql_port=sql_port), encoding="utf-8")
        command = [_executable(SERVER), "+configfile", str(ini), "+foreground"]
        process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            server = VirtuosoServer(f"http://127.0.0.1:{http_port}", sql_port)
            _wait_until_ready(process, server)
            server.sql('grant SPARQL_UPDATE to "SPARQL";')
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _wait_until_ready(process: subprocess.Popen[bytes], server: VirtuosoServer) -> None:
    """Until the SPARQL endpoint answers (the HTTP port opens before the SPARQL service is set up)."""
    deadline = time.monotonic() + 60
    while True:
        with suppress(OSError), urllib.request.urlopen(f"{server.query_url}?query=ASK%7B%7D", timeout=2) as answer:
            if answer.status == 200:
                return
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("virtuoso-t did not start (see virtuoso.log in its database folder)")
        time.sleep(0.2)
