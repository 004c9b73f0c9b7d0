"""Turning a loaded patient document into a de-identified one: pseudonym in place of every identifier,
every heading and paragraph scrubbed. Only the result may reach the chunker and the store."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpora.documents import LoadedDocument, Section
from corpora.patients.pseudonym import pseudonymize

if TYPE_CHECKING:  # importing guardrails.phi loads spaCy; only patient ingests need it
    from guardrails.phi import Scrubber


def _scrubbing(scrubber: Scrubber) -> Callable[[str, str], str]:
    """scrub(text, language) -> text; with one placeholder session for the whole document when the scrubber
    offers sessions (PhiScrubber does), so "<PERSON_1>" means the same person in every section."""
    make_session = getattr(scrubber, "session", None)
    takes_session = (
        inspect.ismethod(make_session) and "session" in inspect.signature(scrubber.scrub).parameters
    )
    options: dict[str, Any] = {"session": make_session()} if takes_session else {}

    def scrub(text: str, language: str) -> str:
        return scrubber.scrub(text, language=language, **options).text if text.strip() else text

    return scrub


def deidentify(
    document: LoadedDocument, scrubber: Scrubber, salt: str, path: Path | None = None
) -> LoadedDocument:
    """The pseudonym comes from the record's own ID (FHIR Patient.id, a note's `patient_id` front-matter) or,
    for a note without one, from its file name, so re-ingesting the same file gives the same pseudonym."""
    key = document.patient_key or (path.stem if path is not None else None)
    if not key:
        raise ValueError("a patient document needs a patient_key or a path to derive its pseudonym from")
    pseudonym = pseudonymize(key, salt)
    language = document.language
    scrub = _scrubbing(scrubber)
    sections = [
        Section(
            tuple(scrub(h, language) for h in section.heading_path),
            scrub(section.text, language),
            section.page,
        )
        for section in document.sections
    ]
    return replace(
        document,
        source=f"patient:{pseudonym}",
        title=f"Patient {pseudonym}",
        sections=sections,
        kind="patient",
        last_reviewed=None,
        patient_key=None,
        patient_id=pseudonym,
        whole_source=document.patient_key is not None and document.source.startswith("fhir:"),
        # Loader warnings quote the file path, which may hold a name.
        warnings=tuple(w.replace(str(path), "<file>") for w in document.warnings)
        if path
        else document.warnings,
    )
