"""Guideline lookup without the LLM: validated query → scrubbed → hybrid retrieval → ranked hits."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.answer_service import Scrubber
from assistant.errors import EmptyQuestionError, InputTooLargeError, NoWordsError
from assistant.language import detect_language
from assistant.retrieval import Retriever, SearchFilters
from assistant.store.text_normalise import has_words


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
        query = (query or "").strip()
        if not query:
            raise EmptyQuestionError()
        if len(query) > self.max_query_chars:
            raise InputTooLargeError("search query", len(query), self.max_query_chars)
        if not has_words(query):
            raise NoWordsError("search query")
        if self.scrubber is not None:
            query = self.scrubber.scrub(query, language=detect_language(query)).text
            if not has_words(query):
                raise NoWordsError("search query")
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
