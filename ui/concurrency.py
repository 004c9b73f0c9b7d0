"""How several clinicians share one machine: Gradio's queue, two concurrency groups and a bounded queue.

- GENERATION (limit 1): the chat answer and the letter draft. There is one model and it generates one answer
  at a time (LlamaCppGenerator serialises under a lock), so a higher limit would only hold worker threads
  waiting on that lock. One group for both means one
  FIFO queue: clinicians are served in arrival order, and a letter cannot overtake a question or the reverse.
- READS (limit 4): guideline lookup, opening a cited source, the page-load listings. They read the index
  (Chroma, BM25, the embedder), take tens of milliseconds and are safe to run side by side, so a lookup never
  waits behind a generation, nor behind the three lookups before it.
- Everything else keeps Gradio's default of one at a time per event: writes to the index (ingest, remove,
  confirm a patient) stay serialised, and the PHI preview (spaCy, CPU-bound) cannot crowd out the rest.
- The queue holds at most `ui.queue_size` waiting events across all groups; beyond that Gradio refuses the
  event and the page shows "This application is currently busy. Please try again." instead of letting a burst
  grow the queue (and the wait) without bound. Running events do not count.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

GENERATION: dict[str, Any] = {"concurrency_id": "generation", "concurrency_limit": 1}
READS: dict[str, Any] = {"concurrency_id": "reads", "concurrency_limit": 4}
DEFAULT_QUEUE_SIZE = 32


def configure_queue(blocks: gr.Blocks, max_size: int = DEFAULT_QUEUE_SIZE) -> gr.Blocks:
    # default_concurrency_limit=1: events not in a named group run one at a time each (see above).
    return blocks.queue(max_size=max_size, default_concurrency_limit=1)
