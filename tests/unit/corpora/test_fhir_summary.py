from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpora.errors import LoaderError
from corpora.loaders.fhir_loader import FhirLoader
from corpora.patients import TEST_SALT, deidentify, pseudonymize
from corpora.patients.fhir_bundle import FhirBundle
from corpora.patients.patient_summary import summarize_patient
from corpora.patients.summary_renderer import age_at, relative, render_summary
from tests.unit.corpora.corpora_fakes import FakeScrubber

pytestmark = pytest.mark.unit

# Everything identifying in tests/data/corpora/patient_bundle.json.
IDENTIFIERS = [
    "Philomena",
    "Zorglubson",
    "Gertrude",
    "Vanderquack",
    "Wallaby",
    "Quahogville",
    "02118",
    "999-12-3456",
    "MRN-778812",
    "555-867-5309",
    "1951",
    "03-14",
    "2019",
    "Hippocratova",
    "Saint Examplar",
    "pat-0001",
]


@pytest.fixture
def bundle_path(data_dir: Path) -> Path:
    return data_dir / "patient_bundle.json"


@pytest.fixture
def summary_text(bundle_path: Path) -> str:
    bundle = FhirBundle.from_json(json.loads(bundle_path.read_text("utf-8")))
    return render_summary(summarize_patient(bundle, bundle.patients()[0]))


@pytest.mark.parametrize("identifier", IDENTIFIERS)
def test_no_identifier_or_calendar_date_in_the_summary(summary_text: str, identifier: str) -> None:
    assert identifier not in summary_text


def test_summary_content(summary_text: str) -> None:
    expected = [
        "## Overview",
        "- Sex: female.",
        "- Age at first cancer diagnosis: 68.",
        "- Cancer diagnoses: Malignant tumor of colon (Stage IIIB).",
        "## Diagnoses",
        "- Malignant tumor of colon: onset day 0 (age 68); Stage IIIB; active.",
        "- Hypertension: onset -9 years 4 months (age 58); active.",
        "## Biomarkers and observations",
        "- CEA: 2.1 ng/mL at +6 months (2 results; first 12.4 ng/mL at -6 days).",
        "- KRAS gene mutation analysis: KRAS G12D detected at +17 days.",
        "## Treatments",
        "- Partial resection of colon: at +14 days; status completed; indication: Malignant tumor of colon.",
        "## Medications",
        "- Oxaliplatin 5 MG/ML Injectable Solution: ordered 2 times from +42 days to +7 months; status completed;",
        "## Care plans",
        "- Cancer care plan: at day 0; status active; indication: Malignant tumor of colon. Activities: Adjuvant chemotherapy.",
        "## Timeline",
        "- day 0: Diagnosis: Malignant tumor of colon (Stage IIIB).",
    ]
    for line in expected:
        assert line in summary_text
    assert "Heart rate" not in summary_text  # routine vitals are left out
    assert "Documentation of current medications" not in summary_text


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "day 0"),
        (-6, "-6 days"),
        (59, "+59 days"),
        (200, "+7 months"),
        (800, "+2 years 2 months"),
        (731, "+2 years"),
    ],
)
def test_relative_dates(days: int, expected: str) -> None:
    import datetime as dt

    index = dt.date(2020, 1, 1)
    assert relative(index + dt.timedelta(days=days), index) == expected


def test_ages_over_89_are_aggregated() -> None:
    import datetime as dt

    assert age_at(dt.date(1920, 5, 1), dt.date(2015, 1, 1)) == "90 or older"
    assert age_at(dt.date(1950, 5, 1), dt.date(2015, 4, 30)) == "64"


def test_stu3_bundle_with_medication_order_and_string_status() -> None:
    data = {
        "resourceType": "Bundle",
        "entry": [
            {"fullUrl": "urn:uuid:p", "resource": {"resourceType": "Patient", "id": "p", "birthDate": "1940-01-01",
                                                    "deceasedDateTime": "2001-01-01"}},
            {"resource": {"resourceType": "Condition", "id": "c", "clinicalStatus": "resolved",
                          "code": {"coding": [{"display": "Non-small cell carcinoma of lung, TNM stage 1 (disorder)"}]},
                          "subject": {"reference": "urn:uuid:p"}, "onsetDateTime": "2000-01-01",
                          "abatementDateTime": "2000-07-01"}},
            {"resource": {"resourceType": "MedicationOrder", "id": "m", "dateWritten": "2000-02-01",
                          "medicationCodeableConcept": {"text": "Cisplatin 50 MG Injection"},
                          "patient": {"reference": "urn:uuid:p"}, "status": "stopped"}},
            {"resource": {"resourceType": "Observation", "id": "o", "subject": {"reference": "urn:uuid:p"},
                          "code": {"coding": [{"code": "69453-9"}]}, "effectiveDateTime": "2001-01-01",
                          "valueCodeableConcept": {"text": "Non-small cell lung cancer (disorder)"}}},
        ],
    }  # fmt: skip
    bundle = FhirBundle.from_json(data)
    text = render_summary(summarize_patient(bundle, bundle.patients()[0]))
    assert (
        "- Non-small cell carcinoma of lung, TNM stage 1: onset day 0 (age 60); stage 1; resolved at +6 months."
        in text
    )
    assert "- Cisplatin 50 MG Injection: ordered at +31 days; status stopped." in text
    assert "- Deceased at +12 months (age 61); cause of death: Non-small cell lung cancer." in text


def test_loader_gives_sections_and_cancer_types(bundle_path: Path) -> None:
    doc = FhirLoader().load(bundle_path)
    assert doc.kind == "patient" and doc.patient_key == "pat-0001"
    assert doc.cancer_types == ("colorectal",)
    assert [s.heading_path for s in doc.sections][:3] == [
        ("Overview",),
        ("Diagnoses",),
        ("Diagnoses", "Cancer"),
    ]


def test_a_bundle_with_two_patients_gives_two_documents(tmp_path: Path, bundle_path: Path) -> None:
    data = json.loads(bundle_path.read_text("utf-8"))
    second = {"fullUrl": "urn:uuid:pat-0002", "resource": {"resourceType": "Patient", "id": "pat-0002"}}
    data["entry"].append(second)
    path = tmp_path / "two.json"
    path.write_text(json.dumps(data), "utf-8")
    docs = FhirLoader().load_all(path)
    assert [d.patient_key for d in docs] == ["pat-0001", "pat-0002"]
    assert "Malignant tumor of colon" not in "\n".join(s.text for s in docs[1].sections)
    with pytest.raises(LoaderError, match="holds 2 patients"):
        FhirLoader().load(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('{"resourceType": "Patient", "id": "x"}', "not a FHIR Bundle"),
        ('{"resourceType": "Bundle", "entry": []}', "without a Patient"),
    ],
)
def test_bad_bundles(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(LoaderError, match=message):
        FhirLoader().load_all(path)


def test_pseudonym_is_stable_salted_and_opaque() -> None:
    first = pseudonymize("pat-0001", TEST_SALT)
    assert first == pseudonymize("pat-0001", TEST_SALT)
    assert first != pseudonymize("pat-0001", "another-secret")
    assert first != pseudonymize("pat-0002", TEST_SALT)
    assert first.startswith("P-") and len(first) == 12 and "0001" not in first
    with pytest.raises(ValueError, match="salt"):
        pseudonymize("pat-0001", "")


def test_deidentify_replaces_identity_and_scrubs_every_section(bundle_path: Path) -> None:
    scrubber = FakeScrubber(names=["Malignant"])
    doc = deidentify(FhirLoader().load(bundle_path), scrubber, TEST_SALT, bundle_path)
    pseudonym = pseudonymize("pat-0001", TEST_SALT)
    assert (doc.source, doc.title, doc.patient_id, doc.patient_key) == (
        f"patient:{pseudonym}",
        f"Patient {pseudonym}",
        pseudonym,
        None,
    )
    assert doc.whole_source is True
    assert all("Malignant" not in s.text for s in doc.sections)
    assert any("<PERSON> tumor of colon" in s.text for s in doc.sections)
    assert len(scrubber.seen) >= len(doc.sections)


def test_note_without_patient_id_is_keyed_by_file_name(tmp_path: Path) -> None:
    from corpora.loaders.text_loader import TextLoader

    path = tmp_path / "Jean_Dupont_note.txt"
    path.write_text("Patient Jean Dupont seen today.", "utf-8")
    doc = deidentify(TextLoader().load(path), FakeScrubber(["Jean Dupont"]), TEST_SALT, path)
    assert doc.source == f"patient:{pseudonymize('Jean_Dupont_note', TEST_SALT)}"
    assert doc.sections[0].text == "Patient <PERSON> seen today."
    assert "Dupont" not in doc.title and doc.whole_source is False


class SessionScrubber(FakeScrubber):
    """Like PhiScrubber: `session()` makes a placeholder session that scrub() accepts."""

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[object] = []

    def session(self) -> object:
        return object()

    def scrub(self, text: str, language: str | None = None, *, session: object | None = None):  # type: ignore[override]
        self.sessions.append(session)
        return super().scrub(text, language)


def test_one_scrub_session_per_document(bundle_path: Path) -> None:
    scrubber = SessionScrubber()
    deidentify(FhirLoader().load(bundle_path), scrubber, TEST_SALT, bundle_path)
    assert len(scrubber.sessions) > 3
    assert len({id(s) for s in scrubber.sessions}) == 1 and scrubber.sessions[0] is not None


def test_a_session_attribute_that_is_not_a_method_is_left_alone(bundle_path: Path) -> None:
    scrubber = FakeScrubber()
    scrubber.session = "not callable"  # type: ignore[attr-defined]  # e.g. a wrapper holding its own session
    doc = deidentify(FhirLoader().load(bundle_path), scrubber, TEST_SALT, bundle_path)
    assert doc.sections and scrubber.seen
