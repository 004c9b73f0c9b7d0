"""The loader seam: one class per file format, chosen by suffix."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from corpora.documents import LoadedDocument


class DocumentLoader(ABC):
    suffixes: ClassVar[tuple[str, ...]]  # lower-case, with the dot: (".md", ".markdown")

    @abstractmethod
    def load(self, path: Path) -> LoadedDocument:
        """Read one file. Raises corpora.errors.LoaderError with an actionable message when it cannot."""

    def load_all(self, path: Path) -> list[LoadedDocument]:
        """All documents in the file; one for most formats (a FHIR bundle may hold several patients)."""
        return [self.load(path)]


def source_of(path: Path) -> str:
    # Resolved, so the same file ingested from another working directory keeps the same chunk IDs.
    return str(path.expanduser().resolve())


def title_from_stem(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip() or path.name
