"""Removing web markup from Markdown converted from web pages (citation markers, navigation, images, links).

The rules are data, applied in order; each one names the markup it removes so a new source can add its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CleanupRule:
    name: str
    pattern: re.Pattern[str]
    replacement: str


def _rule(name: str, pattern: str, replacement: str = "", flags: int = 0) -> CleanupRule:
    return CleanupRule(name, re.compile(pattern, flags), replacement)


_URL = r"\(\s*<?[^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*>?(?:\s+\"[^\"]*\")?\s*\)"  # (url "optional title")
_CITATION = r"\[\d+\]\(#cit/[^)]*\)"

CLEANUP_RULES: tuple[CleanupRule, ...] = (
    _rule("non-breaking spaces", "[\u00a0\u202f]", " "),
    _rule("zero-width characters", "[\u200b\u200c\u200d\u2060\ufeff]"),
    # [[1](#cit/section_1.1)], [[4](#cit/section_1.4)-[6](#cit/section_1.6)], [[11](#cit/...),[12](#cit/...)]
    _rule("citation markers", rf"\s?\[{_CITATION}(?:\s*[,\-–]\s*{_CITATION})*\]"),
    _rule(
        "navigation links",
        r"^[ \t]*\[Go to (?:Patient|Health Professional) Version\]" + _URL + r"[ \t]*$",
        flags=re.M,
    ),
    _rule("enlarge links", r"\[Enlarge\]" + _URL),
    _rule("images", r"!\[[^\]]*\]" + _URL),
    _rule("pubmed links", r"\[\[PUBMED Abstract\]" + _URL + r"\]", flags=re.I),
    # [[Level of evidence A1](/Common/...)] keeps its words: the evidence grade matters to clinicians.
    _rule("bracketed links", r"\[\[([^\[\]]+)\]" + _URL + r"([^\[\]]*)\]", r" [\1\2]"),
    # One level of nested brackets: [CALGB 70807 [Alliance]](url), [[Level of evidence: II]](url).
    _rule("links", r"\[((?:[^\[\]\n]|\n(?!\n)|\[[^\[\]\n]*\])*)\]" + _URL, r"\1"),
    _rule("bold", r"(\*\*|__)(?=\S)((?:(?!\n\n).)+?)(?<=\S)\1", r"\2", flags=re.S),
    _rule("italics", r"(?<![\w*\\])\*(?=[^\s*])((?:\\\*|[^*\n]|\n(?!\n))+?)(?<=[^\s*\\])\*(?!\*)", r"\1"),
    _rule("markdown escapes", r"\\([*_\[\]#`\\])", r"\1"),
    _rule("html comments", r"<!--.*?-->", flags=re.S),
    _rule("doubled spaces", r"(?<=\S)[ \t]{2,}(?=\S)", " "),
    _rule("trailing spaces", r"[ \t]+$", flags=re.M),
    # Hard-wrapped prose ("laboratory\nfindings"): a line break inside a sentence is not a boundary.
    _rule("hard wraps", r"(?<=[a-z,;])\n(?=[a-z(])", " "),
)

_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def clean_inline(text: str) -> str:
    for rule in CLEANUP_RULES:
        text = rule.pattern.sub(rule.replacement, text)
    return text


def flatten_table_row(line: str) -> str | None:
    """'| a | b |' -> 'a | b'; separator and empty rows -> None. Tables stay as text, one row per line."""
    stripped = line.strip()
    if _TABLE_SEPARATOR.match(stripped):
        return None
    cells = [c.strip() for c in stripped.strip("|").split("|")]
    cells = [c for c in cells if c]
    return " | ".join(cells) if cells else None


def clean_markdown(text: str) -> str:
    """Markdown body -> plain-ish text that keeps headings, lists and tables but no web markup."""
    text = clean_inline(text)
    lines: list[str] = []
    for line in text.split("\n"):
        if line.lstrip().startswith("|"):
            row = flatten_table_row(line)
            if row is None:
                continue
            line = row
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
