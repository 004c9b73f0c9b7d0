"""Pages opened in a real browser are server sessions, and the server keeps at most `ui.session_capacity` of them.

The workspace runs in this process (fake model and index) so that the test can count what Gradio holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.letters.clinical_services import build_clinical_services
from assistant.settings import UiSettings
from evals.load_app import free_port
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.unit.assistant.letters.letters_fakes import SessionNameScrubber, make_services
from ui.concurrency import configure_queue
from ui.launch_options import launch_options
from ui.patient_intake import PatientIntake
from ui.workspace import build_workspace

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def test_each_page_opened_is_a_session_and_the_oldest_beyond_the_capacity_is_forgotten(
    tmp_path: Path,
) -> None:
    if not CHROMIUM.is_file():
        pytest.skip(
            f"{CHROMIUM} is absent: the browser tests need Debian's chromium (apt-get install chromium)"
        )
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    services = make_services(tmp_path)
    intake = PatientIntake(services.store, SessionNameScrubber(), lambda: "test-salt", dict)
    blocks = configure_queue(build_workspace(services, build_clinical_services(services), intake))
    blocks.launch(
        **launch_options(UiSettings(port=free_port(), session_capacity=2)),
        prevent_thread_lock=True,
        quiet=True,
    )
    held: list[set[str]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for _ in range(3):
                before = set(blocks.state_holder.session_data)
                page = browser.new_page()
                page.goto(blocks.local_url)
                page.wait_for_selector("#question textarea", timeout=120_000)
                for _ in range(120):  # the page-load event (no click) reaches the server
                    if set(blocks.state_holder.session_data) != before:
                        break
                    page.wait_for_timeout(250)
                held.append(set(blocks.state_holder.session_data))
            browser.close()
    finally:
        blocks.close()
    first, second, third = held
    assert len(first) == 1 and len(second) == 2 and first < second  # each page opened is a session
    opened_third = third - second
    assert len(opened_third) == 1 and third == (second - first) | opened_third  # the first page is forgotten
