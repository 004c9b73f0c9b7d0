"""Cutting cleaned Markdown into sections under their heading path, and dropping sections that are noise.

Drop rules are data: a reference list or a "search our trials" paragraph only adds near-duplicates that
crowd out real passages at retrieval time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpora.documents import Section

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class DropRule:
    """Drop a section whose heading matches `heading`; with `body`, only when the text also matches it (pure
    boilerplate); with `subtree`, everything under the heading too."""

    name: str
    heading: re.Pattern[str]
    body: re.Pattern[str] | None = None
    subtree: bool = False
    max_words: int | None = None  # a body rule only applies to short bodies; long ones carry real content


DROP_RULES: tuple[DropRule, ...] = (
    DropRule("reference lists", re.compile(r"^(references|bibliography|références)$", re.I), subtree=True),
    DropRule(
        "clinical-trial search boilerplate",
        re.compile(r"^current clinical trials$", re.I),
        body=re.compile(r"clinical trial search", re.I),
        max_words=80,
    ),
    # PDQ publishing notes (purpose, reviewers, permission, disclaimer, contact) repeated in every summary.
    DropRule("PDQ publishing notes", re.compile(r"^about this pdq summary$", re.I), subtree=True),
)


def _title_words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def is_title_heading(heading: str, title: str) -> bool:
    """True when an H1 only repeats the document title ('X (PDQ®) - NCI' vs 'X (PDQ®)–Health Professional
    Version'): such headings are dropped from heading paths, the title is already in the metadata."""
    if not title:
        return False
    core = re.split(r"\s+[-|–—]\s+", title.strip())[0]  # drop a site suffix such as " - NCI"
    h, t = _title_words(heading), _title_words(core)
    return bool(h and t) and (h.startswith(t) or t.startswith(h))


def split_sections(text: str, title: str, page: int | None = None) -> list[Section]:
    """Cleaned Markdown -> sections in document order (empty ones included; the chunker skips them)."""
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    body: list[str] = []
    in_fence = False

    def flush() -> None:
        sections.append(Section(tuple(h for _, h in stack), "\n".join(body).strip(), page))
        body.clear()

    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match is None:
            body.append(line)
            continue
        flush()
        level, heading = len(match.group(1)), match.group(2).strip()
        while stack and stack[-1][0] >= level:
            stack.pop()
        if not (level == 1 and is_title_heading(heading, title)):
            stack.append((level, heading))
    flush()
    return [s for s in sections if s.text or s.heading_path]


def _matches(rule: DropRule, section: Section) -> bool:
    if not section.heading_path:
        return False
    if rule.subtree:
        return any(rule.heading.search(h) for h in section.heading_path)
    if not rule.heading.search(section.heading_path[-1]):
        return False
    if rule.body is None:
        return True
    short = rule.max_words is None or len(section.text.split()) <= rule.max_words
    return short and bool(rule.body.search(section.text))


def drop_noise(sections: list[Section], rules: tuple[DropRule, ...] = DROP_RULES) -> list[Section]:
    return [s for s in sections if not any(_matches(rule, s) for rule in rules)]
