"""HTML -> sections: h1-h6 build the heading path; scripts, styles and navigation are dropped."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from bs4 import BeautifulSoup, NavigableString, Tag

from corpora.documents import LoadedDocument
from corpora.errors import LoaderError
from corpora.loaders.document_loader import DocumentLoader, source_of, title_from_stem
from corpora.loaders.markdown_sections import drop_noise, split_sections
from corpora.loaders.text_decoding import decode_text, read_bytes
from guardrails.language import detect_language

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "template",
)
_BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "br", "tr", "table", "ul", "ol", "dl", "dt", "dd",
    "pre", "blockquote", "figure", "figcaption", "caption", "hr",
)  # fmt: skip
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_to_markdown_text(soup: BeautifulSoup) -> str:
    """Flatten the DOM to text with '#' heading lines, so HTML shares the Markdown section splitter."""
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": ["navigation", "banner", "contentinfo"]}):
        tag.decompose()
    for heading in soup.find_all(_HEADINGS):
        level = int(heading.name[1])
        text = _one_line(heading.get_text(" "))
        heading.replace_with(NavigableString(f"\n\n{'#' * level} {text}\n\n" if text else "\n"))
    for cell in soup.find_all(["td", "th"]):
        cell.append(NavigableString(" | "))
    for item in soup.find_all("li"):
        item.insert(0, NavigableString("\n- "))
    for block in soup.find_all(_BLOCK_TAGS):
        block.insert_after(NavigableString("\n"))
    root = soup.body or soup
    lines = [
        re.sub(r"[ \t\u00a0]+", " ", line).strip().rstrip("|").strip() for line in root.get_text().split("\n")
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class HtmlLoader(DocumentLoader):
    suffixes: ClassVar[tuple[str, ...]] = (".html", ".htm", ".xhtml")

    def load(self, path: Path) -> LoadedDocument:
        data = read_bytes(path)
        decoded = decode_text(data, path)
        soup = BeautifulSoup(decoded.text, "lxml")
        if soup.find() is None:
            raise LoaderError(
                path, "has no HTML elements", "Check the file; plain text should be saved as .txt."
            )
        html = soup.find("html")
        declared = html.get("lang") if isinstance(html, Tag) else None
        title_tag = soup.find("title")
        first_h1 = soup.find("h1")
        title = (_one_line(title_tag.get_text()) if title_tag and title_tag.get_text().strip() else None) or (
            _one_line(first_h1.get_text(" ")) if first_h1 else None
        )
        title = title or title_from_stem(path)
        text = html_to_markdown_text(soup)
        language = str(declared).strip().lower()[:2] if declared else detect_language(text)
        return LoadedDocument(
            source=source_of(path),
            title=title,
            sections=drop_noise(split_sections(text, title)),
            language=language,
            warnings=(decoded.warning,) if decoded.warning else (),
        )
