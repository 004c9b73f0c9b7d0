"""Guideline lookup: instant hybrid search without the language model, with source and cancer-type filters."""

from __future__ import annotations

import gradio as gr

from ui.concurrency import READS
from ui.session import WorkspaceSession
from ui.tabs.context import TabContext


def build_lookup_tab(ctx: TabContext, default_k: int) -> None:
    L = ctx.labels
    L(gr.Markdown(L.text("lookup_hint")), value="lookup_hint")
    with gr.Row():
        query = L(
            gr.Textbox(
                label=L.text("query"),
                placeholder=L.text("query_placeholder"),
                elem_id="lookup-query",
                scale=4,
            ),
            label="query",
            placeholder="query_placeholder",
        )
        button = L(
            gr.Button(L.text("search"), variant="primary", elem_id="lookup-search", scale=1), value="search"
        )
    with gr.Row():
        source = L(
            gr.Dropdown(
                choices=ctx.lookup.source_choices(L.text("all")), value="", label=L.text("filter_source")
            ),
            label="filter_source",
        )
        cancer = L(
            gr.Dropdown(
                choices=ctx.lookup.cancer_choices(L.text("all")), value="", label=L.text("filter_cancer")
            ),
            label="filter_cancer",
        )
        k = L(gr.Slider(1, 20, value=default_k, step=1, label=L.text("k")), label="k")
    results = gr.HTML(elem_id="lookup-results")
    ctx.shared["lookup_source"] = source
    ctx.shared["lookup_cancer"] = cancer

    def on_search(q: str, s: str, c: str, n: float, session: WorkspaceSession) -> str:
        return ctx.lookup.search(q, s, c, n, session.language)

    inputs = [query, source, cancer, k, ctx.session]
    # Each trigger keeps its own trigger mode (a filter change is "always_last", a click "once"), so they stay
    # separate events; the button's is the named API endpoint. All share the reads group (ui/concurrency.py).
    button.click(on_search, inputs, [results], show_progress="minimal", api_name="search", **READS)
    for trigger in (query.submit, source.change, cancer.change, k.release):
        trigger(on_search, inputs, [results], show_progress="minimal", **READS)
    # Search as the clinician types; always_last drops the keystrokes that a newer one has overtaken.
    query.input(on_search, inputs, [results], trigger_mode="always_last", show_progress="hidden", **READS)
