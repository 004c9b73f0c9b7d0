"""`python -m corpora ingest` as a user runs it: a subprocess, a real index in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.integration

DATA = REPO_ROOT / "tests" / "data" / "corpora"


def run_ingest(*args: str, salt: str = "integration-test-salt") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corpora", "ingest", "--quiet", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "ONCO_PROFILE": "test", "ONCO_PSEUDONYM_SALT": salt},
    )


def test_ingest_guidelines_then_again(tmp_path: Path) -> None:
    index = tmp_path / "index"
    files = [str(DATA / "guideline.md"), str(DATA / "page.html"), str(DATA / "corrupt.pdf")]
    first = run_ingest(*files, "--kind", "guideline", "--data-dir", str(index))
    assert first.returncode == 0, first.stderr
    assert "Files: 3 seen, 2 ingested (0 already present), 1 skipped" in first.stdout
    assert "corrupt.pdf: is not a readable PDF" in first.stdout
    added = int(first.stdout.split("Chunks: ")[1].split(" added")[0])
    assert added > 0 and f"{added} in the index" in first.stdout

    again = run_ingest(*files, "--kind", "guideline", "--data-dir", str(index))
    assert again.returncode == 0, again.stderr
    assert "2 ingested (2 already present)" in again.stdout
    assert f"Chunks: 0 added, {added} in the index" in again.stdout


def test_nothing_readable_exits_non_zero_with_a_reason(tmp_path: Path) -> None:
    proc = run_ingest(str(DATA / "empty.pdf"), "--kind", "guideline", "--data-dir", str(tmp_path / "index"))
    assert proc.returncode == 1
    assert "empty.pdf: is empty (0 bytes)" in proc.stdout
    assert "Nothing was ingested" in proc.stderr


def test_wrong_kind_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_ingest(str(DATA / "guideline.md"), "--kind", "protocol", "--data-dir", str(tmp_path))
    assert proc.returncode == 2 and "invalid choice: 'protocol'" in proc.stderr


def test_patient_bundle_is_scrubbed_and_pseudonymised(tmp_path: Path) -> None:
    index = tmp_path / "index"
    proc = run_ingest(str(DATA / "patient_bundle.json"), "--kind", "patient", "--data-dir", str(index))
    assert proc.returncode == 0, proc.stderr
    assert "1 ingested" in proc.stdout

    from assistant.bootstrap import build_store
    from assistant.settings import load_settings
    from corpora.patients import pseudonymize

    store = build_store(load_settings(profile="test", data_dir=index))
    pseudonym = pseudonymize("pat-0001", "integration-test-salt")
    chunks = store.chunks_of(f"patient:{pseudonym}")
    assert chunks and all(c.metadata.patient_id == pseudonym for c in chunks)
    text = "\n".join(c.text for c in chunks)
    for identifier in (
        "Philomena",
        "Zorglubson",
        "Wallaby",
        "999-12-3456",
        "555-867-5309",
        "1951",
        "pat-0001",
    ):
        assert identifier not in text
    assert "Malignant tumor of colon" in text
