from __future__ import annotations

import math

import pytest

from evals.datasets import medquad_pdq_url_to_file
from evals.retrieval_metrics import dedupe, hit_at_k, ndcg_at_k, recall_at_k, reciprocal_rank

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("ranked", "gold", "k", "hit", "rr"),
    [
        (["a", "b", "c"], {"a"}, 1, 1.0, 1.0),
        (["b", "a", "c"], {"a"}, 1, 0.0, 0.5),
        (["b", "c", "a"], {"a"}, 3, 1.0, 1 / 3),
        (["b", "c"], {"a"}, 5, 0.0, 0.0),
    ],
)
def test_hit_and_reciprocal_rank(ranked, gold, k, hit, rr) -> None:
    assert hit_at_k(ranked, gold, k) == hit
    assert reciprocal_rank(ranked, gold) == pytest.approx(rr)


def test_recall_counts_each_gold_item() -> None:
    assert recall_at_k(["a", "x", "b"], {"a", "b"}, 2) == 0.5
    assert recall_at_k(["a", "x", "b"], {"a", "b"}, 3) == 1.0
    with pytest.raises(ValueError, match="undefined"):
        recall_at_k(["a"], set(), 1)


def test_ndcg_is_one_for_a_perfect_ranking_and_lower_otherwise() -> None:
    assert ndcg_at_k(["a", "b"], {"a", "b"}, 10) == pytest.approx(1.0)
    assert ndcg_at_k(["x", "a"], {"a"}, 10) == pytest.approx(1 / math.log2(3))
    assert ndcg_at_k(["x"], {"a"}, 10) == 0.0


def test_dedupe_keeps_first_rank_of_each_source() -> None:
    assert dedupe(["a", "b", "a", "c", "b"]) == ["a", "b", "c"]


def test_medquad_urls_map_to_the_health_professional_summary() -> None:
    url = "https://www.cancer.gov/types/colorectal/patient/colon-treatment-pdq"
    assert medquad_pdq_url_to_file(url) == "types-colorectal-hp-colon-treatment-pdq.md"
