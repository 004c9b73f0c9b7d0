"""Family names standing alone, from a list (guardrails/data/surnames_census.txt): "Usamov and Bowers were...",
"What's your last name? Boyle". spaCy's small models miss a lone surname without a title or a given name.

Capitalised (or hyphenated capitalised) words only: the list is filtered against dictionary words, and a
capitalised word that is neither a word nor a clinical term but is a frequent family name is a name. The
regex only finds capitalised words; `validate_result` looks them up in a set, because a 15,000-word
alternation takes seconds to compile. A given name beside the surname is merged by the resolver when another
recognizer finds it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LOWER, UPPER
from guardrails.phi.types import PERSON
from guardrails.phi.wordlists import load_terms


@lru_cache(maxsize=1)
def known_surnames() -> frozenset[str]:
    return frozenset(load_terms("surnames_census"))


class KnownSurnameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "known_surname",
            rf"(?<![\w'’-])[{UPPER}][{LOWER}]{{3,}}(?:-[{UPPER}][{LOWER}]+)?(?![\w'’-])",
            0.55,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        parts = pattern_text.split("-")
        return None if any(p in known_surnames() for p in parts) else False
