"""Hybrid retrieval: dense (Chroma) + BM25, fused by reciprocal rank fusion, with metadata filters."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from assistant.retrieval.query_translation import QueryTranslator, default_translator
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
    translated_query: str | None = None  # the English keywords BM25 also searched, for a French question


class Retriever(ABC):
    @abstractmethod
    def retrieve(self, query: str, k: int, filters: SearchFilters | None = None) -> RetrievalResult: ...


class HybridRetriever(Retriever):
    def __init__(
        self,
        store: DocumentStore,
        candidates: int = 30,
        rrf_k: int = 60,
        translator: QueryTranslator | None = None,
        translate_french: bool = True,
        translated_weight: float = 0.5,
    ) -> None:
        """translator: French → English query translation for BM25 (the shipped glossary unless given; none
        when translate_french is False). translated_weight: RRF weight of the translation-only BM25 list, chosen
        on the team question sets: 1.0 ranks English twins above French sources too often."""
        self.store = store
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.translator = (translator or default_translator()) if translate_french else None
        self.translated_weight = translated_weight

    def retrieve(self, query: str, k: int, filters: SearchFilters | None = None) -> RetrievalResult:
        start = time.perf_counter()
        filters = filters or SearchFilters()
        # Post-filtering (cancer type) needs headroom: take more candidates when a filter narrows the set.
        n = self.candidates * (3 if filters.cancer_type else 1)
        where = filters.chroma_where()
        vector = self.store.embedder.embed_query(query)
        dense = self.store.dense_search(vector, n, where=where)
        # BM25 over English guidelines cannot match French words ("sein" never meets "breast"). For a French
        # question, BM25 gets the question plus its glossary translation (the French words still find French
        # sources), and the translation alone adds a third, lighter list that lifts English passages without
        # burying French sources. The dense side keeps the question as asked: the embedder is multilingual, and
        # its similarity also drives abstention, which must not depend on the glossary.
        english = self.translator.for_retrieval(query) if self.translator else None
        lexical = self.store.lexical_search(f"{query} {english}" if english else query, n * 2)

        dense_sim = {hit.chunk_id: hit.similarity for hit in dense}
        dense_rank = {hit.chunk_id: rank for rank, hit in enumerate(dense)}
        lexical_rank = {cid: rank for rank, (cid, _) in enumerate(lexical)}
        rank_lists = [(dense_rank, 1.0), (lexical_rank, 1.0)]
        if english:
            translated = self.store.lexical_search(english, n * 2)
            rank_lists.append(
                ({cid: rank for rank, (cid, _) in enumerate(translated)}, self.translated_weight)
            )
        fused: dict[str, float] = {}
        for ranks, weight in rank_lists:
            for cid, rank in ranks.items():
                fused[cid] = fused.get(cid, 0.0) + weight / (self.rrf_k + rank + 1)

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
            translated_query=english,
        )
