"""AUROC, balanced accuracy and the held-out report: per data set, per PubMedQA alteration, paired."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from evals.verifier_validation.alterations import ALTERATIONS, Item
from evals.verifier_validation.features import FeatureTable
from guardrails.verification import VerifierConfig


def auroc(labels: Sequence[int], risk: Sequence[float]) -> float | None:
    """Area under the ROC curve (ties count half); None when a class is empty."""
    y, s = np.asarray(labels), np.asarray(risk, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    if not len(pos) or not len(neg):
        return None
    _, inverse, counts = np.unique(np.concatenate([pos, neg]), return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2)[inverse]  # average ranks, ties shared
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def balanced_accuracy(labels: Sequence[int], flagged: Sequence[bool]) -> float | None:
    y, f = np.asarray(labels), np.asarray(flagged, dtype=bool)
    if not (y == 1).any() or not (y == 0).any():
        return None
    return float(((f[y == 1]).mean() + (~f[y == 0]).mean()) / 2)


def rounded(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def per_dataset(items: Sequence[Item]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(mask, labels) per data set, in name order."""
    datasets = np.array([it.dataset for it in items])
    labels = np.array([it.label for it in items])
    return [(datasets == d, labels) for d in sorted(set(datasets))]


def evaluation_groups(items: Sequence[Item]) -> dict[str, np.ndarray]:
    """Masks of the reported groups: each data set, and each PubMedQA alteration with the originals of the rows
    it applied to."""
    datasets = np.array([it.dataset for it in items])
    groups = np.array([it.group for it in items])
    rows = np.array([it.row for it in items])
    out = {dataset: datasets == dataset for dataset in sorted(set(datasets))}
    if "pubmedqa" in out:
        for name in ALTERATIONS:
            altered = (datasets == "pubmedqa") & (groups == name)
            applied = list(set(rows[altered]))
            originals = (datasets == "pubmedqa") & (groups == "original") & np.isin(rows, applied)
            out[f"pubmedqa/{name}"] = originals | altered
    return out


def report(items: Sequence[Item], risk: np.ndarray, scores: np.ndarray, threshold: float) -> dict:
    """Per data set (and per PubMedQA alteration): n, undefined, AUROC of the answer risk, AUROC of the weakest
    claim alone (1 − min_score, the former answer score), and balanced accuracy of "some claim is unsupported"."""
    out: dict[str, dict] = {}
    all_labels = np.array([it.label for it in items])

    def block(mask: np.ndarray) -> dict:
        defined = mask & ~np.isnan(risk)
        labels = all_labels[defined]
        return {
            "n_faithful": int((labels == 0).sum()),
            "n_unfaithful": int((labels == 1).sum()),
            "undefined": int((mask & np.isnan(risk)).sum()),
            "auroc": rounded(auroc(labels, risk[defined])),
            "auroc_min_score": rounded(auroc(labels, 1 - scores[defined])),
            "balanced_accuracy": rounded(balanced_accuracy(labels, scores[defined] < threshold)),
        }

    datasets = np.array([it.dataset for it in items])
    groups = np.array([it.group for it in items])
    for dataset in sorted(set(datasets)):
        out[dataset] = block(datasets == dataset)
    if "pubmedqa" in set(datasets):
        rows = np.array([it.row for it in items])
        for name in ALTERATIONS:
            applied = set(rows[(datasets == "pubmedqa") & (groups == name)])
            originals = (datasets == "pubmedqa") & (groups == "original") & np.isin(rows, list(applied))
            altered = (datasets == "pubmedqa") & (groups == name)
            out[f"pubmedqa/{name}"] = block(originals | altered)
            # Paired: is the altered answer riskier than its own original? Independent of the other rows.
            before = {rows[i]: risk[i] for i in np.flatnonzero(originals)}
            diffs = np.array(
                [risk[i] - before[rows[i]] for i in np.flatnonzero(altered) if rows[i] in before]
            )
            diffs = diffs[~np.isnan(diffs)]
            out[f"pubmedqa/{name}"]["paired_riskier"] = (
                rounded(float((diffs > 1e-9).mean())) if len(diffs) else None
            )
            out[f"pubmedqa/{name}"]["paired_safer"] = (
                rounded(float((diffs < -1e-9).mean())) if len(diffs) else None
            )
    return out


def sentence_pairs(items: Sequence[Item], table: FeatureTable, config: VerifierConfig) -> dict:
    """Per PubMedQA alteration, sentence by sentence: each altered claim against its own original claim (the
    original claim of the row sharing most words with it).

    - auroc: of the claim risk, altered vs original claims: what the checks see where the alteration is, free of
      the rest of the answer;
    - flagged_when_supported: of the altered claims whose original was supported, the share now unsupported:
      what the checks catch where support alone could not have."""
    risk, scores = table.claim_risk(config), table.claim_scores(config)
    claims_of: dict[int, list[int]] = {}
    for k, i in enumerate(table.item_of_claim):
        claims_of.setdefault(int(i), []).append(k)
    original = {
        it.row: i for i, it in enumerate(items) if it.dataset == "pubmedqa" and it.group == "original"
    }
    out: dict[str, dict] = {}
    baseline = [scores[k] >= config.threshold for i in original.values() for k in claims_of.get(i, [])]
    out["original_sentences_supported"] = rounded(float(np.mean(baseline))) if baseline else None
    for name in ALTERATIONS:
        pairs: list[tuple[int, int]] = []  # (original claim, altered claim)
        for i, it in enumerate(items):
            if it.group != name or it.row not in original:
                continue
            before = {table.claim_text[k]: k for k in claims_of.get(original[it.row], [])}
            for k in claims_of.get(i, []):
                if table.claim_text[k] in before or not before:
                    continue
                words = set(table.claim_text[k].split())
                twin = max(before, key=lambda text, w=words: len(w & set(text.split())))
                pairs.append((before[twin], k))
        caught = [scores[k] < config.threshold for o, k in pairs if scores[o] >= config.threshold]
        labels = [0] * len(pairs) + [1] * len(pairs)
        out[name] = {
            "n": len(pairs),
            "auroc": rounded(auroc(labels, [risk[o] for o, _ in pairs] + [risk[k] for _, k in pairs])),
            "n_supported": len(caught),
            "flagged_when_supported": rounded(float(np.mean(caught))) if caught else None,
        }
    return out


def threshold_curve(items: Sequence[Item], scores: np.ndarray) -> dict[str, dict[str, float | None]]:
    """Balanced accuracy per data set at thresholds 0.30–0.95: the trade-off behind the chosen threshold (shown,
    never used to choose it)."""
    curve: dict[str, dict[str, float | None]] = {}
    for mask, labels in per_dataset(items):
        keep = mask & ~np.isnan(scores)
        name = items[int(np.flatnonzero(mask)[0])].dataset
        curve[name] = {
            f"{t:.2f}": rounded(balanced_accuracy(labels[keep], scores[keep] < t))
            for t in np.arange(0.3, 0.951, 0.05)
        }
    return curve
