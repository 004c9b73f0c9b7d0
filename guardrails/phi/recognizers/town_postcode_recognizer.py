"""A town then its postcode in running text, after a preposition: "in Acquapendente 1021", "in ÖVERTURINGEN 840 24",
"à Quinta de São Tiago 3610-114", "near barra de carrasco 15000".

The street recognizers see postcodes before the town (the French and US orders) or at the end of an address
block; a postcode after the town, in a sentence, is the Central and Northern European order. The town must hold a
word that is not a dictionary word (POSITIONAL_NAME_RECOGNIZERS): "in March 2021", "in Cohort 1021" and "from
Baseline 2500" stay; years are never taken as postcodes, nor quantities with a unit.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, UPPER
from guardrails.phi.types import STREET_ADDRESS

_TOWN_WORD = rf"[{LETTER}][{LETTER}'’-]*"
_POSTCODE = r"(?:\d{5}-\d{3}|\d{5}|(?!(?:19|20)\d\d(?!\d))\d{4}|\d{3}[ ]\d{2}|\d{4}-\d{3}|\d{2}-\d{3})"
_UNIT = r"(?i:mg|g|kg|mcg|µg|ml|l|cm|mm|m|km|gy|cgy|ui|iu|units?|%|patients?|cases|cells|copies|/)"


class TownPostcodeRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = STREET_ADDRESS
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        # The preposition in lower case: a title's "Results From CALGB 80101" names a trial.
        Pattern(
            "preposition_town_postcode",
            rf"(?<=(?<![\w-])(?:in|at|near|from|à)[ \t]+)(?=[{LETTER}]){_TOWN_WORD}(?:[ \t]+{_TOWN_WORD}){{0,3}}"
            rf"[ \t]+{_POSTCODE}(?![\w.,/-]?\d)(?![ \t]*{_UNIT}(?!\w))(?![\w-])",
            # Below the other address patterns: Presidio drops a result inside another of the same type
            # with a higher or equal score, and this one may still be dropped by the plausibility check.
            0.45,
        ),
        # The last line of an address block in the European order, postcode then town: "026 61 Malá Lodina",
        # "5623-335 Fafe", "00-950 Warszawa", "1234 AB Amsterdam", "32550-204 Silveira / PR". Five-digit French
        # postcodes have their own pattern in AddressRecognizer.
        Pattern(
            "postcode_town_line",
            rf"(?:^|(?<=\n))[ \t>*•?-]*\K(?:\d{{3}}[ ]\d{{2}}|\d{{4}}-\d{{3}}|\d{{5}}-\d{{3}}|\d{{2}}-\d{{3}}|\d{{4}}[ ]?[A-Z]{{2}})"
            rf"[ \t]+[{UPPER}][{LETTER}'’-]+(?:[ \t-]+[{LETTER}][{LETTER}'’-]*){{0,3}}(?:[ \t]*/[ \t]*[A-Z]{{2}})?"
            rf"(?=[ \t]*[.?!]?[ \t]*(?:\n|$))",
            0.45,
        ),
    ]
