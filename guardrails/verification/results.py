"""What the verifier returns: one verdict per sentence and the answer's faithfulness."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from guardrails.verification.verifier_config import FindingWeights

SentenceStatus = Literal["supported", "unsupported", "no_citation"]


@dataclass(frozen=True)
class SentenceVerdict:
    """The verdict on one sentence of an answer.

    `score` is the support of the best evidence unit, in [0, 1]; None when the sentence was not scored (no citation
    while citations are required, cites only sources that were not given, or is not a claim). `reasons` says why a
    sentence is not supported ("number '10 mg' absent from the cited evidence", "weak support 0.31 < 0.52").
    """

    text: str  # as written in the answer, citation markers included
    status: SentenceStatus
    score: float | None
    citations: tuple[int, ...] = ()
    evidence: str | None = None  # the source sentence (or two adjacent sentences) that supports it best
    reasons: tuple[str, ...] = ()
    # False for headings, lead-ins ("In short:") and questions: they are not counted in faithfulness.
    claim: bool = True
    evidence_source: int | None = None  # the source number `evidence` comes from
    # The best evidence's support before the vetoes (`score` is after them); None when not scored.
    support: float | None = None
    # Kinds of unsupported content found in the sentence (findings.py): "number_absent", "negation_dropped", …
    findings: tuple[str, ...] = ()

    @property
    def supported(self) -> bool:
        return self.status == "supported"


@dataclass(frozen=True)
class VerificationResult:
    sentences: tuple[SentenceVerdict, ...]
    # Share of claim sentences that are supported (a claim without a citation counts as not supported when
    # citations are required). None when the answer has no claim sentence: undefined, never 0.
    faithfulness: float | None
    # How likely the answer is to say something its sources do not, in [0, 1]: the weakest claim's support and
    # every finding combined (FindingWeights). For ranking answers and flagging them; None without claims.
    risk: float | None = None

    @property
    def claims(self) -> tuple[SentenceVerdict, ...]:
        return tuple(s for s in self.sentences if s.claim)

    @property
    def unsupported(self) -> tuple[SentenceVerdict, ...]:
        return tuple(s for s in self.claims if not s.supported)

    @property
    def min_score(self) -> float | None:
        """The weakest claim's score (a claim that could not be scored counts as 0); None without claims.

        The verifier's answer-level score for ranking answers: an answer is as trustworthy as its weakest claim.
        """
        claims = self.claims
        if not claims:
            return None
        return min(0.0 if s.score is None else s.score for s in claims)

    @property
    def findings(self) -> tuple[str, ...]:
        """Every finding of every claim, in order (a kind may repeat)."""
        return tuple(kind for s in self.claims for kind in s.findings)

    @classmethod
    def of(
        cls, sentences: tuple[SentenceVerdict, ...], weights: FindingWeights | None = None
    ) -> VerificationResult:
        claims = [s for s in sentences if s.claim]
        faithfulness = sum(s.supported for s in claims) / len(claims) if claims else None
        return cls(sentences=sentences, faithfulness=faithfulness, risk=answer_risk(claims, weights))


def answer_risk(claims: list[SentenceVerdict], weights: FindingWeights | None) -> float | None:
    """1 − (weakest support) · Π (1 − weight of each finding); a claim that was not scored has support 0."""
    if not claims:
        return None
    weights = weights or FindingWeights()
    weakest = min(0.0 if s.support is None else s.support for s in claims)
    log_safe = sum(math.log1p(-weights.of(kind)) for s in claims for kind in s.findings)
    return 1.0 - min(1.0, max(0.0, weakest)) * math.exp(log_safe)
