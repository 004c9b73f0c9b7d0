"""Retrieval suite: recall@k, hit@k, MRR and nDCG per question set and language, with p50/p95 latency."""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.search_service import SearchService
from evals.datasets import RetrievalQuestion
from evals.retrieval_metrics import dedupe, hit_at_k, ndcg_at_k, recall_at_k, reciprocal_rank

K_VALUES = (1, 3, 5, 10)


@dataclass
class RetrievalScores:
    n: int
    hit_at: dict[int, float]
    recall_at: dict[int, float]
    mrr: float
    ndcg_at_10: float
    latency_ms_p50: float
    latency_ms_p95: float
    misses: list[dict] = field(default_factory=list)  # questions with no gold source in the top 5


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    idx = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[idx]


def evaluate(
    search: SearchService, questions: Sequence[RetrievalQuestion], k: int = 10
) -> dict[str, RetrievalScores]:
    """Scores per group: 'all', each set name, and each set/language."""
    rows: dict[str, list[tuple[list[str], RetrievalQuestion, float]]] = defaultdict(list)
    for q in questions:
        start = time.perf_counter()
        hits = search.search(q.question, k * 3)  # several chunks per source: fetch more, dedupe to sources
        elapsed = (time.perf_counter() - start) * 1000
        ranked = dedupe(Path(h.source).name for h in hits)[:k]
        for group in ("all", q.set_name, f"{q.set_name}/{q.language}"):
            rows[group].append((ranked, q, elapsed))
    return {group: _score(items) for group, items in rows.items()}


def _score(items: list[tuple[list[str], RetrievalQuestion, float]]) -> RetrievalScores:
    def mean(values: list[float]) -> float:
        return statistics.fmean(values) if values else float("nan")

    latencies = [t for _, _, t in items]
    return RetrievalScores(
        n=len(items),
        hit_at={k: mean([hit_at_k(r, set(q.gold_sources), k) for r, q, _ in items]) for k in K_VALUES},
        recall_at={k: mean([recall_at_k(r, set(q.gold_sources), k) for r, q, _ in items]) for k in K_VALUES},
        mrr=mean([reciprocal_rank(r, set(q.gold_sources)) for r, q, _ in items]),
        ndcg_at_10=mean([ndcg_at_k(r, set(q.gold_sources), 10) for r, q, _ in items]),
        latency_ms_p50=percentile(latencies, 50),
        latency_ms_p95=percentile(latencies, 95),
        misses=[
            {"id": q.id, "question": q.question, "gold": sorted(q.gold_sources), "got": r[:5]}
            for r, q, _ in items
            if not hit_at_k(r, set(q.gold_sources), 5)
        ],
    )


def main(argv: list[str] | None = None) -> int:
    """Score question files against an existing index without re-ingesting (e.g. a held-out set):
    `python -m evals.retrieval_eval --index DIR --questions evals/data/retrieval_pdq_fr_heldout.jsonl`."""
    import argparse

    from assistant.bootstrap import build_services, configure_privacy
    from assistant.settings import load_settings
    from evals.datasets import DATA_DIR, team_questions

    parser = argparse.ArgumentParser(prog="python -m evals.retrieval_eval", description=main.__doc__)
    parser.add_argument("--index", type=Path, required=True, help="an index folder already built")
    parser.add_argument(
        "--questions", type=Path, nargs="+", default=[DATA_DIR / "retrieval_pdq_fr_heldout.jsonl"]
    )
    parser.add_argument(
        "--misses", action="store_true", help="list questions with no gold source in the top 5"
    )
    args = parser.parse_args(argv)
    configure_privacy()
    services = build_services(load_settings(data_dir=args.index), scrub=False)
    if services.store.count() == 0:
        parser.error(f"{args.index} holds no index")
    services.store.refresh_lexical_index()
    questions = [q for path in args.questions for q in team_questions(path)]
    scores = evaluate(services.search, questions)
    print(
        f"{'set':32} {'n':>4} {'hit@1':>6} {'hit@5':>6} {'hit@10':>6} {'MRR':>6} {'p50 ms':>7} {'p95 ms':>7}"
    )
    for group in sorted(g for g in scores if "/" in g) + ["all"]:
        s = scores[group]
        print(
            f"{group:32} {s.n:4d} {s.hit_at[1]:6.3f} {s.hit_at[5]:6.3f} {s.hit_at[10]:6.3f} {s.mrr:6.3f} "
            f"{s.latency_ms_p50:7.1f} {s.latency_ms_p95:7.1f}"
        )
        for miss in s.misses if args.misses and group != "all" else []:
            print(
                f"    MISS {miss['id']}: {miss['question']}\n         gold {miss['gold']} got {miss['got']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
