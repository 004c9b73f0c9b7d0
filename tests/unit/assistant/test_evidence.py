"""Evidence compression: the best sentences of each passage, numbered, each document's title given once."""

from __future__ import annotations

import pytest

from assistant.answering.evidence import SAME_DOCUMENT, compress
from assistant.types import Chunk, ChunkMetadata, Passage

pytestmark = pytest.mark.unit


def _passage(source: str, title: str, section: str, text: str, page: int | None = None) -> Passage:
    meta = ChunkMetadata(source=source, title=title, section=section, page=page)
    return Passage(Chunk(text=text, metadata=meta), 1.0)


def test_a_documents_title_is_given_once_then_named_as_the_same_document() -> None:
    passages = [
        _passage("colon.md", "Colon cancer", "Staging > Adjuvant", "CAPOX for 3 months is preferred."),
        _passage("breast.md", "Breast cancer", "HER2", "Trastuzumab for one year."),
        _passage("colon.md", "Colon cancer", "Elderly", "Capecitabine alone is an option.", page=4),
    ]
    blocks = compress("adjuvant treatment", passages, None, 3, 1800)
    assert [b.n for b in blocks] == [1, 2, 3]
    assert [b.heading for b in blocks] == [
        "Colon cancer — Adjuvant",
        "Breast cancer — HER2",
        f"{SAME_DOCUMENT} — Elderly (p. 4)",
    ]


def test_two_documents_with_one_title_each_keep_their_title() -> None:
    passages = [
        _passage("a/guide.md", "Guideline", "One", "First sentence here."),
        _passage("b/guide.md", "Guideline", "Two", "Second sentence here."),
    ]
    assert [b.heading for b in compress("q", passages, None, 3, 1800)] == [
        "Guideline — One",
        "Guideline — Two",
    ]


def test_the_budget_keeps_whole_sentences_and_the_best_one_first_chosen() -> None:
    text = "Unrelated opening remark about logistics. Oxaliplatin neuropathy limits duration. Another aside."
    (block,) = compress("oxaliplatin neuropathy", [_passage("c.md", "C", "S", text)], None, 1, 1800)
    assert block.text == "Oxaliplatin neuropathy limits duration."
