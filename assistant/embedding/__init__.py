from assistant.embedding.embedder import Embedder, l2_normalise
from assistant.embedding.sentence_transformer_embedder import SentenceTransformerEmbedder
from assistant.embedding.usem_embedder import UsemEmbedder

__all__ = ["Embedder", "SentenceTransformerEmbedder", "UsemEmbedder", "l2_normalise"]
