"""Load and chunk the whole NCI PDQ corpus (no embedding): every file readable, chunks sane."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from corpora.chunking import StructureChunker, word_count
from corpora.loaders import MarkdownLoader

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def pdq_chunks(pdq_dir: Path):
    loader, chunker = MarkdownLoader(), StructureChunker()
    files = sorted(pdq_dir.glob("*.md"))
    return files, {path.name: chunker.chunk(loader.load(path)) for path in files}


def _body(text: str) -> str:
    return text


def test_every_file_loads_and_gives_chunks(pdq_chunks) -> None:
    files, chunks = pdq_chunks
    assert len(files) == 133
    assert all(chunks[f.name] for f in files)
    total = sum(len(c) for c in chunks.values())
    assert 6_000 < total < 12_000, total  # ~1.2M words after cleanup, ~150 words a chunk


def test_chunk_sizes(pdq_chunks) -> None:
    sizes = [word_count(_body(c.text)) for cs in pdq_chunks[1].values() for c in cs]
    assert max(sizes) <= 250
    assert 120 <= statistics.mean(sizes) <= 220
    assert sum(s < 25 for s in sizes) / len(sizes) < 0.01  # tiny sections were merged


def test_no_markup_or_noise_left(pdq_chunks) -> None:
    leftovers = re.compile(r"#cit/|\]\(|!\[|\[\[|\*\*|Go to Patient Version|clinical trial search")
    for name, chunks in pdq_chunks[1].items():
        for chunk in chunks:
            assert not leftovers.search(chunk.text), (name, leftovers.search(chunk.text))
            assert "References" not in chunk.metadata.section.split(" > ")
            assert "About This PDQ Summary" not in chunk.metadata.section


def test_metadata_and_heading_paths(pdq_chunks) -> None:
    for chunks in pdq_chunks[1].values():
        title = chunks[0].metadata.title
        assert title.endswith("(PDQ®) - NCI")
        for chunk in chunks:
            meta = chunk.metadata
            assert meta.last_reviewed == "2025-12-30" and meta.language == "en" and meta.cancer_types
            assert not meta.section.startswith(title.split(" (PDQ")[0] + " (PDQ")  # title not repeated
            assert not chunk.text.startswith(title)  # the heading path is metadata, indexed by the store


def test_ids_are_unique_across_the_corpus(pdq_chunks) -> None:
    ids = [c.id for cs in pdq_chunks[1].values() for c in cs]
    assert len(ids) == len(set(ids))
