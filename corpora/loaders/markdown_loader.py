"""Markdown with optional YAML front-matter -> sections under their heading path, web markup removed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from corpora.documents import LoadedDocument
from corpora.loaders.document_loader import DocumentLoader, source_of, title_from_stem
from corpora.loaders.front_matter import split_front_matter
from corpora.loaders.markdown_cleanup import clean_markdown
from corpora.loaders.markdown_sections import drop_noise, split_sections
from corpora.loaders.text_decoding import read_text_file
from guardrails.language import detect_language

_FIRST_H1 = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)


class MarkdownLoader(DocumentLoader):
    suffixes: ClassVar[tuple[str, ...]] = (".md", ".markdown")

    def load(self, path: Path) -> LoadedDocument:
        decoded = read_text_file(path)
        return parse_markdown(decoded.text, path, warnings=(decoded.warning,) if decoded.warning else ())


def parse_markdown(text: str, path: Path, warnings: tuple[str, ...] = ()) -> LoadedDocument:
    meta, body = split_front_matter(text.replace("\r\n", "\n"), where=str(path))
    body = clean_markdown(body)
    h1 = _FIRST_H1.search(body)
    title = meta.title or (h1.group(1).strip() if h1 else title_from_stem(path))
    return LoadedDocument(
        source=source_of(path),
        title=title,
        sections=drop_noise(split_sections(body, title)),
        language=meta.language or detect_language(body),
        last_reviewed=meta.last_reviewed,
        cancer_types=meta.cancer_types,
        demo=meta.demo,
        patient_key=meta.patient_key,
        warnings=warnings + meta.warnings,
    )
