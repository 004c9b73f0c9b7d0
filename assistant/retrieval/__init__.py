from assistant.retrieval.hybrid_retriever import HybridRetriever, RetrievalResult, Retriever, SearchFilters
from assistant.retrieval.query_translation import QueryTranslator

__all__ = ["HybridRetriever", "QueryTranslator", "RetrievalResult", "Retriever", "SearchFilters"]
