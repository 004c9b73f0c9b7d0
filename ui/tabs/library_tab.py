"""Library: the model in use, what is indexed, adding guideline files and removing a source."""

from __future__ import annotations

import gradio as gr

from ui.session import WorkspaceSession
from ui.tabs.context import TabContext

SOURCE_HEADERS = ["Title", "Passages", "Last reviewed", "File"]


def build_library_tab(ctx: TabContext) -> None:
    L = ctx.labels
    model = gr.HTML(ctx.library.model_info(L.language), elem_id="model-info")
    L(gr.Markdown(L.text("sources_table_heading")), value="sources_table_heading")
    table = gr.Dataframe(
        value=ctx.library.rows(),
        headers=SOURCE_HEADERS,
        interactive=False,
        wrap=True,
        elem_id="sources-table",
    )
    with gr.Row(equal_height=False):
        with gr.Column():
            upload = L(
                gr.File(
                    label=L.text("upload_guidelines"),
                    file_count="multiple",
                    file_types=[".md", ".markdown", ".pdf", ".html", ".htm", ".txt"],
                    type="filepath",
                    elem_id="guideline-upload",
                ),
                label="upload_guidelines",
            )
            ingest = L(gr.Button(L.text("ingest"), variant="primary", elem_id="ingest"), value="ingest")
        with gr.Column():
            remove_pick = L(
                gr.Dropdown(
                    choices=ctx.library.source_choices(),
                    value=None,
                    label=L.text("remove_source"),
                    elem_id="remove-source",
                ),
                label="remove_source",
            )
            confirm = L(
                gr.Checkbox(False, label=L.text("confirm_remove"), elem_id="confirm-remove"),
                label="confirm_remove",
            )
            remove = L(gr.Button(L.text("remove"), variant="stop", elem_id="remove"), value="remove")
    status = gr.HTML(elem_id="library-status")
    ctx.shared.update(model_info=model, sources_table=table, remove_pick=remove_pick)

    def refreshed(session: WorkspaceSession) -> list:
        all_label = "Toutes" if session.language == "fr" else "All"
        return [
            ctx.library.model_info(session.language),
            ctx.library.rows(),
            gr.update(choices=ctx.library.source_choices(), value=None),
            gr.update(choices=ctx.lookup.source_choices(all_label)),
            gr.update(choices=ctx.lookup.cancer_choices(all_label)),
        ]

    refresh_outputs = [model, table, remove_pick, ctx.shared["lookup_source"], ctx.shared["lookup_cancer"]]

    def on_ingest(files: list[str] | None, session: WorkspaceSession, progress=gr.Progress(track_tqdm=True)):  # noqa: ANN001, ANN202, B008
        progress(0, desc="Indexing…")
        html = ctx.library.ingest(files, session.language)
        return [html, None, *refreshed(session)]

    ingest.click(on_ingest, [upload, ctx.session], [status, upload, *refresh_outputs])

    def on_remove(source: str | None, ok: bool, session: WorkspaceSession):  # noqa: ANN202
        html = ctx.library.remove(source, ok, session.language)
        return [html, False, *refreshed(session)]

    remove.click(on_remove, [remove_pick, confirm, ctx.session], [status, confirm, *refresh_outputs])
    ctx.shared["library_refreshed"] = refreshed
    ctx.shared["library_refresh_outputs"] = refresh_outputs
