"""`python -m assistant letter --patient ID --kind consult|rcp --lang en|fr --out FILE.docx|.pdf`.

The CLI never re-identifies: the placeholder→identifier mapping only exists in the memory of the UI session
that de-identified the note, so the exported letter holds the pseudonymous ID and placeholders."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.letters.letter_draft import FLAG
from assistant.letters.letter_export import EXPORT_FORMATS, export_letter
from assistant.letters.letter_template import LETTER_KINDS, LETTER_LANGUAGES


def add_letter_parser(
    subparsers: Any, parents: Sequence[argparse.ArgumentParser] = ()
) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "letter",
        parents=list(parents),
        help="draft a consultation letter or a tumour-board summary for a de-identified patient",
    )
    parser.add_argument("--patient", required=True, help="pseudonymous patient ID, e.g. P-1A2B3C4D5E")
    parser.add_argument(
        "--kind", choices=LETTER_KINDS, default="consult", help="consult letter or rcp summary"
    )
    parser.add_argument("--lang", choices=LETTER_LANGUAGES, default="en", help="language of the letter")
    parser.add_argument("--out", type=Path, required=True, help="output file, .docx or .pdf")
    parser.add_argument("--instructions", default="", help="reason for referral / question for the board")
    parser.add_argument("--recipient", default="", help="addressee, e.g. 'Dr Martin (GP)'")
    parser.add_argument("--author", default="", help="signature line")
    return parser


def run_letter(args: argparse.Namespace, services: Any) -> int:
    """Drafts and exports; 0 on success, 2 on an error the user can fix (printed as one message)."""
    from assistant.letters.clinical_services import build_clinical_services

    try:
        if Path(args.out).suffix.lower() not in EXPORT_FORMATS:
            raise AssistantError(f"--out {args.out}: use a .docx or .pdf file name.")
        clinical = build_clinical_services(services)
        draft = clinical.letters.draft(
            args.patient,
            kind=args.kind,
            language=args.lang,
            instructions=args.instructions,
            recipient=args.recipient,
            author=args.author,
        )
        path = export_letter(draft.text, Path(args.out))
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Letter written to {path}")
    if draft.demo:
        print("⚠ Drafted with the demo model: not for clinical use.", file=sys.stderr)
    if not draft.verified:
        print("⚠ The recommendations were not verified against the sources (no verifier).", file=sys.stderr)
    if draft.removed:
        print(
            f"{len(draft.removed)} sentence(s) of the model were not supported by the guidelines and were left out.",
            file=sys.stderr,
        )
    if draft.flagged or draft.abstained:
        print(
            f"{FLAG} {len(draft.flagged) + int(draft.abstained)} sentence(s) are marked {FLAG}: "
            "check them against the cited guideline before sending.",
            file=sys.stderr,
        )
    return 0
