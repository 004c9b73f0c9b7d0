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


# Anonymous pages are the heaps (malloc, Python's arenas, tensors); file-backed ones are mapped files (the GGUF,
# libraries, the index) read in on first touch, which level off. Growth in the first is a leak, in the second
# usually not: the split says which a rising total is.
RSS_PARTS = ("RssAnon", "RssFile", "RssShmem")


def _rss_parts_kb(pid: int) -> dict[str, int]:
    parts = dict.fromkeys(RSS_PARTS, 0)
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in parts:
                parts[key] = int(value.split()[0])
    except OSError:  # the process ended meanwhile
        pass
    return parts


def _tree(pid: int) -> list[int]:
    found, todo, seen = [], [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        found.append(current)
        todo += _children(current)
    return found


def tree_rss_parts_mb(pid: int) -> dict[str, float]:
    """Resident memory of a process and its descendants split as /proc reports it (anonymous, file-backed,
    shared memory), in MB; all 0 when the process is gone."""
    totals = dict.fromkeys(RSS_PARTS, 0)
    for member in _tree(pid):
        for key, kb in _rss_parts_kb(member).items():
            totals[key] += kb
    return {key: kb / 1024 for key, kb in totals.items()}


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (0 when it is gone)."""
    return sum(tree_rss_parts_mb(pid).values())


class RssSampler:
    """Samples tree_rss_parts_mb(pid) every `interval` seconds on a daemon thread, from start() to stop().
    `samples` holds (seconds, total MB); `parts` the same times per part of RSS_PARTS."""

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        self.pid = pid
        self.interval = interval
        self.samples: list[tuple[float, float]] = []
        self.parts: dict[str, list[tuple[float, float]]] = {key: [] for key in RSS_PARTS}
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
            now = time.monotonic() - self._started
            parts = tree_rss_parts_mb(self.pid)
            self.samples.append((now, sum(parts.values())))
            for key, mb in parts.items():
                self.parts[key].append((now, mb))
            self._stop.wait(self.interval)
