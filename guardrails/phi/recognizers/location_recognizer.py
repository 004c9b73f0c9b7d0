"""Towns and cities from a maintained list (guardrails/data/cities.txt), in any case: "PARIS", "nimes".

spaCy finds capitalised places in running text; the list catches the rest. Clinical eponyms that are also
towns (Nottingham grade, Milan criteria) are kept out of the list or vetoed by the clinical vocabulary.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import ClassVar

from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.types import LOCATION
from guardrails.phi.wordlists import load_terms, trie_regex


@lru_cache(maxsize=1)
def _cities_regex() -> str:
    names = set(load_terms("cities"))
    names |= {
        "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c)) for n in names
    }
    return trie_regex(sorted(names, key=len, reverse=True))


class LocationRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = LOCATION
    PATTERNS: ClassVar[list[Pattern]] = [
        # Above spaCy's 0.85: Presidio keeps one result per span, and ours must survive the NER second opinion.
        Pattern("known_town", rf"(?<![\w-]){_cities_regex()}(?![\w-])", 0.9)
    ]
    CONTEXT: ClassVar[list[str]] = [
        "à",
        "de",
        "habite",
        "domicile",
        "né",
        "née",
        "lives",
        "from",
        "ville",
        "city",
    ]
