from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from assistant.errors import AssistantError
from assistant.letters import export_letter, reidentify
from assistant.letters.letter_export import Block, parse_blocks

pytestmark = pytest.mark.unit

LETTER = """# Compte rendu de consultation

> BROUILLON DU MODÈLE DE DÉMONSTRATION

À : Dr Martin
Objet : patient P-0123456789

## Synthèse du dossier
### Overview
- Cancer diagnoses: colon adenocarcinoma (stage III).
- Right hemicolectomy.

## Propositions
FOLFOX ou CAPOX [1]. ⚠ Radiothérapie [1]. Cœur œdème ≥ 3.
"""


def test_blocks_follow_the_markdown_like_format() -> None:
    kinds = [b.kind for b in parse_blocks(LETTER)]
    assert kinds == [
        "title",
        "notice",
        "paragraph",
        "heading",
        "subheading",
        "bullet",
        "bullet",
        "heading",
        "paragraph",
    ]
    assert parse_blocks(LETTER)[2] == Block("paragraph", "À : Dr Martin\nObjet : patient P-0123456789")


def test_docx_has_headings_bullets_and_every_character(tmp_path: Path) -> None:
    path = export_letter(LETTER, tmp_path / "out" / "letter.docx")
    document = Document(str(path))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", "Compte rendu de consultation") in styled
    assert ("Heading 1", "Synthèse du dossier") in styled
    assert ("Heading 2", "Overview") in styled
    assert ("List Bullet", "Right hemicolectomy.") in styled
    assert any(text == "FOLFOX ou CAPOX [1]. ⚠ Radiothérapie [1]. Cœur œdème ≥ 3." for _, text in styled)


def test_pdf_keeps_french_characters(tmp_path: Path) -> None:
    path = export_letter(LETTER, tmp_path / "letter.pdf")
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert path.read_bytes().startswith(b"%PDF")
    for expected in ("Compte rendu de consultation", "Synthèse du dossier", "Radiothérapie", "P-0123456789"):
        assert expected in text


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [(LETTER, "letter.txt", "docx or .pdf"), ("  \n", "letter.docx", "empty")],
)
def test_export_refuses_clearly(tmp_path: Path, text: str, name: str, message: str) -> None:
    with pytest.raises(AssistantError, match=message):
        export_letter(text, tmp_path / name)


def test_reidentify_replaces_longest_placeholders_first() -> None:
    mapping = {"<PERSON_1>": "Jeanne Martin", "<PERSON_12>": "Paul Durand"}
    assert reidentify("<PERSON_12> saw <PERSON_1>.", mapping) == "Paul Durand saw Jeanne Martin."


def test_reidentify_prefers_the_scrubbers_own_method() -> None:
    class Scrubber:
        def reidentify(self, text: str, mapping: dict[str, str]) -> str:
            return f"scrubber:{text}"

    assert reidentify("<PERSON_1>", {"<PERSON_1>": "X"}, Scrubber()) == "scrubber:<PERSON_1>"
    assert reidentify("<PERSON_1>", {}, Scrubber()) == "<PERSON_1>"
