"""A pasted or uploaded patient note / FHIR bundle → the de-identified documents that would be indexed,
with what was removed, for the clinician to check before confirming.

The preview IS what gets indexed: the documents are kept (de-identified) until confirmation, not rebuilt. The
raw text only exists in memory and, for the loaders that read files, in a private temporary folder removed at
once; the placeholder→identifier mapping goes back to the caller's session, never to the store or a log."""

from __future__ import annotations

import hashlib
import inspect
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.store import DocumentStore

_SAFE_STEM = re.compile(r"[^A-Za-z0-9_.-]+")
MAX_NOTE_CHARS = 2_000_000


@dataclass
class ScrubRecord:
    original: str
    result: Any  # the scrubber's result: .text, .entities (offsets in `original`), .mapping


class RecordingScrubber:
    """Wraps the PHI scrubber: records each call for the preview and, when the scrubber supports it, shares one
    session so that a name is the same placeholder in every section of the note."""

    def __init__(self, inner: Any, session: Any = None) -> None:
        self.inner = inner
        self.session = session
        self.records: list[ScrubRecord] = []
        self._takes_session = session is not None and "session" in inspect.signature(inner.scrub).parameters

    def scrub(self, text: str, language: str | None = None) -> Any:
        if self._takes_session:
            result = self.inner.scrub(text, language=language, session=self.session)
        else:
            result = self.inner.scrub(text, language=language)
        self.records.append(ScrubRecord(text, result))
        return result

    def mapping(self) -> tuple[dict[str, str], bool]:
        """Every placeholder → original; `ambiguous` when one placeholder stood for two values (calls without a
        shared session number placeholders afresh), in which case re-identification must not be offered."""
        merged: dict[str, str] = {}
        ambiguous = False
        for record in self.records:
            for placeholder, original in (getattr(record.result, "mapping", None) or {}).items():
                if merged.get(placeholder, original) != original:
                    ambiguous = True
                merged.setdefault(placeholder, original)
        return merged, ambiguous


@dataclass
class IntakePreview:
    documents: list[Any]  # corpora LoadedDocument, de-identified
    records: list[ScrubRecord] = field(repr=False)
    mapping: dict[str, str] = field(repr=False)
    ambiguous: bool = False

    @property
    def patient_ids(self) -> list[str]:
        return [d.patient_id for d in self.documents]

    def __repr__(self) -> str:
        return f"IntakePreview(patients={self.patient_ids}, scrub_calls={len(self.records)})"


@dataclass(frozen=True)
class IntakeResult:
    patient_ids: list[str]
    chunks_added: int


def guess_suffix(text: str) -> str:
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return ".json"
    if stripped.startswith("---") or re.search(r"^#{1,6} ", text, re.M):
        return ".md"
    return ".txt"


class PatientIntake:
    def __init__(
        self,
        store: DocumentStore,
        scrubber: Any,
        salt: Callable[[], str],
        session_factory: Callable[[], Any] | None = None,
    ) -> None:
        self.store = store
        self.scrubber = scrubber
        self.salt = salt
        self.session_factory = session_factory

    def preview(self, text: str, suffix: str | None = None, record_id: str = "") -> IntakePreview:
        from corpora.errors import LoaderError
        from corpora.loaders import default_registry
        from corpora.patients import deidentify

        if self.scrubber is None:
            raise AssistantError(
                "The PHI scrubber is not available, so patient notes cannot be indexed. Install the project's "
                "requirements (Presidio, spaCy models) and restart."
            )
        text = text or ""
        if not text.strip():
            raise AssistantError("Paste a note or upload a file first.")
        if len(text) > MAX_NOTE_CHARS:
            raise AssistantError(
                f"The note is too long ({len(text):,} characters; limit {MAX_NOTE_CHARS:,})."
            )
        suffix = (suffix or guess_suffix(text)).lower()
        registry = default_registry("patient")
        # The stem keys the pseudonym of a note without its own patient_id: the record ID when given, else a
        # hash of the text, so previewing the same note twice gives the same patient.
        stem = (
            _SAFE_STEM.sub("_", record_id.strip())[:80]
            or "note-" + hashlib.sha256(text.encode()).hexdigest()[:16]
        )
        recorder = RecordingScrubber(self.scrubber, self.session_factory() if self.session_factory else None)
        with tempfile.TemporaryDirectory(prefix="onco-intake-") as folder:
            path = Path(folder) / f"{stem}{suffix}"
            if not registry.supports(path):
                raise AssistantError(
                    f"Files ending in {suffix} are not read as patients; use {', '.join(registry.suffixes)}."
                )
            path.write_text(text, encoding="utf-8")
            loader = registry.loader_for(path)
            try:
                loaded = loader.load_all(path)
            except LoaderError as exc:
                raise AssistantError(f"The note could not be read: {exc.problem}. {exc.fix}") from exc
            documents = [deidentify(doc, recorder, self.salt(), path) for doc in loaded]
        mapping, ambiguous = recorder.mapping()
        return IntakePreview(documents, recorder.records, mapping, ambiguous)

    def index(self, preview: IntakePreview) -> IntakeResult:
        from corpora.chunking import StructureChunker

        chunker = StructureChunker()
        added = 0
        for document in preview.documents:
            chunks = chunker.chunk(document)
            if not chunks:
                raise AssistantError("The de-identified note has no text to index.")
            if getattr(document, "whole_source", True):
                # A new version of a whole record replaces the old one (same rule as corpora.ingest).
                new_ids = {c.id for c in chunks}
                if {c.id for c in self.store.chunks_of(document.source)} - new_ids:
                    self.store.delete_source(document.source)
            added += self.store.add(chunks)
        self.store.refresh_lexical_index()
        return IntakeResult(preview.patient_ids, added)
