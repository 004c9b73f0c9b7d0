from __future__ import annotations

from pathlib import Path

import gradio as gr
import pytest

import app
from tests.unit.assistant.letters.letters_fakes import make_services
from ui.i18n import LABELS
from ui.tabs.context import TabContext
from ui.workspace import build_contexts, build_workspace

pytestmark = pytest.mark.unit

ELEMENT_IDS = {
    "question", "ask", "chatbot", "sources", "open-source", "document-view", "demo-banner", "ui-language",
    "lookup-query", "lookup-results", "note-text", "note-file", "preview-deid", "confirm-index", "patients-table",
    "use-patient", "letter-patient", "letter-text", "letter-checks", "export-letter", "reidentify", "model-info",
    "sources-table", "guideline-upload", "remove-source", "confirm-remove",
}  # fmt: skip


def test_every_tab_and_control_is_on_the_page(services, clinical, intake) -> None:
    blocks = build_workspace(services, clinical, intake, ["a start-up note"])
    assert isinstance(blocks, gr.Blocks)
    ids = {b.elem_id for b in blocks.blocks.values() if getattr(b, "elem_id", None)}
    assert ids >= ELEMENT_IDS
    tabs = [b.label for b in blocks.blocks.values() if isinstance(b, gr.Tab)]
    assert tabs == ["Chat", "Guideline lookup", "Patients", "Letters", "Library"]


def test_both_languages_label_the_same_things() -> None:
    assert LABELS["en"].keys() == LABELS["fr"].keys()
    assert all(LABELS["fr"][k] for k in LABELS["fr"])


def test_language_toggle_relabels_every_registered_component(services, clinical, intake) -> None:
    with gr.Blocks():
        ctx, _ = build_contexts(services, clinical, intake)
        ctx.session = gr.State()
        from ui.tabs.chat_tab import build_chat_tab

        build_chat_tab(ctx)
    assert isinstance(ctx, TabContext)
    french = ctx.labels.updates("fr")
    assert len(french) == len(ctx.labels.components) > 5
    labels = [u.get("label") or u.get("value") for u in french]
    assert "Votre question" in labels and "Demander" in labels and "Your question" not in labels


def test_demo_files_leave_the_readme_out() -> None:
    files = app.demo_files()
    assert files and all(p.suffix == ".md" and p.name != "README.md" for p in files)


def test_cli_flags_override_settings(tmp_path: Path) -> None:
    args = app.parse_args(
        ["--host", "127.0.0.2", "--port", "8123", "--data-dir", str(tmp_path), "--profile", "test"]
    )
    settings = app.settings_from(args)
    assert (settings.ui.host, settings.ui.port, settings.data_dir, settings.profile) == (
        "127.0.0.2", 8123, tmp_path, "test",
    )  # fmt: skip


def test_refuses_to_listen_beyond_loopback_without_a_login(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("ONCO_UI_USERS", raising=False)
    assert app.main(["--host", "0.0.0.0", "--data-dir", str(tmp_path / "idx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ui.host is '0.0.0.0'") and "ONCO_UI_USERS" in err
    assert not (tmp_path / "idx").exists()  # refused before building anything


def test_first_run_indexes_the_demo_corpus_once(tmp_path: Path) -> None:
    services = make_services(tmp_path, with_patient=False)
    for source in {s.source for s in services.store.sources()}:
        services.store.delete_source(source)
    notes = app.ensure_demo_index(services)
    titles = {s.title for s in services.store.sources()}
    assert len(titles) == len(app.demo_files()) and "demo content" in notes[0]
    count = services.store.count()
    assert app.ensure_demo_index(services) == [] and services.store.count() == count
