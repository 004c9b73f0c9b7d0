"""`python -m assistant search|ask|letter|audit` — the same services as the UI and the evals."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.answering import DEMO_MODEL_NOTICE
from assistant.bootstrap import Services, build_services, configure_privacy
from assistant.errors import AssistantError
from assistant.settings import load_settings
from assistant.types import Answer


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assistant", description="Local, grounded oncology assistant."
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, help="index folder (default: settings data_dir)")
    common.add_argument("--profile", help="settings profile overlay, e.g. test")
    common.add_argument("--json", action="store_true", help="print JSON")
    common.add_argument(
        "--queries", type=Path, help="file with one query per line; prints one JSON object per line"
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log the prompt and timings to stderr")
    sub = parser.add_subparsers(dest="command", required=True)
    search = sub.add_parser("search", parents=[common], help="guideline lookup, no LLM")
    search.add_argument("query", nargs="?")
    search.add_argument("--k", type=int, default=None, help="number of results")
    search.add_argument("--kind", choices=["guideline", "patient"], help="only this kind of document")
    ask = sub.add_parser("ask", parents=[common], help="grounded answer with citations")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--model", type=Path, help="a local GGUF file instead of the packaged demo model")
    from assistant.audit.cli import add_audit_parser
    from assistant.letters.cli import add_letter_parser

    add_letter_parser(sub, parents=[common])
    add_audit_parser(sub)
    return parser


def search_json(services: Services, query: str, k: int | None, kind: str | None = None) -> dict[str, Any]:
    from assistant.retrieval import SearchFilters

    hits = services.search.search(query, k, SearchFilters(kind=kind) if kind else None)
    return {
        "query": query,
        "results": [
            {
                "rank": h.rank,
                "score": h.score,
                "source": h.source,
                "title": h.title,
                "section": h.section,
                "page": h.page,
                "text": h.text,
            }
            for h in hits
        ],
    }


def answer_json(answer: Answer) -> dict[str, Any]:
    return {
        "question": answer.question,
        "answer": answer.text,
        "citations": [
            {
                "n": c.n,
                "source": c.source,
                "title": c.title,
                "section": c.section,
                "page": c.page,
                "text": c.text,
            }
            for c in answer.citations
        ],
        "abstained": answer.abstained,
        "extractive": answer.extractive,
        "faithfulness": answer.faithfulness,
        "sentences": [dataclasses.asdict(s) for s in answer.sentences],
        "timings": dataclasses.asdict(answer.timings),
        "model": answer.model,
        "language": answer.language,
    }


def _inputs(args: argparse.Namespace, positional: str | None) -> Iterator[str]:
    if args.queries:
        try:
            lines = args.queries.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise AssistantError(f"--queries: cannot read {args.queries} as UTF-8 text ({exc}).") from exc
        yield from (line for line in lines if line.strip())
    elif positional is not None:
        yield positional
    else:
        raise AssistantError("Give a query, or --queries FILE with one query per line.")


def _print_answer(answer: Answer, demo: bool) -> None:
    if demo:
        print(f"⚠ {DEMO_MODEL_NOTICE.get(answer.language, DEMO_MODEL_NOTICE['en'])}\n", file=sys.stderr)
    print(answer.text)
    for c in answer.citations:
        where = f" › {c.section}" if c.section else ""
        print(f"  [{c.n}] {c.title}{where}  ({c.source})")
    t = answer.timings
    print(
        f"\nretrieval {t.retrieval_ms:.0f} ms · prompt {t.prompt_tokens} tokens · first token "
        f"{(t.time_to_first_token_s or 0):.2f} s · {t.generation_tokens_per_s or 0:.1f} tokens/s",
        file=sys.stderr,
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    configure_privacy()
    try:
        overrides: dict[str, Any] = {"data_dir": args.data_dir}
        if getattr(args, "model", None):
            overrides["llm"] = {"model_path": args.model}
        settings = load_settings(profile=args.profile, **overrides)
        if args.command == "audit":  # reads files only: no models to load
            from assistant.audit.cli import run_audit

            return run_audit(args, settings)
        services = build_services(settings, scrub=args.command != "search")
        if services.store.count() == 0:
            raise AssistantError(
                f"The index in {settings.data_dir} is empty; ingest documents first: "
                "python -m corpora ingest PATH --kind guideline"
            )
        services.store.refresh_lexical_index()
        if args.command == "letter":
            from assistant.letters.cli import run_letter

            return run_letter(args, services)
        as_lines = args.queries is not None
        if args.command == "search":
            for query in _inputs(args, args.query):
                result = search_json(services, query, args.k, args.kind)
                if as_lines or args.json:
                    print(json.dumps(result, ensure_ascii=False, indent=None if as_lines else 2), flush=True)
                else:
                    for r in result["results"]:
                        print(
                            f"{r['rank']}. {r['title']} › {r['section']}  [{r['score']:.4f}]\n   {r['source']}"
                        )
            return 0
        for question in _inputs(args, args.question):
            answer = services.answers.ask(question)
            if as_lines or args.json:
                print(
                    json.dumps(answer_json(answer), ensure_ascii=False, indent=None if as_lines else 2),
                    flush=True,
                )
            else:
                _print_answer(answer, services.generator.demo)
        return 0
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
