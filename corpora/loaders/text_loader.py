"""Plain text: one section, any encoding (UTF-8 first, then cp1252/latin-1 with a warning)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from corpora.documents import LoadedDocument, Section
from corpora.loaders.document_loader import DocumentLoader, source_of, title_from_stem
from corpora.loaders.text_decoding import read_text_file
from guardrails.language import detect_language


class TextLoader(DocumentLoader):
    suffixes: ClassVar[tuple[str, ...]] = (".txt", ".text")

    def load(self, path: Path) -> LoadedDocument:
        decoded = read_text_file(path)
        text = re.sub(r"\n{3,}", "\n\n", decoded.text.replace("\r\n", "\n").replace("\r", "\n")).strip()
        return LoadedDocument(
            source=source_of(path),
            title=title_from_stem(path),
            sections=[Section((), text)] if text else [],
            language=detect_language(text),
            warnings=(decoded.warning,) if decoded.warning else (),
        )
