"""Stopping the app (SIGTERM, as `kill` and service managers do) is a clean exit that removes what it kept on disk:
the letters' export folder, where re-identified letters can sit."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from evals.load_app import AppProcess, default_env, free_port

pytestmark = pytest.mark.integration


def test_sigterm_removes_the_export_folder_and_exits_cleanly(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    cache = tmp_path / "gradio-cache"
    temp.mkdir()
    env = {**default_env(), "TMPDIR": str(temp), "GRADIO_TEMP_DIR": str(cache)}
    env.pop("ONCO_UI_USERS", None)
    app = AppProcess(
        tmp_path / "index", free_port(), tmp_path / "app.log", "test", extra_args=["--no-demo-index"], env=env
    )
    with app:
        app.wait_ready(600)
        exports = list(temp.glob("onco-letters-*"))
        assert len(exports) == 1 and exports[0].is_dir(), app.log_tail()
        (exports[0] / "letter-P-TEST-reidentified.docx").write_bytes(b"stand-in for an exported letter")
        assert app.proc is not None
        app.proc.send_signal(signal.SIGTERM)
        code = app.proc.wait(timeout=60)
    assert code == 0, app.log_tail()
    assert list(temp.glob("onco-letters-*")) == [], app.log_tail()
