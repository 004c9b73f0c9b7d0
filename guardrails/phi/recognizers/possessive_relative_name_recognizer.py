"""A name that owns a relative, or what only a person has: "Asya's kid", "roberto's daughter", "Maria's husband
called", "Malle's address", "Hedda's song", "la fille de Marie", "le mari d'Ekaterina".

Whose son, wife, phone number or killers are spoken of is a person, in any case; the word must still hold a word
that is not a dictionary word or be a known name (POSITIONAL_NAME_RECOGNIZERS): "the patient's daughter", "la
fille de la voisine" stay. Eponyms own diseases, not these ("Hodgkin's lymphoma", "Barrett's oesophagus").
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, UPPER
from guardrails.phi.types import PERSON

_WORD = rf"{not_stopword(LETTER)}[{LETTER}][{LETTER}'’]+(?:-[{LETTER}][{LETTER}'’]+)?"
_RELATIVES_EN = (
    r"wife|husband|partner|spouse|fianc[ée]e?|daughter|son|mother|father|mom|mum|dad|sister|brother|niece|nephew|"
    r"aunt|uncle|cousin|grand(?:daughter|son|mother|father|child|children|kids?)|step(?:daughter|son|mother|father)|"
    r"kids?|child|children|baby|boyfriend|girlfriend|widow|widower|caregiver|family|parents|friends?|boss|"
    # What only a person has: contact details, a killer, a lawyer, a song.
    r"address|home\s+address|phone|phone\s+number|e-?mail|birthday|funeral|killers?|murderers?|lawyer|"
    r"attorney|song|songs|lyrics|novel|album|concert"
)
_RELATIVES_FR = (
    r"fille|fils|mari|[ée]poux|[ée]pouse|femme|m[èe]re|p[èe]re|s(?:œ|oe)ur|fr[èe]re|compagne|compagnon|"
    r"conjointe?|veuve|veuf|enfants?|petite?-(?:fille|fils)"
)


class PossessiveRelativeNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    # What each pattern's look-around needs; most texts have neither, and the patterns try every word.
    REQUIRES: ClassVar[str | None] = (
        rf"['’]s[ \t]+(?i:{_RELATIVES_EN})(?![\w-])|(?<!\w)(?i:{_RELATIVES_FR})[ \t]+(?:de[ \t]+|d['’])"
    )
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "name_s_relative",
            # A first word of two only when capitalised: "Maria Lopez's son", not "i'm roberto's", "advised Gregory's".
            rf"(?<![\w'’-])(?:(?=[{UPPER}]){_WORD}[ \t]+)?{_WORD}(?=['’]s[ \t]+(?i:{_RELATIVES_EN})(?![\w-]))",
            0.6,
        ),
        # French: after the relative and "de", a capitalised name only ("la fille de la voisine" is no name).
        Pattern(
            "relative_de_name",
            rf"(?=[{UPPER}])(?<=(?<!\w)(?i:{_RELATIVES_FR})[ \t]+(?:de[ \t]+|d['’]))"
            rf"{_WORD}(?:[ \t]+{_WORD})?(?![\w'’-])",
            0.6,
        ),
    ]
