"""A name as the subject of a verb that only people do: "Asya spent a year at...", "Timotea lives on...",
"Kowalczyk reports less pain", "Durand signale des douleurs", "said Maslin to Antonio".

spaCy's small models miss a lone given or family name it has not seen, mostly at the start of a sentence where
capitals say nothing. The verb is the evidence: places, drugs and tests do not live, say, deny or complain. The
name itself must hold a word that is not a dictionary word (POSITIONAL_NAME_RECOGNIZERS), and drugs, genes and
eponyms are vetoed by the clinical vocabulary.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER, PARTICLE, UPPER
from guardrails.phi.types import PERSON

_NOT_STOP = not_stopword(LETTER)
# Capitalised words only (an acronym such as "SEER reported" is an organisation), an initial between them.
_WORD = rf"{_NOT_STOP}[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}'’]+)?"
_NAME = rf"{_WORD}(?:[ \t]+(?:[{UPPER}]\.?[ \t]+)?(?:{PARTICLE}[ \t]+)?{_WORD}){{0,2}}"
_HUMAN_VERB = (
    r"lives|lived|resides|resided|spent|says|said|tells|told|shouted|asks|asked|replies|replied|reports|reported|"
    r"states|stated|denies|denied|complains|complained|explains|explained|works|worked|wants|wanted|feels|felt|"
    r"thinks|thought|believes|believed|agrees|agreed|declines|declined|refuses|refused|prefers|preferred|"
    r"smokes|smoked|began|married|was\s+born|"
    r"habite|vit|vivait|travaille|travaillait|dit|d[ée]clare|rapporte|signale|explique|se\s+plaint|refuse|"
    r"souhaite|pr[ée]f[èe]re|fume|est\s+n[ée]e?"
)
# Not after an article: "the Oncotype reported" names a test, "le Samu signale" a service.
_NO_ARTICLE = r"(?<!(?i:\b(?:the|a|an|this|that|le|la|les|un|une|du|des|ce|cette))[ \t]+)"


class ActingNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "name_then_human_verb",
            rf"{_NO_ARTICLE}(?<![\w'’.-]){_NAME}(?=[ \t]+(?:{_HUMAN_VERB})(?![\w-]))",
            0.6,
        ),
        # The same verbs of speech with the speaker after them: "…, said Maslin to Antonio", "asked Erle.".
        Pattern(
            "speech_verb_then_name",
            rf"(?<=(?<![\w-])(?:said|asked|replied|answered|shouted|whispered|added)[ \t]+){_NAME}"
            rf"(?=[ \t]+to(?![\w-])|[ \t]*[,.;!?])",
            0.6,
        ),
    ]
