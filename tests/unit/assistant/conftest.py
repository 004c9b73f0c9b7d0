from __future__ import annotations

from pathlib import Path

import pytest

from assistant.store import DocumentStore
from assistant.types import Chunk, ChunkMetadata
from tests.fakes import HashEmbedder

GUIDELINE_TEXTS = {
    "colon.md": [
        (
            "Colon cancer > Stage III > Adjuvant chemotherapy",
            "After resection of stage III colon cancer, adjuvant chemotherapy with FOLFOX or CAPOX is standard. "
            "Three months of CAPOX is enough for low-risk disease. Six months is preferred for high-risk disease.",
        ),
        (
            "Colon cancer > Follow-up",
            "Follow-up includes CEA every 3 to 6 months and CT scans for five years.",
        ),
    ],
    "hodgkin.md": [
        (
            "Hodgkin lymphoma > First line",
            "ABVD for four to six cycles is a standard regimen in Hodgkin lymphoma.",
        ),
    ],
    "melanoma.md": [
        (
            "Melanoma > Adjuvant therapy",
            "Adjuvant nivolumab or pembrolizumab is given after resection of stage III melanoma.",
        ),
    ],
}


def make_chunks() -> list[Chunk]:
    chunks = []
    for source, items in GUIDELINE_TEXTS.items():
        for section, text in items:
            chunks.append(
                Chunk(
                    text=text,
                    metadata=ChunkMetadata(
                        source=source,
                        title=source.removesuffix(".md").title(),
                        section=section,
                        cancer_types=("colorectal",) if source == "colon.md" else ("lymphoma",),
                    ),
                )
            )
    return chunks


@pytest.fixture
def store(tmp_path: Path) -> DocumentStore:
    s = DocumentStore(tmp_path / "index", HashEmbedder())
    s.add(make_chunks())
    s.refresh_lexical_index()
    return s
