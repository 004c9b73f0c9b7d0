"""Clinical terms in coded data: is it a cancer, which cancer type, a stage in the name, SNOMED tags."""

from __future__ import annotations

import re

_CANCER = re.compile(
    r"malignant|carcinoma|cancer|neoplasm|lymphoma|leuk(a)?emia|melanoma|sarcoma|myeloma|blastoma|metasta|tumou?r",
    re.I,
)
_NOT_CANCER = re.compile(r"suspected|history of|screening|benign|polyp|fear of|family history", re.I)
_STAGE_IN_NAME = re.compile(r"\b(?:TNM\s+)?stage\s+([0IV]+[A-C]?\d?|\d[A-C]?)\b", re.I)

_SEMANTIC_TAG = re.compile(
    r"\s*\((?:disorder|procedure|finding|situation|regime/therapy|observable entity)\)$", re.I
)


def clean_name(name: str | None) -> str | None:
    """'Thoracentesis (procedure)' -> 'Thoracentesis': SNOMED semantic tags are noise in a summary."""
    return _SEMANTIC_TAG.sub("", name).strip() or name if name else None


# Cancer names -> the cancer-type vocabulary of the guideline front-matter (cancerTypes), so a patient and the
# guidelines about their cancer can be filtered together.
_CANCER_TYPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), kind)
    for pattern, kind in (
        (r"colon|rect(um|al)|colorectal", "colorectal"),
        (r"lung|bronch", "lung"),
        (r"prostat", "prostate"),
        (r"breast", "breast"),
        (r"ovar", "ovarian"),
        (r"pancrea", "pancreatic"),
        (r"liver|hepatocell", "liver"),
        (r"kidney|renal", "kidney"),
        (r"bladder|urothel", "bladder"),
        (r"melanoma|skin", "skin"),
        (r"lymphoma", "lymphoma"),
        (r"leuk", "leukemia"),
        (r"myeloma", "myeloma"),
        (r"cervi", "cervical"),
        (r"uter|endometri", "uterine"),
        (r"stomach|gastric", "stomach"),
        (r"esophag", "esophageal"),
        (r"thyroid", "thyroid"),
    )
)


def cancer_types_of(names: list[str]) -> tuple[str, ...]:
    found = [kind for name in names for pattern, kind in _CANCER_TYPES if pattern.search(name)]
    return tuple(dict.fromkeys(found))


def is_cancer(name: str) -> bool:
    return bool(_CANCER.search(name)) and not _NOT_CANCER.search(name)


def stage_in_name(name: str) -> str | None:
    """'Non-small cell carcinoma of lung, TNM stage 1' -> 'stage 1'."""
    match = _STAGE_IN_NAME.search(name)
    return f"stage {match.group(1).upper()}" if match else None
