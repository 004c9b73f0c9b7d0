"""Figures for the load benchmark: latency percentiles per kind, and whether the server's memory is stable.

Pure functions over recorded numbers, plus a sampler reading the app's resident memory from /proc (Linux;
psutil is not a dependency of the product)."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.retrieval_eval import percentile


def latency_summary(latencies_s: Sequence[float]) -> dict[str, float | int]:
    """count, p50, p95, max and mean in seconds (NaN when nothing completed)."""
    if not latencies_s:
        nan = float("nan")
        return {"count": 0, "p50_s": nan, "p95_s": nan, "max_s": nan, "mean_s": nan}
    return {
        "count": len(latencies_s),
        "p50_s": percentile(latencies_s, 50),
        "p95_s": percentile(latencies_s, 95),
        "max_s": max(latencies_s),
        "mean_s": sum(latencies_s) / len(latencies_s),
    }


def slope_per_minute(times_s: Sequence[float], values: Sequence[float]) -> float:
    """Least-squares slope of values against time, per minute (0 for fewer than two distinct times)."""
    n = len(times_s)
    if n != len(values):
        raise ValueError(f"{n} times for {len(values)} values")
    if n < 2:
        return 0.0
    mean_t = sum(times_s) / n
    mean_v = sum(values) / n
    var_t = sum((t - mean_t) ** 2 for t in times_s)
    if var_t == 0:
        return 0.0
    cov = sum((t - mean_t) * (v - mean_v) for t, v in zip(times_s, values, strict=True))
    return cov / var_t * 60.0


def memory_summary(samples: Sequence[tuple[float, float]]) -> dict[str, Any]:
    """From (seconds since start, MB) samples: peak, the means of the first and last quarters, and the slope of
    the second half. Start-up (model loading, first requests) shows in the first half; a leak shows as a slope
    that stays positive once the working set is warm."""
    if not samples:
        return {"samples": 0}
    ordered = sorted(samples)
    times = [t for t, _ in ordered]
    mbs = [m for _, m in ordered]
    quarter = max(1, len(ordered) // 4)
    half = len(ordered) // 2
    return {
        "samples": len(ordered),
        "peak_mb": max(mbs),
        "first_quarter_mb": sum(mbs[:quarter]) / quarter,
        "last_quarter_mb": sum(mbs[-quarter:]) / quarter,
        "second_half_slope_mb_per_min": slope_per_minute(times[half:], mbs[half:]),
    }


# -- resident memory of a process tree ------------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    out: list[int] = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            out += [int(c) for c in children.read_text().split()]
        except OSError:  # the thread ended meanwhile
            continue
    return out


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:  # the process ended meanwhile
        pass
    return 0


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (0 when it is gone)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        total += _rss_kb(current)
        todo += _children(current)
    return total / 1024


class RssSampler:
    """Samples tree_rss_mb(pid) every `interval` seconds on a daemon thread, from start() to stop()."""

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        self.pid = pid
        self.interval = interval
        self.samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._started = 0.0

    def start(self) -> RssSampler:
        self._started = time.monotonic()
        self._thread.start()
        return self

    def stop(self) -> list[tuple[float, float]]:
        self._stop.set()
        self._thread.join()
        return self.samples

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((time.monotonic() - self._started, tree_rss_mb(self.pid)))
            self._stop.wait(self.interval)
