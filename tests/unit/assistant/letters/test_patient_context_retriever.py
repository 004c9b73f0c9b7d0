from __future__ import annotations

import pytest

from assistant.letters import PatientContextRetriever, PatientDirectory
from assistant.retrieval import HybridRetriever, SearchFilters
from tests.unit.assistant.letters.letters_fakes import PATIENT_ID

pytestmark = pytest.mark.unit


def make(services) -> PatientContextRetriever:
    return PatientContextRetriever(HybridRetriever(services.store), PatientDirectory(services.store))


def test_patient_facts_come_first_then_guidelines(services) -> None:
    result = make(services).retrieve("what treatment now?", 5, SearchFilters(patient_id=PATIENT_ID))
    kinds = [p.metadata.kind for p in result.passages]
    assert kinds[:2] == ["patient", "patient"] and set(kinds[2:]) == {"guideline"}
    assert all(p.metadata.patient_id == PATIENT_ID for p in result.passages[:2])
    assert result.best_dense_similarity is not None


def test_guideline_retrieval_is_aimed_by_the_patient_profile(services) -> None:
    # The question names no cancer; the patient's colon adenocarcinoma must bring the colon guideline first.
    result = make(services).retrieve("what treatment now?", 5, SearchFilters(patient_id=PATIENT_ID))
    guidelines = [p for p in result.passages if p.metadata.kind == "guideline"]
    assert guidelines[0].metadata.source == "/docs/colon.md"


def test_without_a_patient_it_is_the_base_retriever(services) -> None:
    plain = HybridRetriever(services.store).retrieve("ABVD Hodgkin", 3, SearchFilters(kind="guideline"))
    wrapped = make(services).retrieve("ABVD Hodgkin", 3, SearchFilters(kind="guideline"))
    assert [p.chunk.id for p in wrapped.passages] == [p.chunk.id for p in plain.passages]


@pytest.mark.parametrize(("k", "split"), [(1, (1, 1)), (5, (2, 3)), (10, (4, 6))])
def test_k_is_shared_between_facts_and_guidelines(services, k: int, split: tuple[int, int]) -> None:
    assert make(services).split(k) == split


def test_store_is_exposed_for_the_answering_service_embedder(services) -> None:
    assert make(services).store is services.store


@pytest.mark.parametrize("share", [0.0, 1.0, -0.5])
def test_share_must_leave_room_for_both(services, share: float) -> None:
    with pytest.raises(ValueError, match="patient_share"):
        PatientContextRetriever(HybridRetriever(services.store), PatientDirectory(services.store), share)
