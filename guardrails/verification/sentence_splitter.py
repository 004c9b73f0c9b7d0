"""Splits answers and passages into sentences (EN and FR) without tearing abbreviations, decimals or citations.

Rules, in order: every line is split on its own (bullets and headings are sentences of their own, their markers
dropped); a sentence ends at ". ", "! ", "? " or "…" followed by a capital, a digit, a quote or the end of the line,
and also at a period glued to a capital ("19th century.First", as in text joined from two paragraphs); it does not
end after an abbreviation ("e.g.", "Dr.", "et al.", "p. ex."), after an initial ("J. Smith"), before a lower-case
word, or inside a number ("2.5 mg"). Citation markers written after the period ("…survival. [1]") stay with the
sentence before them.
"""

from __future__ import annotations

import re

from guardrails.verification.citations import CITATION_RE

ABBREVIATIONS: frozenset[str] = frozenset(
    """
    e.g eg i.e ie dr drs mr mrs ms prof vs v al fig figs approx ca cf vol ref refs resp jr sr st inc ltd dept
    tab eq ed eds incl u.s u.k e.u
    p.ex ex env pr m mm mme mmes mlle mlles cf chap sq suiv av apr n°
    """.split()
)
_BULLET_RE = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+")
_HEADING_RE = re.compile(r"^\s*#{1,6}\s+")
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'»”’)]*(?=\s|$)|(?<=[a-z]{2})\.(?=[A-Z][a-z])")
_LEADING_CITATIONS_RE = re.compile(r"(?:\s*" + CITATION_RE.pattern + r")+", re.IGNORECASE)
_PREVIOUS_WORD_RE = re.compile(r"(\S+)$")


def _is_false_boundary(line: str, start: int, end: int) -> bool:
    """A period that closes an abbreviation or an initial, or that a lower-case word follows."""
    rest = line[end:].lstrip()
    if rest and rest[0].islower():
        return True
    if line[start:end].rstrip("\"'»”’)") != ".":
        return False
    match = _PREVIOUS_WORD_RE.search(line[:start])
    if not match:
        return False
    word = match.group(1).lstrip("(\"'«“")
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():
        # An initial when it opens the sentence ("J. Smith said") or follows a title or another initial
        # ("Dr. J. Smith", "J. F. Kennedy"); otherwise a letter that ends a sentence ("vitamin D.", "hepatitis B.").
        before = _PREVIOUS_WORD_RE.search(line[: match.start()].rstrip())
        return before is None or before.group(1).endswith(".")
    return False


def _split_line(line: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(line):
        if match.start() < start or _is_false_boundary(line, match.start(), match.end()):
            continue
        end = match.end()
        trailing = _LEADING_CITATIONS_RE.match(line, end)
        if trailing:
            end = trailing.end()
        sentence = line[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    tail = line[start:].strip()
    if tail:
        # A line that is only markers ("[1][2]" on its own line) belongs to the sentence above.
        if sentences and _LEADING_CITATIONS_RE.fullmatch(tail):
            sentences[-1] = f"{sentences[-1]} {tail}"
        else:
            sentences.append(tail)
    return sentences


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, in order; headings keep their "#" so callers can tell them apart."""
    sentences: list[str] = []
    for raw_line in text.splitlines():
        heading = _HEADING_RE.match(raw_line)
        line = raw_line if heading else _BULLET_RE.sub("", raw_line)
        if not line.strip():
            continue
        if heading:
            sentences.append(line.strip())
            continue
        parts = _split_line(line)
        if parts and sentences and _LEADING_CITATIONS_RE.fullmatch(parts[0]):
            sentences[-1] = f"{sentences[-1]} {parts.pop(0)}"
        sentences.extend(parts)
    return sentences
