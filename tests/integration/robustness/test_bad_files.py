"""Bad files, real Chroma and pypdf: each is reported with a reason that names it and says what to do, and nothing
is lost (the index holds exactly what it held plus the good file of the same run; a re-run adds nothing twice)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.store import DocumentStore
from corpora import ingest as ingest_module
from tests.integration.robustness.bad_files import FILE_CASES, PDF_TEXT, BadFile
from tests.integration.robustness.conftest import chunk_ids, good_files, source_ids
from tests.unit.corpora.corpora_fakes import build_pdf

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("case", FILE_CASES, ids=lambda c: c.id)
def test_bad_file_is_reported_and_nothing_is_lost(
    case: BadFile, tmp_path: Path, store: DocumentStore, ingest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if case.skip_if:
        pytest.skip(case.skip_if)
    folder = tmp_path / "files"
    folder.mkdir()
    earlier, same_run = good_files(folder, case.kind)
    assert ingest([earlier], case.kind).files_ingested == 1
    before = chunk_ids(store)
    bad = case.make(folder)
    if case.simulate:
        case.simulate(monkeypatch, bad)

    report = ingest([bad, same_run], case.kind)
    after = chunk_ids(store)
    good_ids = source_ids(store, same_run, case.kind)
    assert good_ids and not good_ids & before, "the good file of the same run is ingested"

    if case.outcome == "skipped":
        assert len(report.skipped) == 1 and report.files_ingested == 1, report.summary()
        skipped = report.skipped[0]
        assert skipped.path.startswith(str(bad)), "the reason names the file"
        assert re.search(case.reason or "", skipped.reason), skipped.reason
        assert f"{skipped.path}: {skipped.reason}" in report.summary()
        assert after == before | good_ids, "nothing of the bad file is stored and nothing else is lost"
    else:
        assert not report.skipped and report.files_ingested == 2, report.summary()
        added = after - before - good_ids
        assert before <= after and added, "the file is ingested beside what was there"
        texts = [c.text for c in store.chunks_of(str(bad.resolve()))]
        assert {c for c in added} == source_ids(store, bad, case.kind)
        assert case.text and any(case.text in t for t in texts), texts[:2]
        assert max(len(t.split()) for t in texts) <= 300, "chunks stay bounded"
        warnings = [w for w in report.warnings if str(bad) in w]
        if case.reason:
            assert any(re.search(case.reason, w) for w in warnings), report.warnings
        else:
            assert not warnings

    again = ingest([bad, same_run], case.kind)
    assert again.chunks_added == 0 and chunk_ids(store) == after, "a re-run adds nothing twice"
    assert [s.reason for s in again.skipped] == [s.reason for s in report.skipped]


def test_a_fixed_file_is_added_on_the_next_run_and_nothing_else(
    tmp_path: Path, store: DocumentStore, ingest
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    a, b = good_files(folder, "guideline")
    broken = folder / "colon.pdf"
    broken.write_bytes(b"%PDF-1.4\ngarbage")
    first = ingest([a, broken, b])
    assert first.files_ingested == 2 and len(first.skipped) == 1
    before = chunk_ids(store)

    broken.write_bytes(build_pdf([PDF_TEXT], title="Colon"))
    second = ingest([a, broken, b])
    assert not second.skipped and second.files_unchanged == 2
    assert chunk_ids(store) - before == source_ids(store, broken, "guideline")
    assert second.chunks_added == len(source_ids(store, broken, "guideline")) > 0


def test_an_interrupted_run_resumes_and_rebuilds_the_keyword_index(
    tmp_path: Path, store: DocumentStore, ingest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed on the second file, then killed again after every write but before the keyword index was rebuilt:
    each re-run adds only what is missing, and the last one brings keyword search up to date although it adds
    nothing new."""
    folder = tmp_path / "files"
    folder.mkdir()
    a, b = good_files(folder, "guideline")
    real = ingest_module.Ingestor.ingest_file

    def killed_on_the_second_file(self, path: Path, report) -> None:  # noqa: ANN001
        if path == b.resolve():
            raise KeyboardInterrupt
        real(self, path, report)

    monkeypatch.setattr(ingest_module.Ingestor, "ingest_file", killed_on_the_second_file)
    with pytest.raises(KeyboardInterrupt):
        ingest([a, b])
    monkeypatch.undo()
    kept = chunk_ids(store)
    assert kept == source_ids(store, a, "guideline") and kept

    def killed_before_the_rebuild(force: bool = False) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "refresh_lexical_index", killed_before_the_rebuild)
    with pytest.raises(KeyboardInterrupt):
        ingest([a, b])
    monkeypatch.undo()
    everything = kept | source_ids(store, b, "guideline")
    assert chunk_ids(store) == everything and everything > kept
    assert store.lexical_search("FOLFOX CAPOX", 3) == [], "the keyword index was never rebuilt"

    resumed = ingest([a, b])
    assert resumed.files_unchanged == 2 and resumed.chunks_added == 0
    assert chunk_ids(store) == everything
    assert {hit for hit, _ in store.lexical_search("FOLFOX CAPOX", 3)} & kept


def test_readme_lists_every_case() -> None:
    from tests.integration.robustness.test_bad_questions import QUESTION_CASES
    from tests.integration.robustness.test_bad_settings import SETTINGS_CASES

    readme = (Path(__file__).parent / "README.md").read_text("utf-8")
    listed = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`", readme))
    ids = [c.id for c in (*FILE_CASES, *SETTINGS_CASES, *QUESTION_CASES)]
    assert len(ids) == len(set(ids)) >= 30
    assert set(ids) <= listed, sorted(set(ids) - listed)
