"""Choices for the filters and pickers, read from the index and cached until the index changes."""

from __future__ import annotations

import threading

from assistant.store import DocumentStore, SourceInfo


class SourceCatalog:
    def __init__(self, store: DocumentStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._sources: list[SourceInfo] | None = None
        self._cancer_types: list[str] | None = None

    def invalidate(self) -> None:
        with self._lock:
            self._sources = None
            self._cancer_types = None

    def sources(self) -> list[SourceInfo]:
        with self._lock:
            if self._sources is None:
                self._sources = self.store.sources()
            return list(self._sources)

    def guidelines(self) -> list[SourceInfo]:
        return [s for s in self.sources() if s.kind == "guideline"]

    def cancer_types(self) -> list[str]:
        """Cancer types named in guideline metadata. SourceInfo does not carry them, so one chunk per source
        is read; a few hundred sources take well under a second and the result is cached."""
        with self._lock:
            cached = self._cancer_types
        if cached is not None:
            return list(cached)
        found: set[str] = set()
        for source in self.guidelines():
            chunks = self.store.chunks_of(source.source)
            for chunk in chunks[:1]:
                found.update(chunk.metadata.cancer_types)
        with self._lock:
            self._cancer_types = sorted(found, key=str.lower)
            return list(self._cancer_types)
