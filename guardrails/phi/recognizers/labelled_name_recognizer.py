"""Names after a label: "Nom : DUPONT", "Patient: John Smith", "My name is Rubija", "née Martin", "Dear Anna"."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import is_name_stopword, stopword_regex
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, NAME_SEQUENCE, NAME_WORD, UPPER
from guardrails.phi.types import PERSON

_COLON_LABELS = (
    r"name|full\s+name|patient\s+name|first\s+name|last\s+name|surname|family\s+name|nom|pr[ée]noms?|"
    r"nom\s+de\s+naissance|nom\s+d['’]usage|nom\s+marital|patiente?|usag[eè]re?|b[ée]n[ée]ficiaire|"
    r"m[ée]decin\s+traitant|m[ée]decin\s+r[ée]f[ée]rent|referring\s+physician|attending|signed|sign[ée]|cc|"
    r"personne\s+de\s+confiance|contact|emergency\s+contact|next\s+of\s+kin"
)
_PHRASES = r"my\s+name\s+is|name\s+is|i\s+am|i['’]m|this\s+is|je\s+m['’]appelle|je\s+suis|dear|hi|hello|bonjour|n[ée]e"
_WORD_ANY_CASE = rf"(?!{stopword_regex()}(?![{LETTER}'’-]))[{LETTER}][{LETTER}'’-]+"


class LabelledNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        # "Patient : CAVARLE, ANDRE": after a colon label the case of the name is not trusted.
        Pattern(
            "colon_label_then_name",
            rf"(?=[{LETTER}])(?<=(?<!\w)(?i:{_COLON_LABELS})[ \t]*:[ \t]*){_WORD_ANY_CASE}(?:(?:[ \t]*,[ \t]*|[ \t]+){_WORD_ANY_CASE}){{0,2}}",
            0.7,
        ),
        Pattern(
            "phrase_then_name",
            rf"(?=[{UPPER}])(?<=(?<!\w)(?i:{_PHRASES})[ \t]+){NAME_SEQUENCE}",
            0.7,
        ),
        # "Le patient LASVEAUX maeron", "Usager Troupe RAMON": a capitalised word after the noun.
        Pattern(
            "noun_label_then_name",
            rf"(?=[{UPPER}])(?<=(?<!\w)(?i:le\s+patient|la\s+patiente|l['’]usager|usag[eè]re?|b[ée]n[ée]ficiaire|patient)[ \t]+)"
            rf"{NAME_WORD}(?:[ \t]+(?:{NAME_WORD}|{_WORD_ANY_CASE})){{0,2}}",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = []

    def validate_result(self, pattern_text: str) -> bool | None:
        words = [w for w in re.split(r"[\s,]+", pattern_text) if w]
        if not words or is_name_stopword(words[0]):
            return False
        # "Patient: 45-year-old" / "Nom : NON RENSEIGNÉ" style values are not names.
        if any(w.casefold() in {"non", "renseigné", "renseigne", "inconnu", "unknown", "n/a"} for w in words):
            return False
        return None
