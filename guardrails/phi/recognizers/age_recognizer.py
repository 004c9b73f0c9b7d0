"""Ages over 89 (HIPAA): "92-year-old", "aged 95", "âgée de 91 ans", "93 ans". Only the number is replaced."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer, digits_of
from guardrails.phi.types import AGE

_AGE = r"(?:9\d|1[0-2]\d)"


class AgeRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = AGE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "age_then_unit",
            rf"(?<![\w.,]){_AGE}(?=[ \t-]?(?:years?|yrs?|y/?o|yo|ans|an|year-old)(?![a-z]))",
            0.85,
        ),
        Pattern(
            "unit_after_label",
            rf"(?=\d)(?<=(?<!\w)(?:aged?|âgée?|agée?|age\s*:|âge\s*:|age\s+of)[ \t]+(?:de[ \t]+)?){_AGE}(?![\w.,])",
            0.85,
        ),
        Pattern("age_sex_shorthand", rf"(?<![\w.,]){_AGE}(?=[ \t]?(?:yo)?[FM](?!\w))", 0.5),
    ]
    CONTEXT: ClassVar[list[str]] = ["age", "âge", "aged", "âgé", "âgée", "old", "ans", "years"]

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = digits_of(pattern_text)
        return None if digits and int(digits) >= 90 else False
