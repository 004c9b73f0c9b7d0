"""Does the app's Python heap grow under load? tracemalloc snapshots taken inside the app by
`evals/heap_probe_site/sitecustomize.py`, driven and read here (`python -m evals.bench_load --python-heap`).

Resident memory alone cannot tell a leak in our code or Gradio's from the C allocator keeping freed pages: the
snapshots can. Tracing makes Python allocations slower, so latencies of a probed run are not the app's."""

from __future__ import annotations

import os
import time
import tracemalloc
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent / "heap_probe_site"


@dataclass(frozen=True)
class GrowthSite:
    where: str  # innermost frame of ours or of a library, "file:line"
    size_kb: float
    blocks: int


@dataclass(frozen=True)
class HeapGrowth:
    """Python memory allocated after tracing started and still alive at the end."""

    live_mb: float
    blocks: int
    top: tuple[GrowthSite, ...]


class HeapProbe:
    """The benchmark's side: the app's environment, then start/stop and the reading."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def app_env(self, base: Mapping[str, str]) -> dict[str, str]:
        path = os.pathsep.join(p for p in (str(SITE_DIR), base.get("PYTHONPATH", "")) if p)
        return {**base, "PYTHONPATH": path, "ONCO_HEAP_PROBE_DIR": str(self.folder)}

    def start(self) -> None:
        (self.folder / "start").touch()

    def stop(self, timeout_s: float = 300.0) -> HeapGrowth:
        """Asks for the end snapshot and reads both; raises TimeoutError when the app never wrote them."""
        (self.folder / "stop").touch()
        deadline = time.monotonic() + timeout_s
        while not (self.folder / "done").exists():
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"the app wrote no heap snapshot in {self.folder} within {timeout_s:.0f} s"
                )
            time.sleep(0.5)
        return heap_growth(
            tracemalloc.Snapshot.load(str(self.folder / "start.snapshot")),
            tracemalloc.Snapshot.load(str(self.folder / "end.snapshot")),
        )


def heap_growth(start: tracemalloc.Snapshot, end: tracemalloc.Snapshot, top: int = 5) -> HeapGrowth:
    """Growth between two snapshots of one tracing run: everything in `end` was allocated after tracing began,
    so its total is what the load left alive. Sites are grouped by the allocating line."""
    live = end.statistics("filename")
    sites = [
        GrowthSite(f"{s.traceback[0].filename}:{s.traceback[0].lineno}", s.size_diff / 1024, s.count_diff)
        for s in end.compare_to(start, "lineno")
        if s.size_diff > 0
    ]
    return HeapGrowth(
        live_mb=sum(s.size for s in live) / 2**20,
        blocks=sum(s.count for s in live),
        top=tuple(sites[:top]),
    )
