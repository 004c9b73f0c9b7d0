from __future__ import annotations

import pytest

from assistant.errors import AssistantError
from assistant.letters import PatientDirectory, PatientNotFoundError
from assistant.letters.patient_directory import PatientRecord
from assistant.types import Chunk, ChunkMetadata
from tests.unit.assistant.letters.letters_fakes import PATIENT_ID

pytestmark = pytest.mark.unit


def test_lists_only_patients_by_pseudonymous_id(services) -> None:
    patients = PatientDirectory(services.store).patients()
    assert [p.patient_id for p in patients] == [PATIENT_ID]
    assert patients[0].chunks == 4 and patients[0].source == f"patient:{PATIENT_ID}"


def test_record_holds_the_patient_chunks_and_profile(services) -> None:
    record = PatientDirectory(services.store).record(PATIENT_ID)
    assert len(record.chunks) == 4 and all(c.metadata.kind == "patient" for c in record.chunks)
    assert record.profile() == "Colon adenocarcinoma"


@pytest.mark.parametrize("patient_id", ["P-NOPE", "colon.md"])
def test_unknown_patient_is_a_clear_error(services, patient_id: str) -> None:
    with pytest.raises(PatientNotFoundError, match="No patient"):
        PatientDirectory(services.store).record(patient_id)


def test_no_patient_selected_is_a_clear_error(services) -> None:
    with pytest.raises(AssistantError, match="No patient selected"):
        PatientDirectory(services.store).record("  ")


def test_sections_keep_the_wanted_headings_or_everything_when_none_match(services) -> None:
    record = PatientDirectory(services.store).record(PATIENT_ID)
    wanted = [s for s, _ in record.sections(("Overview", "Diagnoses"))]
    assert wanted == ["Overview", "Diagnoses > Cancer"]
    assert len(record.sections(("Nothing like this",))) == 4


def _note(text: str) -> PatientRecord:
    meta = ChunkMetadata(source="patient:P-1", title="Patient P-1", kind="patient", patient_id="P-1")
    return PatientRecord("P-1", (Chunk(text=text, metadata=meta),))


@pytest.mark.parametrize(
    ("text", "profile"),
    [
        (
            "- Sex: male.\n- Cancer diagnoses: rectal adenocarcinoma (stage II).",
            "rectal adenocarcinoma (stage II)",
        ),
        ("Seen today for a cough and weight loss.", "Seen today for a cough and weight loss."),
    ],
)
def test_profile_of_a_free_text_note(text: str, profile: str) -> None:
    assert _note(text).profile() == profile
