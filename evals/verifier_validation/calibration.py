"""Fitting a configuration on the calibration half: support weights, veto factor, finding weights, threshold.

calibrate_findings() fits the finding weights alone (the shipped presets: their support weights and thresholds
were kept, so that no sentence verdict changes through the weights); calibrate() fits everything:

1. Finding weights, support weights held at the preset: coordinate ascent over a few values per kind.
2. Support weights and veto factor: a grid on the simplex in steps of 0.1, refined at 0.05 around the best.
3. Finding weights again, for the weights of step 2.
4. The sentence threshold: the best mean balanced accuracy of "some claim is unsupported".

Steps 1–3 maximise the mean AUROC of the answer risk (VerificationResult.risk) over HaluEval and each PubMedQA
alteration (against the originals of its rows): every kind of unsupported content counts alike, however many
rows an alteration happened to apply to. The threshold maximises the mean balanced accuracy over the data sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import product

import numpy as np

from evals.verifier_validation.alterations import Item
from evals.verifier_validation.features import FeatureTable
from evals.verifier_validation.metrics import auroc, balanced_accuracy, evaluation_groups, per_dataset
from guardrails.verification import VerifierConfig
from guardrails.verification.findings import FINDING_KINDS
from guardrails.verification.verifier_config import FindingWeights

WEIGHT_VALUES = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.98)
PASSES = 3


def objective(masks: list[tuple[np.ndarray, np.ndarray]], risk: np.ndarray) -> float:
    """Mean of the per-data-set AUROCs (undefined items left out)."""
    values = []
    for mask, labels in masks:
        keep = mask & ~np.isnan(risk)
        value = auroc(labels[keep], risk[keep])
        if value is not None:
            values.append(value)
    return float(np.mean(values)) if values else float("nan")


def simplex(step: float, lexical_only: bool) -> list[tuple[float, float, float, float]]:
    ticks = np.round(np.arange(0, 1.0001, step), 2)
    points = []
    for wc, wr, wb in product([0.0] if lexical_only else ticks, ticks, ticks):
        wv = round(1 - wc - wr - wb, 2)
        if wv >= -1e-9:
            points.append((float(wc), float(wr), float(wb), max(wv, 0.0)))
    return points


def fit_finding_weights(
    masks: list[tuple[np.ndarray, np.ndarray]],
    table: FeatureTable,
    config: VerifierConfig,
    start: FindingWeights,
) -> FindingWeights:
    """Coordinate ascent: each kind's weight in turn, the others held, PASSES times over."""
    best = start
    best_value = objective(masks, table.item_risk(config, best))
    for _ in range(PASSES):
        improved = False
        for kind in FINDING_KINDS:
            for value in WEIGHT_VALUES:
                trial = replace(best, **{kind: value})
                trial_value = objective(masks, table.item_risk(config, trial))
                if trial_value > best_value + 1e-9:
                    best, best_value, improved = trial, trial_value, True
        if not improved:
            break
    return best


def risk_masks(items: Sequence[Item]) -> list[tuple[np.ndarray, np.ndarray]]:
    """The groups whose mean AUROC the fit maximises: HaluEval and each PubMedQA alteration."""
    labels = np.array([it.label for it in items])
    return [(mask, labels) for group, mask in evaluation_groups(items).items() if group != "pubmedqa"]


def calibrate_findings(items: Sequence[Item], table: FeatureTable, start: VerifierConfig) -> VerifierConfig:
    """`start` with only its finding weights fitted on `items`: its support weights and threshold, hence every
    sentence verdict, stay as they are."""
    return replace(
        start, finding_weights=fit_finding_weights(risk_masks(items), table, start, FindingWeights())
    )


def calibrate(
    items: Sequence[Item], table: FeatureTable, lexical_only: bool, name: str, start: VerifierConfig
) -> VerifierConfig:
    """The configuration fitted on `items` (the calibration half), starting from the preset `start`."""
    masks = risk_masks(items)
    findings = fit_finding_weights(masks, table, start, start.finding_weights)

    def value(weights: tuple[float, float, float, float], vf: float) -> float:
        config = VerifierConfig(*weights, threshold=0.99, veto_factor=vf)
        return objective(masks, table.item_risk(config, findings))

    candidates = [(w, vf) for w in simplex(0.1, lexical_only) for vf in (0.1, 0.25)]
    best = max(candidates, key=lambda c: value(*c))
    near = [
        (w, best[1])
        for w in simplex(0.05, lexical_only)
        if max(abs(a - b) for a, b in zip(w, best[0], strict=True)) <= 0.05 + 1e-9
    ]
    weights, vf = max(near + [best], key=lambda c: value(*c))
    support_only = VerifierConfig(*weights, threshold=0.99, veto_factor=vf)
    findings = fit_finding_weights(masks, table, support_only, findings)
    scores = table.item_scores(support_only)

    def mean_bacc(t: float) -> float:
        values = []
        for mask, labels in per_dataset(items):
            keep = mask & ~np.isnan(scores)
            b = balanced_accuracy(labels[keep], scores[keep] < t)
            if b is not None:
                values.append(b)
        return float(np.mean(values))

    thresholds = [float(t) for t in np.round(np.arange(0.2, 0.96, 0.01), 2) if t > vf]
    return VerifierConfig(
        *weights,
        threshold=max(thresholds, key=mean_bacc),
        veto_factor=vf,
        vetoes=start.vetoes,
        window=start.window,
        name=name,
        finding_weights=findings,
    )
