"""Chat: streamed, cited answers beside the passages they cite; open a source at the cited passage."""

from __future__ import annotations

import gradio as gr

from ui.concurrency import GENERATION, READS
from ui.session import WorkspaceSession
from ui.tabs.context import TabContext

SCROLL_TO_CITED = (
    "() => { const el = document.getElementById('cited-passage');"
    " if (el) { el.scrollIntoView({block: 'center'}); el.focus({preventScroll: true}); } }"
)


def build_chat_tab(ctx: TabContext) -> None:
    L = ctx.labels
    context_md = gr.Markdown(L.text("context_guidelines"), elem_id="chat-context")
    ctx.shared["chat_context"] = context_md
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            chatbot = L(
                gr.Chatbot(
                    label=L.text("conversation"),
                    height=480,
                    elem_id="chatbot",
                    buttons=["copy"],
                    feedback_options=None,
                    layout="bubble",
                    show_label=True,
                ),
                label="conversation",
            )
            chat_notice = gr.HTML(elem_id="chat-notice")
            question = L(
                gr.Textbox(
                    label=L.text("question"),
                    placeholder=L.text("question_placeholder"),
                    lines=1,  # Enter sends (a multi-line box would need Shift+Enter)
                    max_lines=6,
                    elem_id="question",
                    autofocus=True,
                ),
                label="question",
                placeholder="question_placeholder",
            )
            with gr.Row():
                ask = L(gr.Button(L.text("ask"), variant="primary", elem_id="ask"), value="ask")
                new = L(
                    gr.Button(L.text("new_conversation"), elem_id="new-conversation"),
                    value="new_conversation",
                )
                stop_patient = L(
                    gr.Button(L.text("clear_patient"), elem_id="clear-patient", size="sm", visible=False),
                    value="clear_patient",
                )
        with gr.Column(scale=2, elem_id="sources-column"):
            L(gr.Markdown(L.text("sources_heading")), value="sources_heading")
            sources = gr.HTML(f'<div class="onco-empty">{L.text("no_sources")}</div>', elem_id="sources")
            picker = L(
                gr.Dropdown(choices=[], value=None, label=L.text("open_source"), elem_id="open-source"),
                label="open_source",
            )
            document = gr.HTML(elem_id="document-view")

    def on_ask(q: str, messages: list, session: WorkspaceSession):  # noqa: ANN202 - Gradio generator
        first = True
        for view in ctx.chat.ask(q, messages, session):
            yield (
                view.messages,
                view.sources_html,
                gr.update(choices=view.source_choices, value=None) if view.done or first else gr.update(),
                view.notice_html,
                "" if first else gr.update(),
                session,
                "" if first else gr.update(),
            )
            first = False

    outputs = [chatbot, sources, picker, chat_notice, question, ctx.session, document]
    # One endpoint for Enter and the button (both "once", as before), named so that API clients and the load
    # benchmark (evals/bench_load.py) can call it; answers queue in the generation group.
    gr.on(
        [question.submit, ask.click],
        on_ask,
        [question, chatbot, ctx.session],
        outputs,
        show_progress="minimal",
        api_name="ask",
        **GENERATION,
    )

    def on_new(session: WorkspaceSession):  # noqa: ANN202
        view = ctx.chat.clear(session)
        return view.messages, view.sources_html, gr.update(choices=[], value=None), "", session, ""

    new_outputs = [chatbot, sources, picker, chat_notice, ctx.session, document]
    new.click(on_new, [ctx.session], new_outputs, api_name="new_conversation")
    chatbot.clear(on_new, [ctx.session], new_outputs)  # the chat's own bin icon forgets the history too
    picker.change(ctx.chat.open_source, [picker, ctx.session], [document], **READS).then(
        None, js=SCROLL_TO_CITED
    )

    def on_stop_patient(session: WorkspaceSession):  # noqa: ANN202
        session.patient_id = None
        return ctx.chat.context_line(session), session, gr.update(visible=False)

    stop_patient.click(on_stop_patient, [ctx.session], [context_md, ctx.session, stop_patient])
    ctx.shared["stop_patient"] = stop_patient
