from assistant.retrieval.hybrid_retriever import HybridRetriever, RetrievalResult, Retriever, SearchFilters

__all__ = ["HybridRetriever", "RetrievalResult", "Retriever", "SearchFilters"]
