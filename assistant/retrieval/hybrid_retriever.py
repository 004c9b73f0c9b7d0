"""Hybrid retrieval: dense (Chroma) + BM25, fused by reciprocal rank fusion, with metadata filters."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from assistant.store import DocumentStore
from assistant.types import ChunkMetadata, Passage


@dataclass(frozen=True)
class SearchFilters:
    kind: str | None = None  # "guideline" | "patient"
    source: str | None = None
    patient_id: str | None = None
    cancer_type: str | None = None
    language: str | None = None

    def chroma_where(self) -> dict | None:
        clauses = [
            {key: value}
            for key, value in (
                ("kind", self.kind),
                ("source", self.source),
                ("patient_id", self.patient_id),
                ("language", self.language),
            )
            if value
        ]
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def accepts(self, meta: ChunkMetadata) -> bool:
        return (
            (not self.kind or meta.kind == self.kind)
            and (not self.source or meta.source == self.source)
            and (not self.patient_id or meta.patient_id == self.patient_id)
            and (not self.language or meta.language == self.language)
            and (not self.cancer_type or self.cancer_type in meta.cancer_types)
        )


@dataclass
class RetrievalResult:
    passages: list[Passage]
    best_dense_similarity: float | None  # for abstention: how close the nearest passage is at all
    elapsed_ms: float
    dense_similarities: dict[str, float] = field(default_factory=dict)


class Retriever(ABC):
    @abstractmethod
    def retrieve(self, query: str, k: int, filters: SearchFilters | None = None) -> RetrievalResult: ...


class HybridRetriever(Retriever):
    def __init__(self, store: DocumentStore, candidates: int = 30, rrf_k: int = 60) -> None:
        self.store = store
        self.candidates = candidates
        self.rrf_k = rrf_k

    def retrieve(self, query: str, k: int, filters: SearchFilters | None = None) -> RetrievalResult:
        start = time.perf_counter()
        filters = filters or SearchFilters()
        # Post-filtering (cancer type) needs headroom: take more candidates when a filter narrows the set.
        n = self.candidates * (3 if filters.cancer_type else 1)
        vector = self.store.embedder.embed_query(query)
        dense = self.store.dense_search(vector, n, where=filters.chroma_where())
        lexical = self.store.lexical_search(query, n * 2)

        dense_sim = {hit.chunk_id: hit.similarity for hit in dense}
        dense_rank = {hit.chunk_id: rank for rank, hit in enumerate(dense)}
        lexical_rank = {cid: rank for rank, (cid, _) in enumerate(lexical)}
        fused: dict[str, float] = {}
        for ranks in (dense_rank, lexical_rank):
            for cid, rank in ranks.items():
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (self.rrf_k + rank + 1)

        ordered = sorted(fused, key=fused.__getitem__, reverse=True)
        passages: list[Passage] = []
        # Fetch in slices: lexical hits are not pre-filtered, so some are dropped here.
        for offset in range(0, len(ordered), max(k * 3, 10)):
            for chunk in self.store.get(ordered[offset : offset + max(k * 3, 10)]):
                if filters.accepts(chunk.metadata):
                    passages.append(
                        Passage(
                            chunk=chunk,
                            score=fused[chunk.id],
                            dense_rank=dense_rank.get(chunk.id),
                            sparse_rank=lexical_rank.get(chunk.id),
                        )
                    )
            if len(passages) >= k:
                break
        passages = passages[:k]
        best = max(dense_sim.values()) if dense_sim else None
        return RetrievalResult(
            passages=passages,
            best_dense_similarity=best,
            elapsed_ms=(time.perf_counter() - start) * 1000,
            dense_similarities={
                p.chunk.id: dense_sim[p.chunk.id] for p in passages if p.chunk.id in dense_sim
            },
        )
