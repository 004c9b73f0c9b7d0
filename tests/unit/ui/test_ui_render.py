from __future__ import annotations

import pytest

from assistant.types import Answer, Chunk, ChunkMetadata, Citation, SentenceCheck
from ui.render import answer_markdown, document_view, highlight_terms, sources_panel, supporting_span

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("FOLFOX or CAPOX", "capox", "FOLFOX or <mark>CAPOX</mark>"),
        ("Chimiothérapie adjuvante", "chimiotherapie", "<mark>Chimiothérapie</mark> adjuvante"),
        ("the stage of <b>", "the stage", "the <mark>stage</mark> of &lt;b&gt;"),  # stop words are not marked
        ("nothing here", "", "nothing here"),
    ],
)
def test_query_terms_are_highlighted_and_text_is_escaped(text: str, query: str, expected: str) -> None:
    assert highlight_terms(text, query) == expected


def test_supporting_span_prefers_the_verifier_evidence() -> None:
    passage = "CAPOX for three months. FOLFOX for six months."
    assert supporting_span(passage, ["FOLFOX six"], ["CAPOX for three months."]) == (0, 23)
    start, end = supporting_span(passage, ["FOLFOX is given for six months"])
    assert passage[start:end].strip() == "FOLFOX for six months."
    assert supporting_span(passage, ["melanoma"]) is None


def make_answer() -> Answer:
    return Answer(
        question="q",
        text="FOLFOX is standard [1]. <PERSON_1> needs radiotherapy [1].",
        citations=[
            Citation(1, "/docs/colon.md", "Colon <cancer>", "Stage III", 3, "FOLFOX is standard.", "c1")
        ],
        sentences=[
            SentenceCheck("FOLFOX is standard [1].", "supported", 0.9, (1,), "FOLFOX is standard."),
            SentenceCheck("<PERSON_1> needs radiotherapy [1].", "unsupported", 0.1, (1,)),
        ],
    )


def test_flagged_sentences_are_marked_and_placeholders_survive() -> None:
    html = answer_markdown(make_answer())
    assert (
        '<span class="onco-flag onco-unsupported"' in html
        and "⚠ &lt;PERSON_1&gt; needs radiotherapy [1]." in html
    )
    assert "Verified: 1/2 sentences" in html
    assert "FOLFOX is standard [1]." in html.split("<span")[0]


def test_unverified_answers_say_so() -> None:
    answer = Answer(question="q", text="A [1].")
    assert "Not verified" in answer_markdown(answer)
    assert "Non vérifié" in answer_markdown(answer, "fr")


def test_sources_panel_escapes_titles_and_shows_page_and_review_date() -> None:
    meta = ChunkMetadata(source="/docs/colon.md", title="Colon <cancer>", page=3, last_reviewed="2025-06-01")
    chunk = Chunk(text="Intro. FOLFOX is standard. Other.", metadata=meta, id="c1")
    html = sources_panel(make_answer(), {"c1": chunk}, "empty")
    assert "Colon &lt;cancer&gt;" in html and "page 3 · last reviewed 2025-06-01" in html
    assert '<mark class="onco-support">FOLFOX is standard.</mark>' in html
    assert sources_panel(None, {}, "Nothing yet") == '<div class="onco-empty">Nothing yet</div>'


def test_document_view_anchors_the_cited_chunk() -> None:
    chunks = [
        Chunk(
            text=f"Text {i}", metadata=ChunkMetadata(source="s", title="T", section=f"S{i // 2}"), id=f"c{i}"
        )
        for i in range(4)
    ]
    html = document_view("T", chunks, "c2")
    assert html.count('id="cited-passage"') == 1 and html.index('id="cited-passage"') < html.index("Text 2")
    assert html.count("<h4") == 2  # a heading only when the section changes
