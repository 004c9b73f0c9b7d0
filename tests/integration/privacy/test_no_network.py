"""Nothing leaves the machine: ingestion, a CLI answer and the UI run with the network refused, and none of them
tries to reach a non-loopback address (telemetry, analytics, a model hub, a font CDN, a version check)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.integration.privacy.conftest import Guard, UiRun

pytestmark = pytest.mark.integration

CONTROL = """
import _socket, socket
s = socket.socket(); s.settimeout(0.5)
try:
    s.connect(("10.255.255.1", 80))
except OSError as exc:
    print("refused:", exc.errno)
try:
    socket.getaddrinfo("telemetry.example.org", 443)
except socket.gaierror:
    print("unresolved")
raw = _socket.socket(); raw.settimeout(0.2)  # the C socket, as native code would use it: only strace sees it
raw.connect_ex(("10.255.255.1", 80))
with socket.socket() as local:  # loopback stays allowed
    local.bind(("127.0.0.1", 0)); local.listen()
    socket.create_connection(local.getsockname(), timeout=2).close()
print("loopback ok")
"""


def test_positive_control_the_guard_records_and_refuses_an_outbound_attempt(guard: Guard) -> None:
    proc = guard.run("control", [sys.executable, "-c", CONTROL], timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:3] == ["refused: 101", "unresolved", "loopback ok"]
    assert guard.loaded("control")
    kinds = [(a["kind"], a["target"]) for a in guard.attempts("control")]
    assert ("connect", "('10.255.255.1', 80)") in kinds
    assert ("getaddrinfo", "('telemetry.example.org', 443)") in kinds
    assert all("127.0.0.1" not in target for _, target in kinds)
    if guard.strace:
        assert any("10.255.255.1" in line for line in guard.native_attempts("control"))
    with pytest.raises(AssertionError, match="network attempts"):
        guard.assert_offline("control")


def test_ingestion_stays_offline(guard: Guard, guarded_index: tuple[Path, object]) -> None:
    _, proc = guarded_index
    assert "2 ingested" in proc.stdout
    guard.assert_offline("ingest")


def test_a_cli_answer_with_the_packaged_model_stays_offline(
    guard: Guard, guarded_index: tuple[Path, object]
) -> None:
    data_dir, _ = guarded_index
    question = "Which adjuvant chemotherapy after resection of stage III colon cancer?"
    argv = [sys.executable, "-m", "assistant", "ask", question, "--json", "--data-dir", str(data_dir)]
    proc = guard.run("ask", [*argv, "--profile", "test"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    answer = json.loads(proc.stdout)
    assert answer["model"].startswith("SmolLM2") and answer["answer"]
    guard.assert_offline("ask")


def test_the_ui_stays_offline_from_start_to_stop(guard: Guard, guarded_ui: UiRun) -> None:
    assert guarded_ui.page_status == 200 and guarded_ui.config_status == 200
    # Gradio's run history would keep questions and pasted notes in the browser and offer a cloud upload.
    assert guarded_ui.config.get("run_history") is False
    final_messages = guarded_ui.answers[0][0]
    assert final_messages[-1]["role"] == "assistant" and final_messages[-1]["content"]
    guard.assert_offline("app")
