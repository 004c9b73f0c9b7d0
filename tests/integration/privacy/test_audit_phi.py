"""The audit file and the prompt log with the real PHI scrubber: questions carrying identifiers leave none.

A scripted generator and a hashed-words embedder stand in for the models: what is tested is what the answering
service writes down, so every one of the team's de-identification notes can be asked in seconds."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answering import AnswerService
from assistant.audit import AuditLog
from assistant.retrieval import HybridRetriever
from assistant.settings import load_settings
from assistant.store import DocumentStore
from assistant.types import Chunk, ChunkMetadata
from guardrails.phi import PhiScrubber
from tests.fakes import HashEmbedder, ScriptedGenerator
from tests.integration.privacy.phi_notes import corpus_text, leaks, load_notes

pytestmark = pytest.mark.integration

GUIDELINES = [
    "After resection of stage III colon cancer, adjuvant chemotherapy with FOLFOX or CAPOX is standard.",
    "ABVD for four to six cycles is a standard regimen in classical Hodgkin lymphoma.",
    "Endocrine therapy with letrozole is given for hormone receptor-positive early breast cancer.",
]


@pytest.fixture(scope="module")
def scrubber() -> PhiScrubber:
    return PhiScrubber()


@pytest.fixture
def service(tmp_path: Path, scrubber: PhiScrubber) -> AnswerService:
    store = DocumentStore(tmp_path / "index", HashEmbedder())
    store.add([Chunk(t, ChunkMetadata(source=f"g{i}.md", title=f"G{i}")) for i, t in enumerate(GUIDELINES)])
    store.refresh_lexical_index()
    # min_relevance -1: never abstain, so that every question reaches the prompt log.
    settings = load_settings(profile="test", data_dir=tmp_path, retrieval={"min_relevance": -1.0})
    return AnswerService(
        settings,
        HybridRetriever(store),
        ScriptedGenerator(("The guidelines recommend adjuvant treatment [1].",)),
        scrubber=scrubber,
        audit=AuditLog.from_settings(settings),
    )


@pytest.fixture
def prompt_log(tmp_path: Path) -> Iterator[Path]:
    """Everything logged at INFO (the prompt included) into a file, as `-v` does on a terminal."""
    path = tmp_path / "assistant.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()


def test_a_name_and_a_phone_number_never_reach_the_audit_file(service: AnswerService) -> None:
    answer = service.ask(
        "Marie-Hélène Fontaine (06 12 34 56 78) had a stage III colon cancer resected: FOLFOX or CAPOX?"
    )
    assert service.audit is not None
    text = service.audit.path.read_text(encoding="utf-8")
    [record] = [json.loads(line) for line in text.splitlines()]
    assert "Fontaine" not in text and "Marie" not in text and "56 78" not in text
    assert record["question"] == answer.question and "<PERSON_1>" in record["question"]
    assert "FOLFOX or CAPOX" in record["question"]  # the clinical question itself survives


def test_the_team_notes_leave_no_identifier_in_the_prompt_log_or_the_audit_file(
    service: AnswerService, prompt_log: Path
) -> None:
    notes = load_notes()
    for note in notes:
        service.ask(note.question)
    assert service.audit is not None
    audit_text = service.audit.path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in audit_text.splitlines()]
    assert len(records) == len(notes) and all(r["question_form"] == "scrubbed" for r in records)
    logged = prompt_log.read_text(encoding="utf-8")
    assert logged.count("prompt (") == len(notes)  # the log really holds every prompt
    asked = list(zip(notes, (r["question"] for r in records), strict=True))
    found = leaks(asked, logged + audit_text, corpus_text())
    assert found == []
