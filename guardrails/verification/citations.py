"""Citation markers in an answer: "[1]", "[1, 2]", "[1][3]", "[2-4]", "[Source 2]"."""

from __future__ import annotations

import re

CITATION_RE = re.compile(
    r"\[\s*(?:sources?\s*)?(\d{1,3}(?:\s*(?:[,;]|[-–]|and|et)\s*(?:sources?\s*)?\d{1,3})*)\s*\]",
    re.IGNORECASE,
)
MAX_RANGE = 20  # "[1-300]" is not a citation range anyone means


def _numbers(group: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r"\s*(?:[,;]|\band\b|\bet\b)\s*", group, flags=re.IGNORECASE):
        part = re.sub(r"(?i)sources?\s*", "", part).strip()
        if not part:
            continue
        bounds = re.split(r"\s*[-–]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            numbers.extend(range(low, high + 1) if 0 <= high - low <= MAX_RANGE else (low, high))
        elif part.isdigit():
            numbers.append(int(part))
    return numbers


def extract_citations(text: str) -> tuple[int, ...]:
    """Source numbers cited in `text`, in order of first appearance, without repeats."""
    seen: dict[int, None] = {}
    for match in CITATION_RE.finditer(text):
        for n in _numbers(match.group(1)):
            seen.setdefault(n, None)
    return tuple(seen)


def strip_citations(text: str) -> str:
    """`text` without its markers, spaces tidied ("survival [1]." → "survival.")."""
    stripped = CITATION_RE.sub("", text)
    stripped = re.sub(r"\s+([.,;:!?])", r"\1", stripped)
    return re.sub(r"\s{2,}", " ", stripped).strip()
