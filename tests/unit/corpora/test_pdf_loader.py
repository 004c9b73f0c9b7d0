from __future__ import annotations

from pathlib import Path

import pytest

from corpora.errors import LoaderError
from corpora.loaders.pdf_loader import PdfLoader

pytestmark = pytest.mark.unit


def test_pages_are_kept_per_section(make_pdf) -> None:
    path = make_pdf("two.pdf", "Adjuvant therapy is given\nafter surgery.", "Follow-up includes CEA testing.")
    doc = PdfLoader().load(path)
    assert [(s.page, s.text) for s in doc.sections] == [
        (1, "Adjuvant therapy is given\nafter surgery."),
        (2, "Follow-up includes CEA testing."),
    ]
    assert doc.title == "two"


def test_outline_gives_heading_paths_and_metadata_the_title(make_pdf) -> None:
    path = make_pdf(
        "outlined.pdf",
        "Intro text on page one.",
        "Staging text on page two.",
        "More staging on page three.",
        outline=[("Introduction", 0), ("Staging", 1)],
        title="Rectal Cancer Guideline",
    )
    doc = PdfLoader().load(path)
    assert doc.title == "Rectal Cancer Guideline"
    assert [(s.page, s.heading_path) for s in doc.sections] == [
        (1, ("Introduction",)),
        (2, ("Staging",)),
        (3, ("Staging",)),
    ]


def test_blank_pages_are_skipped_but_numbering_kept(make_pdf) -> None:
    doc = PdfLoader().load(make_pdf("gap.pdf", "First.", "", "Third."))
    assert [s.page for s in doc.sections] == [1, 3]


def test_zero_byte_pdf(data_dir: Path) -> None:
    with pytest.raises(LoaderError, match=r"empty\.pdf: is empty \(0 bytes\)\. Copy the PDF again"):
        PdfLoader().load(data_dir / "empty.pdf")


def test_corrupt_pdf(data_dir: Path) -> None:
    with pytest.raises(LoaderError, match=r"corrupt\.pdf: is not a readable PDF.*export it again"):
        PdfLoader().load(data_dir / "corrupt.pdf")


def test_encrypted_pdf_says_how_to_decrypt(make_pdf) -> None:
    path = make_pdf("locked.pdf", "Secret text.", password="s3cret")
    with pytest.raises(LoaderError, match=r"locked\.pdf: is password-protected.*qpdf --decrypt"):
        PdfLoader().load(path)


def test_pdf_without_text_asks_for_ocr(make_pdf) -> None:
    with pytest.raises(LoaderError, match="no extractable text.*OCR"):
        PdfLoader().load(make_pdf("scan.pdf", "", ""))
