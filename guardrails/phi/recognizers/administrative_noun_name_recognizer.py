"""A family name in lower case after the administrative noun that names the person: "Le bénéficiaire lascaud",
"l'usager troupe", "l'assurée martin".

Social and administrative notes introduce the person by such a noun; typed in a hurry, the name that follows
loses its capitals. Capitalised names there are LabelledNameRecognizer's; here the lower-case word must not be a
dictionary word (POSITIONAL_NAME_RECOGNIZERS): "l'usager présente", "le bénéficiaire est" stay.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER
from guardrails.phi.types import PERSON

_NOUN = (
    r"(?:le|la|l['’])[ \t]*(?:b[ée]n[ée]ficiaire|usag[eè]re?|assur[ée]e?|requ[ée]rante?|demandeu(?:r|se)|"
    r"int[ée]ress[ée]e?|r[ée]sidente?)"
)
# Not "le patient", "la patiente", "l'enfant": in notes a verb follows them more often than a name, and verb forms
# the dictionary lacks ("l'enfant verbalise") would be taken.
_LOWER_WORD = rf"{not_stopword(LETTER)}[{LOWER}][{LOWER}'’-]{{2,}}(?![{LETTER}'’-])"


class AdministrativeNounNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "noun_then_lower_case_name",
            # One word: a second one is as often the verb ("le patient dupont présente").
            rf"(?<![\w-])(?i:{_NOUN})[ \t]+\K{_LOWER_WORD}",
            0.5,
        ),
    ]
