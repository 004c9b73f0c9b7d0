"""A store whose Chroma is shared with other instances: its local BM25 follows their writes, and an absent
server is reported with the settings to fix. The real `chroma run` server: tests/integration/assistant/test_chroma_server.py."""

from __future__ import annotations

import socket
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from assistant.bootstrap import build_store
from assistant.errors import StoreUnavailableError
from assistant.settings import load_settings
from assistant.store import ChromaServer, DocumentStore
from assistant.store.chroma_connection import unreachable
from assistant.types import Chunk, ChunkMetadata
from tests.fakes import HashEmbedder
from tests.unit.assistant.conftest import make_chunks

pytestmark = pytest.mark.unit

NEW = Chunk("Zyxomab is given every three weeks.", ChunkMetadata("zyx.md", "Zyxomab"))


def two_instances(tmp_path: Path, interval_s: float) -> tuple[DocumentStore, DocumentStore]:
    """Two stores with their own data_dir (own BM25) over one Chroma, as two UI instances over one server.

    One embedded client stands in for the server here, so no process is needed; `server` switches the
    store to its shared-collection behaviour."""
    client = chromadb.PersistentClient(str(tmp_path / "chroma"), ChromaSettings(anonymized_telemetry=False))
    server = ChromaServer("chroma.invalid", 8000)
    a, b = (
        DocumentStore(
            tmp_path / name, HashEmbedder(), client, server=server, shared_check_interval_s=interval_s
        )
        for name in ("ui-a", "ui-b")
    )
    a.add(make_chunks())
    a.refresh_lexical_index()
    return a, b


def test_another_instance_sees_writes_in_lexical_search(tmp_path: Path) -> None:
    a, b = two_instances(tmp_path, interval_s=0)
    assert b.lexical_search("ABVD", 1)  # built on first use from the shared collection
    a.add([NEW])
    ((hit, _),) = b.lexical_search("zyxomab", 3)
    assert hit == NEW.id and b.known_terms({"zyxomab"}) == {"zyxomab"}


def test_the_check_runs_at_most_once_per_interval(tmp_path: Path) -> None:
    a, b = two_instances(tmp_path, interval_s=3600)
    assert b.lexical_search("ABVD", 1)
    a.add([NEW])
    assert b.lexical_search("zyxomab", 3) == []  # checked less than an hour ago
    assert b.dense_search(HashEmbedder().embed_query("zyxomab"), 1)[0].chunk_id == NEW.id  # dense: at once
    assert b.refresh_lexical_index() is True
    assert b.lexical_search("zyxomab", 3)[0][0] == NEW.id


def test_a_replaced_file_of_the_same_size_is_noticed(tmp_path: Path) -> None:
    a, b = two_instances(tmp_path, interval_s=0)
    assert b.lexical_search("ABVD", 1)
    before = b.count()
    a.delete_source("hodgkin.md")  # one chunk out, one in: the count alone would not change
    a.add([Chunk("BEACOPP is an alternative regimen.", ChunkMetadata("hodgkin.md", "Hodgkin"))])
    assert b.count() == before
    assert b.lexical_search("ABVD", 3) == [] and b.lexical_search("BEACOPP", 3)


def test_an_embedded_store_does_not_poll(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "idx", HashEmbedder())
    store.add(make_chunks())
    store.refresh_lexical_index()
    store.add([NEW])
    assert store.lexical_search("zyxomab", 3) == []  # refreshed by the writer (ingest), not per query


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_absent_server_names_the_settings(tmp_path: Path) -> None:
    port = closed_port()
    settings = load_settings(data_dir=tmp_path, store={"chroma_host": "127.0.0.1", "chroma_port": port})
    store = build_store(settings, HashEmbedder())
    with pytest.raises(StoreUnavailableError) as caught:
        store.count()
    message = str(caught.value)
    assert f"store.chroma_host=127.0.0.1, store.chroma_port={port}" in message
    assert "chroma run" in message and "ONCO_STORE__CHROMA_HOST" in message


def test_transport_errors_are_recognised_through_wrapping() -> None:
    import httpx

    refused = httpx.ConnectError("[Errno 111] Connection refused")
    wrapped = RuntimeError("collection.add failed")
    wrapped.__cause__ = refused
    assert unreachable(refused) and unreachable(wrapped)
    # chromadb's own wording when the client cannot be created
    assert unreachable(ValueError("Could not connect to a Chroma server. Are you sure it is running?"))
    assert not unreachable(ValueError("Expected metadata value to be a str"))
