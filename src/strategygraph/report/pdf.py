"""The report page printed to PDF by headless Chromium (the browser the report's print CSS is written for):
offline, in a throw-away profile, and within a time limit.

Chromium is a program on the machine, not a Python package: :func:`find_chromium` looks for it (the
``STRATEGYGRAPH_CHROMIUM`` environment variable first), and every failure is one :class:`PdfError` line.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import StrategyGraphError
from ..i18n import Phrase

CHROMIUM_VARIABLE = "STRATEGYGRAPH_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PDF_TIMEOUT = 120.0  # seconds; a report of a few thousand committees prints in well under a minute
_OFFLINE = (
    "--proxy-server=http://127.0.0.1:9",  # any http(s) request goes to a closed port …
    "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # … and no name resolves
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
)


class PdfError(StrategyGraphError):
    """Chromium is missing, failed or took too long."""


def find_chromium() -> Path:
    """The Chromium (or Chrome) to print with: ``$STRATEGYGRAPH_CHROMIUM``, else the first on the PATH."""
    named = os.environ.get(CHROMIUM_VARIABLE)
    if named:
        if not Path(named).is_file():
            raise PdfError("error_pdf_chromium_named_missing", variable=CHROMIUM_VARIABLE, named=named)
        return Path(named)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise PdfError("error_pdf_needs_chromium", variable=CHROMIUM_VARIABLE)


def _command(chromium: Path, page: Path, pdf: Path, profile: Path) -> list[str]:
    command = [
        str(chromium),
        "--headless",
        "--disable-gpu",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",  # the page's own @page rules number the pages
        "--run-all-compositor-stages-before-draw",
        *_OFFLINE,
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return command


def print_pdf(html: str, chromium: Path, timeout: float = PDF_TIMEOUT) -> bytes:
    """``html`` (a self-contained page) printed to PDF by ``chromium``, as the page's print CSS lays it out."""
    with tempfile.TemporaryDirectory(prefix="strategygraph-pdf-") as folder:
        page, pdf, profile = Path(folder) / "index.html", Path(folder) / "report.pdf", Path(folder) / "profile"
        page.write_text(html, encoding="utf-8")
        errors = _run(_command(chromium, page, pdf, profile), timeout)
        data = pdf.read_bytes() if pdf.is_file() else b""
        if errors is not None or not data.startswith(b"%PDF"):
            raise PdfError("error_pdf_failed", detail=errors or Phrase("error_pdf_nothing_written"))
        return data


def _run(command: list[str], timeout: float) -> str | None:
    """Run Chromium; ``None`` when it exits 0, else its exit code and the last line it said that is not one of
    its internal log lines (``[pid:tid:…:ERROR:…]``, which it prints even when all goes well)."""
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, so a timeout ends Chromium's helpers too
        )
    except OSError as error:
        raise PdfError("error_pdf_cannot_run", program=command[0], cause=error) from None
    with process:
        try:
            _, said = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PdfError("error_pdf_timeout", seconds=float(timeout)) from None
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # what is left of the group Chromium started
    if process.returncode == 0:
        return None
    lines = [line.strip() for line in said.decode(errors="replace").splitlines() if line.strip()]
    own = [line for line in lines if not line.startswith("[")] or lines or [""]
    return f"exit {process.returncode}: {own[-1][:200]}".rstrip(": ")
