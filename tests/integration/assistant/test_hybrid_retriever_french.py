"""A French question over English guidelines: BM25 finds the English passage through the glossary translation."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.retrieval import HybridRetriever
from assistant.store import DocumentStore
from assistant.types import Chunk, ChunkMetadata
from tests.fakes import HashEmbedder

pytestmark = pytest.mark.integration

PASSAGES = {
    "breast.md": "Adjuvant chemotherapy for HER2-positive breast cancer combines trastuzumab with a taxane.",
    "colon.md": "After resection of stage III colon cancer, FOLFOX or CAPOX is given for three to six months.",
    "lung.md": "Osimertinib is first-line therapy for non-small cell lung cancer with an EGFR mutation.",
    "pain.md": "Opioid rotation is considered when cancer pain is not controlled or side effects are limiting.",
    "fr-sein.md": "Cancer du sein : la chimiothérapie adjuvante est discutée en réunion de concertation.",
}


@pytest.fixture
def store(tmp_path: Path) -> DocumentStore:
    # The hash embedder only matches identical words, so the dense side cannot bridge languages here: whatever
    # finds the English passage for a French question is the BM25 search of the translation.
    s = DocumentStore(tmp_path / "index", HashEmbedder())
    s.add(
        [
            Chunk(text=text, metadata=ChunkMetadata(source=source, title=source, section=source))
            for source, text in PASSAGES.items()
        ]
    )
    s.refresh_lexical_index()
    return s


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Quelle chimiothérapie adjuvante pour un cancer du sein HER2+ ?", "breast.md"),
        ("Quel ITK en première ligne d'un CBNPC avec mutation EGFR ?", "lung.md"),
        ("Quand faut-il envisager une rotation des opioïdes ?", "pain.md"),
        ("Que faire quand la douleur reste mal contrôlée sous morphiniques ?", "pain.md"),
    ],
)
def test_a_french_question_finds_the_english_passage(
    store: DocumentStore, question: str, source: str
) -> None:
    result = HybridRetriever(store).retrieve(question, 3)
    assert result.translated_query
    english = [p for p in result.passages if not p.metadata.source.startswith("fr-")]
    assert english[0].metadata.source == source
    assert english[0].sparse_rank is not None


def test_without_translation_bm25_misses_it(store: DocumentStore) -> None:
    question = "Que faire quand la douleur reste mal contrôlée sous morphiniques ?"
    plain = HybridRetriever(store, translate_french=False).retrieve(question, 5)
    assert plain.translated_query is None
    assert all(p.sparse_rank is None for p in plain.passages if p.metadata.source == "pain.md")


def test_french_sources_still_match_french_words(store: DocumentStore) -> None:
    result = HybridRetriever(store).retrieve("chimiothérapie adjuvante du cancer du sein", 5)
    assert "fr-sein.md" in {p.metadata.source for p in result.passages[:2]}


def test_english_questions_are_searched_as_typed(store: DocumentStore) -> None:
    question = "adjuvant chemotherapy for HER2-positive breast cancer"
    with_glossary = HybridRetriever(store).retrieve(question, 5)
    without = HybridRetriever(store, translate_french=False).retrieve(question, 5)
    assert with_glossary.translated_query is None
    assert [(p.chunk.id, p.score) for p in with_glossary.passages] == [
        (p.chunk.id, p.score) for p in without.passages
    ]
