"""Two or three capitalised words side by side, one of them shaped like a name: "Miklós Hajdu", "Tünde Hoffmann",
"Cleopatra Mordvinova", "Amadeo Vitorović".

spaCy's small models miss names they have not seen, mostly foreign ones, and our lists cannot hold every given
name. The scrubber keeps such a run only when one word is a listed given name, or a word no dictionary knows that
is spelled with a letter English and French words do not use ("ć", "ő", "ø") or ends like a family name ("-ova",
"-ski"); see NerPlausibility.name_shaped_run and NAME_SHAPED_RUN_RECOGNIZERS. Unknown words alone are not enough:
medical words and journal abbreviations are often unknown to the dictionary ("Myasthenia Gravis", "Clin Oncol").
Drugs, genes, regimens and eponyms are vetoed by the clinical vocabulary; a run ending with a place noun
("Leokadia Trail") or lying on a listed town is dropped, and one after "in", "at" or "near" is a place.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, PARTICLE, UPPER
from guardrails.phi.types import PERSON

# Capitalised, not all capitals: acronyms ("HER2", "FOLFOX", "ECOG PS") are not names. Two lower-case letters at
# least: "Oncotype Dx" and "Ki Ras" are not names either.
_WORD = rf"{not_stopword(LETTER)}[{UPPER}][{LOWER}'’]{{2,}}(?:-[{UPPER}][{LOWER}'’]+)?"
# Journal abbreviations in references have the same shape ("J Clin Oncol 27 (24):"): a volume number follows
# within a few words.
_NOT_A_JOURNAL = rf"(?!(?:[ \t]+[{UPPER}][{LOWER}]*\.?){{0,4}}[ \t]+\d+[ \t]*[(:;])"


class UnknownWordPairNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "two_unknown_capitalised_words",
            rf"(?<![\w'’.@/-]){_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{_WORD}){{1,2}}(?![\w'’@/-]){_NOT_A_JOURNAL}",
            # Below every other name recognizer: Presidio drops a result inside another of the same type with a
            # higher or equal score, and this one may still be cut down or dropped by the scrubber.
            0.45,
        ),
    ]
