"""The index cannot be written (full disk, read-only folder): the file being written is reported, the index is
exactly as before it, the other files of the run are kept, and the next run adds only what is missing.

A real full disk and a real read-only folder need root (a tmpfs, a read-only bind mount) or, for the read-only
case, a non-root user (chmod); each skips with its reason where the machine cannot do it. The simulated ones
(little free space reported, ENOSPC from Chroma's `add`) run everywhere. Embedded Chroma can hang rather than fail
on a really full disk, which is why the store checks free space first (assistant/store/disk_space.py)."""

from __future__ import annotations

import errno
import random
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant.store import DocumentStore, disk_space, document_store
from tests.conftest import REPO_ROOT
from tests.integration.robustness.conftest import IS_ROOT, chunk_ids, good_files, source_ids

pytestmark = pytest.mark.integration

FULL_DISK_MESSAGE = (
    r"^The disk holding the index in .* is full: .* MB free.*nothing of it was written\. Free disk space"
)
DISK_FULL_ADVICE = r"nothing of this file was kept\. Check free disk space and write permission, then run the ingestion again"


def _long_guideline(path: Path, sections: int, words: int) -> Path:
    rnd = random.Random(sections)
    vocab = [f"marker{i}" for i in range(20_000)]
    body = "\n\n".join(
        f"## Section {n}\n\n" + " ".join(rnd.choice(vocab) for _ in range(words)) + "."
        for n in range(sections)
    )
    path.write_text(f"# Long guideline\n\n{body}\n", "utf-8")
    return path


def test_disk_full_midway_through_a_file_is_undone(
    tmp_path: Path, store: DocumentStore, ingest, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    a, b = good_files(folder, "guideline")
    big = _long_guideline(folder / "long.md", sections=6, words=60)
    ingest([a])
    before = chunk_ids(store)

    monkeypatch.setattr(document_store, "_WRITE_BATCH", 2)
    collection = store._open()
    real_add = collection.add
    batches_of_big: list[list[str]] = []

    def add(**kwargs: object) -> object:
        if any(m["source"] == str(big.resolve()) for m in kwargs["metadatas"]):  # type: ignore[union-attr]
            batches_of_big.append(list(kwargs["ids"]))  # type: ignore[call-overload]
            if len(batches_of_big) == 2:  # the first batch is really written, then the disk is full
                raise OSError(errno.ENOSPC, "No space left on device")
        return real_add(**kwargs)

    monkeypatch.setattr(collection, "add", add)
    report = ingest([big, b])
    assert len(batches_of_big) == 2
    assert [s.path for s in report.skipped] == [str(big.resolve())]
    assert re.search(r"No space left on device.*" + DISK_FULL_ADVICE, report.skipped[0].reason)
    assert chunk_ids(store) == before | source_ids(store, b, "guideline"), "the written batch was undone"

    monkeypatch.undo()  # space was freed
    again = ingest([a, big, b])
    assert not again.skipped and again.files_unchanged == 2
    assert again.chunks_added == len(source_ids(store, big, "guideline")) == 6
    assert chunk_ids(store) == before | source_ids(store, b, "guideline") | source_ids(
        store, big, "guideline"
    )


def test_keyword_index_on_a_full_disk_is_a_warning_and_the_next_run_rebuilds_it(
    tmp_path: Path, store: DocumentStore, ingest, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bm25s

    folder = tmp_path / "files"
    folder.mkdir()
    a, b = good_files(folder, "guideline")

    def no_space(self: object, path: str, **kwargs: object) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / "partial.npy").write_bytes(b"\0" * 1024)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bm25s.BM25, "save", no_space)
    report = ingest([a, b])
    assert report.files_ingested == 2 and not report.skipped
    (warning,) = report.warnings
    assert "keyword (BM25) index" in warning and "No space left on device" in warning
    assert "Free disk space" in warning and "run the same ingestion again" in warning
    assert not (store.data_dir / "bm25.tmp").exists(), "the half-written copy is removed"
    assert store.lexical_search("antibiotics neutropenia", 3) == []

    monkeypatch.undo()
    again = ingest([a, b])
    assert again.chunks_added == 0 and not again.warnings
    hits = {hit for hit, _ in store.lexical_search("antibiotics neutropenia", 3)}
    assert hits & source_ids(store, b, "guideline")


@contextmanager
def _mounted(path: Path, *options: str) -> Iterator[Callable[[str], None]]:
    """Runs `mount` (root only); yields a function that remounts with other options; lazily unmounted."""
    if not IS_ROOT:
        pytest.skip("mounting a small or read-only file system needs root")
    proc = subprocess.run(["mount", *options, str(path)], capture_output=True, text=True)
    if proc.returncode:
        pytest.skip(
            f"cannot mount here ({proc.stderr.strip() or proc.returncode}), e.g. in an unprivileged container"
        )

    def remount(extra: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{extra}", str(path)], check=True, capture_output=True)

    try:
        yield remount
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def test_a_nearly_full_disk_is_refused_before_chroma_is_touched(
    tmp_path: Path, store: DocumentStore, ingest, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    a, b = good_files(folder, "guideline")
    ingest([a])
    before = chunk_ids(store)
    real_usage = disk_space.shutil.disk_usage

    def almost_full(path: object) -> object:
        usage = real_usage(path)
        return type(usage)(usage.total, usage.total - 5_000_000, 5_000_000)

    monkeypatch.setattr(disk_space.shutil, "disk_usage", almost_full)
    monkeypatch.setattr(store._open(), "add", lambda **_: pytest.fail("Chroma was written to"))
    report = ingest([b])
    (skipped,) = report.skipped
    assert re.search(FULL_DISK_MESSAGE, skipped.reason), skipped.reason
    assert "5.0 MB free" in skipped.reason and chunk_ids(store) == before

    monkeypatch.undo()
    again = ingest([a, b])
    assert again.files_unchanged == 1 and chunk_ids(store) == before | source_ids(store, b, "guideline")


def test_a_really_full_disk(tmp_path: Path) -> None:
    """A 64 MB tmpfs (root only; skips elsewhere) filled to 20 MB free by another file: every file is refused
    with the disk-space advice before Chroma writes (it can hang on a full disk); once space is freed, the
    re-run adds exactly what was missing."""
    from corpora.ingest import ingest_paths
    from tests.fakes import HashEmbedder

    disk = tmp_path / "disk"
    disk.mkdir()
    folder = tmp_path / "files"
    folder.mkdir()
    a, b = good_files(folder, "guideline")
    big = _long_guideline(folder / "long.md", sections=100, words=200)
    with _mounted(disk, "-t", "tmpfs", "-o", "size=64m", "tmpfs"):
        store = DocumentStore(disk / "index", HashEmbedder())
        ingest_paths([a], "guideline", store, progress=False)
        before = chunk_ids(store)
        ballast = disk / "other-data.bin"
        with ballast.open("wb") as fh:
            fh.truncate(0)
            fh.write(b"\0" * (disk_space.shutil.disk_usage(disk).free - 20 * 2**20))
        report = ingest_paths([big, b], "guideline", store, progress=False)
        assert sorted(s.path for s in report.skipped) == sorted(str(p.resolve()) for p in (big, b))
        assert all(re.search(FULL_DISK_MESSAGE, s.reason) for s in report.skipped), report.summary()
        assert chunk_ids(store) == before

        ballast.unlink()
        again = ingest_paths([a, big, b], "guideline", store, progress=False)
        assert not again.skipped and again.files_unchanged == 1
        assert chunk_ids(store) == before | source_ids(store, big, "guideline") | source_ids(
            store, b, "guideline"
        )
        assert store.lexical_search("marker7 marker8", 2) and again.chunks_added == 101


def _ingest_in_a_new_process(data_dir: Path, path: Path) -> subprocess.CompletedProcess[str]:
    """A fresh process opens the index (Chroma keeps an opened index cached for the life of a process)."""
    code = (
        "import sys; from pathlib import Path\n"
        "from assistant.errors import AssistantError\n"
        "from assistant.store import DocumentStore\n"
        "from corpora.ingest import ingest_paths\n"
        "from tests.fakes import HashEmbedder\n"
        "try:\n"
        "    r = ingest_paths([Path(sys.argv[2])], 'guideline', DocumentStore(Path(sys.argv[1]), HashEmbedder()), progress=False)\n"
        "    print(r.summary())\n"
        "except AssistantError as exc:\n"
        "    print(f'Error: {exc}', file=sys.stderr); sys.exit(2)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(data_dir), str(path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    if IS_ROOT:  # root ignores mode bits: a read-only bind mount is read-only for root too
        with _mounted(folder, "--bind", str(folder)) as remount:
            remount("ro,bind")
            yield
        return
    paths = [folder, *folder.rglob("*")]
    modes = {p: p.stat().st_mode for p in paths}
    for p in paths:
        p.chmod(modes[p] & ~0o222)
    try:
        yield
    finally:
        for p in reversed(paths):
            p.chmod(modes[p])


def test_a_read_only_index_folder(tmp_path: Path, store: DocumentStore, ingest) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    a, b = good_files(folder, "guideline")
    ingest([a])
    before = chunk_ids(store)
    with _read_only(store.data_dir):
        proc = _ingest_in_a_new_process(store.data_dir, b)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"Error: data_dir: the index at {store.data_dir / 'chroma'} cannot be opened (" in proc.stderr
    assert "readonly" in proc.stderr and "Traceback" not in proc.stderr

    assert chunk_ids(store) == before, "nothing lost"
    again = ingest([a, b])
    assert again.files_unchanged == 1 and chunk_ids(store) == before | source_ids(store, b, "guideline")
