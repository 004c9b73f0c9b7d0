"""A BM25 index (bm25s) persisted beside the Chroma index, rebuilt only when the chunk set changed."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.store.text_normalise import tokenize


class Bm25Index:
    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._lock = threading.Lock()
        self._model: Any = None
        self._ids: list[str] = []
        self._fingerprint = ""
        self._parts: tuple[Any, set[str]] | None = None  # (model, parts of its hyphenated words)

    @staticmethod
    def fingerprint(ids: Sequence[str]) -> str:
        h = hashlib.sha256()
        for chunk_id in sorted(ids):
            h.update(chunk_id.encode())
        return h.hexdigest()

    @property
    def current_fingerprint(self) -> str:
        self._ensure_loaded()
        return self._fingerprint

    def _ensure_loaded(self) -> None:
        if self._model is not None or not (self._folder / "ids.json").is_file():
            return
        import bm25s

        meta = json.loads((self._folder / "ids.json").read_text(encoding="utf-8"))
        self._ids = meta["ids"]
        self._fingerprint = meta["fingerprint"]
        if self._ids:
            self._model = bm25s.BM25.load(str(self._folder / "bm25"), mmap=False, show_progress=False)

    def rebuild(self, ids: Sequence[str], texts: Sequence[str]) -> None:
        import bm25s

        with self._lock:
            model = None
            if ids:
                model = bm25s.BM25()
                model.index([tokenize(t) for t in texts], show_progress=False)
            # Write beside, then swap, so a crash mid-write leaves the previous index readable.
            tmp = self._folder.with_name(self._folder.name + ".tmp")
            shutil.rmtree(tmp, ignore_errors=True)
            try:
                tmp.mkdir(parents=True)
                if model is not None:
                    model.save(str(tmp / "bm25"), show_progress=False)
                (tmp / "ids.json").write_text(
                    json.dumps({"ids": list(ids), "fingerprint": self.fingerprint(ids)}), encoding="utf-8"
                )
            except BaseException:
                # A half-written copy must not fill a full disk further.
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            shutil.rmtree(self._folder, ignore_errors=True)
            tmp.rename(self._folder)
            self._model, self._ids, self._fingerprint = model, list(ids), self.fingerprint(ids)

    def known(self, terms: Iterable[str]) -> set[str]:
        """The given (already tokenized) terms that occur somewhere in the index, alone or as a part of a
        hyphenated word ("her2" is in an index that has only "her2-positive")."""
        with self._lock:
            self._ensure_loaded()
            vocab = self._model.vocab_dict if self._model is not None else {}
            if self._parts is None or self._parts[0] is not self._model:
                parts = {p for word in vocab if "-" in word for p in word.split("-")}
                self._parts = (self._model, parts)
            return {t for t in terms if t in vocab or t in self._parts[1]}

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        with self._lock:
            self._ensure_loaded()
            tokens = tokenize(query)
            if self._model is None or not tokens:
                return []
            vocab = self._model.vocab_dict
            query_ids = [vocab[t] for t in tokens if t in vocab]
            if not query_ids:
                return []
            scores = self._model.get_scores(query_ids)
            k = min(k, len(self._ids))
            top = np.argpartition(-scores, k - 1)[:k]
            top = top[np.argsort(-scores[top])]
            return [(self._ids[i], float(scores[i])) for i in top if scores[i] > 0]
