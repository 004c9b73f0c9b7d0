"""The injected sitecustomize in a real child interpreter: the benchmark's start/stop files drive it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from evals.heap_probe import HeapProbe
from evals.load_app import default_env

pytestmark = pytest.mark.integration

# Keeps 3 MB allocated after start-up, then waits until the probe says it is done.
CHILD = """
import os, sys, time
folder = os.environ["ONCO_HEAP_PROBE_DIR"]
while not os.path.exists(os.path.join(folder, "start.snapshot")):
    time.sleep(0.05)
kept = [bytearray(1024) for _ in range(3072)]
open(os.path.join(folder, "allocated"), "w").close()
while not os.path.exists(os.path.join(folder, "done")):
    time.sleep(0.05)
"""


def test_child_reports_what_it_kept(tmp_path: Path) -> None:
    probe = HeapProbe(tmp_path / "heap")
    probe.start()
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=probe.app_env(default_env()))
    try:
        for _ in range(400):
            if (probe.folder / "allocated").exists():
                break
            assert child.poll() is None, "the child died"
            time.sleep(0.05)
        growth = probe.stop(timeout_s=30)
        assert child.wait(timeout=30) == 0
    finally:
        child.kill()
    assert 3.0 <= growth.live_mb < 5.0
    assert any(site.size_kb >= 3000 for site in growth.top)


def test_without_the_variable_nothing_runs(tmp_path: Path) -> None:
    env = HeapProbe(tmp_path / "heap").app_env(default_env())
    del env["ONCO_HEAP_PROBE_DIR"]
    out = subprocess.run(
        [sys.executable, "-c", "import threading; print(sorted(t.name for t in threading.enumerate()))"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "heap-probe" not in out.stdout and "MainThread" in out.stdout
