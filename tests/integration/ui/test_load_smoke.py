"""The load benchmark itself, run briefly: the real app as a subprocess, two simulated clinicians, 15 s, some
actions after opening the page anew (a new server session)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration


def test_two_clinicians_for_15_s_get_answers_and_lookups_without_an_error(tmp_path: Path) -> None:
    pytest.importorskip("gradio_client")
    from evals.bench_load import main

    out = tmp_path / "load.json"
    argv = [
        "--clinicians",
        "2",
        "--duration",
        "15",
        "--page-load-share",
        "0.3",
        "--data-dir",
        str(tmp_path / "data"),
    ]
    # The default profile, as a clinician gets it: the test profile's 1,024-token context cannot hold a
    # follow-up question's history with its evidence ("The prompt ... does not fit llm.context_tokens").
    code = main([*argv, "--out", str(out)])

    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["errors"] == [] and code == 0
    kinds = report["kinds"]
    assert kinds["search"]["count"] >= 1 and kinds["ask"]["count"] >= 1
    assert kinds["page"]["count"] >= 1 and kinds["page"]["errors"] == 0
    assert report["ask_first_output"]["count"] == kinds["ask"]["count"]
    memory = report["memory"]
    assert memory["samples"] >= 10 and memory["peak_mb"] > 100  # the sampler saw the app, not nothing
