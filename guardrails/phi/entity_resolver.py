"""From raw recognizer results to the final, non-overlapping identifier spans.

Steps: tidy person spans (titles stay in the text), let the clinical vocabulary veto NER guesses, then resolve
overlaps by type priority and merge a name split in two ("Claire" + "Dubois").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from guardrails.phi.clinical_vocabulary import ProtectedSpan
from guardrails.phi.name_stopwords import is_name_stopword
from guardrails.phi.types import (
    AGE,
    CREDIT_CARD,
    DATE,
    EMAIL_ADDRESS,
    FR_INS,
    FR_NIR,
    IBAN_CODE,
    IP_ADDRESS,
    LOCATION,
    MEDICAL_RECORD_NUMBER,
    PERSON,
    PHONE_NUMBER,
    STREET_ADDRESS,
    URL,
    US_SSN,
)

# Who wins an overlap: structured identifiers first (their shape is strong evidence), NER guesses last.
PRIORITY: dict[str, int] = {
    t: rank
    for rank, t in enumerate(
        [EMAIL_ADDRESS, URL, FR_NIR, FR_INS, US_SSN, IBAN_CODE, CREDIT_CARD, MEDICAL_RECORD_NUMBER, PHONE_NUMBER,
         IP_ADDRESS, DATE, AGE, STREET_ADDRESS, PERSON, LOCATION]
    )
}  # fmt: skip
VOCABULARY_VETOED_TYPES = frozenset({PERSON, LOCATION})
# Streets found without a street word, by their name and number alone: a clinical term on them makes them a dose
# or a score.
_STREETS_WITHOUT_STREET_WORD = frozenset({"NumberedStreetRecognizer"})
# Types whose non-overlapping remainder is still worth replacing ("Jean" left of an address that took "Dupont").
_KEEP_REMAINDER = frozenset({PERSON, LOCATION, STREET_ADDRESS})
_LEADING_TITLE = re.compile(
    r"^(?:(?:Dr|Drs|Pr|Prof|Mme|Mlle|Mr|Mrs|Ms|M|DR|PR|MME|MR|MRS)\.?|(?i:docteur|professeur|madame|monsieur|"
    r"mademoiselle|doctor|professor|miss))[ \t]+"
)
_TRAILING_JUNK = re.compile(r"(?:['’]s|['’])?[\s,.;:()\-]*$")
_LEADING_JUNK = re.compile(r"^[\s,.;:()\-]+")


@dataclass(frozen=True)
class Candidate:
    type: str
    start: int
    end: int
    score: float
    recognizer: str = ""
    trusted: bool = False


def tidy(text: str, candidate: Candidate) -> Candidate | None:
    """Trim whitespace/punctuation; for persons also a leading title and a possessive 's."""
    start, end = candidate.start, candidate.end
    span = text[start:end]
    lead = _LEADING_JUNK.match(span)
    if lead:
        start += lead.end()
    if candidate.type == PERSON:
        title = _LEADING_TITLE.match(text[start:end])
        if title and title.end() < end - start:
            start += title.end()
    if candidate.type in (PERSON, LOCATION):
        trail = _TRAILING_JUNK.search(text[start:end])
        if trail:
            end = start + trail.start()
    else:
        end = start + len(text[start:end].rstrip(" \t\n,;:"))
    if end - start < 2 or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return replace(candidate, start=start, end=end)


def apply_vocabulary(
    text: str, candidates: list[Candidate], protected: list[ProtectedSpan]
) -> list[Candidate]:
    """Drop or trim PERSON/LOCATION guesses that sit on clinical terms. A trusted result (a title right in
    front) keeps its first word whatever the vocabulary says; later words can still be trimmed."""
    if not protected:
        return candidates
    kept: list[Candidate] = []
    for cand in candidates:
        if cand.type == STREET_ADDRESS and any(_acronym_ends_street(text, cand, p) for p in protected):
            continue  # "6 cours de FOLFOX": a street is not named after a regimen or gene acronym
        if cand.type == STREET_ADDRESS and any(
            p.listed and p.start <= cand.start and cand.end <= p.end for p in protected
        ):
            continue  # "enrolled in RTOG 9601": a trial, not a town and its postcode
        if cand.recognizer in _STREETS_WITHOUT_STREET_WORD and any(
            p.listed and p.start < cand.end and cand.start < p.end for p in protected
        ):
            continue  # "Cisplatine 75", "Gleason 7" on a line of their own: a dose or a score, not a street
        if cand.type not in VOCABULARY_VETOED_TYPES:
            kept.append(cand)
            continue
        overlapping = [p for p in protected if p.start < cand.end and cand.start < p.end]
        if not overlapping:
            kept.append(cand)
            continue
        if cand.trusted:
            first_word_end = cand.start + len(text[cand.start : cand.end].split()[0])
            overlapping = [p for p in overlapping if p.start >= first_word_end]
        elif any(p.start <= cand.start and cand.end <= p.end for p in overlapping):
            continue
        pieces = [(cand.start, cand.end)]
        for p in overlapping:
            if not p.listed:
                continue
            pieces = [
                piece
                for s, e in pieces
                for piece in ((s, min(e, p.start)), (max(s, p.end), e))
                if piece[0] < piece[1]
            ]
        for s, e in pieces:
            trimmed = tidy(text, replace(cand, start=s, end=e))
            if trimmed is not None and any(ch.isalpha() for ch in text[trimmed.start : trimmed.end]):
                kept.append(trimmed)
    return kept


def _acronym_ends_street(text: str, cand: Candidate, term: ProtectedSpan) -> bool:
    """A listed term in capitals ends a lower-case "street": "6 cours de FOLFOX", "2 voie de BRCA1". Streets
    named after eponyms stay addresses ("37, Boulevard Diane Fournier", "12 AVENUE FOURNIER")."""
    if not (term.listed and cand.start <= term.start and term.end == cand.end):
        return False
    value, before = text[term.start : term.end], text[cand.start : term.start]
    return not any(ch.islower() for ch in value) and any(ch.islower() for ch in before)


def resolve_overlaps(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans. Same-type overlaps are merged; across types the higher priority keeps the
    shared characters and the other keeps what is left of it, if anything meaningful is left."""
    merged = _merge_same_type(text, candidates)
    ordered = sorted(merged, key=lambda c: (PRIORITY.get(c.type, 99), -c.score, -(c.end - c.start), c.start))
    accepted: list[Candidate] = []
    for cand in ordered:
        pieces = [(cand.start, cand.end)]
        for other in accepted:
            pieces = [
                piece
                for s, e in pieces
                for piece in ((s, min(e, other.start)), (max(s, other.end), e))
                if piece[0] < piece[1]
            ]
        for s, e in pieces:
            if (s, e) == (cand.start, cand.end):
                accepted.append(cand)
                continue
            if cand.type not in _KEEP_REMAINDER:
                continue  # a piece of a number is not an identifier of its own
            rest = tidy(text, replace(cand, start=s, end=e))
            # Not a title left over: spaCy's place "Docteur Anne-Sophie Kerboul" under the titled name.
            if (
                rest is not None
                and sum(ch.isalnum() for ch in text[rest.start : rest.end]) >= 2
                and not all(is_name_stopword(w) for w in text[rest.start : rest.end].split())
            ):
                accepted.append(rest)
    return sorted(accepted, key=lambda c: c.start)


def _merge_same_type(text: str, candidates: list[Candidate]) -> list[Candidate]:
    by_type: dict[str, list[Candidate]] = {}
    for cand in candidates:
        by_type.setdefault(cand.type, []).append(cand)
    out: list[Candidate] = []
    for etype, group in by_type.items():
        group.sort(key=lambda c: (c.start, -c.end))
        current = group[0]
        for cand in group[1:]:
            gap = text[current.end : cand.start] if cand.start > current.end else ""
            touching = cand.start <= current.end or (etype == PERSON and gap in (" ", "-"))
            if touching:
                current = replace(
                    current,
                    end=max(current.end, cand.end),
                    score=max(current.score, cand.score),
                    trusted=current.trusted or cand.trusted,
                )
            else:
                out.append(current)
                current = cand
        out.append(current)
    return out
