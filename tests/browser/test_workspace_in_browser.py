"""A clinician's session in a real browser: chat with citations, lookup, patient intake, letter export.

The tests share one app and one page and run in file order (each tab builds on the previous one)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from app import demo_files
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.slow, pytest.mark.integration]

QUESTION = "What adjuvant chemotherapy is recommended after resection of stage III colon cancer?"
NOTE = """# Consultation d'oncologie

## Identité
Mme Claire Dubois, née le 14/02/1958, tél. 06 12 34 56 78.

## Histoire
Adénocarcinome du côlon droit pT3 N1a (stade IIIB), hémicolectomie droite le 03/03/2025 par le Dr Marc Lefèvre.
Mme Dubois demande si une chimiothérapie adjuvante est indiquée.
"""
ANSWER_TIMEOUT_MS = 600_000


def open_tab(page, name: str) -> None:  # noqa: ANN001
    page.get_by_role("tab", name=name).click()
    page.wait_for_timeout(300)


def pick_first_option(page, dropdown: str) -> str:  # noqa: ANN001
    page.click(f"{dropdown} input")
    option = page.get_by_role("option").first
    option.wait_for(timeout=10_000)
    text = option.inner_text()
    option.click()
    return text


def test_chat_streams_a_cited_answer_and_opens_its_source(browser_page) -> None:  # noqa: ANN001
    page = browser_page
    page.fill("#question textarea", QUESTION)
    page.press("#question textarea", "Enter")
    # Streaming: a partial answer with the typing cursor appears before the final one.
    page.wait_for_function(
        "document.querySelector('#chatbot')?.innerText.includes('▌')", timeout=ANSWER_TIMEOUT_MS, polling=50
    )
    page.wait_for_selector("#sources .onco-source", timeout=ANSWER_TIMEOUT_MS)
    bubble = page.locator("#chatbot .message").last.inner_text()
    delivered = bubble.split("Removed by verification")[0]  # struck-out sentences cite nothing shown
    cited = set(re.findall(r"\[(\d+)\]", delivered))
    cards = {
        card.get_attribute("id").removeprefix("source-")
        for card in page.locator("#sources .onco-source").all()
    }
    assert cited and cited <= cards, (bubble, cards)
    assert page.locator("#sources .onco-source mark.onco-support").count() >= 1
    pick_first_option(page, "#open-source")
    page.wait_for_selector("#document-view #cited-passage", timeout=30_000)
    assert page.locator("#document-view .onco-chunk").count() > 1
    screenshot(page, "chat")


def test_lookup_ranks_highlighted_snippets_without_the_model(browser_page) -> None:  # noqa: ANN001
    page = browser_page
    open_tab(page, "Guideline lookup")
    page.fill("#lookup-query textarea", "FOLFOX CAPOX duration")
    page.press("#lookup-query textarea", "Enter")
    page.wait_for_selector("#lookup-results .onco-hit mark", timeout=60_000)
    first = page.locator("#lookup-results .onco-hit").first.inner_text()
    assert "colon" in first.lower() and page.locator("#lookup-results .onco-hit").count() >= 3
    screenshot(page, "lookup")


def test_a_note_is_de_identified_before_it_is_indexed(browser_page) -> None:  # noqa: ANN001
    page = browser_page
    pytest.importorskip("guardrails.phi", reason="patient intake needs guardrails.phi")
    open_tab(page, "Patients")
    page.fill("#note-text textarea", NOTE)
    page.click("#preview-deid")
    page.wait_for_selector("#deid-preview mark.onco-phi", timeout=300_000)
    marked = page.locator("#deid-preview mark.onco-phi").all_inner_texts()
    assert any("Claire Dubois" in m for m in marked)
    screenshot(page, "patients-preview")
    page.click("#confirm-index")
    page.wait_for_selector("#deid-preview .onco-ok", timeout=120_000)
    assert page.input_value("#note-text textarea") == ""  # the raw note leaves the page once indexed
    patient = pick_first_option(page, "#patient-pick")
    page.click("#use-patient")
    page.wait_for_function(
        f"document.querySelector('#chat-context')?.innerText.includes('{patient}')", timeout=30_000
    )
    page.wait_for_selector("#patient-summary h3", timeout=30_000)
    assert "Dubois" not in page.inner_text("#patient-summary")
    screenshot(page, "patients")


def test_a_letter_is_drafted_and_exported_to_docx(browser_page, tmp_path: Path) -> None:  # noqa: ANN001
    page = browser_page
    pytest.importorskip("guardrails.phi", reason="the letter needs the patient indexed by the previous test")
    open_tab(page, "Letters")
    page.fill("#letter-instructions textarea", "Adjuvant chemotherapy after right hemicolectomy?")
    page.click("#draft-letter")
    page.wait_for_function(
        "document.querySelector('#letter-text textarea')?.value.includes('## ')", timeout=ANSWER_TIMEOUT_MS
    )
    draft = page.input_value("#letter-text textarea")
    assert draft.startswith("# Oncology consultation letter") and "Dubois" not in draft
    page.check("#reidentify input")
    page.click("#export-letter")
    link = page.locator("#exported-file a").first
    link.wait_for(timeout=60_000)
    with page.expect_download() as download:
        link.click()
    path = tmp_path / "letter.docx"
    download.value.save_as(path)
    body = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Oncology consultation letter" in body and "Claire Dubois" in body  # re-identified at export only
    screenshot(page, "letters")


def test_library_shows_the_demo_model_and_the_indexed_sources(browser_page) -> None:  # noqa: ANN001
    page = browser_page
    open_tab(page, "Library")
    info = page.inner_text("#model-info")
    assert "Demo model\tyes" in info or re.search(r"Demo model\s+yes", info), info
    page.wait_for_function(
        "document.querySelector('#sources-table')?.innerText.includes('colon-cancer.md')", timeout=30_000
    )
    table = page.inner_text("#sources-table")
    assert [p.name for p in demo_files() if p.name not in table] == []
    screenshot(page, "library")


def test_nothing_was_requested_from_another_host(browser_page, app_url: str) -> None:  # noqa: ANN001
    assert browser_page.requested_hosts == {app_url.split("/")[2]}
