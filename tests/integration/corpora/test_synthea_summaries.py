"""Patient summaries of the Synthea FHIR bundles: no identifier of the bundle reaches the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpora.loaders import FhirLoader
from corpora.patients import TEST_SALT, deidentify

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def bundles(shared_dir: Path) -> list[Path]:
    paths = sorted((shared_dir / "eval" / "synthea" / "fhir").glob("*.json"))
    if not paths:
        pytest.skip("no Synthea FHIR bundles in ../shared/eval/synthea/fhir")
    return paths


def _identifiers(path: Path) -> list[str]:
    """Names, address parts, phone, SSN and other identifiers, and the birth date, as written in the bundle."""
    data = json.loads(path.read_text("utf-8"))
    patient = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Patient")
    found = [patient["birthDate"], patient["id"]]
    for name in patient.get("name", []):
        found += [name.get("family", ""), *name.get("given", [])]
    for address in patient.get("address", []):
        found += [*address.get("line", []), address.get("city", ""), address.get("postalCode", "")]
    found += [t["value"] for t in patient.get("telecom", [])]
    found += [i["value"] for i in patient.get("identifier", [])]
    for extension in patient.get("extension", []):
        if isinstance(extension.get("valueString"), str):
            found.append(extension["valueString"])  # SSN, mother's maiden name
        if isinstance(extension.get("valueHumanName"), dict):
            found.append(extension["valueHumanName"].get("text", ""))
    for entry in data["entry"]:  # clinicians and hospitals are identifying too
        resource = entry["resource"]
        if resource["resourceType"] in ("Practitioner", "Organization"):
            names = resource.get("name")
            found += [names] if isinstance(names, str) else [n.get("family", "") for n in names or []]
    return [f for f in found if f and len(f) >= 4]


def test_summaries_hold_no_identifier_even_before_scrubbing(bundles: list[Path]) -> None:
    for path in bundles:
        (doc,) = FhirLoader().load_all(path)
        text = "\n".join(" ".join(s.heading_path) + "\n" + s.text for s in doc.sections)
        for identifier in _identifiers(path):
            assert identifier not in text, (path.name, identifier)
        year_of_birth = _identifiers(path)[0][:4]
        assert year_of_birth not in text


def test_summaries_describe_the_cancer(bundles: list[Path]) -> None:
    for path in bundles:
        (doc,) = FhirLoader().load_all(path)
        headings = {s.heading_path[0] for s in doc.sections}
        assert {"Overview", "Diagnoses", "Timeline"} <= headings
        assert set(doc.cancer_types) & {"colorectal", "prostate", "lung"}, path.name
        overview = next(s.text for s in doc.sections if s.heading_path == ("Overview",))
        assert "Age at first cancer diagnosis" in overview


def test_real_scrubber_keeps_the_clinical_content(bundles: list[Path]) -> None:
    from guardrails.phi import PhiScrubber

    scrubber = PhiScrubber()
    for path in bundles[:3]:
        raw = FhirLoader().load(path)
        doc = deidentify(raw, scrubber, TEST_SALT, path)
        text = "\n".join(s.text for s in doc.sections)
        for identifier in _identifiers(path):
            assert identifier not in text
        assert "Patient summary" not in doc.title and doc.patient_id and doc.patient_id in doc.title
        # The cancer diagnosis survives scrubbing (no over-scrubbing of clinical terms).
        cancer_lines = [s.text for s in raw.sections if s.heading_path == ("Diagnoses", "Cancer")]
        first_cancer = cancer_lines[0].splitlines()[0].split(":")[0].lstrip("- ")
        assert first_cancer in text, (path.name, first_cancer)
