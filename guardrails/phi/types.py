"""Typed values returned by PHI scrubbing. Offsets always refer to the ORIGINAL text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Language = Literal["en", "fr"]
SUPPORTED_LANGUAGES: tuple[Language, ...] = ("en", "fr")

# Entity types we emit. The placeholder tag is the type itself: <PERSON_1>, <DATE_2>...
PERSON = "PERSON"
DATE = "DATE"
AGE = "AGE"
PHONE_NUMBER = "PHONE_NUMBER"
EMAIL_ADDRESS = "EMAIL_ADDRESS"
STREET_ADDRESS = "STREET_ADDRESS"
LOCATION = "LOCATION"
MEDICAL_RECORD_NUMBER = "MEDICAL_RECORD_NUMBER"
US_SSN = "US_SSN"
FR_NIR = "FR_NIR"
FR_INS = "FR_INS"
URL = "URL"
IP_ADDRESS = "IP_ADDRESS"
IBAN_CODE = "IBAN_CODE"
CREDIT_CARD = "CREDIT_CARD"

ENTITY_TYPES: tuple[str, ...] = (
    PERSON,
    DATE,
    AGE,
    PHONE_NUMBER,
    EMAIL_ADDRESS,
    STREET_ADDRESS,
    LOCATION,
    MEDICAL_RECORD_NUMBER,
    US_SSN,
    FR_NIR,
    FR_INS,
    URL,
    IP_ADDRESS,
    IBAN_CODE,
    CREDIT_CARD,
)


@dataclass(frozen=True)
class DetectedEntity:
    """One identifier found in a text. `placeholder` is what replaced it (or the shifted date)."""

    type: str
    start: int
    end: int
    score: float
    placeholder: str
    recognizer: str = ""


@dataclass(frozen=True)
class ScrubResult:
    """A scrubbed text. `mapping` holds original values: keep it in memory, never log or index it."""

    text: str
    entities: list[DetectedEntity]
    language: Language
    # repr=False so that printing or logging a result never shows identifiers.
    mapping: dict[str, str] = field(default_factory=dict, repr=False)
