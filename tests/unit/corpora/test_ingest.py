from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpora.ingest import ingest_paths
from corpora.patients import TEST_SALT, pseudonymize
from tests.unit.corpora.corpora_fakes import FakeScrubber, InMemoryStore

pytestmark = pytest.mark.unit


@pytest.fixture
def corpus(tmp_path: Path, data_dir: Path) -> Path:
    """A folder with good files of every guideline format, bad ones, and files to ignore."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    shutil.copy(data_dir / "guideline.md", root / "guideline.md")
    shutil.copy(data_dir / "page.html", root / "sub" / "page.html")
    shutil.copy(data_dir / "note_cp1252.txt", root / "sub" / "note.txt")
    shutil.copy(data_dir / "corrupt.pdf", root / "sub" / "corrupt.pdf")
    shutil.copy(data_dir / "binary_renamed.md", root / "binary.md")
    shutil.copy(data_dir / "guideline.md", root / ".hidden" / "copy.md")
    (root / "sub" / "image.png").write_bytes(b"\x89PNG")
    (root / "README.md").write_text("# About this folder\n\nGuidelines collected for the team.", "utf-8")
    (root / "PROVENANCE.txt").write_text("source repo: somewhere", "utf-8")
    return root


def test_a_folder_is_walked_and_bad_files_are_skipped_with_reasons(
    corpus: Path, store: InMemoryStore
) -> None:
    report = ingest_paths([corpus], "guideline", store, progress=False)
    assert report.files_seen == 5  # .png, the hidden folder, README and PROVENANCE are not candidates
    assert report.files_ingested == 3
    assert sorted(Path(s.path).name for s in report.skipped) == ["binary.md", "corrupt.pdf"]
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert "binary" in reasons["binary.md"] and "not a readable PDF" in reasons["corrupt.pdf"]
    assert report.chunks_added == report.chunks_total == store.count() > 0
    assert any("cp1252" in w for w in report.warnings)
    assert report.ok and report.seconds > 0 and report.chunks_per_s is not None
    assert store.refreshes == 1


def test_folder_notes_are_ingested_when_named(corpus: Path, store: InMemoryStore) -> None:
    report = ingest_paths([corpus / "README.md"], "guideline", store, progress=False)
    assert report.files_ingested == 1


def test_one_add_call_per_file(corpus: Path, store: InMemoryStore) -> None:
    ingest_paths([corpus], "guideline", store, progress=False)
    assert len(store.add_calls) == 3
    for call in store.add_calls:
        assert len({c.metadata.source for c in call}) == 1


def test_ingest_is_idempotent(corpus: Path, store: InMemoryStore) -> None:
    first = ingest_paths([corpus], "guideline", store, progress=False)
    again = ingest_paths([corpus], "guideline", store, progress=False)
    assert again.chunks_added == 0 and again.chunks_total == first.chunks_total
    assert again.files_ingested == again.files_unchanged == 3
    assert again.ok and again.chunks_per_s is None
    assert store.refreshes == 1  # nothing new: the lexical index is not rebuilt


def test_a_changed_file_replaces_its_previous_chunks(tmp_path: Path, store: InMemoryStore) -> None:
    path = tmp_path / "doc.md"
    path.write_text(
        "# Doc\n\n## A\n\nOld advice about adjuvant therapy for stage two disease, now withdrawn.", "utf-8"
    )
    ingest_paths([path], "guideline", store, progress=False)
    path.write_text(
        "# Doc\n\n## A\n\nNew advice about adjuvant therapy for stage two disease, from 2025 on.", "utf-8"
    )
    report = ingest_paths([path], "guideline", store, progress=False)
    texts = [c.text for c in store.chunks.values()]
    assert len(texts) == 1 and "New advice" in texts[0]
    assert report.chunks_added == 1 and any("replaced" in w for w in report.warnings)


def test_a_store_write_error_skips_only_that_file(corpus: Path) -> None:
    store = InMemoryStore(fail_on="guideline.md")
    report = ingest_paths([corpus], "guideline", store, progress=False)
    assert report.files_ingested == 2
    assert any(s.path.endswith("guideline.md") and "disk full" in s.reason for s in report.skipped)
    assert all(not c.metadata.source.endswith("guideline.md") for c in store.chunks.values())


def test_nothing_ingested_is_not_ok(data_dir: Path, tmp_path: Path, store: InMemoryStore) -> None:
    (tmp_path / "slides.docx").write_bytes(b"PK")
    report = ingest_paths(
        [data_dir / "empty.pdf", tmp_path / "slides.docx", tmp_path / "missing.md"],
        "guideline",
        store,
        progress=False,
    )
    assert not report.ok and report.files_ingested == 0 and store.count() == 0
    reasons = [s.reason for s in report.skipped]
    assert any("0 bytes" in r for r in reasons)
    assert any("unsupported file type '.docx'" in r for r in reasons)
    assert any(r.startswith("not found; check the path") for r in reasons)
    assert "Skipped:" in report.summary() and "0 added" in report.summary()


def test_fhir_bundles_are_not_guidelines(data_dir: Path, store: InMemoryStore) -> None:
    report = ingest_paths([data_dir / "patient_bundle.json"], "guideline", store, progress=False)
    assert not report.ok and "unsupported file type '.json'" in report.skipped[0].reason


@pytest.mark.parametrize(
    ("scrubber", "salt", "message"),
    [(None, TEST_SALT, "PHI scrubber"), (FakeScrubber(), None, "salt")],
)
def test_patient_ingest_requires_a_scrubber_and_a_salt(
    data_dir: Path, store, scrubber, salt, message
) -> None:
    with pytest.raises(ValueError, match=message):
        ingest_paths(
            [data_dir / "patient_bundle.json"], "patient", store, scrubber, progress=False, salt=salt
        )
    assert store.add_calls == []


def test_patient_text_is_scrubbed_before_it_reaches_the_store(tmp_path: Path, data_dir: Path, store) -> None:
    note = tmp_path / "consult.txt"
    note.write_text(
        "Madame Philomena Zorglubson, suivie pour un cancer du côlon stade III, reçoit du FOLFOX.", "utf-8"
    )
    scrubber = FakeScrubber(names=["Philomena Zorglubson", "Hypertension"])
    report = ingest_paths(
        [note, data_dir / "patient_bundle.json"], "patient", store, scrubber, progress=False, salt=TEST_SALT
    )
    assert report.files_ingested == 2
    stored = list(store.chunks.values())
    assert all("Philomena" not in c.text and "Zorglubson" not in c.text for c in stored)
    assert all("Hypertension" not in c.text for c in stored)  # the FHIR summary went through the scrubber too
    assert any("Madame <PERSON>, suivie" in c.text for c in stored)
    bundle_id = pseudonymize("pat-0001", TEST_SALT)
    summary = [c for c in stored if c.metadata.patient_id == bundle_id]
    assert summary and all(c.metadata.kind == "patient" for c in summary)
    assert {c.metadata.source for c in summary} == {f"patient:{bundle_id}"}
    assert summary[0].metadata.title == f"Patient {bundle_id}"
    assert all(c.metadata.title == f"Patient {bundle_id}" for c in summary)
    assert all(c.metadata.cancer_types == ("colorectal",) for c in summary)


def test_patient_notes_of_one_patient_accumulate(tmp_path: Path, store: InMemoryStore) -> None:
    notes = []
    for i, text in enumerate(
        ["Consultation: adjuvant FOLFOX started.", "Follow-up: CEA normal, no relapse."]
    ):
        path = tmp_path / f"note{i}.md"
        path.write_text(f"---\npatient_id: ipp-42\n---\n{text}\n", "utf-8")
        notes.append(path)
    for path in notes:  # one at a time: the second must not replace the first
        ingest_paths([path], "patient", store, FakeScrubber(), progress=False, salt=TEST_SALT)
    assert len(store.chunks) == 2
    assert {c.metadata.source for c in store.chunks.values()} == {
        f"patient:{pseudonymize('ipp-42', TEST_SALT)}"
    }
