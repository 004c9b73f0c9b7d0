from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

REPO_ROOT = Path(__file__).resolve().parents[4]
NOTE = "Mme Claire Dubois, née le 14/02/1958, lymphome de Hodgkin. Tél 06 12 34 56 78.\n"


def run_cli(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guardrails", "scrub", *args],
        input=stdin, capture_output=True, text=True, cwd=REPO_ROOT, timeout=300, check=False,
    )  # fmt: skip


def test_cli_json() -> None:
    proc = run_cli("--lang", "fr", "--json", stdin=NOTE)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["text"] == "Mme <PERSON_1>, née le <DATE_1>, lymphome de Hodgkin. Tél <PHONE_NUMBER_1>.\n"
    assert [(e["type"], NOTE[e["start"] : e["end"]]) for e in payload["entities"]] == [
        ("PERSON", "Claire Dubois"),
        ("DATE", "14/02/1958"),
        ("PHONE_NUMBER", "06 12 34 56 78"),
    ]
    assert "Claire" not in proc.stdout  # no mapping printed


def test_cli_empty_input() -> None:
    proc = run_cli(stdin="")
    assert proc.returncode == 2
    assert "empty input" in proc.stderr
