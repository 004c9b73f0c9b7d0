"""Capitals for a text typed without any: "follow up with raden tampubolon", "glad to hear that, says wastuti.".

The small spaCy models and our name recognizers read capitals; a question typed in a hurry, or a form exported in
lower case, has none, and its names pass unseen. Such a text is read a second time with a capital on the words that
could be names: words no dictionary knows. Dictionary words (listed names that are also words, such as "said",
among them), stopwords and clinical terms (drugs, genes, regimens) keep their lower case, so "follow up with
oncology" stays a department and "pembrolizumab" a drug. Every letter keeps its place, so what is found in the copy
is found in the text. The scrubber keeps from the copy only the names that a cue found and the streets its address
recognizers found (PhiScrubber._detect).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex as re

from guardrails.phi.name_stopwords import is_name_stopword

_WORD = re.compile(r"(?<![\w'’-])\p{Ll}[\p{Ll}'’]+(?:-\p{Ll}[\p{Ll}'’]+)*(?![\w'’-])")
# Acronyms typed in lower case have no vowel, names do: "nsclc", "ct", "bx" (a letter outside ASCII counts: "mørch").
_VOWEL = re.compile(r"[aeiouy]|[^\x00-\x7f]")
# The words between a house number and a street word name a street even when they are words: "24 clarke avenue",
# "217 lovers lane", "3968 bay street, toronto". Only street words written out that end nothing else after a number,
# at the end of a phrase: not "way", "drive", "place" or "close" ("2 hour drive", "stent 2 weeks in place", "a 15
# scalpel blade close to"), nor "ln" or "st" ("2 positive axillary ln", "3 residents st john").
_STREET_RUN = re.compile(
    r"(?<![\w.,/-])\d{1,5}[ \t]+(?P<name>\p{Ll}[\p{Ll}'’-]*(?:[ \t]+\p{Ll}[\p{Ll}'’-]*){0,2})[ \t]+"
    r"(?:street|avenue|road|boulevard|lane|terrace|crescent)(?=[ \t]*(?:[,.;:!?)\n]|$))"
)
# A text long enough to hold a name, and no capital anywhere: a title-less heading ("plan") is not one.
_MIN_LETTERS = 6


def without_capitals(text: str) -> bool:
    """A text with letters and not one upper-case letter."""
    letters = sum(ch.isalpha() for ch in text)
    return letters >= _MIN_LETTERS and not any(ch.isupper() for ch in text)


def truecased(text: str, is_word: Callable[[str], bool], protected: Sequence[tuple[int, int]] = ()) -> str:
    """`text` with the first letter of each word that could be a name in upper case: not a word by `is_word`
    (dictionary words, acronyms, stopwords, listed names that are also words such as "said") unless it names a
    street, not inside a `protected` span (start, end). The result has the same length as `text`."""
    chars = list(text)
    street_names = [(m.start("name"), m.end("name")) for m in _STREET_RUN.finditer(text)]
    for m in _WORD.finditer(text):
        word = m.group()
        if len(word) < 3 or not _VOWEL.search(word) or is_name_stopword(word):
            continue
        if is_word(word) and not any(s <= m.start() and m.end() <= e for s, e in street_names):
            continue
        if any(s < m.end() and m.start() < e for s, e in protected):
            continue
        upper = word[0].upper()
        if len(upper) == 1:  # "ß" would become "SS" and move every later offset
            chars[m.start()] = upper
    return "".join(chars)
