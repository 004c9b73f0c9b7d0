"""Citation markers in generated answers. Parsing is the verifier's (guardrails), so both read markers alike."""

from __future__ import annotations

import re

from guardrails.verification import extract_citations
from guardrails.verification.citations import CITATION_RE


def cited_numbers(text: str) -> list[int]:
    """All source numbers the text cites, in order of first appearance."""
    return list(extract_citations(text))


def clean_citations(text: str, valid: set[int]) -> str:
    """Rewrites markers keeping only valid numbers; a marker with none left disappears."""

    def repl(match: re.Match[str]) -> str:
        return "".join(f"[{n}]" for n in extract_citations(match.group(0)) if n in valid)

    cleaned = CITATION_RE.sub(repl, text)
    return re.sub(r"[ \t]+([.,;:])", r"\1", re.sub(r"[ \t]{2,}", " ", cleaned)).strip()


def add_marker(sentence: str, n: int) -> str:
    """Puts [n] before the sentence's final punctuation: "…chemotherapy [2]."."""
    body = sentence.rstrip()
    if body and body[-1] in ".!?…":
        return f"{body[:-1].rstrip()} [{n}]{body[-1]}"
    return f"{body} [{n}]"
