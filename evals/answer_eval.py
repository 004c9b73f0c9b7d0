"""Answers suite: faithfulness before and after verification, citation precision and recall (ALCE), unsupported
numbers, abstention on unanswerable questions, key facts and answer relevance. Undefined scores stay None."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.bootstrap import Services
from assistant.types import Answer
from evals.datasets import read_jsonl
from guardrails.verification import AnswerVerifier, extract_citations, split_sentences, strip_citations
from guardrails.verification.quantities import extract_quantities, missing_quantities


def _fmt(value: Any) -> str:
    if value is None:
        return "undefined"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _mean(values: Sequence[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return statistics.fmean(defined) if defined else None


def citation_scores(answer: Answer, verifier: AnswerVerifier) -> tuple[float | None, float | None]:
    """ALCE citation recall (claim sentences whose citations jointly support them) and precision (citations
    that support their sentence alone, or without which the rest no longer does)."""
    sources = {c.n: c.text for c in answer.citations}
    recalls: list[float] = []
    precise: list[float] = []
    for check in answer.sentences:
        if not check.claim:
            continue
        cited = [n for n in extract_citations(check.text) if n in sources]
        recalls.append(1.0 if cited and check.status == "supported" else 0.0)
        for n in cited:
            alone = verifier.verify(check.text, {n: sources[n]}, require_citations=False).faithfulness == 1.0
            others = {m: sources[m] for m in cited if m != n}
            needed = (
                bool(others)
                and verifier.verify(check.text, others, require_citations=False).faithfulness != 1.0
            )
            precise.append(1.0 if alone or (check.status == "supported" and needed) else 0.0)
    return (_mean(recalls), _mean(precise))


def unsupported_numbers(answer: Answer) -> int:
    evidence = " ".join(c.text for c in answer.citations)
    known = extract_quantities(evidence)
    return sum(
        len(missing_quantities(extract_quantities(strip_citations(s)), known))
        for s in split_sentences(answer.text)
    )


def _relevance(services: Services, question: str, text: str) -> float:
    vectors = services.store.embedder.embed([question, strip_citations(text)])
    return float(np.dot(vectors[0], vectors[1]))


def evaluate_answers(services: Services, data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    verifier = services.answers.verifier
    answerable = read_jsonl(data_dir / "answers_demo.jsonl")
    unanswerable = read_jsonl(data_dir / "unanswerable.jsonl")
    if limit:
        answerable, unanswerable = answerable[:limit], unanswerable[: limit * 2]
    rows: list[dict[str, Any]] = []
    for item in answerable:
        a = services.answers.ask(item["question"])
        recall, precision = citation_scores(a, verifier) if verifier and not a.abstained else (None, None)
        facts = item.get("key_facts") or []
        rows.append(
            {
                "id": item["id"],
                "language": item["language"],
                "answerable": True,
                "abstained": a.abstained,
                "extractive": a.extractive,
                "faithfulness_before": a.draft_faithfulness,
                "faithfulness_after": a.faithfulness,
                "citation_recall": recall,
                "citation_precision": precision,
                "unsupported_numbers": unsupported_numbers(a) if not a.abstained else 0,
                "key_facts": (sum(f.lower() in a.text.lower() for f in facts) / len(facts))
                if facts
                else None,
                "relevance": None if a.abstained else _relevance(services, item["question"], a.text),
                "answer": a.text,
                "draft": a.draft,
            }
        )
    for item in unanswerable:
        a = services.answers.ask(item["question"])
        rows.append(
            {
                "id": item["id"],
                "language": item["language"],
                "answerable": False,
                "abstained": a.abstained,
                "answer": a.text,
            }
        )
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]
    summary = {
        "answerable": len(ans),
        "unanswerable": len(una),
        "answered_rate": _mean([0.0 if r["abstained"] else 1.0 for r in ans]),
        "abstention_correct_unanswerable": _mean([1.0 if r["abstained"] else 0.0 for r in una]),
        "extractive_rate": _mean([1.0 if r["extractive"] else 0.0 for r in ans if not r["abstained"]]),
        "faithfulness_before": _mean([r["faithfulness_before"] for r in ans]),
        "faithfulness_after": _mean([r["faithfulness_after"] for r in ans]),
        "faithfulness_after_undefined": sum(1 for r in ans if r["faithfulness_after"] is None),
        "citation_recall": _mean([r["citation_recall"] for r in ans]),
        "citation_precision": _mean([r["citation_precision"] for r in ans]),
        "unsupported_numbers_total": sum(r["unsupported_numbers"] for r in ans),
        "key_facts_recall": _mean([r["key_facts"] for r in ans]),
        "answer_relevance": _mean([r["relevance"] for r in ans]),
    }
    return {
        "summary": summary,
        "rows": rows,
        "table": {"header": ["figure", "value"], "rows": [[k, _fmt(v)] for k, v in summary.items()]},
        "notes": [
            f"model: {services.generator.model_id}" + (" (demo model)" if services.generator.demo else ""),
            "before = the model's draft checked against all given evidence; after = the delivered text, "
            "citations required. Means over answers where the figure is defined.",
            "failed abstentions: " + (", ".join(r["id"] for r in una if not r["abstained"]) or "none"),
        ],
    }
