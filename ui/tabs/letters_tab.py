"""Letters: a consultation letter or a tumour-board summary, drafted, edited, exported (DOCX/PDF)."""

from __future__ import annotations

import gradio as gr

from ui.concurrency import GENERATION
from ui.i18n import t
from ui.session import WorkspaceSession
from ui.tabs.context import TabContext


def build_letters_tab(ctx: TabContext) -> None:
    L = ctx.labels
    with gr.Row():
        patient = L(
            gr.Dropdown(
                choices=ctx.patients.choices(), value=None, label=L.text("patient"), elem_id="letter-patient"
            ),
            label="patient",
        )
        kind = gr.Radio(
            [(L.text("kind_consult"), "consult"), (L.text("kind_rcp"), "rcp")],
            value="consult",
            label=L.text("letter_kind"),
            elem_id="letter-kind",
        )
        L(
            kind,
            label="letter_kind",
            choices=lambda lang: [(t(lang, "kind_consult"), "consult"), (t(lang, "kind_rcp"), "rcp")],
        )
        language = L(
            gr.Radio(
                [("English", "en"), ("Français", "fr")],
                value="en",
                label=L.text("letter_language"),
                elem_id="letter-language",
            ),
            label="letter_language",
        )
    instructions = L(
        gr.Textbox(label=L.text("instructions"), lines=3, elem_id="letter-instructions"), label="instructions"
    )
    with gr.Row():
        recipient = L(gr.Textbox(label=L.text("recipient"), elem_id="letter-recipient"), label="recipient")
        author = L(gr.Textbox(label=L.text("author"), elem_id="letter-author"), label="author")
    draft = L(gr.Button(L.text("draft"), variant="primary", elem_id="draft-letter"), value="draft")
    with gr.Row(equal_height=False):
        text = L(
            gr.Textbox(
                label=L.text("letter_text"),
                lines=22,
                max_lines=60,
                interactive=True,
                elem_id="letter-text",
                buttons=["copy"],
            ),
            label="letter_text",
        )
        with gr.Column():
            L(gr.Markdown(L.text("checks_heading")), value="checks_heading")
            checks = gr.HTML(elem_id="letter-checks")
    with gr.Row():
        fmt = L(
            gr.Radio(
                [("DOCX", "docx"), ("PDF", "pdf")],
                value="docx",
                label=L.text("export_format"),
                elem_id="export-format",
            ),
            label="export_format",
        )
        reidentify = L(
            gr.Checkbox(False, label=L.text("reidentify"), elem_id="reidentify"), label="reidentify"
        )
        export = L(gr.Button(L.text("export"), elem_id="export-letter"), value="export")
    status = gr.HTML(elem_id="export-status")
    exported = L(
        gr.File(label=L.text("download"), interactive=False, elem_id="exported-file"), label="download"
    )
    ctx.shared["letter_patient"] = patient

    def on_draft(pid, k, lang, instr, rec, auth, session: WorkspaceSession):  # noqa: ANN001, ANN202
        letter, html = ctx.letters.draft(pid, k, lang, instr, rec, auth, session)
        return letter, html, session

    draft.click(
        on_draft,
        [patient, kind, language, instructions, recipient, author, ctx.session],
        [text, checks, ctx.session],
        show_progress="full",
        **GENERATION,  # the same model as the chat: one queue, first come first served
    )

    def on_export(letter: str, f: str, reid: bool, pid: str | None, session: WorkspaceSession):  # noqa: ANN202
        path, html = ctx.letters.export(letter, f, reid, pid, session)
        return path, html

    export.click(on_export, [text, fmt, reidentify, patient, ctx.session], [exported, status])
