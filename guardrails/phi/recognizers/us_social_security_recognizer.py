"""US Social Security numbers: 123-45-6789 (and spaced forms with context), minus impossible ranges."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer, digits_of
from guardrails.phi.types import US_SSN


def ssn_is_possible(value: str) -> bool:
    digits = digits_of(value)
    if len(digits) != 9 or len(set(digits)) == 1 or digits in ("123456789", "987654321"):
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"


class UsSocialSecurityRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = US_SSN
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("ssn_dashed", r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])", 0.7),
        Pattern("ssn_spaced_or_dotted", r"(?<![\w.])\d{3}[ .]\d{2}[ .]\d{4}(?![\w.])", 0.3),
        Pattern("ssn_compact", r"(?<!\w)\d{9}(?!\w)", 0.2),
    ]
    CONTEXT: ClassVar[list[str]] = ["ssn", "social", "security", "ss#", "ssns"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if ssn_is_possible(pattern_text) else False
