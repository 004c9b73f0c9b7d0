"""Person names right after a title: Dr Martin, Pr J. Dupont, Mme DUPONT Claire, Mr. O'Brien, M. naylan, Dr De Sousa."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import is_name_stopword, not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LOWER, NAME_SEQUENCE, PARTICLE, TITLE, UPPER
from guardrails.phi.types import PERSON

_CAPITAL_PARTICLE = re.compile(rf"(?=[{UPPER}])(?i:{PARTICLE})")
# Not after a letter, dot, hyphen or slash: "R-CODOX-M. Prophylaxie" is a regimen, not "M. Prophylaxie".
_AFTER_TITLE = rf"(?<=(?<![\w./-]){TITLE}[ \t]+)"
_LOWER_WORD = rf"{not_stopword(LOWER)}[{LOWER}][{LOWER}'’-]+"


class TitledNameRecognizer(PhiPatternRecognizer):
    """The title stays in the text ("Dr <PERSON_1>"): it carries no identity and helps reading.

    A title directly in front wins over the clinical vocabulary: "Dr Hodgkin saw the patient" is scrubbed.
    """

    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("title_capitalised_name", rf"(?=[{UPPER}])" + _AFTER_TITLE + NAME_SEQUENCE, 0.9),
        # Dictated or typed notes lose capitals ("M. naylan", "Mme krajewski patrice"); the stopword
        # look-ahead keeps "Mme est venue" and "Monsieur présente" out.
        Pattern(
            "title_lowercase_name",
            rf"(?=[{LOWER}])" + _AFTER_TITLE + _LOWER_WORD + rf"(?:[ \t]+{_LOWER_WORD})?",
            0.6,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        words = pattern_text.split()
        first = words[0] if words else ""
        if not first:
            return False
        # "Dr De Sousa", "Dr Le Gall", "Pr Van Damme": a particle opens the family name when a name word follows.
        if _CAPITAL_PARTICLE.fullmatch(first) and len(words) > 1 and not is_name_stopword(words[1]):
            return None
        return False if is_name_stopword(first) else None
