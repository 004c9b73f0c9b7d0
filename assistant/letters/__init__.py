"""Patient-aware answering and letters: consultation letters and tumour-board (RCP) summaries."""

from assistant.letters.letter_draft import FLAG, LetterCheck, LetterDraft
from assistant.letters.letter_export import export_letter
from assistant.letters.letter_service import LetterService
from assistant.letters.letter_template import LETTER_KINDS, LETTER_LANGUAGES, LetterTemplate, load_template
from assistant.letters.patient_context_retriever import PatientContextRetriever
from assistant.letters.patient_directory import (
    PatientDirectory,
    PatientInfo,
    PatientNotFoundError,
    PatientRecord,
)
from assistant.letters.reidentify import reidentify

__all__ = [
    "FLAG",
    "LETTER_KINDS",
    "LETTER_LANGUAGES",
    "LetterCheck",
    "LetterDraft",
    "LetterService",
    "LetterTemplate",
    "PatientContextRetriever",
    "PatientDirectory",
    "PatientInfo",
    "PatientNotFoundError",
    "PatientRecord",
    "export_letter",
    "load_template",
    "reidentify",
]
