from __future__ import annotations

import pytest

from assistant.retrieval import HybridRetriever, SearchFilters
from assistant.store import DocumentStore

pytestmark = pytest.mark.unit


def test_the_relevant_passage_ranks_first(store: DocumentStore) -> None:
    result = HybridRetriever(store).retrieve("adjuvant chemotherapy stage III colon cancer FOLFOX", 3)
    assert result.passages[0].metadata.source == "colon.md"
    assert result.passages[0].dense_rank == 0 and result.passages[0].sparse_rank == 0
    assert result.best_dense_similarity is not None and result.best_dense_similarity > 0.3


def test_scores_are_reciprocal_rank_fusion(store: DocumentStore) -> None:
    retriever = HybridRetriever(store, rrf_k=60)
    top = retriever.retrieve("ABVD Hodgkin lymphoma", 1).passages[0]
    expected = sum(1.0 / (60 + r + 1) for r in (top.dense_rank, top.sparse_rank) if r is not None)
    assert top.score == pytest.approx(expected)


def test_passages_are_sorted_by_fused_score(store: DocumentStore) -> None:
    scores = [
        p.score for p in HybridRetriever(store).retrieve("adjuvant therapy after resection", 5).passages
    ]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("filters", "allowed"),
    [
        (SearchFilters(source="melanoma.md"), {"melanoma.md"}),
        (SearchFilters(cancer_type="colorectal"), {"colon.md"}),
        (SearchFilters(kind="patient"), set()),
    ],
)
def test_filters_apply_to_dense_and_lexical_hits(
    store: DocumentStore, filters: SearchFilters, allowed: set
) -> None:
    passages = HybridRetriever(store).retrieve("adjuvant resection stage III", 5, filters).passages
    assert {p.metadata.source for p in passages} <= allowed
    if allowed:
        assert passages


def test_empty_index_returns_nothing(tmp_path) -> None:
    from tests.fakes import HashEmbedder

    result = HybridRetriever(DocumentStore(tmp_path / "empty", HashEmbedder())).retrieve("anything", 3)
    assert result.passages == [] and result.best_dense_similarity is None
