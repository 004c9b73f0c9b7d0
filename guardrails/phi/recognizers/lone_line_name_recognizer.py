"""A line holding only a name: "AUBRY", "bougeard", "Geslin tonino", "FRANCISCA Sadot", a letter's signature.

Headings, drugs and test names also stand on lines of their own, so the span must hold a word that is not a
dictionary word (POSITIONAL_NAME_RECOGNIZERS) and the clinical vocabulary vetoes drugs, genes and regimens. A
heading that ends with a colon is not taken, nor a line with digits, nor a line right under one that ends with
a number (the town line of an address block).
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.ner_plausibility import MEDICAL_ENDINGS
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, PARTICLE, UPPER
from guardrails.phi.types import PERSON
from guardrails.phi.wordlists import fold

_WORD = rf"{not_stopword(LETTER)}[{LETTER}][{LETTER}'’]+(?:-[{LETTER}][{LETTER}'’]+)?"
_SEPARATOR = rf"(?:[ \t]*,[ \t]*|[ \t]+(?:[{UPPER}]\.?[ \t]+)?(?:{PARTICLE}[ \t]+)?)"
# Quoted lines ("> Gyala Antall") count, list items ("- Comorbidities.") do not: lists hold terms, not names.
# Anchored at the start of a line, the lead dropped from the match by \K (ten times faster than a look-behind
# tried at every position).
_LINE_LEAD = r"^[ \t>]*\K"
# Not right under a line that ends with a number: there a line of words is the town of an address block
# ("4241 Steinfelden 73\nSAVONLINNA", "Suite 240\nWest Brook").
_NOT_UNDER_NUMBER = r"(?<!\d[ \t.,]*\n[ \t>*•·\-]*)"


# Word endings of medical terms, which fill lines of their own in lists and headings ("Sialoblastoma",
# "Lymphovascular invasion", "Comorbidities", "mucite", "Lymphœdème", "Dyspnée"): such a line is not a name.
# Words of 6+ letters only ("Thomas", "Dorothée" and "Marguerite" alone on a line are lost to this).
_MEDICAL_ENDING = re.compile(rf"(?:{MEDICAL_ENDINGS}|ities|cytose|vascular|ulaires?|ical|emes?|ees?|enies?)$")


class LoneLineNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "line_of_one_to_three_name_words",
            rf"{_LINE_LEAD}{_NOT_UNDER_NUMBER}(?=[{LETTER}]){_WORD}(?:{_SEPARATOR}{_WORD}){{0,2}}(?=[ \t]*,?[ \t]*(?:\n|$))",
            0.5,
        ),
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        words = re.findall(r"[^\W\d_]+", pattern_text)
        return False if any(_MEDICAL_ENDING.search(fold(w)) for w in words if len(w) >= 6) else None
