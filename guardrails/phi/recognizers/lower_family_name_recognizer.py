"""A family name typed in lower case beside a capitalised given name: "ramade Anne, 29 ans", "kowalczyk Paul",
"Mme Modeste lopez".

French forms write the family name first ("NOM Prénom"), and hurried notes lose its capital, which the small spaCy
models need. Before the given name, that name must be listed (guardrails/data/first_names*.txt, which leave out
given names that are ordinary words); after it, a title must come first ("Modeste" is also a word; after a listed
given name without a title, the lower-case family name is FirstNameRecognizer's). The scrubber then keeps the span
only when its lower-case word is name-like, a listed name or a word no dictionary knows
(NAME_LIKE_LOWER_WORD_RECOGNIZERS): "revue Anne", "Dr Martin présente" stay, and drugs are vetoed by the clinical
vocabulary.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import is_name_stopword
from guardrails.phi.ner_plausibility import given_names
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LOWER, TITLE, UPPER
from guardrails.phi.types import PERSON
from guardrails.phi.wordlists import fold

_LOWER_WORD = rf"[{LOWER}]{{3,}}(?:-[{LOWER}]{{2,}})?"
_GIVEN = rf"[{UPPER}][{LOWER}]{{2,}}(?:-[{UPPER}][{LOWER}]+)?"


class LowerFamilyNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "lower_family_then_given",
            rf"(?<![\w'’.@-]){_LOWER_WORD}[ \t]+{_GIVEN}(?![\w'’@-])",
            # Below every other name recognizer: Presidio drops a result inside another of the same type with a
            # higher or equal score, and the scrubber drops this one when its first word is a dictionary word
            # ("my kid Mario" must leave the relative's "Mario" found).
            0.41,
        ),
        Pattern(
            "title_given_then_lower_family",
            rf"(?<=(?<![\w./-]){TITLE}[ \t]+){_GIVEN}[ \t]+{_LOWER_WORD}(?![\w'’@-])",
            0.41,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        first, second = pattern_text.split(maxsplit=1)
        if first[0].isupper():  # after a title: the title vouches for the given name
            given, family = first, second
        elif fold(second) in given_names():
            given, family = second, first
        else:
            return False
        return False if is_name_stopword(given) or is_name_stopword(family) else None
