"""Names on a header line followed by an age or a birth date: "Dupont Jean , 78 ans", "Pedron, Ekrem, 5 JUIN 1940",
"Guillotel, 16 décembre 1968" (one word is enough: the second opinion drops headings such as "Consultation,")."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import DAY, LETTER, MONTH
from guardrails.phi.types import PERSON

_WORD = rf"{not_stopword(LETTER)}[{LETTER}][{LETTER}'’-]+"
_FOLLOWED_BY_AGE_OR_BIRTH = (
    rf"(?=[ \t]*,?[ \t]*(?:\(?\d{{1,3}}\)?[ \t]*(?i:ans|years?|yo|y/o|year-old)\b|(?i:née?|born|dob|ddn)\b|"
    rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|{DAY}[ \t]+(?i:{MONTH})))"
)


class DemographicNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "line_start_names_then_age_or_birth",
            rf"(?=[{LETTER}])(?<=(?:^|[\n:;])[ \t]*){_WORD}(?:(?:[ \t]*,[ \t]*|[ \t]+){_WORD}){{0,2}}(?![{LETTER}'’-]){_FOLLOWED_BY_AGE_OR_BIRTH}",
            0.6,
        ),
    ]
