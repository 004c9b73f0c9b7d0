"""Typed values between a loader and the chunker: a document as a list of sections under headings."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.types import DocumentKind


@dataclass(frozen=True)
class Section:
    """Text under one heading. `heading_path` runs from the top heading down and never repeats the title."""

    heading_path: tuple[str, ...]
    text: str
    page: int | None = None  # 1-based page for paged formats (PDF)


@dataclass(frozen=True)
class LoadedDocument:
    source: (
        str  # resolved path of the file, or "patient:<pseudonym>" once a patient document is de-identified
    )
    title: str
    sections: list[Section]
    language: str = "en"
    last_reviewed: str | None = None  # ISO date
    cancer_types: tuple[str, ...] = ()
    demo: bool = False
    kind: DocumentKind = "guideline"
    # The raw identifier the pseudonym is derived from (FHIR Patient.id, a note's patient_id). Never stored:
    # the patient pipeline replaces it with the salted pseudonym before chunking.
    patient_key: str | None = None
    patient_id: str | None = None  # the pseudonym, set only on de-identified patient documents
    warnings: tuple[str, ...] = field(default=())
    # True when this document is everything the store should hold for `source` (a file, a FHIR record):
    # chunks of the source that it no longer produces are stale and replaced. False for one note among
    # several of the same patient, which all share the source patient:<pseudonym>.
    whole_source: bool = True

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sections)
