"""`python -m evals run --suite retrieval|answers|phi|verifier|speed|all --out DIR [--data PATH]`
`python -m evals score --input FILE.jsonl --out FILE.jsonl`"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.bootstrap import configure_privacy
from evals.report import write_report

REPO = Path(__file__).resolve().parent.parent


def _suites() -> dict[str, Callable[[Any], dict[str, Any]]]:
    from evals import suites

    return {name.removesuffix("_suite"): fn for name, fn in vars(suites).items() if name.endswith("_suite")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run eval suites and write report.json and report.md")
    run.add_argument(
        "--suite", default="all", help="retrieval, answers, phi, verifier, speed or all (comma list)"
    )
    run.add_argument("--data", type=Path, default=REPO.parent / "shared", help="the shared data folder")
    run.add_argument("--out", type=Path, required=True)
    run.add_argument("--index", type=Path, help="index folder for PDQ + demo (default: OUT/index)")
    run.add_argument("--previous", type=Path, help="a previous report.json to compare with")
    run.add_argument("--medquad-limit", type=int, default=None)
    run.add_argument("--quick", action="store_true", help="small samples (the subset run by make test)")
    score = sub.add_parser("score", help="score answers for faithfulness")
    score.add_argument("--input", required=True)
    score.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    configure_privacy()
    if args.command == "score":
        from evals.score import main as score_main

        return score_main(["--input", args.input, "--out", args.out])

    from evals.suites import EvalContext

    available = _suites()
    wanted = list(available) if args.suite == "all" else [s.strip() for s in args.suite.split(",")]
    unknown = [s for s in wanted if s not in available]
    if unknown:
        print(f"error: unknown suite(s) {unknown}; choose from {sorted(available)}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    ctx = EvalContext(
        out_dir=args.out,
        shared_dir=args.data if args.data.is_dir() else None,
        index_dir=args.index or args.out / "index",
        demo_index_dir=args.out / "demo-index",
        medquad_limit=args.medquad_limit,
        quick=args.quick,
    )
    previous = args.previous or (args.out / "report.json" if (args.out / "report.json").is_file() else None)
    if previous and previous == args.out / "report.json":
        kept = args.out / "report.previous.json"
        kept.write_bytes(previous.read_bytes())
        previous = kept
    results: dict[str, Any] = {
        "meta": {
            "date": dt.datetime.now().isoformat(timespec="seconds"),
            "suites": ",".join(wanted),
            "shared": str(ctx.shared_dir) if ctx.shared_dir else "absent",
            "quick": args.quick,
        }
    }
    for name in wanted:
        print(f"== suite {name}", file=sys.stderr)
        results[name] = available[name](ctx)
    path = write_report(args.out, results, previous)
    print(path.read_text("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
