"""`pip install .` works from any folder: the wheel carries the ontology, data and queries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from .conftest import REPO


@pytest.mark.slow
def test_wheel_installs_and_runs_from_an_empty_folder(tmp_path: Path) -> None:
    """Build the wheel, install it (without network) into a fresh virtual environment, run it elsewhere."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
    )
    (wheel,) = wheels.glob("strategygraph-*.whl")
    environment = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(environment)  # this pip installs into it: no ensurepip (~10 s)
    python = environment / "bin" / "python"
    # The dependencies come from this test environment (no network); strategygraph itself only from the wheel.
    site = Path(
        subprocess.check_output(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True
        ).strip()
    )
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
    )

    empty = tmp_path / "elsewhere"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    command = environment / "bin" / "strategygraph"
    info = subprocess.run(
        [str(command), "info", "--format", "json"], cwd=empty, env=env, capture_output=True, text=True, check=True
    )
    counts = json.loads(info.stdout)
    assert counts["committees"] == 8
    assert counts["focus_areas"] == 15
    located = subprocess.run(
        [str(python), "-c", "import strategygraph.resources as r; print(r.bundled_root())"],
        cwd=empty,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "_bundled" in located.stdout, "the installed command must use the wheel's bundled copy"
    validated = subprocess.run([str(command), "validate"], cwd=empty, env=env, capture_output=True, text=True)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    module = subprocess.run(
        [str(python), "-m", "strategygraph", "--help"], cwd=empty, env=env, capture_output=True, text=True, check=True
    )
    assert "strategygraph" in module.stdout
    viewed = subprocess.run(
        [str(command), "view", "overview", "--out", "overview.html"], cwd=empty, env=env, capture_output=True, text=True
    )
    assert viewed.returncode == 0, viewed.stderr
    assert sorted(p.name for p in empty.iterdir()) == ["overview.html"], "the page template ships; no lib/ folder"
    reported = subprocess.run(
        [str(command), "report", "--out", "report", "--quiet"], cwd=empty, env=env, capture_output=True, text=True
    )
    assert reported.returncode == 0, reported.stderr
    assert (empty / "report" / "index.html").is_file(), "the report templates ship in the wheel"
    assert (empty / "report" / "views" / "overview.html").is_file()
