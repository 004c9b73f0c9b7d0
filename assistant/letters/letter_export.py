"""Letters to DOCX (python-docx) and PDF (fpdf2), from the editable Markdown-like draft text.

The text format is the one LetterService writes: `# title`, `## section`, `### sub-section`, `- bullet`,
`> notice`, and paragraphs separated by blank lines."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.errors import AssistantError

BlockKind = Literal["title", "heading", "subheading", "bullet", "notice", "paragraph"]
EXPORT_FORMATS = (".docx", ".pdf")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


def parse_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("paragraph", "\n".join(paragraph)))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.lstrip()
        for prefix, kind in (("### ", "subheading"), ("## ", "heading"), ("# ", "title"), ("> ", "notice")):
            if stripped.startswith(prefix):
                flush()
                blocks.append(Block(kind, stripped[len(prefix) :].strip()))
                break
        else:
            if stripped.startswith(("- ", "* ", "• ")):
                flush()
                blocks.append(Block("bullet", stripped[2:].strip()))
            elif not stripped:
                flush()
            else:
                paragraph.append(line)
    flush()
    return blocks


def export_letter(text: str, path: Path) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise AssistantError(f"Cannot export a letter to {path.name}: use a .docx or .pdf file name.")
    if not text.strip():
        raise AssistantError("The letter is empty: draft it (or type it) before exporting.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        (to_docx if suffix == ".docx" else to_pdf)(parse_blocks(text), path)
    except OSError as exc:
        raise AssistantError(
            f"Cannot write {path} ({exc.strerror}); choose a folder you can write to."
        ) from exc
    return path


def to_docx(blocks: list[Block], path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    for block in blocks:
        if block.kind == "title":
            document.add_heading(block.text, level=0)
        elif block.kind == "heading":
            document.add_heading(block.text, level=1)
        elif block.kind == "subheading":
            document.add_heading(block.text, level=2)
        elif block.kind == "bullet":
            document.add_paragraph(block.text, style="List Bullet")
        elif block.kind == "notice":
            document.add_paragraph().add_run(block.text).italic = True
        else:
            paragraph = document.add_paragraph()
            for i, line in enumerate(block.text.split("\n")):
                if i:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)
    document.save(str(path))


def unicode_font() -> tuple[Path, Path] | None:
    """DejaVu Sans (regular, bold): matplotlib ships it, Debian has it; None when neither is there."""
    candidates = []
    spec = importlib.util.find_spec("matplotlib")
    if spec and spec.submodule_search_locations:
        candidates.append(Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf")
    candidates.append(Path("/usr/share/fonts/truetype/dejavu"))
    for folder in candidates:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


def to_pdf(blocks: list[Block], path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    font = unicode_font()
    if font is not None:
        pdf.add_font("Letter", "", str(font[0]))
        pdf.add_font("Letter", "B", str(font[1]))
        family = "Letter"

        def clean(text: str) -> str:
            return text
    else:  # core fonts are Latin-1 only: accents survive, ⚠ and œ degrade to '?'
        family = "Helvetica"

        def clean(text: str) -> str:
            return text.replace("⚠", "(!)").encode("latin-1", "replace").decode("latin-1")

    sizes = {"title": 16, "heading": 13, "subheading": 11.5}
    for block in blocks:
        text = clean(block.text)
        if block.kind in sizes:
            pdf.ln(2)
            pdf.set_font(family, "B", sizes[block.kind])
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif block.kind == "bullet":
            pdf.set_font(family, "", 10.5)
            pdf.multi_cell(0, 5.5, "•  " + text if font else "-  " + text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font(family, "", 10.5)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))
