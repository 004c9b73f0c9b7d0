"""The queue design of ui/concurrency.py as wired into the real workspace (no server, no browser)."""

from __future__ import annotations

import gradio as gr
import pytest

from ui.concurrency import DEFAULT_QUEUE_SIZE, configure_queue
from ui.workspace import build_workspace

pytestmark = pytest.mark.unit


def _events(blocks: gr.Blocks) -> dict[str, list]:
    by_fn: dict[str, list] = {}
    for fn in blocks.fns.values():
        if fn.fn is not None:
            by_fn.setdefault(fn.fn.__name__, []).append(fn)
    return by_fn


def test_answers_share_one_fifo_slot_and_reads_run_beside_them(services, clinical, intake) -> None:
    events = _events(build_workspace(services, clinical, intake))
    generation = events["on_ask"] + events["on_draft"]
    assert {(f.concurrency_id, f.concurrency_limit) for f in generation} == {("generation", 1)}
    reads = events["on_search"] + events["open_source"] + events["on_load"] + events["show"]
    assert len(events["on_search"]) == 6  # button, Enter, two filters, slider, typing
    assert {(f.concurrency_id, f.concurrency_limit) for f in reads} == {("reads", 4)}
    # Writes keep a slot of their own, one at a time.
    ingest = events["on_ingest"][0]
    assert ingest.concurrency_id not in {"generation", "reads"} and ingest.concurrency_limit == "default"


def test_ask_and_search_have_stable_api_names(services, clinical, intake) -> None:
    blocks = build_workspace(services, clinical, intake)
    names = {fn.api_name for fn in blocks.fns.values()}
    assert {"ask", "search", "new_conversation"} <= names
    assert (
        len([fn for fn in blocks.fns.values() if fn.api_name == "ask"]) == 1
    )  # Enter and button: one endpoint


def test_the_queue_is_bounded(services, clinical, intake) -> None:
    blocks = configure_queue(build_workspace(services, clinical, intake))
    assert blocks._queue.max_size == DEFAULT_QUEUE_SIZE
    assert blocks._queue.default_concurrency_limit == 1
