"""Evidence compression: keep the few sentences of each passage most related to the question, as plain data.

A short prompt is what makes a small local model fast (prefill dominates time to first token on a CPU)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assistant.answering.prompts import EvidenceBlock
from assistant.answering.untrusted_text import clean_heading, data_sentences
from assistant.embedding import Embedder
from assistant.store.text_normalise import tokenize
from assistant.types import Passage

# A later passage of a document already named says so instead of repeating its title: titles run to 15-20 tokens,
# most questions draw several passages from one document, and every prompt token costs prefill time.
SAME_DOCUMENT = "same document"


def passage_heading(passage: Passage, title_given: bool = False) -> str:
    meta = passage.metadata
    tail = meta.section.split(" > ")[-1] if meta.section else ""
    page = f" (p. {meta.page})" if meta.page else ""
    title = SAME_DOCUMENT if title_given else meta.title
    return clean_heading(f"{title}{' — ' + tail if tail else ''}{page}")


def _lexical_overlap(query_tokens: set[str], sentence: str) -> float:
    tokens = set(tokenize(sentence))
    if not query_tokens or not tokens:
        return 0.0
    return len(query_tokens & tokens) / len(query_tokens)


def _fit(sentence: str, budget: int) -> str:
    if len(sentence) <= budget:
        return sentence
    return sentence[:budget].rsplit(" ", 1)[0] + " …"


def compress(
    question: str,
    passages: Sequence[Passage],
    embedder: Embedder | None,
    sentences_per_passage: int,
    max_chars: int,
) -> list[EvidenceBlock]:
    """Numbered evidence blocks, [1] being the best passage, each with its top sentences in document order."""
    # Passages are untrusted data: no markup, no sentence addressed to the model (untrusted_text.py).
    split = [data_sentences(p.text) for p in passages]
    flat = [s for sentences in split for s in sentences]
    if not flat:
        return []
    query_tokens = set(tokenize(question))
    lexical = np.array([_lexical_overlap(query_tokens, s) for s in flat], dtype=np.float32)
    if embedder is not None:
        vectors = embedder.embed([question, *flat])
        dense = vectors[1:] @ vectors[0]
        scores = 0.7 * dense + 0.3 * lexical
    else:
        scores = lexical
    budget = max_chars // max(len(passages), 1)
    blocks: list[EvidenceBlock] = []
    titles: set[tuple[str, str]] = set()
    offset = 0
    for n, (passage, sentences) in enumerate(zip(passages, split, strict=True), start=1):
        local = scores[offset : offset + len(sentences)]
        offset += len(sentences)
        # The best sentences that fit the budget, whole (a cut sentence can change its meaning), in document
        # order; the best one is always kept, shortened at a word only if it alone exceeds the budget.
        ranked = [int(i) for i in np.argsort(-local)[:sentences_per_passage]]
        kept = [ranked[0]]
        used = len(sentences[ranked[0]])
        for i in ranked[1:]:
            if used + 1 + len(sentences[i]) <= budget:
                kept.append(i)
                used += 1 + len(sentences[i])
        text = " ".join(_fit(sentences[i], budget) for i in sorted(kept))
        document = (passage.metadata.source, passage.metadata.title)
        blocks.append(EvidenceBlock(n=n, heading=passage_heading(passage, document in titles), text=text))
        titles.add(document)
    return blocks
