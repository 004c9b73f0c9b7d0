"""Version-tolerant access to a FHIR Bundle (R4, STU3 as written by Synthea, and DSTU2's MedicationOrder)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

Resource = dict[str, Any]

# The resource field naming the patient, per resource type (STU3/R4 use `subject` or `patient`).
_PATIENT_FIELDS = ("subject", "patient", "beneficiary")


def concept_text(concept: Any) -> str | None:
    """Display text of a CodeableConcept, Coding, or a bare string (STU3 status fields)."""
    if isinstance(concept, str):
        return concept.strip() or None
    if isinstance(concept, list):
        return next((t for t in (concept_text(c) for c in concept) if t), None)
    if not isinstance(concept, dict):
        return None
    if concept.get("text"):
        return str(concept["text"]).strip()
    if concept.get("display"):
        return str(concept["display"]).strip()
    for coding in concept.get("coding") or []:
        if coding.get("display"):
            return str(coding["display"]).strip()
    for coding in concept.get("coding") or []:
        if coding.get("code"):
            return str(coding["code"])
    return concept.get("code")


def concept_codes(concept: Any) -> set[str]:
    if not isinstance(concept, dict):
        return set()
    return {str(c.get("code")) for c in concept.get("coding") or [] if c.get("code")}


def parse_date(value: Any) -> dt.date | None:
    """The calendar date of a FHIR date/dateTime ('1956', '1956-05', '1956-05-19T15:33:26-05:00')."""
    if not isinstance(value, str) or len(value) < 4:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1] else 1
        day = int(parts[2]) if len(parts) > 2 and parts[2] else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def first_date(resource: Resource, *fields: str) -> dt.date | None:
    """First date found among `fields`; a Period field gives its start."""
    for name in fields:
        value = resource.get(name)
        if isinstance(value, dict):
            value = value.get("start") or value.get("end")
        found = parse_date(value)
        if found:
            return found
    return None


def end_date(resource: Resource, *fields: str) -> dt.date | None:
    for name in fields:
        value = resource.get(name)
        if isinstance(value, dict):
            value = value.get("end")
        found = parse_date(value)
        if found:
            return found
    return None


def status_text(value: Any) -> str | None:
    # STU3: "active"; R4: {"coding": [{"code": "active"}]}
    if isinstance(value, dict):
        codes = sorted(concept_codes(value))
        return codes[0] if codes else concept_text(value)
    return value if isinstance(value, str) else None


@dataclass
class FhirBundle:
    """Resources of one bundle, indexed by type and by every reference form that may point at them."""

    resources: list[Resource]
    by_type: dict[str, list[Resource]] = field(default_factory=lambda: defaultdict(list))
    by_ref: dict[str, Resource] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Any) -> FhirBundle:
        if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
            raise ValueError("not a FHIR Bundle (resourceType is not 'Bundle')")
        bundle = cls([])
        for entry in data.get("entry") or []:
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if not isinstance(resource, dict) or "resourceType" not in resource:
                continue
            bundle.resources.append(resource)
            kind = resource["resourceType"]
            bundle.by_type[kind].append(resource)
            if entry.get("fullUrl"):
                bundle.by_ref[str(entry["fullUrl"])] = resource
            if resource.get("id"):
                bundle.by_ref[f"{kind}/{resource['id']}"] = resource
                bundle.by_ref[f"urn:uuid:{resource['id']}"] = resource
        return bundle

    def resolve(self, reference: Any) -> Resource | None:
        if isinstance(reference, dict):
            reference = reference.get("reference")
        return self.by_ref.get(reference) if isinstance(reference, str) else None

    def patients(self) -> list[Resource]:
        return list(self.by_type.get("Patient", []))

    def of_patient(self, patient: Resource, *types: str) -> Iterator[Resource]:
        """Resources of `types` that belong to `patient` (or carry no patient reference in a one-patient bundle)."""
        alone = len(self.patients()) == 1
        for kind in types:
            for resource in self.by_type.get(kind, []):
                ref = next((resource[f] for f in _PATIENT_FIELDS if isinstance(resource.get(f), dict)), None)
                if ref is None:
                    if alone:
                        yield resource
                elif self.resolve(ref) is patient:
                    yield resource
