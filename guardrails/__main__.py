"""`python -m guardrails scrub [--lang en|fr] [--json] [--shift-days N] < note.txt`

Reads a note on standard input and prints it with identifiers replaced by typed placeholders. `--json` prints
the scrubbed text with the detected entities (type, start, end, score; offsets in the input). The mapping back
to the original values is never printed.
"""

from __future__ import annotations

import argparse
import json
import sys


def _scrub(args: argparse.Namespace) -> int:
    text = sys.stdin.read()
    if not text.strip():
        print("error: empty input: pipe the note to scrub on standard input, e.g. "
              "`python -m guardrails scrub < note.txt`", file=sys.stderr)  # fmt: skip
        return 2
    from guardrails.phi import PhiScrubber
    from guardrails.phi.engine_factory import SpacyModelNotInstalledError

    try:
        result = PhiScrubber(date_shift_days=args.shift_days).scrub(text, language=args.lang)
    except SpacyModelNotInstalledError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    if args.json:
        payload = {
            "language": result.language,
            "text": result.text,
            "entities": [
                {"type": e.type, "start": e.start, "end": e.end, "score": e.score} for e in result.entities
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(result.text if result.text.endswith("\n") else result.text + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guardrails", description="Local guardrails for clinical text."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    scrub = commands.add_parser("scrub", help="remove identifiers (PHI) from the text on standard input")
    scrub.add_argument(
        "--lang", choices=["en", "fr"], default=None, help="language of the note (default: detect)"
    )
    scrub.add_argument("--json", action="store_true", help="print text and entities as JSON")
    scrub.add_argument(
        "--shift-days", type=int, default=None, help="shift dates by N days instead of replacing them"
    )
    args = parser.parse_args(argv)
    if args.command == "scrub":
        return _scrub(args)
    parser.error(f"unknown command {args.command}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
