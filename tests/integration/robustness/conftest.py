"""The bad-input suite's shared pieces: a real Chroma index in a temporary folder, good files to ingest beside a
bad one, and the real PHI scrubber (loaded once: spaCy takes seconds)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from assistant.store import DocumentStore
from assistant.types import DocumentKind
from corpora.ingest import ingest_paths
from corpora.patients import TEST_SALT, pseudonymize
from corpora.report import IngestReport
from tests.fakes import HashEmbedder

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
ROOT_IGNORES_CHMOD = "running as root, and root reads and writes whatever the mode bits say"

GOOD_GUIDELINE_A = (
    "---\ntitle: Colon cancer\nlastReviewed: 2024-05-01\n---\n# Colon cancer\n\n## Adjuvant chemotherapy\n\n"
    "After resection of stage III colon cancer, adjuvant FOLFOX or CAPOX is the standard of care.\n"
)
GOOD_GUIDELINE_B = "Febrile neutropenia needs empirical broad-spectrum antibiotics within one hour.\n"
GOOD_NOTE_A = (
    "Oncology note. Diagnosis: adenocarcinoma of the colon, stage III. Plan: adjuvant CAPOX for 3 months.\n"
)
GOOD_NOTE_B = (
    "Oncology note. Diagnosis: ductal carcinoma of the breast. Plan: adjuvant letrozole for 5 years.\n"
)


def chunk_ids(store: DocumentStore) -> set[str]:
    return set(store.iter_ids())


def good_files(folder: Path, kind: DocumentKind) -> tuple[Path, Path]:
    """Two readable files of the kind: one ingested before the bad file, one in the same run as it."""
    if kind == "patient":
        a, b = folder / "note-a.txt", folder / "note-b.txt"
        a.write_text(GOOD_NOTE_A, "utf-8")
        b.write_text(GOOD_NOTE_B, "utf-8")
    else:
        a, b = folder / "colon.md", folder / "neutropenia.txt"
        a.write_text(GOOD_GUIDELINE_A, "utf-8")
        b.write_text(GOOD_GUIDELINE_B, "utf-8")
    return a, b


def source_ids(store: DocumentStore, path: Path, kind: DocumentKind) -> set[str]:
    """The chunk IDs of one ingested file (patient files are stored under their pseudonym)."""
    source = f"patient:{pseudonymize(path.stem, TEST_SALT)}" if kind == "patient" else str(path.resolve())
    return {c.id for c in store.chunks_of(source)}


@pytest.fixture(scope="session")
def phi_scrubber() -> Any:
    from guardrails.phi import PhiScrubber

    return PhiScrubber()


@pytest.fixture
def store(tmp_path: Path) -> DocumentStore:
    return DocumentStore(tmp_path / "index", HashEmbedder())


@pytest.fixture
def ingest(store: DocumentStore, phi_scrubber: Any):  # noqa: ANN201 - a small callable
    def run(paths: list[Path], kind: DocumentKind = "guideline") -> IngestReport:
        scrubber = phi_scrubber if kind == "patient" else None
        return ingest_paths(paths, kind, store, scrubber=scrubber, progress=False, salt=TEST_SALT)

    return run
