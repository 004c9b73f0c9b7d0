"""Reading a text file whatever its encoding, and refusing binary files that carry a text suffix."""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass
from pathlib import Path

from corpora.errors import LoaderError

logger = logging.getLogger(__name__)

# Byte-order marks first: UTF-16/32 text contains NUL bytes and must not be mistaken for binary data.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Files of another format saved with a text suffix; a PDF's first 8 KB often has no NUL byte.
_SIGNATURES = (
    (b"%PDF-", "a PDF document", "Give it the .pdf suffix: PDFs are ingested as such."),
    (b"PK\x03\x04", "a ZIP archive (such as .docx, .xlsx or .odt)", "Export it as PDF or plain text first."),
    (
        b"\xd0\xcf\x11\xe0",
        "a legacy Microsoft Office file (.doc, .xls)",
        "Export it as PDF or plain text first.",
    ),
    (b"{\\rtf", "an RTF document", "Export it as PDF or plain text first."),
    (b"\x89PNG", "a PNG image", "Images have no text to index; run OCR on it first."),
    (b"\xff\xd8\xff", "a JPEG image", "Images have no text to index; run OCR on it first."),
    (b"GIF8", "a GIF image", "Images have no text to index; run OCR on it first."),
)
_TEXT_CONTROLS = frozenset(b"\t\n\x0c\r")  # tab, newline, form feed (page breaks), carriage return
# cp1252 is what Windows editors write; latin-1 decodes any byte, so it is the last resort that never fails.
_FALLBACKS = ("cp1252", "latin-1")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warning: str | None = None


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoaderError(
            path, f"cannot be read ({exc.strerror or exc})", "Check that it exists and is readable."
        ) from exc


def decode_text(data: bytes, path: Path) -> DecodedText:
    """Decode `data`: BOM, then UTF-8, then cp1252/latin-1 with a warning. Binary data raises LoaderError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                break
    for signature, what, fix in _SIGNATURES:
        if data.startswith(signature):
            raise LoaderError(path, f"is {what}, not text", fix)
    head = data[:8192]
    controls = sum(1 for b in head if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    if b"\x00" in head or controls > max(8, len(head) // 100):
        raise LoaderError(
            path,
            "looks like a binary file (it contains NUL or control bytes), not text",
            "If it is a PDF or another format, give it its real suffix; otherwise export it as plain text.",
        )
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in _FALLBACKS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warning = f"{path}: not valid UTF-8; read as {encoding}. Re-save it as UTF-8 if accents look wrong."
        logger.warning(warning)
        return DecodedText(text, encoding, warning)
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def read_text_file(path: Path) -> DecodedText:
    return decode_text(read_bytes(path), path)
