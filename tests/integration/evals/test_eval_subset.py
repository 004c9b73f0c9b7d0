"""The small eval subset that runs in `make test`: real model, real verifier, demo corpus, with thresholds.

The full run is `python -m evals run --suite all --out DIR` (README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.bootstrap import build_services
from assistant.settings import load_settings
from evals.answer_eval import evaluate_answers
from evals.datasets import DATA_DIR
from evals.suites import DEMO_DIR

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from corpora.ingest import ingest_paths

    services = build_services(load_settings(profile="test", data_dir=tmp_path_factory.mktemp("demo-index")))
    ingest_paths([DEMO_DIR], "guideline", services.store, progress=False)
    return evaluate_answers(services, Path(DATA_DIR), limit=4)


def test_delivered_answers_are_faithful_to_their_citations(report: dict) -> None:
    summary = report["summary"]
    assert summary["answered_rate"] == 1.0
    assert summary["faithfulness_after"] is not None and summary["faithfulness_after"] >= 0.95
    assert summary["citation_recall"] >= 0.95
    assert summary["unsupported_numbers_total"] == 0


def test_unanswerable_questions_abstain(report: dict) -> None:
    assert report["summary"]["abstention_correct_unanswerable"] == 1.0
