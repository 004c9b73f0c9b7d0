"""PDF -> one section per page (page numbers kept), headings taken from the PDF outline when it has one."""

from __future__ import annotations

import contextlib
import logging
import re
from pathlib import Path
from typing import Any, ClassVar

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

from corpora.documents import LoadedDocument, Section
from corpora.errors import LoaderError
from corpora.loaders.document_loader import DocumentLoader, source_of, title_from_stem
from guardrails.language import detect_language

logger = logging.getLogger(__name__)
logging.getLogger("pypdf").setLevel(
    logging.ERROR
)  # pypdf warns on every slightly-off xref; the loader reports


def _page_text(raw: str) -> str:
    text = raw.replace("\u00a0", " ")
    text = re.sub(r"(\w)-\n(?=[a-z])", r"\1", text)  # words hyphenated across lines
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.split("\n"))).strip()


def _outline_starts(reader: PdfReader) -> list[tuple[int, tuple[str, ...]]]:
    """(0-based page, heading path) for every outline entry, in reading order."""
    starts: list[tuple[int, tuple[str, ...]]] = []

    def walk(items: list[Any], parents: tuple[str, ...]) -> None:
        last: tuple[str, ...] = parents
        for item in items:
            if isinstance(item, list):
                walk(item, last)
                continue
            title = re.sub(r"\s+", " ", str(getattr(item, "title", "") or "")).strip()
            try:
                page = reader.get_destination_page_number(item)
            except (PyPdfError, KeyError, TypeError, ValueError):
                continue
            if title and page is not None and page >= 0:
                last = (*parents, title)
                starts.append((page, last))

    try:
        walk(list(reader.outline), ())
    except (PyPdfError, KeyError, TypeError, ValueError, RecursionError):
        return []
    return sorted(starts, key=lambda s: s[0])  # stable: entries on one page keep their order


class PdfLoader(DocumentLoader):
    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)

    def load(self, path: Path) -> LoadedDocument:
        reader = self._open(path)
        starts = _outline_starts(reader)
        sections: list[Section] = []
        for index, page in enumerate(reader.pages):
            try:
                text = _page_text(page.extract_text() or "")
            except Exception as exc:  # noqa: BLE001 - pypdf raises many types on broken content streams
                logger.warning("%s: page %d skipped, text extraction failed: %s", path, index + 1, exc)
                continue
            if not text:
                continue
            # The section in force on a page is the last outline entry starting on or before it.
            heading_path: tuple[str, ...] = ()
            for start, path_here in starts:
                if start > index:
                    break
                heading_path = path_here
            sections.append(Section(heading_path, text, index + 1))
        if not sections:
            raise LoaderError(
                path,
                "has no extractable text (scanned pages or images only)",
                "Run OCR on it first (for example `ocrmypdf in.pdf out.pdf`) and ingest the result.",
            )
        meta_title = None
        with contextlib.suppress(PyPdfError):
            meta_title = reader.metadata.title if reader.metadata else None
        title = (meta_title or "").strip() or title_from_stem(path)
        return LoadedDocument(
            source=source_of(path),
            title=title,
            sections=sections,
            language=detect_language(" ".join(s.text for s in sections[:3])),
        )

    @staticmethod
    def _open(path: Path) -> PdfReader:
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise LoaderError(path, f"cannot be read ({exc.strerror or exc})", "Check the path.") from exc
        if size == 0:
            raise LoaderError(
                path, "is empty (0 bytes)", "Copy the PDF again; the download or export did not finish."
            )
        try:
            reader = PdfReader(path)
            if reader.is_encrypted and not reader.decrypt(""):
                raise FileNotDecryptedError("password required")
            _ = len(reader.pages)
        except FileNotDecryptedError as exc:
            raise LoaderError(
                path,
                "is password-protected",
                "Save an unprotected copy (for example `qpdf --decrypt --password=... in.pdf out.pdf`) and ingest that.",
            ) from exc
        except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
            raise LoaderError(
                path,
                f"is not a readable PDF ({type(exc).__name__}: {exc})",
                "The file is damaged or not a PDF; export it again from the original.",
            ) from exc
        return reader
