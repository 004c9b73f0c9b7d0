"""The speaker of a line of dialogue: "Koppány: "Who are you?"", "tracy:"i'm roberto's daughter"", "Natasha: You
saved my life!" — transcripts of consultations and phone calls, pasted messages.

A word then a colon at the start of a line is usually a heading ("Plan:", "Abd: soft"), so the line must read as
speech: it opens with a quotation mark, holds a first- or second-person word (I, you, my, je, vous...) or ends
with a question or exclamation mark; and the word must look like a name: a listed given name or a word no
dictionary knows (NAME_LIKE_WORD_RECOGNIZERS). "Patient: I feel tired" and "Plan: we will..." stay.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, LOWER
from guardrails.phi.types import PERSON

_WORD = rf"{not_stopword(LETTER)}[{LETTER}][{LOWER}'’]+(?:-[{LETTER}][{LOWER}'’]+)?"
_PERSON_WORD = (
    r"i|i['’]m|i['’]ve|i['’]ll|me|my|mine|you|you['’]re|your|we|us|our|"
    r"je|j['’]ai|j['’]|moi|tu|toi|vous|nous|mon|ma|mes|votre|vos|notre"
)
_SPEECH = (
    rf"[ \t]*:[ \t]*(?:[\"“«„']|[^\n]*?(?<![\w'’])(?i:{_PERSON_WORD})(?![\w'’])|[^\n]*[?!][ \t\"”»]*(?:\n|$))"
)


class SpeakerLabelNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        # Anchored at the start of a line, the lead dropped by \K (see LoneLineNameRecognizer). Scored above
        # spaCy, whose span often runs over the colon into the speech ("tracy:"i'm"): Presidio drops a result
        # inside another of the same type with a higher or equal score.
        Pattern("speaker_of_a_line", rf"^[ \t>]*\K(?=[{LETTER}]){_WORD}(?={_SPEECH})", 0.86),
    ]
