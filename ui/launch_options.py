"""The arguments of `Blocks.launch()`: one place, so that the app and the tests serve the same server."""

from __future__ import annotations

from typing import Any

from assistant.settings import UiSettings
from ui.workspace import launch_styling


def launch_options(ui: UiSettings, auth: Any = None) -> dict[str, Any]:
    return {
        "server_name": ui.host,
        "server_port": ui.port,
        "auth": auth,
        "share": False,
        "show_error": False,
        "footer_links": [],
        "mcp_server": False,
        # Gradio's run history keeps each call's inputs (questions, pasted notes) in the browser and offers to
        # upload them to a Hugging Face bucket: never for patient data.
        "run_history": False,
        "ssr_mode": False,
        "pwa": False,
        "enable_monitoring": False,
        # Gradio keeps every page's session (a copy of each component's settings plus its gr.State, about
        # 0.17 MB for this workspace under `evals.bench_load --page-load-share`) until 10,000 sessions by
        # default: some 1.7 GB for a department that opens pages all day. Its maintainers bound these sessions
        # by count, not by age (gradio PR #13756).
        "state_session_capacity": ui.session_capacity,
        **launch_styling(),
    }
