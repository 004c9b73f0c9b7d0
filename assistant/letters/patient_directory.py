"""The de-identified patients in the index, by pseudonymous ID. Only what the store holds: never a raw record."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.errors import AssistantError
from assistant.store import DocumentStore
from assistant.types import Chunk

PATIENT_SOURCE_PREFIX = "patient:"  # corpora.patients.deidentify stores summaries as patient:<pseudonym>
_DIAGNOSES_LINE = re.compile(r"(?:cancer diagnos[ei]s|diagnostic[s]? de cancer|diagnosis)\s*:\s*(.+)", re.I)
_PROFILE_CHARS = 300


class PatientNotFoundError(AssistantError):
    def __init__(self, patient_id: str) -> None:
        super().__init__(
            f"No patient {patient_id!r} in the index. Pick one from the Patients list "
            "(or `python -m assistant search --kind patient`), or index the patient's note first."
        )


@dataclass(frozen=True)
class PatientInfo:
    patient_id: str
    source: str
    title: str
    chunks: int


@dataclass(frozen=True)
class PatientRecord:
    patient_id: str
    chunks: tuple[Chunk, ...]  # in store order, which is the order they were ingested in

    @property
    def cancer_types(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for chunk in self.chunks:
            for name in chunk.metadata.cancer_types:
                seen.setdefault(name, None)
        return tuple(seen)

    @property
    def language(self) -> str:
        return self.chunks[0].metadata.language if self.chunks else "en"

    def sections(self, wanted: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        """(section, text) pairs; with `wanted`, only those whose top heading is one of them (case-insensitive).
        When none matches (free-text notes have other headings), every section is kept rather than none."""
        pairs = [(c.metadata.section, c.text) for c in self.chunks]
        if not wanted:
            return pairs
        keep = {w.casefold() for w in wanted}
        chosen = [(s, t) for s, t in pairs if s.split(" > ")[0].strip().casefold() in keep]
        return chosen or pairs

    def markdown(self, wanted: tuple[str, ...] = ()) -> str:
        blocks = []
        for section, text in self.sections(wanted):
            blocks.append(f"### {section}\n{text.strip()}" if section else text.strip())
        return "\n\n".join(blocks)

    def profile(self) -> str:
        """A short description of the disease, used to aim guideline retrieval at this patient's cancer."""
        if self.cancer_types:
            return "; ".join(self.cancer_types)
        for chunk in self.chunks:
            match = _DIAGNOSES_LINE.search(chunk.text)
            if match:
                return match.group(1).strip().rstrip(".")[:_PROFILE_CHARS]
        text = " ".join(c.text for c in self.chunks[:1])
        return " ".join(text.split())[:_PROFILE_CHARS]


class PatientDirectory:
    def __init__(self, store: DocumentStore) -> None:
        self.store = store

    def patients(self) -> list[PatientInfo]:
        return sorted(
            (
                PatientInfo(
                    patient_id=s.source.removeprefix(PATIENT_SOURCE_PREFIX),
                    source=s.source,
                    title=s.title,
                    chunks=s.chunks,
                )
                for s in self.store.sources()
                if s.kind == "patient"
            ),
            key=lambda p: p.patient_id,
        )

    def record(self, patient_id: str) -> PatientRecord:
        patient_id = (patient_id or "").strip()
        if not patient_id:
            raise AssistantError("No patient selected: pick a patient by pseudonymous ID first.")
        chunks = [
            c
            for c in self.store.chunks_of(PATIENT_SOURCE_PREFIX + patient_id)
            if c.metadata.kind == "patient"
        ]
        if not chunks:
            raise PatientNotFoundError(patient_id)
        return PatientRecord(patient_id=patient_id, chunks=tuple(chunks))
