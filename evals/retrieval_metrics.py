"""Ranking metrics over a list of retrieved sources and a set of gold sources (binary relevance)."""

from __future__ import annotations

import math
from collections.abc import Sequence


def first_relevant_rank(ranked: Sequence[str], gold: set[str]) -> int | None:
    """1-based rank of the first relevant item, None when none was retrieved."""
    for i, item in enumerate(ranked, start=1):
        if item in gold:
            return i
    return None


def recall_at_k(ranked: Sequence[str], gold: set[str], k: int) -> float:
    if not gold:
        raise ValueError("recall is undefined without gold items")
    return len(set(ranked[:k]) & gold) / len(gold)


def hit_at_k(ranked: Sequence[str], gold: set[str], k: int) -> float:
    rank = first_relevant_rank(ranked, gold)
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(ranked: Sequence[str], gold: set[str]) -> float:
    rank = first_relevant_rank(ranked, gold)
    return 0.0 if rank is None else 1.0 / rank


def ndcg_at_k(ranked: Sequence[str], gold: set[str], k: int) -> float:
    seen: set[str] = set()
    dcg = 0.0
    for i, item in enumerate(ranked[:k], start=1):
        if item in gold and item not in seen:  # a source counts once, however many of its chunks rank
            dcg += 1.0 / math.log2(i + 1)
            seen.add(item)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(gold), k) + 1))
    return dcg / ideal if ideal else 0.0


def dedupe(ranked: Sequence[str]) -> list[str]:
    """Sources in rank order, each once (several chunks of one summary are one hit)."""
    return list(dict.fromkeys(ranked))
