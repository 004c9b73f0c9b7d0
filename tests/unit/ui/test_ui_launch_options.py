"""The server the app launches: privacy switches, and a bounded memory of browser sessions."""

from __future__ import annotations

import pytest

from assistant.settings import UiSettings
from evals.load_app import free_port
from ui.concurrency import configure_queue
from ui.launch_options import launch_options
from ui.workspace import build_workspace

pytestmark = pytest.mark.unit


def test_nothing_leaves_the_machine_and_sessions_are_bounded() -> None:
    options = launch_options(UiSettings(session_capacity=7), auth=None)
    assert options["share"] is False and options["run_history"] is False
    assert options["enable_monitoring"] is False and options["mcp_server"] is False
    assert options["state_session_capacity"] == 7
    assert (options["server_name"], options["server_port"]) == ("127.0.0.1", 7860)


@pytest.mark.integration
def test_beyond_its_capacity_the_server_forgets_the_least_recently_used_page(
    services, clinical, intake
) -> None:
    client_class = pytest.importorskip("gradio_client").Client
    blocks = configure_queue(build_workspace(services, clinical, intake))
    blocks.launch(
        **launch_options(UiSettings(port=free_port(), session_capacity=2)),
        prevent_thread_lock=True,
        quiet=True,
    )
    pages = []
    try:

        def look_up(page) -> None:  # noqa: ANN001 - gradio_client.Client
            html = page.predict("FOLFOX", "", "", 5, api_name="/search")
            assert "FOLFOX" in html

        for _ in range(2):
            pages.append(client_class(blocks.local_url, verbose=False, analytics_enabled=False))
            look_up(pages[-1])
        look_up(pages[0])  # the first page is used again: the second is now the least recent
        pages.append(client_class(blocks.local_url, verbose=False, analytics_enabled=False))
        look_up(pages[-1])

        remembered = set(blocks.state_holder.session_data)
        assert remembered == {pages[0].session_hash, pages[2].session_hash}
    finally:
        for page in pages:
            page.close()
        blocks.close()
