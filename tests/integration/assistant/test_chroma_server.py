"""Several UI instances over one real `chroma run` server: shared chunks, local BM25 that follows them, and an
ingest that survives the server going away mid-file (error naming the setting, then resumed on re-run)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import assistant.store.document_store as document_store
from assistant.bootstrap import build_store
from assistant.errors import StoreUnavailableError
from assistant.settings import load_settings
from assistant.store import DocumentStore
from corpora.ingest import ingest_paths
from tests.fakes import HashEmbedder
from tests.net import free_port

pytestmark = pytest.mark.integration

CHROMA = Path(sys.executable).parent / "chroma"
DEMO_FILES = sorted(
    p for p in (Path(__file__).parents[3] / "corpora" / "demo").glob("*.md") if p.stem != "README"
)


class ChromaProcess:
    def __init__(self, path: Path, port: int) -> None:
        self.path, self.port = path, port
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = (self.path.parent / f"chroma-{self.port}.log").open("ab")
        self.process = subprocess.Popen(
            [str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"chroma run exited with {self.process.returncode}; see {log.name}")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1).is_success:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        pytest.fail(f"chroma run did not answer within 60 s; see {log.name}")

    def kill(self) -> None:
        """SIGKILL, as a crash or a pulled cable would: no clean shutdown."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


@pytest.fixture
def chroma(tmp_path: Path) -> Iterator[ChromaProcess]:
    server = ChromaProcess(tmp_path / "chroma-server", free_port())
    server.start()
    yield server
    server.kill()


def instance_store(tmp_path: Path, name: str, server: ChromaProcess) -> DocumentStore:
    """A UI instance's store: its own data_dir (BM25), the shared server, via the same settings as the app."""
    settings = load_settings(
        data_dir=tmp_path / name, store={"chroma_host": "127.0.0.1", "chroma_port": server.port}
    )
    return build_store(settings, HashEmbedder())


def test_two_ui_instances_share_one_collection(chroma: ChromaProcess, tmp_path: Path) -> None:
    ui_a, ui_b = instance_store(tmp_path, "ui-a", chroma), instance_store(tmp_path, "ui-b", chroma)
    report = ingest_paths(DEMO_FILES[:6], "guideline", ui_a, progress=False)
    assert report.chunks_added > 20 and not report.skipped

    assert ui_b.count() == ui_a.count() == report.chunks_added
    assert ui_b.lexical_search("ABVD", 3), "B builds its BM25 from the shared collection on first use"

    extra = tmp_path / "zyxomab.md"
    extra.write_text(
        "# Zyxomab\n\nZyxomab is given every three weeks for metastatic disease.\n", encoding="utf-8"
    )
    ingest_paths([extra], "guideline", ui_a, progress=False)
    vector = ui_b.embedder.embed_query("zyxomab every three weeks")
    assert (
        ui_b.get([ui_b.dense_search(vector, 1)[0].chunk_id])[0].metadata.title == "Zyxomab"
    )  # dense: at once
    ui_b.shared_check_interval_s = 0.0  # the default waits up to 5 s between checks
    ((hit, _),) = ui_b.lexical_search("zyxomab", 3)
    assert ui_b.get([hit])[0].metadata.source.endswith("zyxomab.md")
    assert (tmp_path / "ui-b" / "bm25" / "ids.json").is_file()  # BM25 stays local to each instance


def test_ingest_resumes_after_the_server_died_mid_file(
    chroma: ChromaProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = DocumentStore(tmp_path / "clean", HashEmbedder())  # the reference: the same files, embedded
    ingest_paths(DEMO_FILES, "guideline", clean, progress=False)
    expected = set(clean.iter_ids())

    # Several writes per file, to die between two (by default a file is one request: see the next test).
    monkeypatch.setattr(document_store, "_SERVER_WRITE_BATCH", 4)
    store = instance_store(tmp_path, "ui-a", chroma)
    collection = store._open()
    real_add = collection.add
    sources: list[str] = []

    def add_then_die(**kwargs: object) -> None:
        real_add(**kwargs)
        source = kwargs["metadatas"][0]["source"]  # type: ignore[index]
        if source not in sources:
            sources.append(source)
            if len(sources) == 3:  # the third file's first batch is written; its second write will fail
                chroma.kill()

    monkeypatch.setattr(collection, "add", add_then_die)
    with pytest.raises(StoreUnavailableError) as caught:
        ingest_paths(DEMO_FILES, "guideline", store, progress=False)
    message = str(caught.value)
    assert f"store.chroma_host=127.0.0.1, store.chroma_port={chroma.port}" in message
    assert "chroma run" in message and "4 chunks of that file remain" in message
    assert "run the ingestion again" in message

    chroma.start()  # same path and port, as an administrator would
    again = instance_store(tmp_path, "ui-a-restarted", chroma)
    partial = [c.id for c in again.chunks_of(sources[2])]
    assert len(partial) == 4, "the batch written before the crash survived it"
    before = again.count()
    assert 0 < before < len(expected)

    report = ingest_paths(DEMO_FILES, "guideline", again, progress=False)
    assert not report.skipped
    assert report.chunks_added == len(expected) - before  # resumed: only what was missing was written
    assert set(again.iter_ids()) == expected and again.count() == len(expected)
    assert again.lexical_search("ABVD", 1)


def test_a_file_goes_to_the_server_in_one_request(
    chroma: ChromaProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A request is applied whole or not at all: a server dying mid-file then leaves nothing of that file."""
    monkeypatch.setattr(document_store, "_WRITE_BATCH", 4)  # the embedded index's batch no longer applies
    store = instance_store(tmp_path, "one-request", chroma)
    collection = store._open()
    real_add = collection.add
    sizes: dict[str, list[int]] = {}

    def recording_add(**kwargs: object) -> None:
        real_add(**kwargs)
        source = kwargs["metadatas"][0]["source"]  # type: ignore[index]
        sizes.setdefault(source, []).append(len(kwargs["ids"]))  # type: ignore[arg-type]

    monkeypatch.setattr(collection, "add", recording_add)
    ingest_paths(DEMO_FILES, "guideline", store, progress=False)
    assert sizes and all(len(writes) == 1 for writes in sizes.values()), sizes
    assert max(writes[0] for writes in sizes.values()) > 4
