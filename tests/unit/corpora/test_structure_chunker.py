from __future__ import annotations

from pathlib import Path

import pytest

from corpora.chunking import StructureChunker, merge_tiny_sections, word_count
from corpora.documents import LoadedDocument, Section
from corpora.loaders.markdown_loader import MarkdownLoader

pytestmark = pytest.mark.unit


def _sentences(n_words: int, topic: str = "colon") -> str:
    """n_words words of distinct 11-word sentences (identical pieces would be deduplicated)."""
    text = " ".join(
        f"Trial {i} of adjuvant chemotherapy for {topic} cancer improved survival in patients."
        for i in range(n_words)
    )
    return " ".join(text.split()[:n_words]) + "."


def _doc(*sections: Section, title: str = "Colon Cancer Treatment") -> LoadedDocument:
    return LoadedDocument(
        source="/docs/colon.md", title=title, sections=list(sections), last_reviewed="2025-01-02"
    )


def _body(chunk) -> str:
    return chunk.text


def test_text_is_the_passage_and_the_heading_path_is_metadata() -> None:
    doc = _doc(Section(("Stage III", "Adjuvant chemotherapy"), _sentences(60), page=4))
    (chunk,) = StructureChunker().chunk(doc)
    assert chunk.text == _sentences(60)
    meta = chunk.metadata
    assert (meta.source, meta.title, meta.section, meta.page, meta.last_reviewed, meta.kind) == (
        "/docs/colon.md",
        "Colon Cancer Treatment",
        "Stage III > Adjuvant chemotherapy",
        4,
        "2025-01-02",
        "guideline",
    )


@pytest.mark.parametrize("n_words", [251, 400, 999, 2500])
def test_long_sections_are_split_into_bounded_overlapping_pieces(n_words: int) -> None:
    chunks = StructureChunker().chunk(_doc(Section(("A",), _sentences(n_words))))
    sizes = [word_count(_body(c)) for c in chunks]
    assert len(chunks) >= 2
    assert max(sizes) <= 250
    assert min(sizes) >= 100, sizes  # balanced: no scrap at the end
    assert sum(sizes) >= n_words  # nothing lost, some overlap
    assert sum(sizes) <= n_words + 40 * (len(chunks) - 1)  # the overlap is small


def test_chunks_never_cross_a_heading() -> None:
    doc = _doc(Section(("A",), _sentences(300, "colon")), Section(("B",), _sentences(300, "rectal")))
    for chunk in StructureChunker().chunk(doc):
        topic = "colon" if chunk.metadata.section == "A" else "rectal"
        other = "rectal" if topic == "colon" else "colon"
        assert topic in _body(chunk) and other not in _body(chunk)


def test_ids_are_deterministic_and_depend_on_section() -> None:
    doc = _doc(Section(("A",), _sentences(600)), Section(("B",), _sentences(600)))
    first = [c.id for c in StructureChunker().chunk(doc)]
    again = [c.id for c in StructureChunker().chunk(doc)]
    assert first == again
    assert len(set(first)) == len(first)


@pytest.mark.parametrize(
    ("sections", "expected"),
    [
        # tiny intro merged into its first subsection: the deeper path names both headings
        (
            [Section(("S",), "Short intro."), Section(("S", "Sub"), _sentences(40))],
            [(("S", "Sub"), "Short intro.\n\n" + _sentences(40))],
        ),
        # tiny sibling under a shared parent: merged into the next one, its own heading kept inline
        (
            [Section(("P", "A"), "Tiny A."), Section(("P", "B"), _sentences(40))],
            [(("P", "B"), "A\nTiny A.\n\n" + _sentences(40))],
        ),
        # a cousin is not under the same parent: no merge
        (
            [Section(("P", "A", "x"), "Tiny x."), Section(("P", "B"), _sentences(40))],
            [(("P", "A", "x"), "Tiny x."), (("P", "B"), _sentences(40))],
        ),
        # two top-level sections are never merged
        (
            [Section(("A",), "Tiny A."), Section(("B",), _sentences(40))],
            [(("A",), "Tiny A."), (("B",), _sentences(40))],
        ),
        # a chain of tiny sections accumulates until it is big enough
        (
            [Section(("S",), "One."), Section(("S", "x"), "Two."), Section(("S", "x", "y"), _sentences(30))],
            [(("S", "x", "y"), "One.\n\nTwo.\n\n" + _sentences(30))],
        ),
        # a tiny last section stays on its own
        (
            [Section(("S",), _sentences(40)), Section(("S", "end"), "Bye.")],
            [(("S",), _sentences(40)), (("S", "end"), "Bye.")],
        ),
    ],
)
def test_merge_tiny_sections(sections: list[Section], expected: list[tuple[tuple[str, ...], str]]) -> None:
    assert [(s.heading_path, s.text) for s in merge_tiny_sections(sections, 25)] == expected


def test_empty_sections_make_no_chunks() -> None:
    doc = _doc(Section(("A",), ""), Section(("A", "B"), _sentences(30)))
    assert [c.metadata.section for c in StructureChunker().chunk(doc)] == ["A > B"]


def test_repeated_paragraph_under_one_heading_is_one_chunk() -> None:
    doc = _doc(Section(("A",), _sentences(30)), Section(("A",), _sentences(30)))
    assert len(StructureChunker().chunk(doc)) == 1


def test_guideline_fixture_end_to_end(data_dir: Path) -> None:
    chunks = StructureChunker().chunk(MarkdownLoader().load(data_dir / "guideline.md"))
    sections = [c.metadata.section for c in chunks]
    assert "General Information About Colon Cancer > Risk Factors" in sections
    assert all(not s.startswith("Colon Cancer Treatment") for s in sections)  # title not repeated
    assert all(c.metadata.demo and c.metadata.cancer_types == ("colorectal",) for c in chunks)
    anatomy = [c for c in chunks if "Anatomy of the lower" in c.text]
    assert len(anatomy) == 1  # the 7-word Anatomy section was merged into its next sibling
    assert anatomy[0].metadata.section == "General Information About Colon Cancer > Risk Factors"
    assert anatomy[0].text.startswith("Anatomy\nAnatomy of the lower")  # the merged heading is kept inline
