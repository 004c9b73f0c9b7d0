"""The patient-aware services, composed from the core ones: built once by app.py and the letter CLI."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering import AnswerService
from assistant.bootstrap import Services
from assistant.letters.letter_service import LetterService
from assistant.letters.patient_context_retriever import PatientContextRetriever
from assistant.letters.patient_directory import PatientDirectory


@dataclass
class ClinicalServices:
    patients: PatientDirectory
    patient_answers: AnswerService  # answers about one patient: their facts + the guidelines that apply
    letters: LetterService


def build_clinical_services(services: Services) -> ClinicalServices:
    base = services.answers
    patients = PatientDirectory(services.store)
    patient_answers = AnswerService(
        base.settings,
        PatientContextRetriever(base.retriever, patients),
        base.generator,
        scrubber=base.scrubber,
        verifier=base.verifier,
        extractive=getattr(base, "_extractive", None),
        audit=base.audit,  # answers about a patient are audited like any other
    )
    return ClinicalServices(
        patients=patients,
        patient_answers=patient_answers,
        letters=LetterService(patients, base, services.store),
    )
