"""Our hybrid retriever as a LangChain BaseRetriever, so LangChain apps can plug the index in."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.retrieval.hybrid_retriever import Retriever, SearchFilters


class OncologyRetriever(BaseRetriever):
    retriever: Any  # a Retriever; typed Any because pydantic cannot validate ABCs without arbitrary types
    k: int = 5
    filters: SearchFilters | None = None

    model_config = {"arbitrary_types_allowed": True}

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        assert isinstance(self.retriever, Retriever)
        result = self.retriever.retrieve(query, self.k, self.filters)
        return [
            Document(
                page_content=p.text,
                id=p.chunk.id,
                metadata={
                    "source": p.metadata.source,
                    "title": p.metadata.title,
                    "section": p.metadata.section,
                    "page": p.metadata.page,
                    "kind": p.metadata.kind,
                    "score": p.score,
                },
            )
            for p in result.passages
        ]
