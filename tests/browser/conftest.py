"""The real app in a subprocess (temp index, free port, packaged demo model) driven by headless Chromium.

Uses the Debian browser at /usr/bin/chromium; never `playwright install` (no browser download here)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.net import free_port

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


def wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    import httpx

    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app.py exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"app.py did not answer within {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.is_file():
        pytest.skip(
            f"{CHROMIUM} is absent: the browser tests need Debian's chromium (apt-get install chromium)"
        )
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    folder = tmp_path_factory.mktemp("browser-app")
    port = free_port()
    log = folder / "app.log"
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
    env.pop("ONCO_UI_USERS", None)
    command = [
        sys.executable,
        "app.py",
        "--profile",
        "test",
        "--data-dir",
        str(folder / "index"),
        "--port",
        str(port),
    ]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


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
