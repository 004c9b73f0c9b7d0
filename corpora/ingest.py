"""Ingesting files into the store: load -> (de-identify) -> chunk -> one store.add per file.

A file that cannot be read is skipped with its reason and the rest goes on. Patient files are scrubbed and
pseudonymised before chunking: raw patient text never reaches the store."""

from __future__ import annotations

import errno
import logging
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from assistant.errors import ConfigurationError, IndexError_, StoreWriteError
from assistant.store import DocumentStore
from assistant.types import Chunk, DocumentKind
from corpora.chunking import StructureChunker
from corpora.documents import LoadedDocument
from corpora.errors import LoaderError
from corpora.loaders import LoaderRegistry, default_registry
from corpora.patients import deidentify
from corpora.report import IngestReport, SkippedFile

if TYPE_CHECKING:  # importing guardrails.phi loads spaCy; only patient ingests need it
    from guardrails.phi import Scrubber

logger = logging.getLogger(__name__)

# Folder documentation, not content: skipped when walking a folder, ingested when named explicitly.
_FOLDER_NOTES = re.compile(r"^(readme|provenance|license|licence|changelog|contributing)([._-].*)?$", re.I)


def _unusable(path: Path) -> str:
    """Why a given path that is neither a folder nor a regular file cannot be ingested, and what to do."""
    if path.is_symlink():
        try:
            path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "is a symbolic link loop (it leads back to itself); fix or remove the link"
        return (
            f"is a broken symbolic link (its target {os.readlink(path)} does not exist); "
            "fix the link or give the target file itself"
        )
    if path.exists():
        return "is not a regular file (a pipe, socket or device); give a file or a folder"
    return "not found; check the path (spelling, current folder) and that the file was not moved"


def _walk(paths: Iterable[str | Path], registry: LoaderRegistry, report: IngestReport) -> list[Path]:
    """Files to ingest: given files as they are, directories walked recursively for supported suffixes.

    Broken links with a supported suffix inside a folder, and folders with nothing to ingest, are reported as
    skipped: a file the user meant to add is never left out silently."""
    supported = ", ".join(registry.suffixes)
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            candidates = 0
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                notes = bool(_FOLDER_NOTES.match(child.name))
                if hidden or notes or not registry.supports(child):
                    continue
                if child.is_file():
                    candidates += 1
                    found.setdefault(child.resolve(), None)
                elif child.is_symlink():
                    candidates += 1
                    report.files_seen += 1
                    report.skipped.append(SkippedFile(str(child), _unusable(child)))
            if not candidates:
                report.skipped.append(
                    SkippedFile(
                        str(path),
                        f"folder with no file to ingest (supported: {supported}); "
                        "check that it is the right folder, or convert the files to a supported format",
                    )
                )
        elif path.is_file():
            if registry.supports(path):
                found.setdefault(path.resolve(), None)
            else:
                report.files_seen += 1
                report.skipped.append(
                    SkippedFile(
                        str(path),
                        f"unsupported file type '{path.suffix or 'no extension'}' (supported: {supported}); "
                        "convert it to one of these formats",
                    )
                )
        else:
            report.skipped.append(SkippedFile(str(path), _unusable(path)))
    return list(found)


class Ingestor:
    """The steps of one run; `ingest_paths` is the function to call."""

    def __init__(
        self,
        store: DocumentStore,
        kind: DocumentKind,
        scrubber: Scrubber | None = None,
        salt: str | None = None,
        registry: LoaderRegistry | None = None,
        chunker: StructureChunker | None = None,
    ) -> None:
        if kind not in ("guideline", "patient"):
            raise ValueError(f"kind must be 'guideline' or 'patient', not {kind!r}")
        if kind == "patient":
            if scrubber is None:
                raise ValueError(
                    "Patient files need a PHI scrubber (guardrails.phi.PhiScrubber): raw patient text is never stored."
                )
            if not salt:
                raise ValueError(
                    "Patient files need a pseudonymisation salt (a local secret, see corpora.patients.local_salt)."
                )
        self.store, self.kind, self.scrubber, self.salt = store, kind, scrubber, salt
        self.registry = registry or default_registry(kind)
        self.chunker = chunker or StructureChunker()

    def documents(self, path: Path) -> list[LoadedDocument]:
        loader = self.registry.loader_for(path)
        assert loader is not None, "walk() only yields supported files"
        documents = loader.load_all(path)
        if self.kind == "patient":
            assert self.scrubber is not None and self.salt is not None
            documents = [deidentify(d, self.scrubber, self.salt, path) for d in documents]
        return documents

    def _stale_sources(self, documents: list[LoadedDocument], chunks: list[Chunk]) -> list[str]:
        """Sources whose stored chunks include some this version no longer produces (the file changed)."""
        new_ids = {c.id for c in chunks}
        stale = []
        for source in dict.fromkeys(d.source for d in documents if d.whole_source):
            stored = {c.id for c in self.store.chunks_of(source)}
            if stored - new_ids:
                stale.append(source)
        return stale

    def ingest_file(self, path: Path, report: IngestReport) -> None:
        documents = self.documents(path)
        chunks = [chunk for document in documents for chunk in self.chunker.chunk(document)]
        for document in documents:
            report.warnings.extend(document.warnings)
        if not chunks:
            raise LoaderError(
                path,
                "has no text to index (it is empty, or holds only front-matter, markup or boilerplate)",
                "Add its text, or leave the file out",
            )
        stale = self._stale_sources(documents, chunks)
        for source in stale:
            # A changed file replaces its previous version. Not atomic with the add below: if that add
            # fails, the file is reported as skipped and the next run ingests it again.
            self.store.delete_source(source)
        added = self.store.add(chunks)  # one call per file: all of its chunks or none
        report.files_ingested += 1
        report.chunks_added += added
        if added == 0:
            report.files_unchanged += 1
        if stale:
            report.warnings.append(
                f"{path}: changed since the last ingest; its previous chunks were replaced"
            )


def _refresh_lexical_index(store: DocumentStore, report: IngestReport) -> None:
    """Always checked, not only when this run added chunks: a run interrupted after its writes, or whose
    rebuild failed, is healed by running it again. A no-op when the keyword index matches the chunks."""
    try:
        store.refresh_lexical_index()
    except (ConfigurationError, IndexError_):
        raise
    except Exception as exc:  # noqa: BLE001 - e.g. OSError on a full disk; the chunks themselves are stored
        logger.exception("keyword index rebuild failed")
        report.warnings.append(
            f"The keyword (BM25) index in {store.data_dir} could not be rebuilt ({type(exc).__name__}: {exc}); "
            "the passages are stored but keyword search misses the new ones. Free disk space (or fix the "
            "folder's permissions), then run the same ingestion again: it rebuilds the keyword index."
        )


def ingest_paths(
    paths: Sequence[str | Path],
    kind: DocumentKind,
    store: DocumentStore,
    scrubber: Scrubber | None = None,
    progress: bool = True,
    *,
    salt: str | None = None,
    registry: LoaderRegistry | None = None,
    chunker: StructureChunker | None = None,
) -> IngestReport:
    """Ingest files and directories (walked recursively). `kind="patient"` requires `scrubber` and `salt`.

    Returns a report; `report.summary()` is the text the CLI prints. Errors about the store itself (cannot be
    opened, built with another embedder) are raised, since no file could be ingested."""
    ingestor = Ingestor(store, kind, scrubber, salt, registry, chunker)
    started = time.perf_counter()
    report = IngestReport()
    files = _walk(paths, ingestor.registry, report)
    report.files_seen += len(files)
    bar = tqdm(files, desc=f"Ingesting {kind} files", unit="file", file=sys.stderr, disable=not progress)
    for path in bar:
        try:
            ingestor.ingest_file(path, report)
        except LoaderError as exc:
            report.skipped.append(SkippedFile(str(path), f"{exc.problem}. {exc.fix}"))
        except StoreWriteError as exc:
            report.skipped.append(SkippedFile(str(path), str(exc)))
        except (ConfigurationError, IndexError_):
            raise
        except Exception as exc:  # noqa: BLE001 - one odd file must not stop a corpus ingest
            logger.exception("unexpected error while ingesting %s", path)
            report.skipped.append(SkippedFile(str(path), f"unexpected error ({type(exc).__name__}: {exc})"))
        bar.set_postfix(chunks=report.chunks_added, skipped=len(report.skipped), refresh=False)
    bar.close()
    _refresh_lexical_index(store, report)
    report.chunks_total = store.count()
    report.seconds = time.perf_counter() - started
    return report
