"""Fakes and builders for the corpora tests. The fake store subclasses the real DocumentStore."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfWriter

from assistant.store import DocumentStore
from assistant.types import Chunk
from guardrails.phi import Scrubber, ScrubResult
from tests.fakes import HashEmbedder


class InMemoryStore(DocumentStore):
    """The DocumentStore contract in a dict; records every add() call to check per-file atomicity."""

    def __init__(self, fail_on: str | None = None) -> None:
        super().__init__(Path("/nonexistent-fake-store"), HashEmbedder())
        self.chunks: dict[str, Chunk] = {}
        self.add_calls: list[list[Chunk]] = []
        self.refreshes = 0
        self.fail_on = fail_on  # a source whose add() fails, like a full disk
        self._indexed: frozenset[str] = frozenset()

    def add(self, chunks: Sequence[Chunk]) -> int:
        from assistant.errors import StoreWriteError

        self.add_calls.append(list(chunks))
        if self.fail_on and any(c.metadata.source.endswith(self.fail_on) for c in chunks):
            raise StoreWriteError("Writing to the index failed (disk full); nothing of this file was kept.")
        new = [c for c in chunks if c.id not in self.chunks]
        self.chunks.update((c.id, c) for c in new)
        return len({c.id for c in new})

    def delete_source(self, source: str) -> int:
        ids = [i for i, c in self.chunks.items() if c.metadata.source == source]
        for i in ids:
            del self.chunks[i]
        return len(ids)

    def count(self) -> int:
        return len(self.chunks)

    def chunks_of(self, source: str) -> list[Chunk]:
        return [c for c in self.chunks.values() if c.metadata.source == source]

    def refresh_lexical_index(self, force: bool = False) -> bool:
        """Like the real store: rebuilds (counted in `refreshes`) only when the chunk set changed."""
        if not force and frozenset(self.chunks) == self._indexed:
            return False
        self._indexed = frozenset(self.chunks)
        self.refreshes += 1
        return True


class FakeScrubber(Scrubber):
    """Replaces listed words with <PERSON>, and records what it was given."""

    def __init__(self, names: Sequence[str] = ()) -> None:
        self.pattern = re.compile("|".join(re.escape(n) for n in names)) if names else None
        self.seen: list[str] = []

    def scrub(self, text: str, language: str | None = None) -> ScrubResult:
        self.seen.append(text)
        scrubbed = self.pattern.sub("<PERSON>", text) if self.pattern else text
        return ScrubResult(text=scrubbed, entities=[], language="fr" if language == "fr" else "en")


def _raw_pdf(pages: Sequence[str]) -> bytes:
    """A minimal PDF with one Helvetica text block per page (pypdf has no public text-drawing API)."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in once the page numbers are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for text in pages:
        lines = [ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for ln in text.split("\n")]
        stream = "BT /F1 11 Tf 14 TL 72 740 Td " + " ".join(f"({ln}) Tj T*" for ln in lines) + " ET"
        data = stream.encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % content
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def build_pdf(
    pages: Sequence[str],
    outline: Sequence[tuple[str, int]] = (),
    title: str | None = None,
    password: str | None = None,
) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(_raw_pdf(pages)))
    for heading, page_number in outline:
        writer.add_outline_item(title=heading, page_number=page_number)
    if title:
        writer.add_metadata({"/Title": title})
    if password:
        writer.encrypt(user_password=password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
