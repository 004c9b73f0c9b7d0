from __future__ import annotations

from pathlib import Path

import pytest

from assistant.letters import PatientDirectory
from tests.unit.assistant.letters.letters_fakes import PATIENT_ID, NameScrubber
from tests.unit.ui.conftest import NOTE
from ui.patient_actions import PatientActions
from ui.patient_intake import PatientIntake
from ui.session import WorkspaceSession

pytestmark = pytest.mark.unit
TWO_SECTIONS = (
    "# Consultation\n\n## History\n\nJeanne Martin was operated on 02/05/2025.\n\n"
    "## Plan\n\nDr Paul Durand will see Jeanne Martin again.\n"
)
DATA = Path(__file__).resolve().parents[2] / "data" / "corpora"


def actions(services, intake, catalog) -> PatientActions:
    return PatientActions(PatientDirectory(services.store), intake, catalog)


def test_preview_highlights_what_is_removed_and_stores_nothing(services, intake, catalog, session) -> None:
    before = services.store.count()
    html, ready = actions(services, intake, catalog).preview(NOTE, None, "", session)
    assert ready and session.pending is not None
    assert '<mark class="onco-phi" title="PERSON → &lt;PERSON_1&gt;">Jeanne Martin' in html
    assert "DATE × 2, PERSON × 3" in html
    assert "Patient: &lt;PERSON_1&gt;, born &lt;DATE_1&gt;." in html  # the de-identified column
    assert f"Will be indexed as:</strong> {session.pending.patient_ids[0]}" in html
    assert services.store.count() == before


def test_confirm_indexes_the_previewed_text_and_keeps_the_mapping_in_the_session(
    services, intake, catalog, session
) -> None:
    patients = actions(services, intake, catalog)
    patients.preview(NOTE, None, "", session)
    pid = session.pending.patient_ids[0]
    html, again = patients.confirm(session)
    assert "onco-ok" in html and pid in html and not again and session.pending is None
    chunks = services.store.chunks_of(f"patient:{pid}")
    assert chunks and all(c.metadata.kind == "patient" and c.metadata.patient_id == pid for c in chunks)
    stored = " ".join(c.text for c in chunks)
    assert "Jeanne" not in stored and "Durand" not in stored and "<PERSON_1>" in stored
    assert session.mappings[pid]["<PERSON_1>"] == "Jeanne Martin"
    assert [pid, len(chunks), "yes"] in patients.rows(session)
    assert [PATIENT_ID, 4, "no"] in patients.rows(session)
    assert "Jeanne" not in repr(session) and "Jeanne" not in repr(intake)


def test_the_same_note_gives_the_same_patient_and_no_duplicate(services, intake, catalog, session) -> None:
    patients = actions(services, intake, catalog)
    patients.preview(NOTE, None, "", session)
    first = session.pending.patient_ids
    patients.confirm(session)
    patients.preview(NOTE, None, "", session)
    assert session.pending.patient_ids == first
    assert "(0 new passages)" in patients.confirm(session)[0]


def test_record_id_keys_the_pseudonym(services, intake, catalog, session) -> None:
    patients = actions(services, intake, catalog)
    ids = []
    for record_id in ("IPP 123", "IPP 123", "IPP 456"):
        patients.preview(NOTE, None, record_id, session)
        ids.append(session.pending.patient_ids[0])
    assert ids[0] == ids[1] != ids[2] and all(i.startswith("P-") for i in ids)


def test_one_session_per_note_keeps_placeholders_consistent(services, intake, catalog, session) -> None:
    actions(services, intake, catalog).preview(TWO_SECTIONS, None, "", session)
    preview = session.pending
    assert not preview.ambiguous
    assert preview.mapping == {
        "<PERSON_1>": "Jeanne Martin",
        "<DATE_1>": "02/05/2025",
        "<PERSON_2>": "Paul Durand",
    }


def test_a_scrubber_without_sessions_makes_the_mapping_ambiguous(services, catalog, session) -> None:
    intake = PatientIntake(services.store, NameScrubber(), lambda: "salt")
    html, _ = actions(services, intake, catalog).preview(TWO_SECTIONS, None, "", session)
    assert session.pending.ambiguous and "re-identification at export is disabled" in html


def test_an_uploaded_note_is_read_then_deleted(services, intake, catalog, session, tmp_path: Path) -> None:
    upload = tmp_path / "upload" / "note.txt"
    upload.parent.mkdir()
    upload.write_text(NOTE, encoding="utf-8")
    html, ready = actions(services, intake, catalog).preview("", str(upload), "", session)
    assert ready and "Jeanne Martin" in html and not upload.exists()


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        ("", None, "Paste a note or upload a file first."),
        ("   ", None, "Paste a note or upload a file first."),
        ("%PDF-1.4", "scan.pdf", "not read as patients"),
        ("{not json", None, "could not be read"),
    ],
)
def test_bad_input_is_a_message_and_no_confirmation(
    services, intake, catalog, session, tmp_path: Path, text: str, name: str | None, message: str
) -> None:
    upload = None
    if name:
        upload = tmp_path / name
        upload.write_text(text, encoding="utf-8")
    html, ready = actions(services, intake, catalog).preview(
        text, str(upload) if upload else None, "", session
    )
    assert message in html and not ready and session.pending is None


def test_a_fhir_bundle_becomes_a_pseudonymous_summary(services, intake, catalog, session) -> None:
    bundle = DATA / "patient_bundle.json"
    if not bundle.is_file():
        pytest.skip("tests/data/corpora/patient_bundle.json is absent")
    patients = actions(services, intake, catalog)
    html, ready = patients.preview(bundle.read_text(encoding="utf-8"), None, "", session)
    assert ready, html
    pid = session.pending.patient_ids[0]
    patients.confirm(session)
    summary = " ".join(c.text for c in services.store.chunks_of(f"patient:{pid}"))
    assert "Overview" in summary or "Diagnos" in summary


def test_confirm_without_a_preview_warns(services, intake, catalog, session) -> None:
    html, again = actions(services, intake, catalog).confirm(session)
    assert "preview a note first" in html and not again


def test_without_intake_the_page_says_why(services, catalog, session) -> None:
    html, ready = PatientActions(PatientDirectory(services.store), None, catalog).preview(
        NOTE, None, "", session
    )
    assert "not available" in html and not ready


def test_selecting_a_patient_sets_the_chat_context(services, intake, catalog) -> None:
    session = WorkspaceSession()
    patients = actions(services, intake, catalog)
    html = patients.select(PATIENT_ID, session)
    assert session.patient_id == PATIENT_ID and "stage IIIB" in html and "<h4>Overview</h4>" in html
    assert "No patient &#x27;P-NOPE&#x27;" in patients.select("P-NOPE", session)
    patients.select(None, session)
    assert session.patient_id is None
    assert patients.choices() == [PATIENT_ID]
