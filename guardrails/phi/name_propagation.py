"""Names found once, found everywhere: the other mentions of a detected name, and names listed beside one.

Recognizers see each mention on its own: "Nikolaj spent a year ... as the assistant to Nikolaj Petrussen", "My
name is Ján M. Novák but everyone calls me Ján", "Mrs Kowalczyk ... Kowalczyk reports less pain" leave the
mention without a title or verb. And in "Usamov and Bowers" or "Morrison, Rogers and Torres" only the listed
family name is known. Here, after the second opinions, from names that one of our recognizers found (not spaCy's guesses):

- every other whole-word occurrence, with the same spelling, of a capitalised word of a detected name (3+
  letters, not a stopword, not a dictionary word unless a known name) is a name too, with up to two capitalised
  non-dictionary words right after it ("Nikolaj Petrussen");
- a capitalised word coordinated with a detected name ("X and Y", "X, Y et Z") is a name too, when it holds a
  non-dictionary word (the strict second opinion);
- in a dialogue, lines that each open with a one-word label and a colon, of which at least two and at least half
  are detected names, the other labels are speakers too when they look like names or are given names
  ("Éva: What a wife." before "Megan: Remember me, Randy?"; "Destiny: ...").

New spans are not trusted: the clinical vocabulary still vetoes them ("Dr Hodgkin ... a Hodgkin lymphoma" keeps
the lymphoma).
"""

from __future__ import annotations

from collections.abc import Callable

import regex as re

from guardrails.phi.entity_resolver import Candidate
from guardrails.phi.name_stopwords import is_name_stopword
from guardrails.phi.ner_plausibility import (
    given_names,
    listed_surnames,
    wordlike_given_names,
    wordlike_surnames,
    world_given_names,
)
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, PARTICLE, UPPER
from guardrails.phi.types import PERSON
from guardrails.phi.wordlists import fold

REPEATED = "RepeatedNamePropagation"
COORDINATED = "CoordinatedNamePropagation"
DIALOGUE = "DialogueSpeakerPropagation"
_SCORE = 0.6
# spaCy's guesses are not propagated: the small models tag drugs, devices and journal abbreviations ("Vicryl",
# "Coumadin", "Clin Oncol") as persons often enough that copying each guess to every mention and list neighbour
# multiplies its mistakes.
UNCONFIRMED_SOURCES = frozenset({"SpacyRecognizer"})
_NAME_WORD = re.compile(rf"[{LETTER}][{LETTER}'’]*(?:-[{LETTER}][{LETTER}'’]*)*")
_CAPITALISED = rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)*"
# A list of up to five capitalised words or pairs joined by commas and a final "and"/"et"/"&".
# A family name may open with its particle: "Szumna, Anita and van Kuijc".
_ITEM = rf"(?:{PARTICLE}[ \t]+)?{_CAPITALISED}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{_CAPITALISED})?"
_LIST = re.compile(
    rf"(?<![\w'’-]){_ITEM}(?:[ \t]*,[ \t]*{_ITEM}){{0,4}},?[ \t]+(?:and|et|&)[ \t]+{_ITEM}(?![\w'’-])"
)
_LIST_ITEM = re.compile(rf"{_ITEM}")
# The same in lower case, single words, three items at least: "silvana, adam, christopher, chad and caleb".
_LOWER_ITEM = rf"[{LOWER}][{LOWER}'’-]{{2,}}"
_LOWER_LIST = re.compile(
    rf"(?<![\w'’-]){_LOWER_ITEM}(?:[ \t]*,[ \t]*{_LOWER_ITEM}){{1,8}},?[ \t]+(?:and|et|&)[ \t]+{_LOWER_ITEM}(?![\w'’-])"
)
_LOWER_LIST_ITEM = re.compile(rf"(?<![\w'’-]){_LOWER_ITEM}(?![\w'’-])")
_NEXT_CAPITALISED = re.compile(rf"[ \t]+({_CAPITALISED})(?![\w'’-])")
_LIST_JOINER = re.compile(r"^(?:[ \t]*,[ \t]*|,?[ \t]+(?:and|et|&)[ \t]+)$")
_LABELLED_LINE = re.compile(
    rf"^[ \t>]*([{LETTER}][{LOWER}'’]+(?:-[{LETTER}][{LOWER}'’]+)?)[ \t]*:", re.MULTILINE
)


def is_given_name(word: str) -> bool:
    return fold(word) in given_names()


def _listed(word: str, wordlike: bool = False) -> bool:
    folded = fold(word)
    return (
        folded in given_names()
        or folded in listed_surnames()
        or (wordlike and (folded in wordlike_given_names() or folded in wordlike_surnames()))
    )


def _all_listed(text: str, start: int, end: int, wordlike: bool = False) -> bool:
    """Every word is a listed name; `wordlike`: or a name that is also a word ("Morrison"), where a list of
    names says it is one."""
    words = [m.group() for m in _NAME_WORD.finditer(text, start, end)]
    return bool(words) and all(_listed(w, wordlike) for w in words)


def _sources(
    text: str, candidates: list[Candidate], name_shaped: Callable[[str], bool] | None
) -> list[Candidate]:
    """Names found by our recognizers, and spaCy's guesses whose every word is shaped like a name ("Joakim
    Westgård", "Salinas" from the surname list): those are not the drug and journal names it gets wrong."""
    return [
        c
        for c in candidates
        if c.type == PERSON
        and (
            c.recognizer not in UNCONFIRMED_SOURCES
            or (
                name_shaped is not None
                and all(name_shaped(m.group()) for m in _NAME_WORD.finditer(text, c.start, c.end))
            )
        )
    ]


def repeated_names(
    text: str,
    candidates: list[Candidate],
    plausible: Callable[[int, int], bool],
    name_shaped: Callable[[str], bool] | None = None,
) -> list[Candidate]:
    """Other mentions of the capitalised words of detected names, spelled the same, if `plausible` (start, end)
    holds for the word (not a dictionary word, or a known name)."""
    words = {
        m.group()
        for c in _sources(text, candidates, name_shaped)
        for m in _NAME_WORD.finditer(text, c.start, c.end)
        if len(m.group()) >= 3
        and m.group()[0].isupper()
        and not is_name_stopword(m.group())
        and plausible(m.start(), m.end())
    }
    if not words:
        return []
    covered = [(c.start, c.end) for c in candidates if c.type == PERSON]
    pattern = re.compile(
        r"(?<![\w'’-])(?:"
        + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        + r")(?![\w-])"
    )
    found = []
    for m in pattern.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in covered):
            continue
        end = m.end()
        # The mention may come with the rest of the name: "... to Nikolaj Petrussen" after "Nikolaj spent".
        for _ in range(2):
            more = _NEXT_CAPITALISED.match(text, end)
            if more is None or is_name_stopword(more.group(1)) or not plausible(more.start(1), more.end(1)):
                break
            end = more.end(1)
        found.append(Candidate(PERSON, m.start(), end, _SCORE, REPEATED))
    return found


def coordinated_names(
    text: str,
    candidates: list[Candidate],
    plausible: Callable[[int, int], bool],
    name_shaped: Callable[[str], bool] | None = None,
) -> list[Candidate]:
    """Capitalised words listed with a detected name ("Usamov and Bowers"), if `plausible` (start, end) or if
    every word of them is a listed given or family name, words included ("Muslija and Brown", "Morrison, Rogers
    and Torres"). spaCy's guesses made only of listed
    names count as detected here ("Torpy and Salinas"): a list is what makes their neighbours names."""
    people = [(c.start, c.end) for c in _sources(text, candidates, name_shaped)] + [
        (c.start, c.end)
        for c in candidates
        if c.type == PERSON and c.recognizer in UNCONFIRMED_SOURCES and _all_listed(text, c.start, c.end)
    ]
    found: list[Candidate] = []
    for listing in _LIST.finditer(text):
        items = [m.span() for m in _LIST_ITEM.finditer(text, listing.start(), listing.end())]
        # Items must be separated by list joiners only (the regex of one item may swallow "and" otherwise).
        if any(
            not _LIST_JOINER.match(text[a_end:b_start])
            for (_, a_end), (b_start, _) in zip(items, items[1:], strict=False)
        ):
            continue
        named = [any(s < e2 and s2 < e for s2, e2 in people) for s, e in items]
        if not any(named):
            continue
        found += [
            Candidate(PERSON, s, e, _SCORE, COORDINATED)
            for (s, e), known in zip(items, named, strict=True)
            if not known
            and not is_name_stopword(text[s:e].split()[0])
            and (plausible(s, e) or _all_listed(text, s, e, wordlike=True))
        ]
    # Lower-case lists need more evidence: half of their items already found as names (spaCy's guesses count
    # here: several of them agreeing on one list are not the lone mistake the rule above guards against).
    people = [(c.start, c.end) for c in candidates if c.type == PERSON]
    for listing in _LOWER_LIST.finditer(text):
        items = [
            m.span()
            for m in _LOWER_LIST_ITEM.finditer(text, listing.start(), listing.end())
            if m.group() not in ("and", "et")
        ]
        named = [any(s < e2 and s2 < e for s2, e2 in people) for s, e in items]
        name_like = [plausible(s, e) or is_given_name(text[s:e]) for s, e in items]
        # Or no word of it is a dictionary word, and two are listed given names: "allegra, kaljurand, algirdas,
        # ellen, wicht and dochioiu" (symptoms and drugs are not given names).
        given = sum(fold(text[s:e]) in world_given_names() for s, e in items)
        if 2 * sum(named) < len(items) and not (given >= 2 and all(name_like)):
            continue
        found += [
            Candidate(PERSON, s, e, _SCORE, COORDINATED)
            for (s, e), known, like in zip(items, named, name_like, strict=True)
            if not known and not is_name_stopword(text[s:e]) and like
        ]
    return found


def dialogue_speakers(
    text: str, candidates: list[Candidate], name_like: Callable[[str], bool]
) -> list[Candidate]:
    """The labels of a dialogue's lines that no recognizer found: a line that opens with a word and a colon is
    usually a heading ("Plan:", "Abd: soft"), so the block of consecutive labelled lines must already have two
    detected speakers, half of its labels at least, and the label must look like a name (`name_like`)."""
    people = [(c.start, c.end) for c in candidates if c.type == PERSON]
    blocks: list[list[tuple[int, int]]] = []
    previous_end = -1
    for m in _LABELLED_LINE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        # Consecutive lines only: the text between the previous label's line and this one is one line.
        if previous_end >= 0 and text.count("\n", previous_end, line_start) == 1:
            blocks[-1].append(m.span(1))
        else:
            blocks.append([m.span(1)])
        previous_end = m.end()
    found: list[Candidate] = []
    for labels in blocks:
        named = [any(s < e2 and s2 < e for s2, e2 in people) for s, e in labels]
        if sum(named) < 2 or 2 * sum(named) < len(labels):
            continue
        found += [
            Candidate(PERSON, s, e, _SCORE, DIALOGUE)
            for (s, e), known in zip(labels, named, strict=True)
            if not known
            and not is_name_stopword(text[s:e])
            and (name_like(text[s:e]) or fold(text[s:e]) in wordlike_given_names())
        ]
    return found
