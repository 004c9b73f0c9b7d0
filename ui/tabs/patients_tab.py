"""Patients: paste/upload → de-identification preview → confirm → indexed; pick one as the chat's context."""

from __future__ import annotations

import gradio as gr

from ui.concurrency import READS
from ui.session import WorkspaceSession
from ui.tabs.context import TabContext

PATIENT_HEADERS = ["Patient ID", "Passages", "Re-identifiable in this session"]


def build_patients_tab(ctx: TabContext) -> None:
    L = ctx.labels
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            note = L(
                gr.Textbox(label=L.text("note_text"), lines=10, max_lines=20, elem_id="note-text"),
                label="note_text",
            )
            upload = L(
                gr.File(
                    label=L.text("note_file"),
                    file_types=[".txt", ".md", ".json"],
                    type="filepath",
                    elem_id="note-file",
                ),
                label="note_file",
            )
            record_id = L(gr.Textbox(label=L.text("record_id"), elem_id="record-id"), label="record_id")
            with gr.Row():
                preview = L(
                    gr.Button(L.text("preview"), variant="primary", elem_id="preview-deid"), value="preview"
                )
                confirm = L(
                    gr.Button(L.text("confirm"), interactive=False, elem_id="confirm-index"), value="confirm"
                )
            deid = gr.HTML(elem_id="deid-preview")
        with gr.Column(scale=2):
            L(gr.Markdown(L.text("patients_heading")), value="patients_heading")
            table = gr.Dataframe(
                headers=PATIENT_HEADERS, interactive=False, elem_id="patients-table", wrap=True
            )
            picker = L(
                gr.Dropdown(choices=[], value=None, label=L.text("patient"), elem_id="patient-pick"),
                label="patient",
            )
            with gr.Row():
                use = L(
                    gr.Button(L.text("use_in_chat"), variant="primary", elem_id="use-patient"),
                    value="use_in_chat",
                )
                refresh = L(gr.Button(L.text("refresh"), size="sm"), value="refresh")
            summary = gr.HTML(elem_id="patient-summary")

    ctx.shared.update(
        patients_table=table,
        patient_pick=picker,
        patient_summary=summary,
        patient_note=note,
        patient_confirm=confirm,
        patient_use=use,
        patient_refresh=refresh,
        patient_deid=deid,
    )

    def on_preview(text: str, file: str | None, rid: str, session: WorkspaceSession):  # noqa: ANN202
        html, ready = ctx.patients.preview(text, file, rid, session)
        return html, gr.update(interactive=ready), session, None

    preview.click(on_preview, [note, upload, record_id, ctx.session], [deid, confirm, ctx.session, upload])
    picker.change(ctx.patients.show, [picker], [summary], **READS)


def wire_patient_pickers(ctx: TabContext) -> None:
    """Events that update other tabs' components; called once every tab exists."""
    shared = ctx.shared
    table, picker, letter_patient = shared["patients_table"], shared["patient_pick"], shared["letter_patient"]

    def listing(session: WorkspaceSession):  # noqa: ANN202
        choices = ctx.patients.choices()
        return ctx.patients.rows(session), gr.update(choices=choices), gr.update(choices=choices)

    def on_confirm(session: WorkspaceSession):  # noqa: ANN202
        html, again = ctx.patients.confirm(session)
        rows, pick, letter_pick = listing(session)
        # The raw note leaves the page once it is indexed.
        return (
            html,
            gr.update(interactive=again),
            "" if not again else gr.update(),
            rows,
            pick,
            letter_pick,
            session,
        )

    shared["patient_confirm"].click(
        on_confirm,
        [ctx.session],
        [
            shared["patient_deid"],
            shared["patient_confirm"],
            shared["patient_note"],
            table,
            picker,
            letter_patient,
            ctx.session,
        ],
    )
    shared["patient_refresh"].click(listing, [ctx.session], [table, picker, letter_patient], **READS)

    def on_use(pid: str | None, session: WorkspaceSession):  # noqa: ANN202
        html = ctx.patients.select(pid, session)
        return (
            html,
            ctx.chat.context_line(session),
            gr.update(value=session.patient_id),
            session,
            gr.update(visible=bool(session.patient_id)),
        )

    shared["patient_use"].click(
        on_use,
        [picker, ctx.session],
        [
            shared["patient_summary"],
            shared["chat_context"],
            letter_patient,
            ctx.session,
            shared["stop_patient"],
        ],
    )
    shared["patients_listing"] = listing
