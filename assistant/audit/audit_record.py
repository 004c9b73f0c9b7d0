"""One audited answer, as one JSON line: what was asked (scrubbed), what was read, what was cited, how well it
was supported, by which model under which settings, and how long it took. Never the raw question.

The question is recorded as the scrubber left it. Without a scrubber (`build_services(scrub=False)`, or the UI
when guardrails.phi cannot load) the text could hold identifiers, so only a keyed hash and its length are kept
(`question_form` says which): whoever holds the key (`<audit dir>/question_key`) can check whether a given
question was asked, while the audit file alone cannot be searched for a guessed name. The answer text is not
recorded either: the cited passage IDs and the verification figures say what it rested on."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from assistant.settings import Settings
from assistant.types import Answer, Timings

RECORD_VERSION = 1
QuestionForm = Literal["scrubbed", "hmac-sha256"]

# Settings that change what an answer says. Left out, and why: llm.api_key (a secret; even its hash would let
# anyone with the file test guesses), llm.base_url (where the model runs, not what it is: the model id is
# recorded), llm.request_timeout_s, llm.threads and embedding.batch_size (speed only).
_LEFT_OUT = {
    "llm": {"api_key", "base_url", "request_timeout_s", "threads"},
    "embedding": {"batch_size"},
    "retrieval": set(),
    "answering": set(),
}


def settings_fingerprint(settings: Settings) -> str:
    """A stable 16-hex-digit hash of the settings that shape answers (see _LEFT_OUT for what is not in it).

    Model paths count by file name only: the same GGUF under /home/alice or /srv gives the same answers, and
    an audit file should not carry user names from home folders."""
    shaping: dict[str, Any] = {}
    for section, left_out in _LEFT_OUT.items():
        values = getattr(settings, section).model_dump(mode="json", exclude=left_out)
        shaping[section] = {
            key: (Path(value).name if key.endswith("_path") and value else value)
            for key, value in values.items()
        }
    canonical = json.dumps(shaping, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class VerificationSummary:
    verified: bool  # False when the verifier did not run (none configured, or the answer abstained early)
    faithfulness: float | None  # of the delivered text
    draft_faithfulness: float | None  # of what the model wrote
    supported: int  # claims of the delivered text the sources support
    unsupported: int  # claims of the delivered text left unsupported (marked in the UI)
    removed: int  # draft sentences dropped as unsupported
    extractive: bool  # quoted source sentences instead of generated text
    abstained: bool


@dataclass(frozen=True)
class AuditRecord:
    ts: str  # UTC, ISO 8601 with offset
    question: str | None  # scrubbed text; None when question_form is a hash
    question_form: QuestionForm
    question_hash: str | None  # hmac-sha256 of the question when it could not be scrubbed
    question_chars: int
    language: str
    retrieved_ids: tuple[str, ...]  # chunk IDs given to the answerer, in rank order
    cited_ids: tuple[str, ...]  # chunk IDs the delivered text cites
    verification: VerificationSummary
    model: str
    settings_hash: str
    timings: Timings
    filters: dict[str, str] = field(default_factory=dict)  # e.g. kind=guideline, pseudonymous patient_id
    v: int = RECORD_VERSION

    @property
    def time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.ts)

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, line: str) -> AuditRecord:
        data = json.loads(line)
        data["retrieved_ids"] = tuple(data["retrieved_ids"])
        data["cited_ids"] = tuple(data["cited_ids"])
        data["verification"] = VerificationSummary(**data["verification"])
        data["timings"] = Timings(**data["timings"])
        return cls(**data)

    @classmethod
    def from_answer(
        cls,
        answer: Answer,
        retrieved_ids: tuple[str, ...],
        *,
        scrubbed: bool,
        verified: bool,
        settings_hash: str,
        question_key: bytes,
        filters: dict[str, str] | None = None,
        now: dt.datetime | None = None,
    ) -> AuditRecord:
        question = answer.question
        digest = None
        if not scrubbed:
            digest = hmac.new(question_key, question.encode("utf-8"), hashlib.sha256).hexdigest()
        claims = [s for s in answer.sentences if s.claim]
        return cls(
            ts=(now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="milliseconds"),
            question=question if scrubbed else None,
            question_form="scrubbed" if scrubbed else "hmac-sha256",
            question_hash=digest,
            question_chars=len(question),
            language=answer.language,
            retrieved_ids=tuple(retrieved_ids),
            cited_ids=tuple(dict.fromkeys(c.chunk_id for c in answer.citations)),
            verification=VerificationSummary(
                verified=verified,
                faithfulness=answer.faithfulness,
                draft_faithfulness=answer.draft_faithfulness,
                supported=sum(s.status == "supported" for s in claims),
                unsupported=sum(s.status != "supported" for s in claims),
                removed=len(answer.removed),
                extractive=answer.extractive,
                abstained=answer.abstained,
            ),
            model=answer.model,
            settings_hash=settings_hash,
            timings=dataclasses.replace(answer.timings),
            filters=dict(filters or {}),
        )
