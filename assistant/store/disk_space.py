"""Room on the disk before an embedded Chroma write.

Measured with chromadb 1.5 on a 1 MB tmpfs (tests/integration/robustness/test_index_failures.py): when the disk
fills during `add`, embedded Chroma sometimes raises ("database or disk is full") and sometimes hangs for good
inside its Rust bindings; a process whose write failed for lack of space may also hang on its next write, even
once space is freed. So the store refuses a write that would leave less than a margin free, before Chroma is
touched: the file is reported as skipped, nothing of it written, and the next run adds it."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from assistant.errors import StoreWriteError

# Measured: ~19 KB on disk per chunk of 1.4 KB text with 512-dim vectors (SQLite rows, full-text index, HNSW).
PER_CHUNK_BYTES = 32 * 1024
TEXT_FACTOR = 8
# Kept free beyond the estimate: SQLite's write-ahead log, the BM25 rebuild, the estimate's own error.
MARGIN_BYTES = 32 * 1024 * 1024


def bytes_needed(texts: Sequence[str]) -> int:
    return sum(PER_CHUNK_BYTES + TEXT_FACTOR * len(t.encode("utf-8")) for t in texts)


def ensure_room(folder: Path, texts: Sequence[str]) -> None:
    """Raises StoreWriteError when writing `texts` would leave less than MARGIN_BYTES free under `folder`."""
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    needed = bytes_needed(texts)
    if free < needed + MARGIN_BYTES:
        raise StoreWriteError(
            f"The disk holding the index in {folder} is full: {free / 1e6:,.1f} MB free, and this file needs "
            f"about {needed / 1e6:,.1f} MB plus {MARGIN_BYTES / 1e6:,.0f} MB kept free; nothing of it was "
            "written. Free disk space (or move data_dir to a larger disk), then run the ingestion again."
        )
