from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from assistant.letters import FLAG, PatientDirectory
from tests.unit.assistant.letters.letters_fakes import PATIENT_ID
from tests.unit.ui.conftest import NOTE
from ui.letter_actions import LetterActions
from ui.patient_actions import PatientActions
from ui.session import WorkspaceSession

pytestmark = pytest.mark.unit


@pytest.fixture
def letters(clinical, tmp_path: Path) -> LetterActions:
    return LetterActions(clinical.letters, export_dir=tmp_path / "exports")


def indexed_note(services, intake, catalog, session: WorkspaceSession) -> str:
    patients = PatientActions(PatientDirectory(services.store), intake, catalog)
    patients.preview(NOTE, None, "", session)
    pid = session.pending.patient_ids[0]
    patients.confirm(session)
    return pid


def test_draft_fills_the_editable_text_and_lists_the_checks(letters, session) -> None:
    text, checks = letters.draft(PATIENT_ID, "consult", "en", "Adjuvant treatment?", "Dr Martin", "", session)
    assert text.startswith("# Oncology consultation letter") and "Dear Dr Martin," in text
    assert "Check before sending" in checks and "<del>Radiotherapy is mandatory" in checks
    assert "left out of the letter" in checks and session.draft is not None


def test_draft_needs_a_patient(letters, session) -> None:
    text, checks = letters.draft(None, "consult", "en", "", "", "", session)
    assert text == "" and "Pick a patient first." in checks


def test_draft_errors_are_messages(letters, session) -> None:
    text, checks = letters.draft("P-NOPE", "consult", "en", "", "", "", session)
    assert text == "" and "No patient" in checks and 'role="alert"' in checks


def test_export_docx_and_pdf_from_the_edited_text(letters, session) -> None:
    text, _ = letters.draft(PATIENT_ID, "consult", "en", "", "", "", session)
    edited = text.replace("Dear Dr ____ (referring physician),", "Dear Dr Martin,")
    path, status = letters.export(edited, "docx", False, PATIENT_ID, session)
    paragraphs = [p.text for p in Document(path).paragraphs]
    assert (
        "Dear Dr Martin," in paragraphs
        and "onco-ok" in status
        and Path(path).name == f"letter-{PATIENT_ID}.docx"
    )
    pdf, _ = letters.export(edited, "pdf", False, PATIENT_ID, session)
    assert "Dear Dr Martin," in "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_export_warns_while_flags_are_left(letters, session) -> None:
    path, status = letters.export(
        f"# Letter\n\n{FLAG} Unchecked claim [1].", "docx", False, PATIENT_ID, session
    )
    assert path and "onco-warn" in status and f"1 sentence(s) still marked {FLAG}" in status


def test_reidentification_only_when_ticked_and_only_locally(
    letters, services, intake, catalog, session
) -> None:
    pid = indexed_note(services, intake, catalog, session)
    text, _ = letters.draft(pid, "consult", "en", "", "", "", session)
    assert "<PERSON_1>" in text and "Jeanne" not in text
    plain, _ = letters.export(text, "docx", False, pid, session)
    assert "Jeanne Martin" not in "\n".join(p.text for p in Document(plain).paragraphs)
    named, status = letters.export(text, "docx", True, pid, session)
    body = "\n".join(p.text for p in Document(named).paragraphs)
    assert "Jeanne Martin" in body and "<PERSON_1>" not in body and "re-identified locally" in status
    assert Path(named).name == f"letter-{pid}-reidentified.docx"  # no identifier in the file name
    assert session.draft is not None and "Jeanne" not in session.draft.text


def test_reidentification_is_refused_without_this_sessions_mapping(letters, session) -> None:
    text, _ = letters.draft(PATIENT_ID, "consult", "en", "", "", "", session)
    path, status = letters.export(text, "docx", True, PATIENT_ID, session)
    assert path is None and "Cannot re-identify" in status


def test_reidentification_is_refused_when_the_mapping_is_ambiguous(letters, session) -> None:
    session.remember_mapping("P-X", {"<PERSON_1>": "A"}, ambiguous=False)
    session.remember_mapping("P-X", {"<PERSON_1>": "B"}, ambiguous=False)  # a clash makes it ambiguous
    path, status = letters.export("# L\n\n<PERSON_1>", "docx", True, "P-X", session)
    assert path is None and "ambiguous" in status


def test_empty_letter_is_not_exported(letters, session) -> None:
    path, status = letters.export("  ", "pdf", False, PATIENT_ID, session)
    assert path is None and "empty" in status


def test_old_exports_are_removed(letters, session) -> None:
    import os
    import time

    letters.export_dir.mkdir(parents=True, exist_ok=True)
    stale = letters.export_dir / "letter-P-OLD-reidentified.docx"
    stale.write_text("old")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    letters.export("# Letter\n\nText.", "docx", False, PATIENT_ID, session)
    assert not stale.exists() and (letters.export_dir / f"letter-{PATIENT_ID}.docx").exists()


def test_checks_explain_a_quoted_fallback_without_repeating_it() -> None:
    from assistant.letters import LetterCheck, LetterDraft
    from ui.letter_actions import checks_html

    draft = LetterDraft(
        "consult", "en", PATIENT_ID, "text", checks=[LetterCheck("", "extractive")], verified=True
    )
    html = checks_html(draft, "en")
    assert "quote the guidelines instead" in html and "Check before sending" not in html
    assert "Every recommendation sentence is supported" in html
