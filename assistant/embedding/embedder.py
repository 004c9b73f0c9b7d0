"""The embedder seam: turns texts into L2-normalised vectors. Backends load their model lazily."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

import numpy as np


class Embedder(ABC):
    """Embeds texts; rows are L2-normalised so a dot product is a cosine."""

    #: A stable name stored with the index, so an index is never queried with another model's vectors.
    model_id: str

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of `texts` as a float32 array of shape (len(texts), dim)."""

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms
