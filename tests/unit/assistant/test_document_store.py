from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigurationError, StoreWriteError
from assistant.store import DocumentStore
from assistant.types import Chunk, ChunkMetadata
from tests.fakes import HashEmbedder
from tests.unit.assistant.conftest import make_chunks

pytestmark = pytest.mark.unit


def test_reingesting_the_same_chunks_adds_nothing(store: DocumentStore) -> None:
    before = store.count()
    assert store.add(make_chunks()) == 0
    assert store.count() == before == 4


def test_chunk_ids_are_content_hashes() -> None:
    meta = ChunkMetadata(source="a.md", title="A", section="S")
    assert Chunk("same text", meta).id == Chunk("same text", meta).id
    assert Chunk("same text", meta).id != Chunk("other text", meta).id
    assert Chunk("same text", meta).id != Chunk("same text", ChunkMetadata("a.md", "A", "T")).id


def test_metadata_round_trips(store: DocumentStore) -> None:
    chunks = store.chunks_of("colon.md")
    assert len(chunks) == 2
    meta = chunks[0].metadata
    assert meta.title == "Colon"
    assert meta.cancer_types == ("colorectal",)
    assert meta.kind == "guideline" and meta.page is None


def test_sources_lists_each_file_with_its_chunk_count(store: DocumentStore) -> None:
    counts = {s.source: s.chunks for s in store.sources()}
    assert counts == {"colon.md": 2, "hodgkin.md": 1, "melanoma.md": 1}


def test_delete_source_removes_only_that_source(store: DocumentStore) -> None:
    assert store.delete_source("colon.md") == 2
    assert {s.source for s in store.sources()} == {"hodgkin.md", "melanoma.md"}
    assert store.refresh_lexical_index() is True
    assert all(cid in set(store.iter_ids()) for cid, _ in store.lexical_search("ABVD Hodgkin", 5))


def test_lexical_index_is_rebuilt_only_when_chunks_change(store: DocumentStore) -> None:
    assert store.refresh_lexical_index() is False
    store.add([Chunk("Whipple procedure for pancreatic cancer.", ChunkMetadata("p.md", "P"))])
    assert store.refresh_lexical_index() is True


def test_lexical_index_persists_across_instances(store: DocumentStore, tmp_path: Path) -> None:
    reopened = DocumentStore(store.data_dir, HashEmbedder())
    hits = reopened.lexical_search("ABVD", 3)
    assert hits and reopened.get([hits[0][0]])[0].metadata.source == "hodgkin.md"
    assert reopened.refresh_lexical_index() is False


def test_a_failed_write_leaves_the_index_as_it_was(
    store: DocumentStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.store.document_store as module

    monkeypatch.setattr(module, "_WRITE_BATCH", 2)
    collection = store._open()
    real_add = collection.add
    calls = {"n": 0}

    def failing_add(**kwargs):  # the second batch fails, as on a full disk
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("No space left on device")
        return real_add(**kwargs)

    monkeypatch.setattr(collection, "add", failing_add)
    before = set(store.iter_ids())
    new = [Chunk(f"New guideline text number {i}.", ChunkMetadata("new.md", "New")) for i in range(5)]
    with pytest.raises(StoreWriteError, match="nothing of this file was kept"):
        store.add(new)
    assert set(store.iter_ids()) == before


def test_an_index_built_with_another_embedder_is_refused(store: DocumentStore) -> None:
    class OtherEmbedder(HashEmbedder):
        model_id = "fake:other"

    with pytest.raises(ConfigurationError, match="fake:hash-256"):
        DocumentStore(store.data_dir, OtherEmbedder()).count()


def test_the_heading_path_is_indexed_with_the_text_but_not_stored_in_it(tmp_path: Path) -> None:
    s = DocumentStore(tmp_path / "idx", HashEmbedder())
    meta = ChunkMetadata(source="c.md", title="Colon cancer", section="Stage III > Adjuvant chemotherapy")
    s.add([Chunk("FOLFOX or CAPOX is given after resection.", meta)])
    s.refresh_lexical_index()
    ((hit, _),) = s.lexical_search("stage III colon", 1)  # words only in the heading path
    assert s.get([hit])[0].text == "FOLFOX or CAPOX is given after resection."
