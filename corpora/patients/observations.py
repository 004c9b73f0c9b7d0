"""The observations worth a line in an oncology summary: tumour markers, biomarkers, key labs, weight."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from corpora.patients.clinical_terms import clean_name
from corpora.patients.fhir_bundle import FhirBundle, Resource, concept_codes, concept_text, first_date

# Observations worth a line in an oncology summary (LOINC code -> label). Others are left out on purpose:
# a bundle holds hundreds of routine vitals and panels.
KEY_OBSERVATIONS: dict[str, str] = {
    "2857-1": "PSA",
    "2039-6": "CEA",
    "10334-1": "CA-125",
    "24108-3": "CA 19-9",
    "1834-1": "AFP",
    "21908-9": "Stage group",
    "35266-6": "Gleason score",
    "89247-1": "ECOG performance status",
    "33756-8": "Polyp size",
    "718-7": "Hemoglobin",
    "6690-2": "Leukocytes",
    "777-3": "Platelets",
    "38483-4": "Creatinine",
    "2160-0": "Creatinine",
    "33914-3": "eGFR",
    "1742-6": "ALT",
    "1920-8": "AST",
    "1975-2": "Total bilirubin",
    "1751-7": "Albumin",
    "29463-7": "Body weight",
    "39156-5": "BMI",
    "72166-2": "Tobacco smoking status",
    "4548-4": "HbA1c",
    "38265-5": "DXA T-score",
}
# Biomarkers named in free text (any code system): receptor status, driver mutations, MSI, PD-L1...
_BIOMARKER = re.compile(
    r"\b(HER2|ERBB2|estrogen receptor|progesterone receptor|EGFR|ALK|ROS1|KRAS|NRAS|BRAF|PD-?L1|microsatellite|"
    r"MSI|mismatch repair|Ki-?67|Gleason|BRCA[12]?|tumou?r marker|TNM)\b",
    re.I,
)
_CAUSE_OF_DEATH = "69453-9"
_UNIT_ANNOTATION = re.compile(r"^\{[^}]*\}$")  # UCUM annotations such as {T-score} say nothing a reader needs


@dataclass(frozen=True)
class ObservationSeries:
    name: str
    latest_value: str
    latest_date: dt.date | None
    count: int
    first_value: str | None = None
    first_date: dt.date | None = None


def observation_value(observation: Resource) -> str | None:
    if "valueQuantity" in observation:
        quantity = observation["valueQuantity"] or {}
        value = quantity.get("value")
        if not isinstance(value, int | float):
            return None
        unit = str(quantity.get("unit") or quantity.get("code") or "")
        return f"{value:.3g} {'' if _UNIT_ANNOTATION.match(unit) else unit}".strip()
    for key in ("valueCodeableConcept", "valueString", "valueBoolean", "valueInteger"):
        if key in observation:
            value = observation[key]
            return concept_text(value) if isinstance(value, dict) else str(value)
    return None


def collect_observations(
    bundle: FhirBundle, patient: Resource
) -> tuple[tuple[ObservationSeries, ...], str | None]:
    series: dict[str, list[tuple[dt.date | None, str]]] = defaultdict(list)
    cause_of_death = None
    for observation in bundle.of_patient(patient, "Observation"):
        codes = concept_codes(observation.get("code"))
        name = concept_text(observation.get("code")) or ""
        value = observation_value(observation)
        if _CAUSE_OF_DEATH in codes:
            cause_of_death = clean_name(value)
            continue
        label = next((KEY_OBSERVATIONS[c] for c in sorted(codes) if c in KEY_OBSERVATIONS), None)
        if label is None and _BIOMARKER.search(name):
            label = name
        if label and value:
            series[label].append(
                (first_date(observation, "effectiveDateTime", "effectivePeriod", "issued"), value)
            )
    result = []
    for label, points in series.items():
        points.sort(key=lambda p: p[0] or dt.date.min)
        (first_on, first_value), (last_on, last_value) = points[0], points[-1]
        changed = len(points) > 1 and first_value != last_value
        result.append(
            ObservationSeries(
                name=label,
                latest_value=last_value,
                latest_date=last_on,
                count=len(points),
                first_value=first_value if changed else None,
                first_date=first_on if changed else None,
            )
        )
    order = list(dict.fromkeys(KEY_OBSERVATIONS.values()))
    result.sort(key=lambda s: (order.index(s.name) if s.name in order else -1, s.name))
    return tuple(result), cause_of_death
