from __future__ import annotations

import tracemalloc

import pytest

from evals.heap_probe import heap_growth

pytestmark = pytest.mark.unit


def _allocate_and_keep(store: list[bytearray]) -> None:
    store.extend(bytearray(1024) for _ in range(2048))  # the growth site: 2 MB kept alive


def test_growth_is_what_was_allocated_under_tracing_and_kept() -> None:
    kept: list[bytearray] = []
    tracemalloc.start(4)
    try:
        start = tracemalloc.take_snapshot()
        _allocate_and_keep(kept)
        transient = [bytearray(1024) for _ in range(2048)]
        del transient  # freed before the end: not growth
        end = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    growth = heap_growth(start, end)
    assert 2.0 <= growth.live_mb < 3.0
    top = growth.top[0]
    assert top.where.endswith("test_heap_probe.py:13")
    assert top.size_kb >= 2048 and top.blocks >= 2048
