"""Names written with a middle initial: "Faina D. Yefremova", "Szabina J Gelencsér", "Ján M. Novák".

A capitalised word, one or two capital initials, then a capitalised word is the shape of a personal name in
every Western naming style, whatever the origin of the name. Clinical phrases of the same shape ("Hepatitis B
Virus", "Phase I Trial", "Factor V Leiden") are made of dictionary words or clinical terms: the scrubber drops
spans whose words are all dictionary words (see POSITIONAL_NAME_RECOGNIZERS) and the clinical vocabulary vetoes
the rest.
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
# Capitalised, not all capitals ("HER2 B Cells" is not a name); hyphenated parts allowed: "Jean-Luc".
_CAPITALISED = rf"{_NOT_STOP}[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)?"
_INITIALS = rf"(?:[{UPPER}]\.?[ \t]+){{1,2}}"
# Journal abbreviations in references have the same shape ("N Engl J Med 358 (25):", "Int J Radiat Oncol Biol
# Phys 61 (2)"): a volume number follows within a few words.
_NOT_A_JOURNAL = rf"(?!(?:[ \t]+[{UPPER}][{LOWER}]*\.?){{0,4}}[ \t]+\d+[ \t]*[(:;])"


class InitialledNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "given_initial_family",
            rf"(?<![\w'’.-]){_CAPITALISED}[ \t]+{_INITIALS}{_CAPITALISED}(?![\w-]){_NOT_A_JOURNAL}",
            0.7,
        ),
    ]
