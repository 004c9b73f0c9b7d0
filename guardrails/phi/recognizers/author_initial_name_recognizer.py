"""Signatures and authors written with initials: "Fait par : C. Bernardin", "dictated by J. A. Novak", "vu par
J. Dupuis-Lemaire".

An initial then a capitalised word is also the shape of a germ or a journal ("S. Aureus", "J. Clin"), so the
name must follow a verb of writing, signing or seeing and "par"/"by": that cue is strong enough for a family
name that is also a word ("Bernardin", "Baker"), which the strict second opinion of InitialledNameRecognizer
would drop. The clinical vocabulary still vetoes eponyms and drugs.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, UPPER
from guardrails.phi.types import PERSON

_AUTHOR_VERB = (
    r"(?i:fait|r[ée]dig[ée]e?|dict[ée]e?|sign[ée]e?|valid[ée]e?|vue?|revue?|examin[ée]e?|written|dictated|typed|"
    r"signed|seen|reviewed|examined|prepared|approved)"
)
_FAMILY = rf"{not_stopword(LETTER)}[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)?"


class AuthorInitialNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "initial_family_after_author_verb",
            rf"(?<=(?<![\w-]){_AUTHOR_VERB}[ \t]+(?i:par|by)[ \t]*:?[ \t]+)(?:[{UPPER}]\.[ \t]?){{1,2}}{_FAMILY}(?![\w-])",
            0.7,
        ),
    ]
