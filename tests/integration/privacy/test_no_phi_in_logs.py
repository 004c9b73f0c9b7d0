"""No raw PHI in log files: the team's de-identification notes asked through the CLI (`-v`, prompts logged at
INFO) and through the UI (`app.py -v`), with the real scrubber and the packaged model; none of their gold
identifiers may appear in the verbose log, the audit file or the CLI's JSON output."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.integration.privacy.conftest import ANSWER_EVERYTHING, Guard, UiRun, ui_notes
from tests.integration.privacy.phi_notes import corpus_text, covering, leaks, load_notes

pytestmark = pytest.mark.integration


def audit_questions(path: Path, log: str) -> tuple[str, list[str]]:
    """The audit file's text and recorded questions, after checking that the log holds every prompt sent."""
    text = path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines()]
    assert all(r["question_form"] == "scrubbed" for r in records)
    generated = sum(r["verification"]["verified"] for r in records)  # a refusal sends no prompt
    assert generated >= 1 and log.count("prompt (") == generated  # the verbose log really holds the prompts
    return text, [r["question"] for r in records]


def test_cli_verbose_log_audit_and_output_hold_no_identifier(
    guard: Guard, guarded_index: tuple[Path, object]
) -> None:
    data_dir, _ = guarded_index
    notes = covering(load_notes(), per_language=2)
    queries = guard.folder / "phi-questions.txt"
    queries.write_text("\n".join(n.question for n in notes) + "\n", encoding="utf-8")
    audit = guard.folder / "cli-audit" / "answers.jsonl"  # this step's answers only
    argv = [sys.executable, "-m", "assistant", "ask", "--queries", str(queries), "--data-dir", str(data_dir)]
    env = {"ONCO_AUDIT__PATH": str(audit), **ANSWER_EVERYTHING}
    proc = guard.run("phi-cli", [*argv, "--profile", "test", "-v"], extra_env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    log = guard.folder / "phi-cli.log"
    log.write_text(proc.stderr, encoding="utf-8")  # kept beside the other artefacts for a failing run
    audit_text, questions = audit_questions(audit, proc.stderr)
    assert len(questions) == len(notes)
    asked = list(zip(notes, questions, strict=True))
    found = leaks(asked, proc.stderr + audit_text + proc.stdout, corpus_text())
    assert found == [], f"raw identifiers in {log} or {audit}"
    guard.assert_offline("phi-cli")


def test_ui_verbose_log_and_audit_hold_no_identifier(guarded_ui: UiRun) -> None:
    notes = ui_notes()
    audit_text, questions = audit_questions(guarded_ui.audit, guarded_ui.log)
    assert len(questions) == len(notes)
    found = leaks(list(zip(notes, questions, strict=True)), guarded_ui.log + audit_text, corpus_text())
    assert found == []
