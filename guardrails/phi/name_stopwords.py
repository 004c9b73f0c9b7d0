"""Words that are never a name in the slots our name recognizers look at ("Mme est venue", "Dear Colleague")."""

from __future__ import annotations

from functools import lru_cache

from guardrails.phi.scrub_session import normalise_value
from guardrails.phi.wordlists import load_terms, trie_regex


@lru_cache(maxsize=1)
def name_stopwords() -> frozenset[str]:
    return frozenset(normalise_value(w) for w in load_terms("name_stopwords"))


def is_name_stopword(word: str) -> bool:
    return normalise_value(word.strip(".,;:'’")) in name_stopwords()


@lru_cache(maxsize=1)
def stopword_regex() -> str:
    """Case-insensitive alternation of the stopwords, accents optional is not attempted: list both forms."""
    return "(?i:" + trie_regex(sorted(set(load_terms("name_stopwords")))) + ")"


@lru_cache(maxsize=4)
def not_stopword(letters: str) -> str:
    """A look-ahead refusing a stopword as a whole word ("Mme est venue" is no "Mme Est"); `letters` is the class
    content of the word's letters, so that "Lebon" is not refused for starting with "le"."""
    return rf"(?!{stopword_regex()}(?![{letters}'’-]))"
