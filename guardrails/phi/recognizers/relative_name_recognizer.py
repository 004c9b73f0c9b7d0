"""Relatives' names: "his wife Mary", "her daughter, Claire Martin", "sa fille Claire", "son époux Jean"."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern

from guardrails.phi.name_stopwords import is_name_stopword
from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.recognizers.regex_parts import LOWER, NAME_SEQUENCE, UPPER
from guardrails.phi.types import PERSON

RELATIVES = (
    r"wife|husband|partner|spouse|fianc[ée]e?|daughter|son|mother|father|mom|mum|dad|sister|brother|niece|nephew|"
    r"aunt|uncle|cousin|grand(?:daughter|son|mother|father|child)|step(?:daughter|son|mother|father)|"
    r"daughter-in-law|son-in-law|caregiver|friend|neighbou?r|kids?|child|baby|boyfriend|girlfriend|sibling|twin|"
    r"widow|widower|ex-wife|ex-husband|godson|goddaughter|"
    r"femme|[ée]pouse|mari|[ée]poux|conjointe?|compagne|compagnon|concubine?|fille|fils|m[èe]re|p[èe]re|"
    r"s(?:œ|oe)ur|fr[èe]re|ni[èe]ce|neveu|tante|oncle|cousine?|petite?-(?:fille|fils)|grand-(?:m[èe]re|p[èe]re)|"
    r"belle-(?:fille|s(?:œ|oe)ur|m[èe]re)|beau-(?:fils|fr[èe]re|p[èe]re)|amie?|voisine?|aidante?|enfant|b[ée]b[ée]|"
    r"copain|copine|jumelle?"
)
# Possessives only: after an article the noun heads a line as often as it names someone ("Le père Découverte d'une
# pathologie", a heading and the next line).
_DETERMINER = r"(?:his|her|their|the\s+patient['’]s|patient['’]s|my|sa|son|ses|leur|notre|votre)"
_ELIDED_WORD = re.compile(rf"^[LlDd]['’][{LOWER}]")
_AFTER_RELATIVE = rf"(?<=(?<!\w)(?i:{_DETERMINER}\s+(?:{RELATIVES}))(?:[ \t]*,)?[ \t]+)"


class RelativeNameRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = PERSON
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.UNICODE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("relative_then_name", rf"(?=[{UPPER}])" + _AFTER_RELATIVE + NAME_SEQUENCE, 0.85)
    ]

    def validate_result(self, pattern_text: str) -> bool | None:
        first = pattern_text.split()[0]
        # "Le père L'enfant est scolarisé": an elided article before a lower-case word, not "D'Angelo".
        return False if is_name_stopword(first) or _ELIDED_WORD.match(first) else None
