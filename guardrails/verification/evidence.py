"""Sentences analysed once (lexical view, quantities, negations, names) and the evidence units built from passages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from guardrails.verification.citations import strip_citations
from guardrails.verification.entities import Entity, find_entities
from guardrails.verification.lexical import LexicalView
from guardrails.verification.negation import Negation, find_negations
from guardrails.verification.polarity import states_a_finding
from guardrails.verification.quantities import Quantity, extract_quantities
from guardrails.verification.sentence_splitter import split_sentences


@dataclass(frozen=True)
class AnalysedText:
    text: str  # citation markers removed
    lexical: LexicalView
    quantities: tuple[Quantity, ...]
    negations: tuple[Negation, ...]
    # False for a question, an aim or a hypothesis ("To determine whether…"): no polarity to compare with.
    states_finding: bool = True

    @classmethod
    def of(cls, text: str) -> AnalysedText:
        clean = strip_citations(text)
        return cls(
            clean,
            LexicalView.of(clean),
            extract_quantities(clean),
            find_negations(clean),
            states_a_finding(clean),
        )

    def merged(self, other: AnalysedText) -> AnalysedText:
        return AnalysedText(
            f"{self.text} {other.text}",
            self.lexical.merged(other.lexical),
            self.quantities + other.quantities,
            self.negations + other.negations,
            self.states_finding or other.states_finding,
        )


@dataclass(frozen=True)
class Claim:
    """One sentence of an answer, ready to be checked."""

    analysed: AnalysedText
    entities: tuple[Entity, ...]
    is_claim: bool

    @classmethod
    def of(cls, sentence: str) -> Claim:
        analysed = AnalysedText.of(sentence)
        text = analysed.text.strip()
        # Headings, lead-ins ending with ":" and questions assert nothing; nor does a sentence with no content word
        # and no number ("Yes.", "In summary.").
        is_claim = not (
            text.startswith("#")
            or text.endswith((":", "?"))
            or not (analysed.lexical.content or analysed.quantities)
        )
        return cls(analysed, find_entities(analysed.text), is_claim)


@dataclass(frozen=True)
class EvidenceUnit:
    source: int
    analysed: AnalysedText
    members: tuple[int, ...]  # positions of its sentences in the passage's sentence list

    @property
    def text(self) -> str:
        return self.analysed.text


# Passages kept analysed. An entry is large for what it saves: a 1,200-character passage's analysed sentences take
# about 60 kB and its evidence units 50 kB more, and analysing it again costs about 4 ms (both measured on PDQ
# passages). 2,048 entries, as before, let a server over the PDQ corpus grow by some 230 MB; 128 keep the
# passages of the last few dozen answers in about 15 MB.
CACHED_PASSAGES = 128


@lru_cache(maxsize=CACHED_PASSAGES)
def passage_sentences(passage: str) -> tuple[AnalysedText, ...]:
    """A passage's sentences, analysed; cached because the same passages are checked answer after answer."""
    return tuple(AnalysedText.of(s) for s in split_sentences(passage) if strip_citations(s))


def evidence_units(source: int, passage: str, window: int) -> tuple[EvidenceUnit, ...]:
    """Each sentence of the passage, then each run of 2..`window` adjacent sentences read as one.

    Single sentences come first so that, on a tie, the shorter and more precise evidence is the one shown.
    """
    units = _evidence_units(passage, window)
    # Cached once per passage, whatever number it is cited under in this answer.
    return tuple(EvidenceUnit(source, u.analysed, u.members) for u in units)


def clear_caches() -> None:
    """Forget every analysed passage (to time the analysis itself)."""
    passage_sentences.cache_clear()
    _evidence_units.cache_clear()


@lru_cache(maxsize=CACHED_PASSAGES)
def _evidence_units(passage: str, window: int) -> tuple[EvidenceUnit, ...]:
    source = 0  # set by evidence_units
    sentences = passage_sentences(passage)
    units = [EvidenceUnit(source, s, (i,)) for i, s in enumerate(sentences)]
    for size in range(2, window + 1):
        for start in range(len(sentences) - size + 1):
            merged = sentences[start]
            for k in range(start + 1, start + size):
                merged = merged.merged(sentences[k])
            units.append(EvidenceUnit(source, merged, tuple(range(start, start + size))))
    return tuple(units)
