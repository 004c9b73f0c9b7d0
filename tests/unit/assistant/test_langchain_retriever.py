from __future__ import annotations

import pytest
from langchain_core.documents import Document

from assistant.retrieval import HybridRetriever, SearchFilters
from assistant.retrieval.langchain_retriever import OncologyRetriever
from assistant.store import DocumentStore

pytestmark = pytest.mark.unit


def test_langchain_apps_get_documents_with_our_metadata(store: DocumentStore) -> None:
    retriever = OncologyRetriever(retriever=HybridRetriever(store), k=2)
    docs = retriever.invoke("ABVD cycles Hodgkin lymphoma")
    assert all(isinstance(d, Document) for d in docs) and len(docs) == 2
    assert docs[0].metadata["source"] == "hodgkin.md"
    assert docs[0].metadata["section"] == "Hodgkin lymphoma > First line"
    assert docs[0].id and docs[0].metadata["score"] > docs[1].metadata["score"]


def test_filters_pass_through(store: DocumentStore) -> None:
    retriever = OncologyRetriever(
        retriever=HybridRetriever(store), k=3, filters=SearchFilters(source="melanoma.md")
    )
    assert {d.metadata["source"] for d in retriever.invoke("adjuvant therapy")} == {"melanoma.md"}
