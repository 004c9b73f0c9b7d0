"""FHIR bundles (R4, STU3) -> one patient-summary document per Patient resource.

The documents still carry the raw Patient.id in `patient_key`; corpora.patients.deidentify replaces it with
the salted pseudonym and scrubs the text before anything is chunked or stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

from corpora.documents import LoadedDocument
from corpora.errors import LoaderError
from corpora.loaders.document_loader import DocumentLoader
from corpora.loaders.markdown_sections import split_sections
from corpora.loaders.text_decoding import read_text_file
from corpora.patients.clinical_terms import cancer_types_of
from corpora.patients.fhir_bundle import FhirBundle
from corpora.patients.patient_summary import summarize_patient
from corpora.patients.summary_renderer import render_summary

SUMMARY_TITLE = "Patient summary"


class FhirLoader(DocumentLoader):
    suffixes: ClassVar[tuple[str, ...]] = (".json",)

    def load(self, path: Path) -> LoadedDocument:
        documents = self.load_all(path)
        if len(documents) > 1:
            raise LoaderError(
                path, f"holds {len(documents)} patients", "Use load_all() to get one document each."
            )
        return documents[0]

    def load_all(self, path: Path) -> list[LoadedDocument]:
        text = read_text_file(path).text
        try:
            bundle = FhirBundle.from_json(json.loads(text))
        except json.JSONDecodeError as exc:
            raise LoaderError(
                path, f"is not valid JSON (line {exc.lineno}: {exc.msg})", "Export the bundle again."
            ) from exc
        except RecursionError as exc:
            raise LoaderError(
                path,
                "is JSON nested too deeply to be a FHIR bundle",
                "Check that it is a FHIR Bundle export.",
            ) from exc
        except ValueError as exc:
            raise LoaderError(
                path, str(exc), "Only FHIR Bundle resources (R4 or STU3) are read as patients."
            ) from exc
        patients = bundle.patients()
        if not patients:
            raise LoaderError(
                path, "is a FHIR Bundle without a Patient resource", "Export the bundle with its Patient."
            )
        documents = []
        for patient in patients:
            summary = summarize_patient(bundle, patient)
            if not summary.patient_key:
                raise LoaderError(path, "has a Patient without an id", "Export the bundle with resource ids.")
            documents.append(
                LoadedDocument(
                    source=f"fhir:{summary.patient_key}",  # replaced by patient:<pseudonym> when de-identified
                    title=SUMMARY_TITLE,
                    sections=split_sections(render_summary(summary), SUMMARY_TITLE),
                    language="en",
                    cancer_types=cancer_types_of([d.name for d in summary.cancers]),
                    kind="patient",
                    patient_key=summary.patient_key,
                )
            )
        return documents
