"""Benchmark: `ask` with the packaged model next to raw llama-cpp-python on the same prompt.

Prints prompt tokens, time to first token (p50/p95) and generation tokens/s for both. Not a test: numbers."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from assistant.bootstrap import Services, build_services, configure_privacy
from assistant.settings import load_settings
from evals.retrieval_eval import percentile

DEFAULT_QUESTIONS = [
    "What adjuvant chemotherapy is recommended after resection of stage III colon cancer?",
    "Quel traitement adjuvant après résection d'un mélanome de stade III ?",
    "How is febrile neutropenia managed initially?",
    "What is the first-line regimen for advanced Hodgkin lymphoma?",
    "Which patients with early breast cancer receive trastuzumab?",
    "Quelle est la place des inhibiteurs de PARP dans le cancer de l'ovaire ?",
    "What is active surveillance in low-risk prostate cancer?",
    "Which first-line treatment for metastatic pancreatic cancer in fit patients?",
]


def raw_llama(
    model_path: Path, prompt: str, max_tokens: int, threads: int, n_ctx: int
) -> tuple[float, float, int]:
    """Time to first token and tokens/s of llama-cpp-python alone, a fresh context (no cached prefix) each time."""
    from llama_cpp import Llama

    llm = Llama(
        model_path=str(model_path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads, verbose=False
    )
    start = time.perf_counter()
    first = None
    count = 0
    for _ in llm.create_completion(prompt, max_tokens=max_tokens, temperature=0.0, stream=True, seed=0):
        count += 1
        if first is None:
            first = time.perf_counter()
    end = time.perf_counter()
    assert first is not None
    return first - start, (count - 1) / (end - first) if count > 1 else float("nan"), count


def measure(services: Services, max_tokens: int = 64, questions: list[str] | None = None) -> dict:
    """`ask` timings on demo questions, and raw llama-cpp-python on each same prompt (fresh context)."""
    questions = questions or DEFAULT_QUESTIONS
    gen = services.generator
    services.answers.warm_up()  # as app.py does at start: both spaCy pipelines, the model, the system prefix
    services.answers.ask(questions[0])  # and one question (first-call allocations)
    ttft, tps, prompt_tokens, raw_ttft, raw_tps = [], [], [], [], []
    for question in questions:
        answer = services.answers.ask(question)
        if answer.abstained or answer.timings.time_to_first_token_s is None:
            continue
        t = answer.timings
        ttft.append(t.time_to_first_token_s)
        tps.append(t.generation_tokens_per_s or float("nan"))
        prompt_tokens.append(t.prompt_tokens)
        if getattr(gen, "last_prompt", None):
            r_ttft, r_tps, _ = raw_llama(
                gen.model_path,
                gen.last_prompt,
                max_tokens,
                services.settings.llm.threads or _cores(),
                services.settings.llm.context_tokens,
            )
            raw_ttft.append(r_ttft)
            raw_tps.append(r_tps)
    figures = {
        "model": gen.model_id,
        "questions_answered": len(ttft),
        "prompt_tokens_mean": statistics.fmean(prompt_tokens) if prompt_tokens else None,
        "ask_ttft_s_p50": percentile(ttft, 50),
        "ask_ttft_s_p95": percentile(ttft, 95),
        "ask_tokens_per_s_p50": percentile(tps, 50),
        "raw_ttft_s_p50": percentile(raw_ttft, 50),
        "raw_tokens_per_s_p50": percentile(raw_tps, 50),
    }
    if raw_tps:
        figures["generation_ratio_vs_raw"] = figures["ask_tokens_per_s_p50"] / figures["raw_tokens_per_s_p50"]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, help="index to use (default: settings data_dir)")
    parser.add_argument("--model", type=Path, help="a GGUF file (default: the packaged demo model)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--max-tokens", type=int, default=64)
    args = parser.parse_args(argv)
    configure_privacy()
    llm: dict = {"max_answer_tokens": args.max_tokens, "temperature": 0.0}
    if args.model:
        llm["model_path"] = args.model
    services = build_services(load_settings(data_dir=args.data_dir, llm=llm))
    services.store.refresh_lexical_index()
    figures = measure(services, args.max_tokens)
    for key, value in figures.items():
        print(f"{key:28s} {value:.3f}" if isinstance(value, float) else f"{key:28s} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    raise SystemExit(main())
