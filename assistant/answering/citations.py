"""Citation markers: parse [n], [n, m], [n-m] and [n][m]; drop those that point to no given source."""

from __future__ import annotations

import re

_MARKER = re.compile(r"\[(\s*\d+\s*(?:[-–,;]\s*\d+\s*)*)\]")


def _numbers(inner: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"[,;]", inner):
        bounds = [int(x) for x in re.split(r"[-–]", part) if x.strip()]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] < 20:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


def cited_numbers(text: str) -> list[int]:
    """All source numbers the text cites, in order of first appearance."""
    seen: list[int] = []
    for match in _MARKER.finditer(text):
        for n in _numbers(match.group(1)):
            if n not in seen:
                seen.append(n)
    return seen


def clean_citations(text: str, valid: set[int]) -> str:
    """Rewrites markers keeping only valid numbers; a marker with none left disappears."""

    def repl(match: re.Match[str]) -> str:
        kept = [n for n in dict.fromkeys(_numbers(match.group(1))) if n in valid]
        return "".join(f"[{n}]" for n in kept)

    cleaned = _MARKER.sub(repl, text)
    return re.sub(r"[ \t]+([.,;:])", r"\1", re.sub(r"[ \t]{2,}", " ", cleaned)).strip()
