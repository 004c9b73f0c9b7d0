"""An answer made only of quoted source sentences: the fallback when a generated answer cannot be trusted.

Every sentence is copied from a passage and followed by its citation, so it passes the verifier by construction;
the lead-in says plainly that the text is quoted, not written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from guardrails.verification.evidence import Claim, passage_sentences
from guardrails.verification.lexical import LexicalView

LEAD_INS: dict[str, str] = {
    "en": "Extractive answer (quoted from the sources):",
    "fr": "Réponse extractive (citations des sources) :",
}
MIN_CONTENT_WORDS = 3  # shorter sentences ("See table 2.") say nothing on their own
NEAR_DUPLICATE = 0.8  # content-word Jaccard above which a sentence repeats one already quoted
COSINE_SHARE = 0.7  # relevance = 0.7·cosine + 0.3·question-word recall when embeddings are available


@dataclass(frozen=True)
class QuotedSentence:
    text: str  # as in the source, markers of the source's own references removed
    source: int
    relevance: float


@dataclass(frozen=True)
class ExtractiveAnswer:
    text: str  # lead-in then one quoted sentence per line with its [n]; "" when no source sentence qualifies
    sentences: tuple[QuotedSentence, ...]
    language: str  # the language of the lead-in actually used


def _with_marker(sentence: str, source: int) -> str:
    # "…chemotherapy [2]." reads better than "…chemotherapy. [2]" and the splitter keeps either with its sentence.
    body = sentence.rstrip()
    if body and body[-1] in ".!?…":
        return f"{body[:-1].rstrip()} [{source}]{body[-1]}"
    return f"{body} [{source}]"


def extractive_answer(
    question: str,
    sources: Mapping[int, str],
    embed: Callable[[Sequence[str]], np.ndarray] | None,
    max_sentences: int = 3,
    language: str = "en",
) -> ExtractiveAnswer:
    """The `max_sentences` source sentences most relevant to `question`, each followed by its [n].

    `language` picks the lead-in ("en" or "fr"; other languages get the English one). `embed` may be None, in
    which case relevance is the share of the question's content words that a sentence contains.
    """
    if max_sentences < 1:
        raise ValueError(f"max_sentences must be at least 1; got {max_sentences}")
    lang = language.lower()[:2] if language.lower()[:2] in LEAD_INS else "en"
    candidates: list[tuple[int, str, LexicalView]] = []
    for n, passage in sources.items():
        for sentence in passage_sentences(passage):
            claim = Claim.of(sentence.text)
            if claim.is_claim and len(sentence.lexical.content_set) >= MIN_CONTENT_WORDS:
                candidates.append((n, sentence.text, sentence.lexical))
    if not candidates:
        return ExtractiveAnswer("", (), lang)

    wanted = LexicalView.of(question).content_set
    overlap = np.array(
        [len(wanted & lex.content_set) / len(wanted) if wanted else 0.0 for _, _, lex in candidates]
    )
    if embed is not None:
        vectors = np.asarray(embed([question] + [text for _, text, _ in candidates]), dtype=np.float32)
        relevance = COSINE_SHARE * (vectors[1:] @ vectors[0]) + (1 - COSINE_SHARE) * overlap
    else:
        relevance = overlap

    chosen: list[QuotedSentence] = []
    chosen_words: list[frozenset[str]] = []
    # Stable sort: among equally relevant sentences, the earlier source and sentence come first.
    for k in sorted(range(len(candidates)), key=lambda k: -relevance[k]):
        n, text, lex = candidates[k]
        words = lex.content_set
        if any(len(words & w) / len(words | w) > NEAR_DUPLICATE for w in chosen_words):
            continue
        chosen.append(QuotedSentence(text, n, round(float(relevance[k]), 4)))
        chosen_words.append(words)
        if len(chosen) == max_sentences:
            break
    body = "\n".join(f"- {_with_marker(q.text, q.source)}" for q in chosen)
    return ExtractiveAnswer(f"{LEAD_INS[lang]}\n\n{body}", tuple(chosen), lang)
