"""The audit trail with fakes: what an answer leaves in the file, rotation, concurrency, failures, time windows."""

from __future__ import annotations

import datetime as dt
import json
import logging
import multiprocessing
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.answering import AnswerService
from assistant.audit import AuditLog, AuditRecord, settings_fingerprint
from assistant.audit.cli import parse_when
from assistant.errors import AssistantError
from assistant.retrieval import HybridRetriever, SearchFilters
from assistant.settings import load_settings
from assistant.store import DocumentStore
from assistant.types import Answer, Timings
from tests.fakes import HashEmbedder, ScriptedGenerator

pytestmark = pytest.mark.unit

QUESTION = "Adjuvant chemotherapy for stage III colon cancer: FOLFOX or CAPOX?"


@dataclass
class _Scrubbed:
    text: str


class NameScrubber:
    """Replaces one known name, as PhiScrubber would, so the test knows what must not reach the file."""

    def scrub(self, text: str, language: str | None = None) -> _Scrubbed:
        return _Scrubbed(text.replace("Jean Dupont", "<PERSON_1>"))


def make_service(store: DocumentStore, audit: AuditLog, **kw) -> AnswerService:
    settings = load_settings(profile="test", retrieval={"min_relevance": 0.2})
    generator = ScriptedGenerator(("FOLFOX or CAPOX is standard [1].",))
    return AnswerService(settings, HybridRetriever(store), generator, audit=audit, **kw)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def answer_at(when: dt.datetime, question: str = "q <PERSON_1>") -> AuditRecord:
    return AuditRecord.from_answer(
        Answer(question=question, text="t", model="m", timings=Timings(total_s=1.0)),
        ("a", "b"),
        scrubbed=True,
        verified=False,
        settings_hash="h",
        question_key=b"",
        now=when,
    )


# -- what one answer leaves ------------------------------------------------------------------------------------
def test_an_answer_is_one_line_with_what_it_rested_on(store: DocumentStore, tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "audit" / "answers.jsonl", settings_hash="abc")
    service = make_service(store, audit, scrubber=NameScrubber())
    answer = service.ask(f"Jean Dupont, 64: {QUESTION}", filters=SearchFilters(kind="guideline"))
    [line] = lines(audit.path)
    assert "Jean Dupont" not in audit.path.read_text(encoding="utf-8")
    assert line["question"] == answer.question and line["question"].startswith("<PERSON_1>, 64:")
    assert line["question_form"] == "scrubbed" and line["question_hash"] is None
    assert line["language"] == "en" and line["model"] == "fake:scripted" and line["settings_hash"] == "abc"
    assert line["retrieved_ids"] and set(line["cited_ids"]) <= set(line["retrieved_ids"])
    assert line["cited_ids"] == [c.chunk_id for c in answer.citations]
    assert line["filters"] == {"kind": "guideline"}
    assert line["verification"]["abstained"] is False and line["verification"]["verified"] is False
    assert line["timings"]["total_s"] == pytest.approx(answer.timings.total_s)
    when = dt.datetime.fromisoformat(line["ts"])
    assert when.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.UTC) - when) < dt.timedelta(minutes=1)
    assert oct(audit.path.stat().st_mode & 0o777) == "0o600"  # answers about patients: owner only


def test_a_refusal_is_recorded_too(store: DocumentStore, tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "answers.jsonl")
    make_service(store, audit, scrubber=NameScrubber()).ask("Capital of Australia, please?")
    [line] = lines(audit.path)
    assert line["verification"]["abstained"] is True and line["cited_ids"] == []


def test_without_a_scrubber_only_a_keyed_hash_and_the_length_are_kept(
    store: DocumentStore, tmp_path: Path
) -> None:
    question = f"Jean Dupont, 06 12 34 56 78: {QUESTION}"
    audit = AuditLog(tmp_path / "answers.jsonl")
    make_service(store, audit).ask(question)
    AuditLog(tmp_path / "answers.jsonl").record(
        Answer(question=question, text=""), (), scrubbed=False, verified=False
    )
    text = audit.path.read_text(encoding="utf-8")
    assert "Dupont" not in text and "06 12 34" not in text
    first, second = lines(audit.path)
    assert first["question"] is None and first["question_form"] == "hmac-sha256"
    assert first["question_chars"] == len(question)
    # The key is kept beside the file, so the same question hashes alike across runs.
    assert first["question_hash"] == second["question_hash"] and len(first["question_hash"]) == 64
    assert oct((tmp_path / "question_key").stat().st_mode & 0o777) == "0o600"


# -- rotation and concurrency ---------------------------------------------------------------------------------
def test_rotation_keeps_max_bytes_per_file_and_drops_the_oldest(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "answers.jsonl", max_bytes=2000, backups=2)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for i in range(40):
        assert audit.write(answer_at(start + dt.timedelta(minutes=i), question=f"question {i}"))
    assert [p.name for p in audit.files()] == ["answers.jsonl.2", "answers.jsonl.1", "answers.jsonl"]
    assert all(p.stat().st_size <= 2000 for p in audit.files())
    kept = [r.question for r in audit.read()]
    assert kept[-1] == "question 39" and "question 0" not in kept
    assert kept == sorted(kept, key=lambda q: int(q.split()[1]))  # oldest file first, in write order


def test_threads_share_one_log_without_torn_lines(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "answers.jsonl", max_bytes=20_000, backups=50)
    now = dt.datetime.now(dt.UTC)

    def worker(n: int) -> None:
        for i in range(40):
            audit.write(answer_at(now, question=f"t{n}-{i}"))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    records = list(audit.read())
    assert audit.skipped_lines == 0 and audit.failures == 0
    assert sorted(r.question for r in records) == sorted(f"t{n}-{i}" for n in range(6) for i in range(40))
    assert len(audit.files()) > 2  # rotation happened while threads wrote


def _process_writer(path: str, n: int) -> None:
    audit = AuditLog(Path(path), max_bytes=20_000, backups=50)
    for i in range(40):
        audit.write(answer_at(dt.datetime.now(dt.UTC), question=f"p{n}-{i}"))


def test_processes_share_one_log_and_rotate_it_safely(tmp_path: Path) -> None:
    path = tmp_path / "answers.jsonl"
    context = multiprocessing.get_context("spawn")  # no inherited locks or threads
    workers = [context.Process(target=_process_writer, args=(str(path), n)) for n in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    audit = AuditLog(path, max_bytes=20_000, backups=50)
    questions = sorted(r.question for r in audit.read())
    assert audit.skipped_lines == 0
    assert questions == sorted(f"p{n}-{i}" for n in range(3) for i in range(40))


# -- failures never cost the answer ---------------------------------------------------------------------------
def test_an_unwritable_folder_warns_once_and_answering_goes_on(
    store: DocumentStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the audit folder should be")  # fails even for root, unlike chmod
    audit = AuditLog(blocker / "audit" / "answers.jsonl")
    service = make_service(store, audit, scrubber=NameScrubber())
    with caplog.at_level(logging.WARNING, logger="assistant.audit"):
        answers = [service.ask(QUESTION), service.ask(f"Jean Dupont: {QUESTION}")]
    assert all(a.text == "FOLFOX or CAPOX is standard [1]." for a in answers)
    assert audit.failures == 2
    warnings = [r for r in caplog.records if r.name.startswith("assistant.audit")]
    assert len(warnings) == 1 and "cannot be written" in warnings[0].getMessage()
    assert "Dupont" not in caplog.text


def test_a_full_disk_warns_and_a_later_success_rearms_the_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full is needed to simulate a full disk")
    path = tmp_path / "answers.jsonl"
    path.symlink_to("/dev/full")  # every write fails with ENOSPC
    audit = AuditLog(path)
    with caplog.at_level(logging.WARNING, logger="assistant.audit"):
        assert not audit.write(answer_at(dt.datetime.now(dt.UTC)))
        assert not audit.write(answer_at(dt.datetime.now(dt.UTC)))
        path.unlink()
        assert audit.write(answer_at(dt.datetime.now(dt.UTC)))
        path.unlink()
        path.symlink_to("/dev/full")
        assert not audit.write(answer_at(dt.datetime.now(dt.UTC)))
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("assistant.audit")]
    assert len(messages) == 2 and all("No space left" in m for m in messages)


# -- time windows ---------------------------------------------------------------------------------------------
def test_since_and_until_select_a_window(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "answers.jsonl", max_bytes=10_000, backups=3)
    days = [dt.datetime(2026, 3, d, 12, 0, tzinfo=dt.UTC) for d in (1, 2, 3, 4)]
    for day in days:
        audit.write(answer_at(day, question=day.date().isoformat()))
    window = audit.read(parse_when("2026-03-02", "--since"), parse_when("2026-03-03", "--until", end=True))
    assert [r.question for r in window] == ["2026-03-02", "2026-03-03"]  # a bare --until day is inclusive
    window = audit.read(parse_when("2026-03-02T12:00:00+00:00", "--since"), None)
    assert [r.question for r in window] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    # 13:00 in Paris is 12:00 UTC: an explicit offset is honoured and an explicit end time is inclusive.
    window = audit.read(None, parse_when("2026-03-01T13:00+01:00", "--until", end=True))
    assert [r.question for r in window] == ["2026-03-01"]


def test_unreadable_lines_are_skipped_and_counted(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "answers.jsonl")
    audit.write(answer_at(dt.datetime(2026, 3, 1, tzinfo=dt.UTC)))
    with audit.path.open("a", encoding="utf-8") as handle:
        handle.write('{"ts": "2026-03-02T00:00:00+00:00", "quest\n')  # a crash mid-write
    audit.write(answer_at(dt.datetime(2026, 3, 3, tzinfo=dt.UTC)))
    assert len(list(audit.read())) == 2 and audit.skipped_lines == 1


@pytest.mark.parametrize("text", ["2026-13-01", "yesterday", "01/03/2026", ""])
def test_a_bad_date_is_refused_with_the_expected_form(text: str) -> None:
    with pytest.raises(AssistantError, match="YYYY-MM-DD"):
        parse_when(text, "--since")


# -- the settings hash ----------------------------------------------------------------------------------------
def test_settings_hash_follows_what_shapes_answers_only(tmp_path: Path) -> None:
    base = settings_fingerprint(load_settings(profile="test"))
    assert base == settings_fingerprint(load_settings(profile="test"))
    assert base != settings_fingerprint(load_settings(profile="test", retrieval={"top_k": 7}))
    assert base != settings_fingerprint(load_settings(profile="test", llm={"temperature": 0.7}))
    assert base == settings_fingerprint(
        load_settings(profile="test", llm={"threads": 1, "api_key": "s3cret"}, data_dir=tmp_path)
    )
    models = []
    for home in ("alice", "bob"):
        (tmp_path / home).mkdir()
        (tmp_path / home / "model.gguf").write_bytes(b"GGUF")
        models.append(load_settings(profile="test", llm={"model_path": tmp_path / home / "model.gguf"}))
    assert settings_fingerprint(models[0]) == settings_fingerprint(models[1]) != base


def test_build_services_wires_the_audit_log_from_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import bootstrap

    on = load_settings(profile="test", data_dir=tmp_path)
    off = load_settings(profile="test", data_dir=tmp_path, audit={"enabled": False})
    assert on.audit.path == tmp_path / "audit" / "answers.jsonl"
    store = DocumentStore(tmp_path / "index", HashEmbedder())
    monkeypatch.setattr(bootstrap, "build_store", lambda settings, embedder=None: store)
    audited = bootstrap.build_services(on, ScriptedGenerator(), scrub=False, verify=False)
    silent = bootstrap.build_services(off, ScriptedGenerator(), scrub=False, verify=False)
    assert audited.answers.audit is not None and audited.answers.audit.path == on.audit.path
    assert audited.answers.audit.settings_hash == settings_fingerprint(on)
    assert silent.answers.audit is None


def test_a_lone_surrogate_in_a_question_is_recorded_and_read_back(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path / "answers.jsonl")
    question = "stade III \udc80 côlon"  # what a broken PDF or a bad paste can carry
    assert audit.write(answer_at(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), question=question))
    [record] = audit.read()
    assert record.question == question and audit.skipped_lines == 0
