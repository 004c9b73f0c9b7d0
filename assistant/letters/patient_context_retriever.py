"""Retrieval for a question about one patient: that patient's facts AND the guidelines that apply to them.

One retrieval cannot do both: a patient filter would hide the guidelines, and without it the summaries of other
patients compete with them. So two retrievals run, the guideline one aimed by the patient's disease profile
("what next for this patient?" names no cancer), and the patient passages come first in the evidence."""

from __future__ import annotations

import time
from dataclasses import replace

from assistant.errors import AssistantError
from assistant.letters.patient_directory import PatientDirectory
from assistant.retrieval import RetrievalResult, Retriever, SearchFilters


class PatientContextRetriever(Retriever):
    def __init__(self, base: Retriever, patients: PatientDirectory, patient_share: float = 0.4) -> None:
        if not 0.0 < patient_share < 1.0:
            raise ValueError("patient_share must be strictly between 0 and 1")
        self.base = base
        self.patients = patients
        self.patient_share = patient_share

    @property
    def store(self):  # noqa: ANN201 - AnswerService reads the embedder through retriever.store
        return getattr(self.base, "store", None)

    def split(self, k: int) -> tuple[int, int]:
        patient_k = max(1, round(k * self.patient_share))
        return patient_k, max(1, k - patient_k)

    def retrieve(self, query: str, k: int, filters: SearchFilters | None = None) -> RetrievalResult:
        if filters is None or not filters.patient_id:
            return self.base.retrieve(query, k, filters)
        start = time.perf_counter()
        try:
            profile = self.patients.record(filters.patient_id).profile()
        except AssistantError:
            profile = ""
        patient_k, guideline_k = self.split(k)
        facts = self.base.retrieve(
            query, patient_k, SearchFilters(kind="patient", patient_id=filters.patient_id)
        )
        guideline_filters = replace(filters, kind="guideline", patient_id=None)
        aimed = f"{query}\n{profile}" if profile else query
        guidance = self.base.retrieve(aimed, guideline_k, guideline_filters)
        similarities = [
            s for s in (facts.best_dense_similarity, guidance.best_dense_similarity) if s is not None
        ]
        return RetrievalResult(
            passages=[*facts.passages, *guidance.passages],
            best_dense_similarity=max(similarities) if similarities else None,
            elapsed_ms=(time.perf_counter() - start) * 1000,
            dense_similarities={**facts.dense_similarities, **guidance.dense_similarities},
        )
