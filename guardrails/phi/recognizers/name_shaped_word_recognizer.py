"""One word shaped like a family name, with no other cue: "Unlike the Sokolov novel", "early Živković",
"follow up with Ásgeirsdóttir", "seen with žilková".

The scrubber keeps the word only if no dictionary knows it and it is spelled with a letter English and French
words do not use ("ž", "ő", "ø", "å") or ends like a family name ("-ov", "-ova", "-ski", "-vić", "-sson"), or is a
listed name (NAME_SHAPED_WORD_RECOGNIZERS, NerPlausibility.name_shaped). Eponyms written so ("Waldenström",
"Sjögren") are vetoed by the clinical vocabulary.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, UPPER
from guardrails.phi.types import PERSON

_NOT_STOP = not_stopword(LETTER)
# Letters of Central and Northern European names, never in an English or French word, even in lower case.
_FOREIGN = "čćšžřňďťľĺŕőűłńśźżąęėįųūāēīōğışţșțåøðþßãõ"


class NameShapedWordRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        # Below every other name recognizer: Presidio drops a result inside another of the same type with a
        # higher or equal score, and this one may still be dropped by the scrubber.
        Pattern(
            "capitalised_name_shaped_word",
            rf"(?<![\w'’.@/-]){_NOT_STOP}[{UPPER}][{LOWER}'’]{{3,}}(?:-[{UPPER}][{LOWER}'’]+)?(?![\w'’@/-])",
            0.42,
        ),
        Pattern(
            "lower_case_word_with_foreign_letter",
            rf"(?<![\w'’.@/-])(?=[{LOWER}'’-]*[{_FOREIGN}])[{LOWER}][{LOWER}'’-]{{2,}}(?![\w'’@/-])",
            0.42,
        ),
    ]
