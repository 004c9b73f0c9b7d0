from assistant.store.bm25_index import Bm25Index
from assistant.store.chroma_connection import ChromaServer
from assistant.store.document_store import DenseHit, DocumentStore, SourceInfo

__all__ = ["Bm25Index", "ChromaServer", "DenseHit", "DocumentStore", "SourceInfo"]
