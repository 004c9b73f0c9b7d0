"""The index: Chroma (dense vectors + texts + metadata) and a BM25 index beside it.

IDs are content hashes, so re-ingesting the same files adds nothing. One `add` call is atomic: if it fails,
the chunks it wrote are removed again, so a failed file leaves the index as it was."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embedding import Embedder
from assistant.errors import ConfigurationError, IndexError_, StoreWriteError
from assistant.store.bm25_index import Bm25Index
from assistant.types import Chunk, ChunkMetadata

log = logging.getLogger(__name__)

COLLECTION = "chunks"
_WRITE_BATCH = 256


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


def metadata_to_chroma(meta: ChunkMetadata) -> dict[str, Any]:
    # Chroma metadata values are scalars; None is dropped, lists become a delimited string.
    raw = {
        "source": meta.source,
        "title": meta.title,
        "section": meta.section,
        "page": meta.page,
        "last_reviewed": meta.last_reviewed,
        "language": meta.language,
        "kind": meta.kind,
        "patient_id": meta.patient_id,
        "cancer_types": "|" + "|".join(meta.cancer_types) + "|" if meta.cancer_types else None,
        "demo": meta.demo,
    }
    return {k: v for k, v in raw.items() if v is not None}


def index_text(text: str, meta: ChunkMetadata) -> str:
    """What is embedded and BM25-indexed: the heading path carries meaning the passage often leaves implicit
    ("stage III" is in the heading, not in the sentences under it)."""
    heading = " > ".join(part for part in (meta.title, meta.section) if part)
    return f"{heading}\n{text}" if heading else text


def metadata_from_chroma(raw: dict[str, Any]) -> ChunkMetadata:
    types = raw.get("cancer_types") or ""
    return ChunkMetadata(
        source=raw.get("source", ""),
        title=raw.get("title", ""),
        section=raw.get("section", ""),
        page=raw.get("page"),
        last_reviewed=raw.get("last_reviewed"),
        language=raw.get("language", "en"),
        kind=raw.get("kind", "guideline"),
        patient_id=raw.get("patient_id"),
        cancer_types=tuple(t for t in types.split("|") if t),
        demo=bool(raw.get("demo", False)),
    )


class DocumentStore:
    """Dense + lexical index of chunks. Subclass it for fakes; the methods below are the contract."""

    def __init__(self, data_dir: Path, embedder: Embedder, chroma_client: Any | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.embedder = embedder
        self._client = chroma_client
        self._collection: Any = None
        self._lock = threading.RLock()
        self.bm25 = Bm25Index(self.data_dir / "bm25")

    # -- opening -----------------------------------------------------------------------------------------
    def _open(self) -> Any:
        with self._lock:
            if self._collection is not None:
                return self._collection
            if self._client is None:
                self._client = self._persistent_client()
            collection = self._client.get_or_create_collection(
                COLLECTION,
                embedding_function=None,  # we always pass our own vectors; Chroma's default would download a model
                metadata={"hnsw:space": "cosine", "embedder": self.embedder.model_id},
            )
            built_with = (collection.metadata or {}).get("embedder")
            if built_with and built_with != self.embedder.model_id:
                raise ConfigurationError(
                    f"The index in {self.data_dir} was built with the embedder '{built_with}' but settings ask for "
                    f"'{self.embedder.model_id}'; set embedding.backend back, or use another data_dir and re-ingest."
                )
            self._collection = collection
            return collection

    def _persistent_client(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise IndexError_(
                f"data_dir: cannot create the index folder {self.data_dir} ({exc.strerror})."
            ) from exc
        try:
            return chromadb.PersistentClient(
                path=str(self.data_dir / "chroma"),
                settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False),
            )
        except Exception as exc:  # noqa: BLE001 - Chroma raises many types for an unusable folder
            raise IndexError_(
                f"data_dir: the index at {self.data_dir / 'chroma'} cannot be opened ({exc})."
            ) from exc

    # -- writing -----------------------------------------------------------------------------------------
    def add(self, chunks: Sequence[Chunk]) -> int:
        """Adds the chunks not yet present; returns how many were new. All or nothing."""
        collection = self._open()
        unique = {c.id: c for c in chunks}
        if not unique:
            return 0
        with self._lock:
            present = set(collection.get(ids=list(unique), include=[])["ids"])
            new = [c for cid, c in unique.items() if cid not in present]
            if not new:
                return 0
            vectors = self.embedder.embed([index_text(c.text, c.metadata) for c in new])
            written: list[str] = []
            try:
                for start in range(0, len(new), _WRITE_BATCH):
                    batch = new[start : start + _WRITE_BATCH]
                    collection.add(
                        ids=[c.id for c in batch],
                        documents=[c.text for c in batch],
                        metadatas=[metadata_to_chroma(c.metadata) for c in batch],
                        embeddings=vectors[start : start + _WRITE_BATCH].tolist(),
                    )
                    written.extend(c.id for c in batch)
            except Exception as exc:  # noqa: BLE001
                self._undo(written)
                raise StoreWriteError(
                    f"Writing to the index in {self.data_dir} failed ({exc}); nothing of this file was kept. "
                    "Check free disk space and write permission, then run the ingestion again."
                ) from exc
            return len(new)

    def _undo(self, ids: list[str]) -> None:
        if not ids:
            return
        try:
            self._collection.delete(ids=ids)
        except Exception:  # noqa: BLE001 - best effort; the error that caused the undo is what gets reported
            log.exception("could not remove %d partially written chunks", len(ids))

    def delete_source(self, source: str) -> int:
        collection = self._open()
        with self._lock:
            ids = collection.get(where={"source": source}, include=[])["ids"]
            if ids:
                collection.delete(ids=ids)
            return len(ids)

    def refresh_lexical_index(self, force: bool = False) -> bool:
        """Rebuilds BM25 when the chunk set changed since it was built. Returns True when it rebuilt."""
        collection = self._open()
        with self._lock:
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
        return int(self._open().count())

    def get(self, ids: Sequence[str]) -> list[Chunk]:
        if not ids:
            return []
        got = self._open().get(ids=list(ids), include=["documents", "metadatas"])
        by_id = {
            cid: Chunk(text=doc, metadata=metadata_from_chroma(meta), id=cid)
            for cid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        }
        return [by_id[i] for i in ids if i in by_id]

    def dense_search(
        self, query_vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[DenseHit]:
        collection = self._open()
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
        return self.bm25.search(query, k)

    def known_terms(self, terms: Iterable[str]) -> set[str]:
        """The given BM25 tokens that occur somewhere in the index."""
        return self.bm25.known(terms)

    def sources(self) -> list[SourceInfo]:
        got = self._open().get(include=["metadatas"])
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
        got = self._open().get(where={"source": source}, include=["documents", "metadatas"])
        return [
            Chunk(text=doc, metadata=metadata_from_chroma(meta), id=cid)
            for cid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]

    def iter_ids(self) -> Iterable[str]:
        return self._open().get(include=[])["ids"]
