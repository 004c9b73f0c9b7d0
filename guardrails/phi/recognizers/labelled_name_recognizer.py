"""Names after a label: "Nom : DUPONT", "Patient: John Smith", "My name is Rubija", "née Martin", "Dear Anna",
"everyone calls me Ján", "her maiden name is nyberg", "l'enfant TÉANA"."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import is_name_stopword, not_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LETTER, NAME_SEQUENCE, NAME_WORD, UPPER
from guardrails.phi.types import PERSON

_COLON_LABELS = (
    r"name|full\s+name|patient\s+name|first\s+name|last\s+name|surname|family\s+name|nom|pr[ée]noms?|"
    r"nom\s+de\s+naissance|nom\s+d['’]usage|nom\s+marital|patiente?|usag[eè]re?|b[ée]n[ée]ficiaire|"
    r"m[ée]decin\s+traitant|m[ée]decin\s+r[ée]f[ée]rent|referring\s+physician|attending|signed|sign[ée]|cc|"
    r"personne\s+de\s+confiance|contact|emergency\s+contact|next\s+of\s+kin"
)
_PHRASES = (
    r"my\s+name\s+is|name\s+is|i\s+am|i['’]m|this\s+is|je\s+m['’]appelle|je\s+suis|dear|hi|hello|bonjour|n[ée]e|"
    # Naming verbs: "people call me Csanád", "She named him Luís", "was called Halldór", "known as Bill".
    r"call(?:s|ed)?\s+(?:me|him|her|them)|named\s+(?:him|her|them)|(?:is|was|were)\s+called|(?:also\s+)?known\s+as|"
    r"goes\s+by|s['’]appelle|appel[ée]e?|pr[ée]nomm[ée]e?|surnomm[ée]e?"
)
# The name of a person said in so many words: its case is not trusted ("my name is vitoria", "her maiden name
# is nyberg"), like after a colon label. A question form counts: "What's your last name? Boyle".
_NAME_IS = (
    r"(?:(?:my|his|her|their|your|the\s+patient['’]s|maiden|last|first|given|family|full)\s+)+name\s+(?:is|was)|"
    r"(?:maiden|last|first|given|family|full)\s+name\s*\?|surname\s+(?:is|was)|nom\s+(?:de\s+naissance\s+)?est|"
    # "everyone calls me borna": with its subject, the naming verb is as explicit as "my name is".
    r"(?:everyone|everybody|people|friends|family)\s+calls?\s+(?:me|him|her|them)|tout\s+le\s+monde\s+m['’]appelle"
)
_WORD_ANY_CASE = rf"{not_stopword(LETTER)}[{LETTER}][{LETTER}'’-]+"


class LabelledNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    # The label is matched, then dropped from the result by \K: a look-behind tried at every letter costs ten
    # times more.
    PATTERNS: ClassVar[list[Pattern]] = [
        # "Patient : CAVARLE, ANDRE": after a colon label the case of the name is not trusted.
        # Above the middle-initial and spaCy's guesses, which may hold the same words and fail their own checks:
        # Presidio drops a result inside another of the same type with an equal or higher score.
        Pattern(
            "colon_label_then_name",
            rf"(?<!\w)(?i:{_COLON_LABELS})[ \t]*:[ \t]*\K(?=[{LETTER}]){_WORD_ANY_CASE}"
            rf"(?:(?:[ \t]*,[ \t]*|[ \t]+)(?:[{UPPER}]\.?[ \t]+)?{_WORD_ANY_CASE}){{0,2}}",
            0.75,
        ),
        Pattern(
            "name_is_then_name_any_case",
            rf"(?<!\w)(?i:{_NAME_IS})[ \t]+\K(?=[{LETTER}]){_WORD_ANY_CASE}(?:[ \t]+{_WORD_ANY_CASE}){{0,2}}",
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
            rf"(?=[{UPPER}])(?<=(?<!\w)(?i:le\s+patient|la\s+patiente|l['’]usager|usag[eè]re?|b[ée]n[ée]ficiaire|patient|l['’]enfant)[ \t]+)"
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
