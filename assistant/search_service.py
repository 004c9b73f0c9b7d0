"""Guideline lookup without the LLM: validated query → scrubbed → hybrid retrieval → ranked hits."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.answer_service import Scrubber, checked_text
from assistant.retrieval import Retriever, SearchFilters


@dataclass(frozen=True)
class SearchHit:
    rank: int
    score: float
    source: str
    title: str
    section: str
    page: int | None
    text: str
    chunk_id: str


class SearchService:
    def __init__(
        self,
        retriever: Retriever,
        default_k: int = 5,
        max_query_chars: int = 4000,
        scrubber: Scrubber | None = None,
    ) -> None:
        self.retriever = retriever
        self.default_k = default_k
        self.max_query_chars = max_query_chars
        # A lookup typed during a consultation can carry a patient's name; with a shared Chroma server its
        # embedding leaves this machine. Scrubbed like a chat question (clinical vocabulary is kept).
        self.scrubber = scrubber

    def search(
        self, query: str, k: int | None = None, filters: SearchFilters | None = None
    ) -> list[SearchHit]:
        query, _ = checked_text(query, "search query", self.max_query_chars, self.scrubber)
        result = self.retriever.retrieve(query, k or self.default_k, filters)
        return [
            SearchHit(
                rank=rank,
                score=round(p.score, 6),
                source=p.metadata.source,
                title=p.metadata.title,
                section=p.metadata.section,
                page=p.metadata.page,
                text=p.text,
                chunk_id=p.chunk.id,
            )
            for rank, p in enumerate(result.passages, start=1)
        ]
