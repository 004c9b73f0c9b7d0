"""The clauses of a claim sentence, each with its own words and negations.

A conclusion often joins two findings of opposite polarity in one sentence: "early treatment shortened the time
to peak but did not alleviate severity". Read whole, the sentence is closest to the evidence of its longer clause,
so the polarity of the other clause is never compared with the sentence that states it. Each clause is compared
on its own (polarity.py), with the evidence closest to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guardrails.verification.lexical import LexicalView
from guardrails.verification.negation import Negation, find_negations

# Contrastive joins: the two sides may differ in polarity. Plain "and" is left alone: it mostly joins the items of
# one finding ("survival and toxicity were similar").
_CLAUSE_BREAK_RE = re.compile(
    r"\s*;\s*|,?\s+\b(?:but|whereas|while|although|though|however|mais|alors que|tandis que|cependant)\b\s+",
    re.IGNORECASE,
)
# A side with fewer content words than this stays with the clause before it ("…, but not always").
MIN_CLAUSE_WORDS = 3


@dataclass(frozen=True)
class Clause:
    text: str
    content: frozenset[str]  # content stems
    negations: tuple[Negation, ...]


def _words(text: str) -> int:
    return len(LexicalView.of(text).content_set)


def split_clauses(text: str) -> tuple[Clause, ...]:
    """The clauses of `text` (citation markers removed); one clause when the sentence has no contrastive join."""
    pieces: list[str] = []
    for piece in _CLAUSE_BREAK_RE.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if pieces and min(_words(piece), _words(pieces[-1])) < MIN_CLAUSE_WORDS:
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return tuple(Clause(p, LexicalView.of(p).content_set, find_negations(p)) for p in pieces or [text])
