"""Given names from maintained lists (guardrails/data/first_names.txt, first_names_census.txt,
first_names_world.txt) with the surname beside them.

spaCy's small models miss names in upper case ("DUPONT Marie", "GERARD") and lower case ("eliane lubinu");
a list of common given names plus the word next to it recovers most of them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, NAME_WORD, PARTICLE, UPPER
from guardrails.phi.types import PERSON
from guardrails.phi.wordlists import load_terms, trie_regex


def _strip_accents(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


_LOWER_CASE_WORDS = frozenset({"said"})


@lru_cache(maxsize=1)
def _first_name_forms() -> tuple[str, str, str]:
    names = set(load_terms("first_names"))
    cased = names | {n.upper() for n in names} | {_strip_accents(n).upper() for n in names}
    # Lower-case matching only for names of 4+ letters: "ann", "eve", "ali" are too close to ordinary words.
    lower = {n.lower() for n in names if len(n) >= 4} | {
        _strip_accents(n).lower() for n in names if len(n) >= 4
    }
    # ...and never an ordinary word in lower case: "You said your email…" ("Said" is a given name). Not added to
    # the name stopwords, which would also drop "Dr Said".
    lower -= {w.lower() for w in load_terms("name_stopwords")} | _LOWER_CASE_WORDS
    # Census given names are matched capitalised only (see the file's header): lower case collides with words,
    # and their upper-case forms would double the size of the regex (compile time) for little gain.
    # Names of many countries (first_names_world.txt) are matched as the Census ones, for the same reasons.
    census = set(load_terms("first_names_census") + load_terms("first_names_world")) - names
    return trie_regex(sorted(cased)), trie_regex(sorted(lower)), trie_regex(sorted(census))


_END = r"(?![\w'’-])"
_NOT_STOP = not_stopword(LETTER)
_CASED, _LOWERED, _CENSUS = _first_name_forms()
_HYPHEN_PART = rf"(?:-[{UPPER}][{LETTER}]+)?"


class FirstNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        # "DUPONT Marie", "Marie Dupont", "Marie-Hélène de La Tour", "GERARD"
        Pattern(
            "cased_first_name",
            rf"(?<![\w'’-])(?=[{UPPER}])(?:{_NOT_STOP}[{UPPER}]{{2,}}[ \t]+)?{_CASED}{_HYPHEN_PART}{_END}"
            rf"(?:(?:(?:[ \t]+{PARTICLE})?[ \t]+{_NOT_STOP}{NAME_WORD}){{1,2}}"
            # "Modeste lopez", "JEAN-PIERRE birgy": a lower-case family name right after, if not a stopword;
            # not after a capitalised one ("John Hill came").
            rf"|[ \t]+{_NOT_STOP}[{LOWER}][{LOWER}'’-]{{2,}}{_END})?",
            0.6,
        ),
        # "Asya Ivanova", "Vsevolod Petrov": a Census or world-list given name takes only capitalised words after
        # it, never a lower-case one: the lists are long, so "Does Mr Martin need…" must keep "need".
        Pattern(
            "census_first_name",
            rf"(?<![\w'’-])(?=[{UPPER}]){_CENSUS}{_HYPHEN_PART}{_END}"
            rf"(?:(?:[ \t]+{PARTICLE})?[ \t]+{_NOT_STOP}{NAME_WORD}){{0,2}}",
            0.6,
        ),
        # "eliane lubinu", "krier franck", "Aubin gaston", "maria", "marie-léa": lower-case given names (a
        # compound's second part need not be listed); the word beside
        # them (any case) is taken as the family name unless it is a stopword.
        Pattern(
            "lower_first_name",
            rf"(?<![\w'’-])(?=[{LETTER}])(?:{_NOT_STOP}[{LETTER}][{LETTER}'’-]{{2,}}[ \t]+)?{_LOWERED}(?:-[{LOWER}]{{2,}})?{_END}"
            rf"(?:[ \t]+{_NOT_STOP}[{LETTER}][{LETTER}'’-]{{2,}})?",
            0.45,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None
