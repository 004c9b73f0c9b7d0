from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from corpora.errors import LoaderError
from corpora.loaders.text_loader import TextLoader
from guardrails.language import detect_language

pytestmark = pytest.mark.unit


def test_utf8_text_is_one_section(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("First line.\r\n\r\n\r\n\r\nSecond paragraph with the therapy.", "utf-8")
    doc = TextLoader().load(path)
    assert [(s.heading_path, s.text) for s in doc.sections] == [
        ((), "First line.\n\nSecond paragraph with the therapy.")
    ]
    assert doc.warnings == () and doc.title == "note"


def test_cp1252_falls_back_with_a_warning(data_dir: Path) -> None:
    doc = TextLoader().load(data_dir / "note_cp1252.txt")
    text = doc.sections[0].text
    assert "présente une lésion" in text and "tumorectomie – suivie" in text  # 0x96 is an en dash in cp1252
    assert doc.warnings and "cp1252" in doc.warnings[0]
    assert doc.language == "fr"


def test_latin1_only_bytes_never_crash(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"caf\xe9 \x81\x8d\x8f\x90\x9d")  # undefined in cp1252, valid latin-1
    doc = TextLoader().load(path)
    assert doc.sections[0].text.startswith("café")
    assert "latin-1" in doc.warnings[0]


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Radiothérapie adjuvante.".encode("utf-16-le"))
    assert TextLoader().load(path).sections[0].text == "Radiothérapie adjuvante."


def test_binary_renamed_txt_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(LoaderError, match=r"image\.txt: is a PNG image, not text"):
        TextLoader().load(path)


def test_empty_file_has_no_sections(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n", "utf-8")
    assert TextLoader().load(path).sections == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The patient is treated with surgery and adjuvant chemotherapy for the disease.", "en"),
        ("Le patient est traité par chirurgie et une chimiothérapie adjuvante pour la maladie.", "fr"),
        ("FOLFOX CAPOX 5-FU", "en"),  # no signal: default
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
