"""The real app in a subprocess (temp index, free port, packaged demo model) driven by headless Chromium.

Uses the Debian browser at /usr/bin/chromium; never `playwright install` (no browser download here)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from evals.load_app import AppProcess, default_env, free_port

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("ONCO_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT_S = 900  # first run: demo index (12 files) + embedder + demo model, on a shared 2-core machine


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.is_file():
        pytest.skip(
            f"{CHROMIUM} is absent: the browser tests need Debian's chromium (apt-get install chromium)"
        )
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    folder = tmp_path_factory.mktemp("browser-app")
    env = default_env()
    env.pop("ONCO_UI_USERS", None)
    with AppProcess(folder / "index", free_port(), folder / "app.log", "test", env=env) as app:
        app.wait_ready(START_TIMEOUT_S)
        yield app.url


@pytest.fixture(scope="module")
def browser_page(app_url: str):  # noqa: ANN201 - playwright Page
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.requested_hosts = set()  # type: ignore[attr-defined]
        page.on("request", lambda request: page.requested_hosts.add(request.url.split("/")[2]))  # type: ignore[attr-defined]
        page.goto(app_url)
        page.wait_for_selector("#question textarea", timeout=120_000)
        page.wait_for_timeout(1000)  # let the page-load event fill the tables and pickers
        yield page
        browser.close()


def screenshot(page, name: str) -> Path:  # noqa: ANN001
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
