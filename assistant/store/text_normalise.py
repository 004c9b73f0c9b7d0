"""Tokenisation for BM25: lower case, accents folded, English and French stop words dropped."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[a-z0-9]+(?:[-+][a-z0-9]+)*")

STOPWORDS = frozenset(
    """a an and are as at be but by for from has have how in into is it its of on or that the their them these they
    this to was were what when where which who whom why will with without should would can could do does did not no
    than then there also may might such other after before about during between over under more most some any each
    le la les un une des du de d l et ou en dans pour par sur au aux avec sans que qui quoi quel quelle quels quelles
    est sont ce cette ces se sa son ses leur leurs il elle ils elles on nous vous je tu y a ne pas plus comme apres
    avant lors chez entre dont mais donc car si quand comment pourquoi faut doit peut""".split()
)


_PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*_\d+>")  # what the PHI scrubber puts in place of an identifier


def has_words(text: str) -> bool:
    """True when the text has a letter or a digit outside PHI placeholders (<PERSON_1>)."""
    return any(ch.isalnum() for ch in _PLACEHOLDER.sub(" ", text))


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(fold(text)) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]
