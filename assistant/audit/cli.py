"""`python -m assistant audit --since DATE [--until DATE] [--json]`: the recorded answers of a time window.

Times are UTC, as recorded. A date alone means the whole day: `--since 2026-12-01 --until 2026-12-01` is that
day. A date-time without offset is read as UTC; give one for local time (2026-12-01T09:00+01:00)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from assistant.audit.audit_log import AuditLog
from assistant.audit.audit_record import AuditRecord
from assistant.errors import AssistantError
from assistant.settings import Settings

_QUESTION_WIDTH = 60


def add_audit_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "audit",
        help="list the recorded answers of a time window (scrubbed questions, citations, verification)",
        description=__doc__.split("\n\n", 1)[1],
    )
    parser.add_argument(
        "--since", required=True, help="YYYY-MM-DD or ISO date-time (UTC unless an offset is given)"
    )
    parser.add_argument("--until", help="YYYY-MM-DD (inclusive) or ISO date-time; default: now")
    parser.add_argument("--json", action="store_true", help="print one JSON object per line")
    parser.add_argument("--data-dir", type=Path, help="index folder (default: settings data_dir)")
    parser.add_argument("--profile", help="settings profile overlay, e.g. test")
    parser.add_argument("-v", "--verbose", action="store_true", help=argparse.SUPPRESS)
    return parser


def parse_when(text: str, option: str, end: bool = False) -> dt.datetime:
    """An aware UTC datetime. For an end bound, a bare date means the end of that day (next midnight)."""
    value = text.strip()
    try:
        if len(value) == 10:  # YYYY-MM-DD
            day = dt.date.fromisoformat(value)
            when = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
            return when + dt.timedelta(days=1) if end else when
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise AssistantError(
            f"{option} {text!r} is not a date; use YYYY-MM-DD or an ISO date-time such as 2026-12-01T09:30"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    # An explicit end time is inclusive: move it past the instant so that `time < until` keeps it.
    return when.astimezone(dt.UTC) + (dt.timedelta(microseconds=1) if end else dt.timedelta())


def run_audit(args: argparse.Namespace, settings: Settings) -> int:
    since = parse_when(args.since, "--since")
    until = parse_when(args.until, "--until", end=True) if args.until else None
    if until is not None and until <= since:
        raise AssistantError(f"--until {args.until} is not after --since {args.since}; swap them?")
    audit = AuditLog.from_settings(settings)
    if not audit.files():
        print(
            f"No audit file at {audit.path} yet (audit.enabled: {settings.audit.enabled}).", file=sys.stderr
        )
        return 0
    count = 0
    try:
        if not args.json:
            print(_row("time (UTC)", "lang", "flags", "faith", "sup/uns/rem", "cited", "model", "question"))
        for record in audit.read(since, until):
            count += 1
            if args.json:
                print(_printable(json.dumps(dataclasses.asdict(record), ensure_ascii=False)), flush=True)
            else:
                print(_printable(_table_row(record)))
    except BrokenPipeError:  # `| head` stopped reading: not an error; keep Python quiet at exit too
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if not args.json:
        print(
            "flags: A abstained, X extractive (quoted sources), V verified; sup/uns/rem: supported, "
            "unsupported and removed sentences",
            file=sys.stderr,
        )
    if audit.skipped_lines:
        print(f"{audit.skipped_lines} unreadable line(s) skipped in {audit.path.parent}.", file=sys.stderr)
    print(
        f"{count} answer(s) recorded in this window ({', '.join(map(str, audit.files()))}).", file=sys.stderr
    )
    return 0


def _table_row(r: AuditRecord) -> str:
    v = r.verification
    flags = "".join(code for code, on in (("A", v.abstained), ("X", v.extractive), ("V", v.verified)) if on)
    faith = "-" if v.faithfulness is None else f"{v.faithfulness:.2f}"
    question = r.question if r.question is not None else f"(not scrubbed: {r.question_chars} chars, hashed)"
    question = " ".join(question.split())
    if len(question) > _QUESTION_WIDTH:
        question = question[: _QUESTION_WIDTH - 1] + "…"
    when = r.time.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    counts = f"{v.supported}/{v.unsupported}/{v.removed}"
    return _row(when, r.language, flags or "-", faith, counts, str(len(r.cited_ids)), r.model[:24], question)


def _printable(text: str) -> str:
    """A lone surrogate (kept from a broken paste) would stop print(); in JSON its escape is valid."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _row(*cells: str) -> str:
    widths = (19, 4, 5, 5, 11, 5, 24)
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)) + "  " + cells[-1]
