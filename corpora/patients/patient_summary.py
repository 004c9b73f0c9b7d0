"""A structured clinical summary of one FHIR patient: diagnoses, key observations, treatments, medications,
care plans. It holds dates for ordering; the renderer turns them into ages and relative times."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from corpora.patients.clinical_terms import clean_name, is_cancer, stage_in_name
from corpora.patients.fhir_bundle import (
    FhirBundle,
    Resource,
    concept_text,
    end_date,
    first_date,
    parse_date,
    status_text,
)
from corpora.patients.observations import ObservationSeries, collect_observations

_SKIPPED_PROCEDURES = re.compile(r"documentation of current medications|medication reconciliation", re.I)
_MEDICATION_TYPES = (
    "MedicationRequest",
    "MedicationOrder",
    "MedicationStatement",
    "MedicationAdministration",
)


@dataclass(frozen=True)
class Diagnosis:
    name: str
    is_cancer: bool
    onset: dt.date | None
    abated: dt.date | None
    status: str | None
    stage: str | None


@dataclass(frozen=True)
class Course:
    """A procedure, medication or care plan, grouped by name over all its occurrences."""

    name: str
    first: dt.date | None
    last: dt.date | None
    count: int
    status: str | None
    reasons: tuple[str, ...] = ()
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class PatientSummary:
    patient_key: str  # the FHIR Patient.id: the pseudonym's input, never rendered
    sex: str | None
    birth_date: dt.date | None  # only used to compute ages, never rendered
    deceased: dt.date | None
    is_deceased: bool
    cause_of_death: str | None
    diagnoses: tuple[Diagnosis, ...]
    observations: tuple[ObservationSeries, ...]
    procedures: tuple[Course, ...]
    medications: tuple[Course, ...]
    care_plans: tuple[Course, ...]

    @property
    def cancers(self) -> tuple[Diagnosis, ...]:
        return tuple(d for d in self.diagnoses if d.is_cancer)

    @property
    def index_date(self) -> dt.date | None:
        """Day 0 of relative dates: the first cancer diagnosis, else the first dated event."""
        dates = [d.onset for d in self.cancers if d.onset]
        if not dates:
            dates = [d.onset for d in self.diagnoses if d.onset] + [
                c.first for c in self.procedures if c.first
            ]
        return min(dates) if dates else None


def _stage(condition: Resource, name: str) -> str | None:
    stages = condition.get("stage")
    for stage in stages if isinstance(stages, list) else [stages] if stages else []:
        text = concept_text(stage.get("summary")) if isinstance(stage, dict) else None
        if text:
            return text
    return stage_in_name(name)


def _diagnoses(bundle: FhirBundle, patient: Resource) -> tuple[Diagnosis, ...]:
    grouped: dict[str, list[Resource]] = defaultdict(list)
    for condition in bundle.of_patient(patient, "Condition"):
        if status_text(condition.get("verificationStatus")) in {"refuted", "entered-in-error"}:
            continue
        name = clean_name(concept_text(condition.get("code")))
        if name:
            grouped[name].append(condition)
    result = []
    for name, episodes in grouped.items():
        episodes.sort(
            key=lambda c: (
                first_date(c, "onsetDateTime", "onsetPeriod", "assertedDate", "recordedDate") or dt.date.max
            )
        )
        latest = episodes[-1]
        result.append(
            Diagnosis(
                name=name,
                is_cancer=is_cancer(name),
                onset=first_date(episodes[0], "onsetDateTime", "onsetPeriod", "assertedDate", "recordedDate"),
                abated=end_date(latest, "abatementDateTime", "abatementPeriod"),
                status=status_text(latest.get("clinicalStatus")),
                stage=next((s for s in (_stage(c, name) for c in episodes) if s), None),
            )
        )
    result.sort(key=lambda d: (not d.is_cancer, d.onset or dt.date.max, d.name))
    return tuple(result)


def _reasons(bundle: FhirBundle, resource: Resource, *fields: str) -> tuple[str, ...]:
    names: list[str] = []
    for name in fields:
        values = resource.get(name)
        for value in values if isinstance(values, list) else [values] if values else []:
            target = bundle.resolve(value)
            text = clean_name(concept_text(target.get("code")) if target else concept_text(value))
            if text and text not in names:
                names.append(text)
    return tuple(names)


@dataclass(frozen=True)
class _Occurrence:
    name: str
    start: dt.date | None
    end: dt.date | None
    status: str | None
    reasons: tuple[str, ...] = ()
    details: tuple[str, ...] = ()


def _group(occurrences: list[_Occurrence]) -> tuple[Course, ...]:
    grouped: dict[str, list[_Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        grouped[occurrence.name].append(occurrence)
    courses = []
    for name, rows in grouped.items():
        rows.sort(key=lambda r: r.start or dt.date.min)
        starts = [r.start for r in rows if r.start]
        ends = [d for r in rows if (d := r.end or r.start)]
        courses.append(
            Course(
                name=name,
                first=min(starts) if starts else None,
                last=max(ends) if ends else None,
                count=len(rows),
                status=rows[-1].status,
                reasons=tuple(dict.fromkeys(x for r in rows for x in r.reasons)),
                details=tuple(dict.fromkeys(x for r in rows for x in r.details)),
            )
        )
    courses.sort(key=lambda c: (c.first or dt.date.max, c.name))
    return tuple(courses)


def _procedures(bundle: FhirBundle, patient: Resource) -> tuple[Course, ...]:
    rows: list[_Occurrence] = []
    for procedure in bundle.of_patient(patient, "Procedure"):
        name = clean_name(concept_text(procedure.get("code")))
        if (
            not name
            or _SKIPPED_PROCEDURES.search(name)
            or procedure.get("status") in {"entered-in-error", "not-done"}
        ):
            continue
        start = first_date(procedure, "performedDateTime", "performedPeriod")
        rows.append(
            _Occurrence(
                name,
                start,
                end_date(procedure, "performedPeriod"),
                procedure.get("status"),
                _reasons(bundle, procedure, "reasonReference", "reasonCode"),
            )
        )
    return _group(rows)


def _medication_name(bundle: FhirBundle, request: Resource) -> str | None:
    name = concept_text(request.get("medicationCodeableConcept"))
    if name:
        return name
    target = bundle.resolve(request.get("medicationReference"))
    return concept_text(target.get("code")) if target else None


def _medications(bundle: FhirBundle, patient: Resource) -> tuple[Course, ...]:
    rows: list[_Occurrence] = []
    for request in bundle.of_patient(patient, *_MEDICATION_TYPES):
        name = _medication_name(bundle, request)
        if not name or request.get("status") == "entered-in-error":
            continue
        start = first_date(request, "authoredOn", "dateWritten", "effectiveDateTime", "effectivePeriod")
        rows.append(
            _Occurrence(
                name,
                start,
                end_date(request, "effectivePeriod"),
                request.get("status"),
                _reasons(bundle, request, "reasonReference", "reasonCode"),
            )
        )
    return _group(rows)


def _care_plans(bundle: FhirBundle, patient: Resource) -> tuple[Course, ...]:
    rows: list[_Occurrence] = []
    for plan in bundle.of_patient(patient, "CarePlan"):
        name = clean_name(
            concept_text(plan.get("category")) or plan.get("title") or concept_text(plan.get("description"))
        )
        if not name:
            continue
        activities = tuple(
            text
            for activity in plan.get("activity") or []
            if (text := clean_name(concept_text((activity.get("detail") or {}).get("code"))))
        )
        rows.append(
            _Occurrence(
                name,
                first_date(plan, "period"),
                end_date(plan, "period"),
                plan.get("status"),
                _reasons(bundle, plan, "addresses"),
                activities,
            )
        )
    return _group(rows)


def summarize_patient(bundle: FhirBundle, patient: Resource) -> PatientSummary:
    observations, cause_of_death = collect_observations(bundle, patient)
    deceased = parse_date(patient.get("deceasedDateTime"))
    return PatientSummary(
        patient_key=str(patient.get("id") or ""),
        sex=patient.get("gender") if isinstance(patient.get("gender"), str) else None,
        birth_date=parse_date(patient.get("birthDate")),
        deceased=deceased,
        is_deceased=deceased is not None or patient.get("deceasedBoolean") is True,
        cause_of_death=cause_of_death,
        diagnoses=_diagnoses(bundle, patient),
        observations=observations,
        procedures=_procedures(bundle, patient),
        medications=_medications(bundle, patient),
        care_plans=_care_plans(bundle, patient),
    )
