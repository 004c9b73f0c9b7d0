"""The features a claim's support is made of, measured once; any configuration then scores them cheaply.

Per evidence unit: embedding cosine, content-word recall, bigram recall, and whether the unit lacks one of the
claim's numbers (a number must be in the very unit that supports the claim). Per claim: coverage (content-word
recall against all the cited text) and the findings (findings.py): numbers, names and rare terms found nowhere in
the cited text, and a negation that disagrees with the related evidence (polarity.py). Findings are checked
against every cited sentence rather than the best unit alone: the best unit by word overlap is often a methods
sentence, while the sentence that confirms or contradicts a "did not" is the results sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from guardrails.verification.clauses import split_clauses
from guardrails.verification.entities import missing_entities
from guardrails.verification.evidence import Claim, EvidenceUnit
from guardrails.verification.findings import NEGATION_KINDS, Finding, FindingKind
from guardrails.verification.lexical import LexicalView, bigram_recall, content_recall, fold
from guardrails.verification.negation import Negation
from guardrails.verification.polarity import NEGATION_REASON, polarity_finding
from guardrails.verification.quantities import missing_quantities
from guardrails.verification.terms import WordRarity, absent_rare_terms
from guardrails.verification.verifier_config import VerifierConfig

__all__ = [
    "NEGATION_REASON",
    "BestSupport",
    "ClaimSupport",
    "claim_findings",
    "claim_polarity",
    "measure_support",
]
# The veto (VerifierConfig.vetoes) that switches each kind of finding on.
VETO_OF: dict[FindingKind, str] = {
    "number_absent": "numbers",
    "name_absent": "entities",
    "term_absent": "terms",
    **{kind: "negation" for kind in NEGATION_KINDS},
}


@dataclass(frozen=True)
class BestSupport:
    index: int  # of the unit in ClaimSupport.units
    score: float  # after the vetoes
    vetoed: bool
    reasons: tuple[str, ...]
    support: float  # before the claim-level vetoes (a unit lacking a number is still down-weighted)


@dataclass(frozen=True)
class ClaimSupport:
    units: tuple[EvidenceUnit, ...]
    cosine: np.ndarray  # per unit, clipped to [0, 1]; zeros when no embedding was used
    recall: np.ndarray  # per unit
    bigram: np.ndarray  # per unit
    number_reasons: tuple[tuple[str, ...], ...]  # per unit: the claim's numbers it lacks
    coverage: float  # claim content recall against all the cited text
    findings: tuple[Finding, ...]  # against all the cited text, for the vetoes that were run
    vetoes: tuple[str, ...]  # the vetoes that were run

    @property
    def number_vetoed(self) -> np.ndarray:
        return np.array([bool(r) for r in self.number_reasons], dtype=bool)

    @property
    def name_reasons(self) -> tuple[str, ...]:
        return tuple(f.detail for f in self.findings if f.kind == "name_absent")

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
        # A number absent from all the cited text is already named by the unit's reasons.
        claim_level = [f for f in self.findings if f.kind != "number_absent"]
        reasons.extend(f.detail for f in claim_level)
        support = float(scores[index])
        score = support * config.veto_factor if claim_level else support
        return BestSupport(index, score, bool(reasons), tuple(reasons), support)


def _union(views: list[LexicalView]) -> LexicalView:
    merged = views[0]
    for view in views[1:]:
        merged = merged.merged(view)
    return merged


def claim_findings(
    claim: Claim,
    units: tuple[EvidenceUnit, ...],
    vetoes: tuple[str, ...],
    rarity: WordRarity | None = None,
) -> tuple[Finding, ...]:
    """What the claim says that its cited passages (all of `units`' single sentences) do not."""
    sentences = [u.analysed for u in units if len(u.members) == 1]
    if not sentences:
        return ()
    cited = _union([s.lexical for s in sentences])
    findings: list[Finding] = []
    if "numbers" in vetoes:
        quantities = tuple(q for s in sentences for q in s.quantities)
        findings.extend(
            Finding("number_absent", f"'{q.text}' is not in the cited evidence")
            for q in missing_quantities(claim.analysed.quantities, quantities)
        )
    names = missing_entities(claim.entities, cited) if "entities" in vetoes else ()
    findings.extend(Finding("name_absent", f"'{e.text}' is not named in the cited evidence") for e in names)
    if "terms" in vetoes and rarity is not None:
        skip = frozenset(fold(part) for e in names for part in e.text.split())
        findings.extend(
            Finding("term_absent", f"'{t}' is not in the cited evidence")
            for t in absent_rare_terms(claim.analysed.text, cited, rarity, skip)
        )
    if "negation" in vetoes:
        polarity = claim_polarity(
            claim, [(s.lexical.content_set, s.negations) for s in sentences if s.states_finding]
        )
        if polarity is not None:
            findings.append(polarity)
    return tuple(findings)


# When clauses disagree with the evidence in different ways, the most certain finding is reported.
_POLARITY_ORDER = ("negation_contradicted", "negation_dropped", "negation_unverified")


def claim_polarity(
    claim: Claim, evidence: Sequence[tuple[frozenset[str], Sequence[Negation]]]
) -> Finding | None:
    """The polarity finding of the claim, clause by clause (clauses.py): each clause against its closest
    evidence, so that "shortened the time to peak but did not reduce severity" has its negated clause compared
    with the sentence about severity."""
    clauses = split_clauses(claim.analysed.text)
    if len(clauses) == 1:
        return polarity_finding(claim.analysed.negations, claim.analysed.lexical.content_set, evidence)
    found = [polarity_finding(c.negations, c.content, evidence) for c in clauses]
    found = [f for f in found if f is not None]
    return min(found, key=lambda f: _POLARITY_ORDER.index(f.kind)) if found else None


def measure_support(
    claim: Claim,
    units: tuple[EvidenceUnit, ...],
    cosine: np.ndarray | None,
    vetoes: tuple[str, ...],
    rarity: WordRarity | None = None,
) -> ClaimSupport:
    """The features of `claim` against `units` (non-empty); `cosine` per unit, or None without embeddings."""
    lexical = claim.analysed.lexical
    cited = _union([u.analysed.lexical for u in units if len(u.members) == 1])
    coverage = content_recall(lexical, cited)
    recalls, bigrams, numbers = [], [], []
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
    return ClaimSupport(
        units=units,
        cosine=np.zeros(len(units)) if cosine is None else np.clip(np.asarray(cosine, dtype=float), 0.0, 1.0),
        recall=np.array(recalls),
        bigram=np.array(bigrams),
        number_reasons=tuple(numbers),
        coverage=1.0 if coverage is None else coverage,
        findings=claim_findings(claim, units, vetoes, rarity),
        vetoes=vetoes,
    )
