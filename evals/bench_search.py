"""Benchmark: search latency p50/p95 over the team's questions (or a queries file). Prints numbers."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from assistant.bootstrap import build_services, configure_privacy
from assistant.settings import load_settings
from evals.datasets import DATA_DIR, read_jsonl
from evals.retrieval_eval import percentile


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--questions", type=Path, default=DATA_DIR / "retrieval_pdq.jsonl")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--no-scrub", action="store_true", help="time retrieval alone, without the query's PHI scrubbing"
    )
    args = parser.parse_args(argv)
    configure_privacy()
    # By default as a clinician's lookup runs: the query is scrubbed first (assistant/search_service.py).
    services = build_services(load_settings(data_dir=args.data_dir), scrub=not args.no_scrub)
    services.store.refresh_lexical_index()
    questions = [row["question"] for row in read_jsonl(args.questions)]
    services.search.search(questions[0], args.k)  # warm-up: embedder and index load
    latencies = []
    for _ in range(args.rounds):
        for q in questions:
            start = time.perf_counter()
            services.search.search(q, args.k)
            latencies.append((time.perf_counter() - start) * 1000)
    print(f"chunks indexed       {services.store.count()}")
    print(f"query scrubbed       {not args.no_scrub}")
    print(f"queries              {len(latencies)}")
    print(f"search p50 ms        {percentile(latencies, 50):.1f}")
    print(f"search p95 ms        {percentile(latencies, 95):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
