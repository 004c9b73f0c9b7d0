"""Second opinion on spaCy PERSON/LOCATION guesses. The small French model tags capitalised headings and
nouns ("Radiothérapie :", "Biopsie et NGS", "Bilan social") as names or places; a span made only of dictionary
words (the model's own lemmatizer tables), acronyms and stopwords is not a name. A span with a known given or
family name, or with any word the dictionary does not know, is kept; so is anything our pattern recognizers find.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import regex as re

from guardrails.phi.name_stopwords import name_stopwords
from guardrails.phi.wordlists import fold, load_terms

_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœ")
_SENTENCE_START = re.compile(r"(?:[.:;!?(•*\-–—])[ \t\"'«]*$")
_LINE_START = re.compile(r"(?:^|\n)[ \t\"'«*•\-]*$")
_THEN_COLON = re.compile(r"[\w-]*[ \t]*:")
_ROMAN_OR_GRADE = re.compile(r"(?i)^(?:[ivx]{1,4}[a-d]?|[a-d]\d?)$")


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    return frozenset(fold(w) for w in load_terms("first_names") + load_terms("surnames"))


def dictionary_from_spacy(nlp: Any) -> frozenset[str]:
    """Lemmas known to the model's rule lemmatizer (nouns, verbs, adjectives, adverbs), lower-cased."""
    words: set[str] = set()
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
    except (KeyError, AttributeError):
        return frozenset()
    for table_name in ("lemma_index", "lemma_exc"):
        if table_name not in lookups.tables:
            continue
        table = lookups.get_table(table_name)
        for value in table.values():
            if isinstance(value, dict):  # lemma_exc: {form: [lemmas]}
                words.update(str(form).lower() for form in value)
            elif isinstance(value, Iterable) and not isinstance(value, str):
                words.update(str(w).lower() for w in value)
    return frozenset(words)


class NerPlausibility:
    """`strict` (French): any all-dictionary span is dropped. Lenient (English): only in heading position, because
    the English lemmatizer tables (WordNet) also list places and famous names ("France", "Enrico")."""

    def __init__(self, dictionary: frozenset[str], strict: bool = True) -> None:
        self.dictionary = dictionary
        self.strict = strict

    def _generic(self, word: str, lemma: str | None = None) -> bool:
        lower = word.lower()
        if len(word) == 1 or fold(word) in name_stopwords() or _ROMAN_OR_GRADE.match(word):
            return True
        if word.isupper() and len(word) <= 6 and not (_VOWELS & set(lower)):
            return True  # CBNPC, TVP, HTA: acronyms
        # The lemmatizer does not run: try the plural and feminine endings by hand ("biopsies", "prochaine").
        forms = {lower, lemma or lower}
        for ending in ("s", "x", "e", "es"):
            if lower.endswith(ending) and len(lower) > len(ending) + 2:
                forms.add(lower[: -len(ending)])
        return not forms.isdisjoint(self.dictionary)

    def plausible(self, text: str, start: int, end: int, doc: Any = None, strict: bool | None = None) -> bool:
        """False for a span that cannot be a name: too short, or only dictionary words in heading position.
        `strict` overrides the instance's mode (True for recognizers that rely on position alone)."""
        span = text[start:end]
        words = _WORD.findall(span)
        if sum(len(w) for w in words) < 3 or all(_ROMAN_OR_GRADE.match(w) for w in words):
            return False
        names = known_names()
        if any(fold(w) in names for w in words):
            return True
        before = text[max(0, start - 40) : start]
        if _LINE_START.search(before) is not None and _THEN_COLON.match(text[end : end + 40]):
            return False  # "Oncopédiatrie :", "Neuro-oncology:" headings
        lemmas = self._lemmas(doc, start, end)
        if not all(self._generic(w, lemmas.get(w)) for w in words):
            return True
        # Only dictionary words, acronyms and stopwords, and no known name: a heading or a capitalised noun
        # ("Bilan", "Antécédents", "Hematology clinic"). Surnames that are also words are in surnames.txt.
        if (self.strict if strict is None else strict) or span == span.lower():
            return False
        return not (
            _SENTENCE_START.search(before)
            or _LINE_START.search(before)
            or _THEN_COLON.match(text[end : end + 40])
        )

    @staticmethod
    def _lemmas(doc: Any, start: int, end: int) -> dict[str, str]:
        if doc is None:
            return {}
        span = doc.char_span(start, end, alignment_mode="expand")
        return {} if span is None else {t.text: t.lemma_.lower() for t in span}
