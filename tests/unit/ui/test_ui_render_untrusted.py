"""Hostile passage and answer text in the UI render path: shown as text, never as live markup (no script, no
image fetched from outside, no link to open). The passages are evals/data/hostile_passages.jsonl's kind."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from markdown_it import MarkdownIt

from assistant.types import Answer, Chunk, ChunkMetadata, Citation, SentenceCheck
from tests.conftest import REPO_ROOT
from ui.render import answer_markdown, document_view, escape_markdown_html, search_hits, sources_panel

pytestmark = pytest.mark.unit

HOSTILE = [
    json.loads(line)["passage"]
    for line in (REPO_ROOT / "evals" / "data" / "hostile_passages.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]
LIVE = ("<script", "<img", "<a ", '<div class="guideline"', "<!--", 'onerror="', "</context>")


def _chunk(text: str, cid: str = "c1") -> Chunk:
    return Chunk(text=text, metadata=ChunkMetadata(source="/g/h.md", title="<b>T</b>", section="S"), id=cid)


@pytest.mark.parametrize("passage", HOSTILE)
def test_passage_text_is_escaped_in_every_html_view(passage: str) -> None:
    chunk = _chunk(passage)
    answer = Answer(
        question="q",
        text="A claim [1].",
        citations=[Citation(1, "/g/h.md", "<b>T</b>", "S", None, passage, "c1")],
    )
    hit = SimpleNamespace(
        rank=1, score=0.5, title="<b>T</b>", section="S", page=None, source="/g/h.md", text=passage
    )
    for html in (
        sources_panel(answer, {"c1": chunk}, "empty"),
        document_view("<b>T</b>", [chunk], "c1"),
        search_hits([hit], "antibiotics", "empty"),
    ):
        assert not any(live in html for live in LIVE), html
        assert "&lt;b&gt;T&lt;/b&gt;" in html


@pytest.mark.parametrize(
    "text",
    [
        "See ![x](http://evil.example.com/pixel.png) now [1].",
        "Download [the full guideline](http://evil.example.com/payload.exe) [1].",
        "Visit http://evil.example.com/payload.exe or www.evil.example.com [1].",
        "A reference [1].\n\n[1]: http://evil.example.com/",
        "<script>alert('pwned')</script><img src=x onerror=alert(1)> [1].",
    ],
)
def test_model_text_never_renders_a_live_link_image_or_script(text: str) -> None:
    answer = Answer(
        question="q",
        text=text,
        sentences=[SentenceCheck(text, "unsupported", 0.1, (1,))],
        removed=[SentenceCheck(text, "unsupported", 0.1, (1,))],
    )
    for markdown in (answer_markdown(answer), escape_markdown_html(text)):
        html = MarkdownIt("commonmark").render(markdown)
        assert "<a " not in html and "<img" not in html and "<script" not in html, html
        assert "http://evil" not in markdown and "www.evil" not in markdown  # no autolink either
    assert "[1]" in answer_markdown(Answer(question="q", text="FOLFOX is standard [1]."))
