"""`python -m corpora ingest PATH... --kind guideline|patient [--data-dir DIR] [--profile NAME]`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.types import DocumentKind


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m corpora", description="Build the assistant's index.")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser(
        "ingest",
        help="add files or folders (walked recursively) to the index",
        description="Guidelines: .md .pdf .html .txt. Patients: .txt/.md notes and FHIR bundles (.json), "
        "scrubbed and pseudonymised before indexing.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    ingest.add_argument("--kind", choices=["guideline", "patient"], required=True)
    ingest.add_argument(
        "--data-dir", type=Path, default=None, help="index folder (default: settings data_dir)"
    )
    ingest.add_argument("--profile", default=None, help="settings profile (settings-<profile>.yaml)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.add_argument("-v", "--verbose", action="store_true")
    return parser


def _run_ingest(args: argparse.Namespace) -> int:
    # Heavy imports (Chroma, models) only once the arguments are known to be valid.
    from assistant.bootstrap import build_scrubber, build_store, configure_privacy
    from assistant.settings import load_settings
    from corpora.ingest import ingest_paths
    from corpora.patients import local_salt

    configure_privacy()
    overrides: dict[str, Any] = {"data_dir": args.data_dir}
    settings = load_settings(profile=args.profile, **overrides)
    kind: DocumentKind = args.kind
    scrubber = build_scrubber(settings) if kind == "patient" else None
    salt = local_salt(settings.data_dir) if kind == "patient" else None
    store = build_store(settings)
    report = ingest_paths(args.paths, kind, store, scrubber=scrubber, progress=not args.quiet, salt=salt)
    print(report.summary())
    if not report.ok:
        print(
            "Nothing was ingested: no readable file was found. Check the paths and the reasons above "
            f"(supported for --kind {kind}: see `python -m corpora ingest --help`).",
            file=sys.stderr,
        )
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    try:
        return _run_ingest(args)
    except AssistantError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
