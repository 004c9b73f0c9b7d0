"""A given name typed in lower case before a capitalised or upper-case family name: "stacey ESTEVE", "kaci
Burrett", "nina Dubreuil"; or before a middle initial and a family name in lower case: "arne t mathisen".

Hurried notes and form fields lose the capital of the given name but keep the family name's. The first word must
be a listed given name of four letters or more (guardrails/data/first_names*.txt, which leave out given names
that are ordinary words: "mark", "grace", "rose"), the second any capitalised word; the scrubber then asks for a
word no dictionary knows or a listed name (POSITIONAL_NAME_RECOGNIZERS), and the clinical vocabulary vetoes
drugs and eponyms ("jean Hodgkin" keeps Hodgkin's lymphoma whole if it is one).
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import is_name_stopword
from guardrails.phi.ner_plausibility import given_names, world_given_names
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, UPPER
from guardrails.phi.types import PERSON
from guardrails.phi.wordlists import fold

# Listed given names that are also verbs of speech: "said Maria" is ActingNameRecognizer's.
_NOT_GIVEN_NAMES = frozenset({"said"})


class LowerGivenNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "lower_given_then_family",
            rf"(?<![\w'’.@-])[{LOWER}]{{4,}}(?:-[{LOWER}]{{2,}})?[ \t]+"
            rf"(?:[{UPPER}][{LOWER}'’]+|[{UPPER}]{{3,}})(?:-[{UPPER}][{LETTER}]+)?(?![\w'’@-])",
            0.6,
        ),
        # A whole name in lower case with a middle initial: "arne t mathisen", "emidio p lombardo". Not "a" or "i",
        # which are words.
        Pattern(
            "lower_given_initial_family",
            rf"(?<![\w'’.@-])[{LOWER}]{{4,}}(?:-[{LOWER}]{{2,}})?[ \t]+(?![ai](?![\w.]))[{LOWER}]\.?[ \t]+"
            rf"[{LOWER}][{LOWER}'’-]{{2,}}(?![\w'’@-])",
            0.6,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        given, family = pattern_text.split(maxsplit=1)
        # With a middle initial, the names of many countries count: the shape already says a name.
        listed = world_given_names() if family[0].islower() else given_names()
        if given in _NOT_GIVEN_NAMES or fold(given) not in listed:
            return False
        return False if is_name_stopword(given) or is_name_stopword(family) else None
