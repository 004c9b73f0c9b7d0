"""`python -m assistant audit` as an administrator runs it: a subprocess over a data folder's audit files."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.audit import AuditLog, AuditRecord
from assistant.types import Answer, Citation, Timings
from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.unit


def run_audit(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONCO_")}
    return subprocess.run(
        [sys.executable, "-m", "assistant", "audit", "--data-dir", str(data_dir), "--profile", "test", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Five days of answers, one per day at noon UTC, spread over the current file and rotated ones."""
    audit = AuditLog(tmp_path / "audit" / "answers.jsonl", max_bytes=1500, backups=10)
    for day in range(1, 6):
        answer = Answer(
            question=f"question of day {day} about <PERSON_1>",
            text="t [1]",
            model="SmolLM2-135M-Instruct",
            citations=[Citation(1, "colon.md", "Colon", "", None, "e", f"chunk-{day}")],
            timings=Timings(total_s=2.5),
            faithfulness=1.0,
        )
        record = AuditRecord.from_answer(
            answer,
            (f"chunk-{day}", "other"),
            scrubbed=True,
            verified=True,
            settings_hash="h",
            question_key=b"",
            now=dt.datetime(2026, 3, day, 12, tzinfo=dt.UTC),
        )
        assert audit.write(record)
    assert len(audit.files()) >= 3  # the window must be read across rotated files
    return tmp_path


def test_json_lines_for_a_window_across_rotated_files(data_dir: Path) -> None:
    proc = run_audit(data_dir, "--since", "2026-03-02", "--until", "2026-03-04", "--json")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["question"] for r in records] == [f"question of day {d} about <PERSON_1>" for d in (2, 3, 4)]
    assert records[0]["cited_ids"] == ["chunk-2"] and records[0]["verification"]["faithfulness"] == 1.0


def test_readable_table_by_default(data_dir: Path) -> None:
    proc = run_audit(data_dir, "--since", "2026-03-05T00:00")
    assert proc.returncode == 0, proc.stderr
    header, row = proc.stdout.splitlines()
    assert "time (UTC)" in header and "question" in header
    assert row.startswith("2026-03-05 12:00:00") and "1.00" in row and "question of day 5" in row
    assert "1 answer(s)" in proc.stderr


def test_a_bad_date_is_one_clear_sentence(data_dir: Path) -> None:
    proc = run_audit(data_dir, "--since", "2026-02-30")
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: --since '2026-02-30' is not a date; use YYYY-MM-DD")
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_until_before_since_is_refused(data_dir: Path) -> None:
    proc = run_audit(data_dir, "--since", "2026-03-04", "--until", "2026-03-01")
    assert proc.returncode == 2 and "--until" in proc.stderr and "Traceback" not in proc.stderr


def test_no_audit_file_yet_is_said_plainly(tmp_path: Path) -> None:
    proc = run_audit(tmp_path, "--since", "2026-01-01")
    assert proc.returncode == 0 and "No audit file" in proc.stderr and proc.stdout == ""


def test_a_lone_surrogate_prints_in_both_forms(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "audit" / "answers.jsonl")
    answer = Answer(question="stade III \udc80 côlon", text="t", model="m")
    now = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    kw = {"scrubbed": True, "verified": False, "settings_hash": "h", "question_key": b"", "now": now}
    assert audit.write(AuditRecord.from_answer(answer, (), **kw))
    as_json = run_audit(tmp_path, "--since", "2026-03-01", "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["question"] == "stade III \udc80 côlon"
    table = run_audit(tmp_path, "--since", "2026-03-01")
    assert table.returncode == 0 and "stade III" in table.stdout and "côlon" in table.stdout
