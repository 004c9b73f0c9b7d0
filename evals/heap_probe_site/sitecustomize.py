"""Injected into the app by `python -m evals.bench_load --python-heap` (this folder goes first on PYTHONPATH);
never imported by the product. Python runs `sitecustomize` at start-up: when ONCO_HEAP_PROBE_DIR is set, a thread
waits for the benchmark to drop a `start` file there, starts tracemalloc and dumps a snapshot, then on `stop`
dumps another. Tracing starts late so that start-up and warm-up run at full speed and only what is allocated
under load, and still alive at the end, shows as growth."""

from __future__ import annotations

import os
import threading
import time


def _probe(folder: str) -> None:
    import tracemalloc

    def wait_for(name: str) -> None:
        while not os.path.exists(os.path.join(folder, name)):
            time.sleep(0.5)

    wait_for("start")
    tracemalloc.start(int(os.environ.get("ONCO_HEAP_PROBE_FRAMES", "8")))
    tracemalloc.take_snapshot().dump(os.path.join(folder, "start.snapshot"))
    wait_for("stop")
    tracemalloc.take_snapshot().dump(os.path.join(folder, "end.snapshot"))
    tracemalloc.stop()
    open(os.path.join(folder, "done"), "w").close()


_folder = os.environ.get("ONCO_HEAP_PROBE_DIR")
if _folder:
    threading.Thread(target=_probe, args=(_folder,), daemon=True, name="heap-probe").start()
