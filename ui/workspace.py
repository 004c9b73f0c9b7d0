"""The whole workspace: header, language toggle, demo banner and the five tabs, wired to their actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from assistant.bootstrap import Services
from assistant.letters.clinical_services import ClinicalServices
from ui.catalog import SourceCatalog
from ui.chat_actions import ChatActions
from ui.concurrency import READS
from ui.i18n import LANGUAGES
from ui.labels import Labeller
from ui.letter_actions import LetterActions
from ui.library_actions import LibraryActions
from ui.lookup_actions import LookupActions
from ui.patient_actions import PatientActions
from ui.patient_intake import PatientIntake
from ui.render import notice
from ui.session import WorkspaceSession
from ui.tabs.chat_tab import build_chat_tab
from ui.tabs.context import TabContext
from ui.tabs.letters_tab import build_letters_tab
from ui.tabs.library_tab import build_library_tab
from ui.tabs.lookup_tab import build_lookup_tab
from ui.tabs.patients_tab import build_patients_tab, wire_patient_pickers

CSS = (Path(__file__).resolve().parent / "workspace.css").read_text(encoding="utf-8")


def workspace_theme() -> gr.themes.Base:
    # System fonts only: the default theme would ask a font CDN, and nothing may leave this machine.
    return gr.themes.Soft(
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    )


def launch_styling() -> dict[str, Any]:
    """Gradio 6 takes theme and css at launch()."""
    return {"theme": workspace_theme(), "css": CSS}


def build_contexts(
    services: Services, clinical: ClinicalServices, intake: PatientIntake | None, language: str = "en"
) -> tuple[TabContext, SourceCatalog]:
    catalog = SourceCatalog(services.store)
    ctx = TabContext(
        chat=ChatActions(services, clinical),
        lookup=LookupActions(services, catalog),
        patients=PatientActions(clinical.patients, intake, catalog),
        letters=LetterActions(clinical.letters, scrubber=services.answers.scrubber),
        library=LibraryActions(services, catalog),
        labels=Labeller(language),
        session=None,
    )
    return ctx, catalog


def build_workspace(
    services: Services,
    clinical: ClinicalServices,
    intake: PatientIntake | None,
    startup_notes: list[str] | None = None,
    language: str = "en",
) -> gr.Blocks:
    ctx, _ = build_contexts(services, clinical, intake, language)
    L = ctx.labels
    # delete_cache: Gradio keeps uploads and served files (notes, re-identified letters) in its cache folder;
    # every 30 minutes, files older than an hour are removed.
    with gr.Blocks(
        title="Oncology assistant", analytics_enabled=False, fill_width=True, delete_cache=(1800, 3600)
    ) as blocks:
        ctx.session = gr.State(WorkspaceSession(language=language))
        with gr.Row(equal_height=False):
            L(gr.Markdown(L.text("title"), elem_id="title"), value="title")
            ui_language = L(
                gr.Radio(
                    list(LANGUAGES),
                    value="Français" if language == "fr" else "English",
                    label=L.text("ui_language"),
                    elem_id="ui-language",
                    scale=0,
                    min_width=220,
                ),
                label="ui_language",
            )
        banner = gr.HTML(ctx.chat.demo_banner(language), elem_id="demo-banner")
        for message in startup_notes or []:
            gr.HTML(notice(message, "warn"))
        with gr.Tabs(elem_id="tabs"):
            with L(gr.Tab(L.text("tab_chat"), id="chat", elem_id="tab-chat"), label="tab_chat"):
                build_chat_tab(ctx)
            with L(gr.Tab(L.text("tab_lookup"), id="lookup", elem_id="tab-lookup"), label="tab_lookup"):
                build_lookup_tab(ctx, services.settings.retrieval.top_k)
            with L(
                gr.Tab(L.text("tab_patients"), id="patients", elem_id="tab-patients"), label="tab_patients"
            ):
                build_patients_tab(ctx)
            with L(gr.Tab(L.text("tab_letters"), id="letters", elem_id="tab-letters"), label="tab_letters"):
                build_letters_tab(ctx)
            with L(gr.Tab(L.text("tab_library"), id="library", elem_id="tab-library"), label="tab_library"):
                build_library_tab(ctx)
        wire_patient_pickers(ctx)

        def on_language(choice: str, session: WorkspaceSession) -> list:
            session.language = LANGUAGES.get(choice, "en")
            return [
                session,
                ctx.chat.demo_banner(session.language),
                ctx.chat.context_line(session),
                ctx.library.model_info(session.language),
                *L.updates(session.language),
            ]

        ui_language.change(
            on_language,
            [ui_language, ctx.session],
            [ctx.session, banner, ctx.shared["chat_context"], ctx.shared["model_info"], *L.components],
        )

        def on_load(session: WorkspaceSession) -> list:
            # The index may have changed since the page was built (another tab, the CLI): list it afresh.
            rows, pick, letter_pick = ctx.shared["patients_listing"](session)
            return [rows, pick, letter_pick, *ctx.shared["library_refreshed"](session)]

        blocks.load(
            on_load,
            [ctx.session],
            [
                ctx.shared["patients_table"],
                ctx.shared["patient_pick"],
                ctx.shared["letter_patient"],
                *ctx.shared["library_refresh_outputs"],
            ],
            **READS,  # every page load lists the index; several clinicians opening the page need not queue
        )
    return blocks
