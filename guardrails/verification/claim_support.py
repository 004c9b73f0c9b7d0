"""The features a claim's support is made of, measured once; any configuration then scores them cheaply.

Per evidence unit: embedding cosine, content-word recall, bigram recall, and whether the unit lacks one of the
claim's numbers (a number must be in the very unit that supports the claim). Per claim: coverage (content-word
recall against all the cited text) and the names missing from all the cited text. Negation is checked against the
unit that supports the claim best only: checking it per unit would let a slightly weaker unit that happens not to
talk about the negated words "support" a claim whose negation contradicts its best evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from guardrails.verification.entities import missing_entities
from guardrails.verification.evidence import Claim, EvidenceUnit
from guardrails.verification.lexical import LexicalView, bigram_recall, content_recall
from guardrails.verification.negation import negation_mismatch
from guardrails.verification.quantities import missing_quantities
from guardrails.verification.verifier_config import VerifierConfig

NEGATION_REASON = "negation differs from the cited evidence"


@dataclass(frozen=True)
class BestSupport:
    index: int  # of the unit in ClaimSupport.units
    score: float
    vetoed: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ClaimSupport:
    units: tuple[EvidenceUnit, ...]
    cosine: np.ndarray  # per unit, clipped to [0, 1]; zeros when no embedding was used
    recall: np.ndarray  # per unit
    bigram: np.ndarray  # per unit
    number_reasons: tuple[tuple[str, ...], ...]  # per unit: the claim's numbers it lacks
    negation: np.ndarray  # per unit: negation mismatch with the claim
    coverage: float  # claim content recall against all the cited text
    name_reasons: tuple[str, ...]  # names of the claim found nowhere in the cited text
    vetoes: tuple[str, ...]  # the vetoes that were run

    @property
    def number_vetoed(self) -> np.ndarray:
        return np.array([bool(r) for r in self.number_reasons], dtype=bool)

    def unit_scores(self, config: VerifierConfig) -> np.ndarray:
        raw = (
            config.cosine_weight * self.cosine
            + config.recall_weight * self.recall
            + config.bigram_weight * self.bigram
            + config.coverage_weight * self.coverage
        )
        return np.where(self.number_vetoed, raw * config.veto_factor, raw)

    def best(self, config: VerifierConfig) -> BestSupport:
        scores = self.unit_scores(config)
        index = int(np.argmax(scores))
        reasons = list(self.number_reasons[index])
        if self.negation[index]:
            reasons.append(NEGATION_REASON)
        reasons.extend(self.name_reasons)
        score = float(scores[index])
        claim_vetoed = bool(self.negation[index]) or bool(self.name_reasons)
        if claim_vetoed:
            score *= config.veto_factor
        return BestSupport(index, score, bool(reasons), tuple(reasons))


def _union(views: list[LexicalView]) -> LexicalView:
    merged = views[0]
    for view in views[1:]:
        merged = merged.merged(view)
    return merged


def measure_support(
    claim: Claim,
    units: tuple[EvidenceUnit, ...],
    cosine: np.ndarray | None,
    vetoes: tuple[str, ...],
) -> ClaimSupport:
    """The features of `claim` against `units` (non-empty); `cosine` per unit, or None without embeddings."""
    lexical = claim.analysed.lexical
    cited = _union([u.analysed.lexical for u in units if len(u.members) == 1])
    coverage = content_recall(lexical, cited)
    recalls, bigrams, numbers, negations = [], [], [], []
    for unit in units:
        ev = unit.analysed
        # A claim made only of numbers ("5 mg.") has no words to recall: its numbers decide.
        recall = content_recall(lexical, ev.lexical)
        recall = 1.0 if recall is None else recall
        bigram = bigram_recall(lexical, ev.lexical)
        recalls.append(recall)
        bigrams.append(recall if bigram is None else bigram)
        missing = missing_quantities(claim.analysed.quantities, ev.quantities) if "numbers" in vetoes else ()
        numbers.append(tuple(f"'{q.text}' is not in the cited evidence" for q in missing))
        negations.append(
            "negation" in vetoes
            and negation_mismatch(
                claim.analysed.negations, ev.negations, lexical.content_set, ev.lexical.content_set
            )
        )
    names = missing_entities(claim.entities, cited) if "entities" in vetoes else ()
    return ClaimSupport(
        units=units,
        cosine=np.zeros(len(units)) if cosine is None else np.clip(np.asarray(cosine, dtype=float), 0.0, 1.0),
        recall=np.array(recalls),
        bigram=np.array(bigrams),
        number_reasons=tuple(numbers),
        negation=np.array(negations, dtype=bool),
        coverage=1.0 if coverage is None else coverage,
        name_reasons=tuple(f"'{e.text}' is not named in the cited evidence" for e in names),
        vetoes=vetoes,
    )
