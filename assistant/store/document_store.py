"""The index: Chroma (dense vectors + texts + metadata) and a BM25 index beside it.

IDs are content hashes, so re-ingesting the same files adds nothing. One `add` call is atomic: if it fails,
the chunks it wrote are removed again, so a failed file leaves the index as it was.

Chroma is embedded in data_dir, or a server shared by several UI instances (store.chroma_host). The BM25 index
is always local (data_dir/bm25). With a shared server another instance may add or replace chunks at any time, so
searches re-check the collection's fingerprint (sha256 of its sorted IDs, the same one the BM25 index stores)
at most every `shared_check_interval_s` and rebuild BM25 when it differs. A count alone would miss a file
replaced by one of the same length. Fetching the IDs of 8,000 chunks from a local server takes 13-20 ms, so
the check runs on an interval rather than on every query: another instance's ingest shows up in lexical search
within that many seconds (dense search sees it at once).

If the server goes away while a file is being written, the undo cannot reach it either: the chunks written so
far stay. Running the ingestion again completes that file, because `add` writes only the IDs not yet present."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embedding import Embedder
from assistant.errors import AssistantError, ConfigurationError, StoreWriteError
from assistant.store.bm25_index import Bm25Index
from assistant.store.chroma_connection import (
    ChromaServer,
    open_http_client,
    open_persistent_client,
    unreachable,
)
from assistant.store.chroma_records import index_text, metadata_from_chroma, metadata_to_chroma
from assistant.store.disk_space import ensure_room
from assistant.types import Chunk

log = logging.getLogger(__name__)

COLLECTION = "chunks"
_WRITE_BATCH = 256
_SERVER_WRITE_BATCH: int | None = None  # None: the server's own limit (tests set a small one)
SHARED_CHECK_INTERVAL_S = 5.0


@dataclass(frozen=True)
class SourceInfo:
    source: str
    title: str
    kind: str
    chunks: int
    last_reviewed: str | None


@dataclass(frozen=True)
class DenseHit:
    chunk_id: str
    similarity: float  # cosine


class DocumentStore:
    """Dense + lexical index of chunks. Subclass it for fakes; the methods below are the contract."""

    def __init__(
        self,
        data_dir: Path,
        embedder: Embedder,
        chroma_client: Any | None = None,
        *,
        collection: str = COLLECTION,
        server: ChromaServer | None = None,
        shared_check_interval_s: float = SHARED_CHECK_INTERVAL_S,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.embedder = embedder
        self.collection_name = collection
        self.server = server
        self.shared_check_interval_s = shared_check_interval_s
        self._client = chroma_client
        self._collection: Any = None
        self._lock = threading.RLock()
        self._checked_at = -float("inf")
        self.bm25 = Bm25Index(self.data_dir / "bm25")

    @property
    def location(self) -> str:
        """Where the chunks live, for messages."""
        return f"the {self.server.name}" if self.server else f"the index in {self.data_dir}"

    @contextmanager
    def _reaching(self) -> Iterator[None]:
        """Turns "the Chroma server is not there" into a StoreUnavailableError naming the settings."""
        try:
            yield
        except AssistantError:
            raise
        except Exception as exc:
            if self.server is not None and unreachable(exc):
                raise self.server.unavailable(exc) from exc
            raise

    # -- opening -----------------------------------------------------------------------------------------
    def _open(self) -> Any:
        with self._lock, self._reaching():
            if self._collection is not None:
                return self._collection
            if self._client is None:
                if self.server is not None:
                    self._client = open_http_client(self.server)
                else:
                    self._client = open_persistent_client(self.data_dir)
            collection = self._client.get_or_create_collection(
                self.collection_name,
                embedding_function=None,  # we always pass our own vectors; Chroma's default would download a model
                metadata={"hnsw:space": "cosine", "embedder": self.embedder.model_id},
            )
            built_with = (collection.metadata or {}).get("embedder")
            if built_with and built_with != self.embedder.model_id:
                where = f"{self.location}, collection {self.collection_name}"
                fix = "another store.collection" if self.server else "another data_dir"
                raise ConfigurationError(
                    f"The index ({where}) was built with the embedder '{built_with}' but settings ask for "
                    f"'{self.embedder.model_id}'; set embedding.backend back, or use {fix} and re-ingest."
                )
            self._collection = collection
            return collection

    # -- writing -----------------------------------------------------------------------------------------
    def add(self, chunks: Sequence[Chunk]) -> int:
        """Adds the chunks not yet present; returns how many were new. All or nothing."""
        collection = self._open()
        unique = {c.id: c for c in chunks}
        if not unique:
            return 0
        with self._lock:
            with self._reaching():
                present = set(collection.get(ids=list(unique), include=[])["ids"])
            new = [c for cid, c in unique.items() if cid not in present]
            if not new:
                return 0
            if self.server is None:  # embedded Chroma can hang, not fail, on a full disk: check first
                ensure_room(self.data_dir, [c.text for c in new])
            vectors = self.embedder.embed([index_text(c.text, c.metadata) for c in new])
            size = self._write_batch()
            written: list[str] = []
            try:
                for start in range(0, len(new), size):
                    batch = new[start : start + size]
                    collection.add(
                        ids=[c.id for c in batch],
                        documents=[c.text for c in batch],
                        metadatas=[metadata_to_chroma(c.metadata) for c in batch],
                        embeddings=vectors[start : start + size].tolist(),
                    )
                    written.extend(c.id for c in batch)
            except Exception as exc:  # noqa: BLE001
                undone = self._undo(written)
                if self.server is not None and unreachable(exc):
                    # Not a StoreWriteError: ingestion stops instead of failing every remaining file the same way.
                    kept = (
                        "nothing of it was kept" if undone else f"{len(written)} chunks of that file remain"
                    )
                    raise self.server.unavailable(
                        exc,
                        f"The {self.server.name} stopped answering while a file was being written, so {kept}",
                        "Then run the ingestion again: it completes this file and skips the files already written.",
                    ) from exc
                raise StoreWriteError(
                    f"Writing to {self.location} failed ({exc}); nothing of this file was kept. "
                    "Check free disk space and write permission, then run the ingestion again."
                ) from exc
            return len(new)

    def _write_batch(self) -> int:
        """Chunks per write. To a server, a whole file in one request when the server accepts that many: a request
        is applied whole or not at all, so a server that dies mid-file leaves none of it (a file larger than the
        server's limit can still be left in part, and the error says so)."""
        if self.server is None:
            return _WRITE_BATCH
        if _SERVER_WRITE_BATCH is not None:
            return _SERVER_WRITE_BATCH
        try:
            return max(_WRITE_BATCH, int(self._client.get_max_batch_size()))
        except Exception:  # noqa: BLE001 - an older server without the call: the embedded batch size
            return _WRITE_BATCH

    def _undo(self, ids: list[str]) -> bool:
        """Removes partially written chunks; False when they could not be removed (server gone)."""
        if not ids:
            return True
        try:
            self._collection.delete(ids=ids)
        except Exception as exc:  # noqa: BLE001 - best effort; the error that caused the undo is what gets reported
            # A gone server is explained by the error raised next; a traceback would only bury that message.
            log.warning(
                "could not remove %d partially written chunks (%s)",
                len(ids),
                exc,
                exc_info=not unreachable(exc),
            )
            return False
        return True

    def delete_source(self, source: str) -> int:
        collection = self._open()
        with self._lock, self._reaching():
            ids = collection.get(where={"source": source}, include=[])["ids"]
            if ids:
                collection.delete(ids=ids)
            return len(ids)

    def refresh_lexical_index(self, force: bool = False) -> bool:
        """Rebuilds BM25 when the chunk set changed since it was built. Returns True when it rebuilt."""
        collection = self._open()
        with self._lock, self._reaching():
            self._checked_at = time.monotonic()
            ids = collection.get(include=[])["ids"]
            if not force and Bm25Index.fingerprint(ids) == self.bm25.current_fingerprint:
                return False
            everything = collection.get(include=["documents", "metadatas"])
            texts = [
                index_text(doc, metadata_from_chroma(meta))
                for doc, meta in zip(everything["documents"], everything["metadatas"], strict=True)
            ]
            self.bm25.rebuild(everything["ids"], texts)
            return True

    # -- reading -----------------------------------------------------------------------------------------
    def count(self) -> int:
        collection = self._open()
        with self._reaching():
            return int(collection.count())

    def get(self, ids: Sequence[str]) -> list[Chunk]:
        if not ids:
            return []
        collection = self._open()
        with self._reaching():
            got = collection.get(ids=list(ids), include=["documents", "metadatas"])
        by_id = {
            cid: Chunk(text=doc, metadata=metadata_from_chroma(meta), id=cid)
            for cid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        }
        return [by_id[i] for i in ids if i in by_id]

    def dense_search(
        self, query_vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[DenseHit]:
        collection = self._open()
        with self._reaching():
            total = collection.count()
            if total == 0:
                return []
            result = collection.query(
                query_embeddings=[np.asarray(query_vector, dtype=np.float32).tolist()],
                n_results=min(k, total),
                where=where or None,
                include=["distances"],
            )
        return [
            DenseHit(chunk_id=cid, similarity=1.0 - float(dist))
            for cid, dist in zip(result["ids"][0], result["distances"][0], strict=True)
        ]

    def lexical_search(self, query: str, k: int) -> list[tuple[str, float]]:
        self._follow_shared_collection()
        return self.bm25.search(query, k)

    def known_terms(self, terms: Iterable[str]) -> set[str]:
        """The given BM25 tokens that occur somewhere in the index."""
        self._follow_shared_collection()
        return self.bm25.known(terms)

    def _follow_shared_collection(self) -> None:
        """With a shared server, picks up other instances' changes into the local BM25 (see the module doc)."""
        if self.server is None:
            return  # embedded: this process is the only writer and refreshes after its own writes
        with self._lock:
            if time.monotonic() - self._checked_at >= self.shared_check_interval_s:
                self.refresh_lexical_index()

    def sources(self) -> list[SourceInfo]:
        collection = self._open()
        with self._reaching():
            got = collection.get(include=["metadatas"])
        summary: dict[str, SourceInfo] = {}
        for raw in got["metadatas"]:
            meta = metadata_from_chroma(raw)
            prev = summary.get(meta.source)
            summary[meta.source] = SourceInfo(
                source=meta.source,
                title=meta.title,
                kind=meta.kind,
                chunks=(prev.chunks if prev else 0) + 1,
                last_reviewed=meta.last_reviewed,
            )
        return sorted(summary.values(), key=lambda s: s.title.lower())

    def chunks_of(self, source: str) -> list[Chunk]:
        collection = self._open()
        with self._reaching():
            got = collection.get(where={"source": source}, include=["documents", "metadatas"])
        return [
            Chunk(text=doc, metadata=metadata_from_chroma(meta), id=cid)
            for cid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]

    def iter_ids(self) -> Iterable[str]:
        collection = self._open()
        with self._reaching():
            return collection.get(include=[])["ids"]
