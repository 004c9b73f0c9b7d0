"""The table of bad files: how to make each one, and what the ingest must say about it.

`reason` is a regex the skip reason (or, for files read with a fallback, the warning) must match; each one
includes the part that says what to do. README.md lists every case by its id."""

from __future__ import annotations

import codecs
import io
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest
from pypdf import PdfWriter

from assistant.types import DocumentKind
from tests.integration.robustness.conftest import IS_ROOT, ROOT_IGNORES_CHMOD
from tests.unit.corpora.corpora_fakes import build_pdf

PDF_TEXT = "Adjuvant chemotherapy after resection of stage III colon cancer.\nCAPOX for three months."


@dataclass(frozen=True)
class BadFile:
    id: str
    make: Callable[[Path], Path]  # writes the input into the folder; returns the path given to the ingest
    reason: str | None
    outcome: Literal["skipped", "ingested"] = "skipped"
    kind: DocumentKind = "guideline"
    text: str | None = None  # ingested cases: a phrase the stored chunks must contain (decoded correctly)
    skip_if: str | None = None  # why the case cannot run on this machine
    simulate: Callable[[pytest.MonkeyPatch, Path], None] | None = None  # for what the machine cannot do


def _write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    return make


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _drawing_only_pdf() -> bytes:
    """A page with vector graphics and no text: what a scanned or image-only page looks like to a text reader."""
    stream = b"0.5 g 72 72 468 648 re f 0 0 1 RG 4 w 100 100 m 500 700 l S"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _huge_line() -> str:
    rnd = random.Random(6)
    words = [f"term{i}" for i in range(3000)]
    return "# One line\n\n" + " ".join(rnd.choice(words) for _ in range(60_000))  # ~500 KB, no line break


def _symlink(name: str, target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        link = folder / name
        link.symlink_to(folder / target)
        return link

    return make


def _folder(*names: str, link: str | None = None) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        sub = folder / "sub"
        sub.mkdir()
        for name in names:
            (sub / name).write_bytes(b"not a guideline")
        if link:
            (sub / link).symlink_to(sub / "gone.md")
        return sub

    return make


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.md"
    os.mkfifo(path)
    return path


def _unreadable(folder: Path) -> Path:
    path = _write("locked.md", "# Locked\n\nText nobody may read.")(folder)
    path.chmod(0)
    return path


def _permission_denied(monkeypatch: pytest.MonkeyPatch, bad: Path) -> None:
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == bad.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


_VALID_PDF = build_pdf([PDF_TEXT] * 3, title="Colon")
_BUNDLE_NO_PATIENT = '{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Condition", "id": "c1"}}]}'
_BUNDLE_NO_ID = '{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient", "name": [{"family": "X"}]}}]}'
_NO_SYMLINKS = None if hasattr(os, "symlink") else "no symbolic links on this system"

_DAMAGED = r"is not a readable PDF .*export it again from the original"
_BINARY = r"looks like a binary file .*give it its real suffix"
_NO_TEXT = r"has no text to index .*Add its text, or leave the file out"
_FALLBACK = r"not valid UTF-8; read as (cp1252|latin-1)\. Re-save it as UTF-8"

FILE_CASES: tuple[BadFile, ...] = (
    # PDF
    BadFile("pdf-corrupt", _write("corrupt.pdf", b"%PDF-1.4\n1 0 obj garbage\n%%EOF\n"), _DAMAGED),
    BadFile("pdf-truncated", _write("cut.pdf", _VALID_PDF[: len(_VALID_PDF) * 2 // 3]), _DAMAGED),
    BadFile(
        "pdf-encrypted",
        _write("locked.pdf", build_pdf([PDF_TEXT], password="s3cret")),
        r"is password-protected\. Save an unprotected copy",
    ),
    BadFile("pdf-zero-bytes", _write("empty.pdf", b""), r"is empty \(0 bytes\)\. Copy the PDF again"),
    BadFile("pdf-blank-page", _write("blank.pdf", _blank_pdf()), r"has no extractable text .*Run OCR"),
    BadFile("pdf-drawing-only", _write("scan.pdf", _drawing_only_pdf()), r"has no extractable text .*Run OCR"),
    BadFile("pdf-saved-as-txt", _write("export.txt", _VALID_PDF), r"is a PDF document, not text\. Give it the \.pdf"),
    # binary or oddly encoded text
    BadFile("binary-renamed-md", _write("image.md", bytes(range(256)) * 40), _BINARY),
    BadFile("png-renamed-md", _write("figure.md", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 8), r"is a PNG image"),
    BadFile("docx-renamed-txt", _write("letter.txt", b"PK\x03\x04" + b"word/document.xml" * 40), r"ZIP archive .*Export it"),
    BadFile("nul-bytes-txt", _write("nul.txt", b"Adjuvant chemotherapy\x00for colon cancer."), _BINARY),
    BadFile("control-bytes-txt", _write("ctrl.txt", b"Colon " + b"\x01\x02\x03\x1b" * 30), _BINARY),
    BadFile(
        "latin1-txt",
        _write("latin1.txt", "Chimiothérapie adjuvante : capécitabine ± oxaliplatine.".encode("latin-1")),
        _FALLBACK,
        "ingested",
        text="Chimiothérapie adjuvante : capécitabine ± oxaliplatine",
    ),
    BadFile(
        "cp1252-md",
        _write("windows.md", "# Côlon\n\nLa “chimiothérapie” adjuvante dure 6 mois – coût 100 €.".encode("cp1252")),
        _FALLBACK,
        "ingested",
        text="La “chimiothérapie” adjuvante dure 6 mois – coût 100 €.",
    ),
    BadFile(
        "utf16-bom-txt",
        _write("utf16.txt", codecs.BOM_UTF16_LE + "Radiothérapie adjuvante du sein.".encode("utf-16-le")),
        None,
        "ingested",
        text="Radiothérapie adjuvante du sein.",
    ),
    # empty or odd Markdown, HTML
    BadFile("empty-md", _write("empty.md", ""), _NO_TEXT),
    BadFile("whitespace-txt", _write("blank.txt", " \n\t\n  \r\n"), _NO_TEXT),
    BadFile("front-matter-only-md", _write("meta.md", "---\ntitle: Only metadata\nlastReviewed: 2024-01-01\n---\n"), _NO_TEXT),
    BadFile(
        "malformed-front-matter-md",
        _write("badmeta.md", "---\ntitle: [unclosed\n  : : x\n---\n# Neutropenia\n\nG-CSF shortens neutropenia.\n"),
        r"front-matter is not valid YAML .*metadata ignored: fix the YAML between the two --- lines",
        "ingested",
        text="G-CSF shortens neutropenia.",
    ),
    BadFile("huge-single-line-md", _write("oneline.md", _huge_line()), None, "ingested", text="term"),
    BadFile(
        "malformed-html",
        _write("broken.html", "<html><body><h1>Neutropenia<p>Start <b>antibiotics <div><td>within one hour</p>"),
        None,
        "ingested",
        text="within one hour",
    ),
    BadFile("html-only-scripts", _write("app.html", "<html><script>var a=1;</script><nav>Home</nav></html>"), _NO_TEXT),
    # paths
    BadFile("unknown-extension", _write("slides.docx", b"PK\x03\x04"), r"unsupported file type '\.docx' .*convert it"),
    BadFile("no-extension", _write("NOTES", "text"), r"unsupported file type 'no extension' .*convert it"),
    BadFile("missing-path", lambda folder: folder / "missing.md", r"not found; check the path"),
    BadFile("folder-without-supported-files", _folder("a.png", "b.docx"), r"folder with no file to ingest .*check that it is the right folder"),
    BadFile("dangling-symlink", _symlink("link.md", "gone.md"), r"is a broken symbolic link .*fix the link", skip_if=_NO_SYMLINKS),
    BadFile("symlink-loop", _symlink("loop.md", "loop.md"), r"is a symbolic link loop .*fix or remove the link", skip_if=_NO_SYMLINKS),
    BadFile("dangling-symlink-in-folder", _folder(link="link.md"), r"is a broken symbolic link .*fix the link", skip_if=_NO_SYMLINKS),
    BadFile("fifo-named-md", _fifo, r"is not a regular file .*give a file or a folder", skip_if=None if hasattr(os, "mkfifo") else "no FIFOs"),
    BadFile("unreadable-chmod-000", _unreadable, r"cannot be read \(Permission denied\)\. Check that it exists and is readable", skip_if=ROOT_IGNORES_CHMOD if IS_ROOT else None),
    BadFile(
        "unreadable-simulated",
        _write("denied.md", "# Denied\n\nText."),
        r"cannot be read \(Permission denied\)\. Check that it exists and is readable",
        simulate=_permission_denied,
    ),
    # FHIR bundles (patients)
    BadFile("fhir-invalid-json", _write("bundle.json", "{not json"), r"is not valid JSON \(line 1.*Export the bundle again", kind="patient"),
    BadFile("fhir-empty-file", _write("empty.json", ""), r"is not valid JSON .*Export the bundle again", kind="patient"),
    BadFile("fhir-not-a-bundle", _write("patient.json", '{"resourceType": "Patient", "id": "p1"}'), r"not a FHIR Bundle .*Only FHIR Bundle resources", kind="patient"),
    BadFile("fhir-bundle-without-patient", _write("conditions.json", _BUNDLE_NO_PATIENT), r"without a Patient resource\. Export the bundle with its Patient", kind="patient"),
    BadFile("fhir-patient-without-id", _write("noid.json", _BUNDLE_NO_ID), r"Patient without an id\. Export the bundle with resource ids", kind="patient"),
    BadFile("fhir-deeply-nested-json", _write("deep.json", "[" * 100_000 + "]" * 100_000), r"nested too deeply .*Check that it is a FHIR Bundle", kind="patient"),
    BadFile("fhir-bundle-as-guideline", _write("bundle.json", _BUNDLE_NO_ID), r"unsupported file type '\.json' .*convert it"),
    BadFile("binary-patient-note", _write("note.txt", b"\x00\x01binary note"), _BINARY, kind="patient"),
    BadFile("empty-patient-note", _write("note.md", "---\npatient_id: p-77\n---\n"), _NO_TEXT, kind="patient"),
)  # fmt: skip
