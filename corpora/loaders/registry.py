"""Choosing a loader by file suffix; the set of loaders depends on what is being ingested."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from assistant.types import DocumentKind
from corpora.loaders.document_loader import DocumentLoader
from corpora.loaders.fhir_loader import FhirLoader
from corpora.loaders.html_loader import HtmlLoader
from corpora.loaders.markdown_loader import MarkdownLoader
from corpora.loaders.pdf_loader import PdfLoader
from corpora.loaders.text_loader import TextLoader


class LoaderRegistry:
    def __init__(self, loaders: Iterable[DocumentLoader]) -> None:
        self._by_suffix: dict[str, DocumentLoader] = {}
        for loader in loaders:
            for suffix in loader.suffixes:
                self._by_suffix[suffix.lower()] = loader

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(sorted(self._by_suffix))

    def supports(self, path: Path) -> bool:
        return path.suffix.lower() in self._by_suffix

    def loader_for(self, path: Path) -> DocumentLoader | None:
        return self._by_suffix.get(path.suffix.lower())


def default_registry(kind: DocumentKind) -> LoaderRegistry:
    """Guidelines: Markdown, PDF, HTML, text. Patients: text notes (.txt/.md) and FHIR bundles (.json)."""
    if kind == "patient":
        return LoaderRegistry([MarkdownLoader(), TextLoader(), FhirLoader()])
    return LoaderRegistry([MarkdownLoader(), PdfLoader(), HtmlLoader(), TextLoader()])
