"""Analyse once, then score any configuration fast: the flattened features of every claim of every item."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from evals.verifier_validation.alterations import Item
from guardrails.verification import AnswerVerifier, VerifierConfig
from guardrails.verification.answer_verifier import AnalysedSentence
from guardrails.verification.evidence import Claim, passage_sentences
from guardrails.verification.findings import FINDING_KINDS
from guardrails.verification.sentence_splitter import split_sentences
from guardrails.verification.verifier_config import FindingWeights


def analyse_items(
    items: Sequence[Item], verifier: AnswerVerifier, with_embeddings: bool
) -> list[list[AnalysedSentence]]:
    return [
        verifier.analyse(it.answer, it.sources, require_citations=False, with_embeddings=with_embeddings)
        for it in items
    ]


def warm_up(embed: Callable[[Sequence[str]], np.ndarray], items: Sequence[Item]) -> None:
    """Embeds every claim and evidence sentence in one batched call: one call per answer is many times slower."""
    texts: dict[str, None] = {}
    for it in items:
        for sentence in split_sentences(it.answer):
            texts.setdefault(Claim.of(sentence).analysed.text, None)
        for passage in it.sources.values():
            for analysed in passage_sentences(passage):
                texts.setdefault(analysed.text, None)
    embed(list(texts))


class FeatureTable:
    """Every evidence unit of every claim of every item, flattened, so that a configuration is scored with numpy
    exactly as ClaimSupport.best() and VerificationResult.risk score it (tested against them)."""

    def __init__(self, items: Sequence[Item], analysed: Sequence[list[AnalysedSentence]]) -> None:
        per_unit: dict[str, list[np.ndarray]] = {"cos": [], "rec": [], "big": [], "numveto": [], "claim": []}
        coverage, item_of_claim, scored, findings = [], [], [], []
        self.claim_text: list[str] = []
        self.defined = np.zeros(len(items), dtype=bool)
        for i, sentences in enumerate(analysed):
            for s in sentences:
                if not s.claim.is_claim:
                    continue
                self.defined[i] = True
                k = len(item_of_claim)
                item_of_claim.append(i)
                self.claim_text.append(s.text)
                support = s.support
                scored.append(support is not None)  # a claim citing nothing usable scores 0
                coverage.append(support.coverage if support else 0.0)
                kinds = [f.kind for f in support.findings] if support else []
                findings.append([kinds.count(kind) for kind in FINDING_KINDS])
                if support is not None:
                    per_unit["cos"].append(support.cosine)
                    per_unit["rec"].append(support.recall)
                    per_unit["big"].append(support.bigram)
                    per_unit["numveto"].append(support.number_vetoed)
                    per_unit["claim"].append(np.full(len(support.units), k))
        flat = {key: np.concatenate(v) if v else np.zeros(0) for key, v in per_unit.items()}
        self.cos, self.rec, self.big = flat["cos"], flat["rec"], flat["big"]
        self.numveto = flat["numveto"].astype(bool)
        self.claim_of_unit = flat["claim"].astype(int)
        self.coverage = np.array(coverage)
        # Claims × FINDING_KINDS: how many findings of each kind a claim has.
        self.findings = np.array(findings, dtype=float).reshape(len(findings), len(FINDING_KINDS))
        # A claim is vetoed by any finding but number_absent, which the unit-level number veto already covers.
        self.vetoed = self.findings[:, [k != "number_absent" for k in FINDING_KINDS]].sum(axis=1) > 0
        self.scored = np.array(scored, dtype=bool)
        self.item_of_claim = np.array(item_of_claim, dtype=int)
        self.labels = np.array([it.label for it in items])

        # Units of a claim, and claims of an item, are contiguous: segment reductions replace group-bys.
        scored_claims = np.flatnonzero(self.scored)
        self.unit_starts = np.searchsorted(self.claim_of_unit, scored_claims)
        self.scored_claims = scored_claims
        self.claim_starts = np.searchsorted(self.item_of_claim, np.flatnonzero(self.defined))

    def claim_support(self, config: VerifierConfig) -> np.ndarray:
        """Each claim's best unit score before the claim-level vetoes (BestSupport.support); 0 when unscored."""
        support = np.zeros(len(self.item_of_claim))
        if not len(self.scored_claims):
            return support
        raw = (
            config.cosine_weight * self.cos
            + config.recall_weight * self.rec
            + config.bigram_weight * self.big
            + config.coverage_weight * self.coverage[self.claim_of_unit]
        )
        unit = np.where(self.numveto, raw * config.veto_factor, raw)
        support[self.scored_claims] = np.maximum.reduceat(unit, self.unit_starts)
        return support

    def claim_scores(self, config: VerifierConfig) -> np.ndarray:
        """Each claim's score, as ClaimSupport.best() computes it (0 for a claim that cites nothing usable)."""
        return self.claim_support(config) * np.where(self.vetoed, config.veto_factor, 1.0)

    def item_scores(self, config: VerifierConfig) -> np.ndarray:
        """min over claims of the claim score (VerificationResult.min_score); NaN for items without a claim."""
        item = np.full(len(self.labels), np.nan)
        if len(self.claim_starts):
            item[self.defined] = np.minimum.reduceat(self.claim_scores(config), self.claim_starts)
        return item

    def claim_risk(self, config: VerifierConfig) -> np.ndarray:
        """Each claim's own risk: 1 − support · Π over its findings (1 − weight)."""
        log_safe = np.log1p(-np.array([config.finding_weights.of(k) for k in FINDING_KINDS]))
        return 1.0 - np.clip(self.claim_support(config), 0.0, 1.0) * np.exp(self.findings @ log_safe)

    def item_risk(self, config: VerifierConfig, weights: FindingWeights | None = None) -> np.ndarray:
        """VerificationResult.risk of each item under `config` (and `weights`, default the config's); NaN for
        items without a claim."""
        weights = weights or config.finding_weights
        log_safe = np.log1p(-np.array([weights.of(k) for k in FINDING_KINDS]))
        item = np.full(len(self.labels), np.nan)
        if len(self.claim_starts):
            weakest = np.minimum.reduceat(np.clip(self.claim_support(config), 0.0, 1.0), self.claim_starts)
            findings = np.add.reduceat(self.findings @ log_safe, self.claim_starts)
            item[self.defined] = 1.0 - weakest * np.exp(findings)
        return item
