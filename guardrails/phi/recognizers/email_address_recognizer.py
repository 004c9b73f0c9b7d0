"""E-mail addresses. Our own pattern: Presidio's validates domains with tldextract, which may go online."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.types import EMAIL_ADDRESS


class EmailAddressRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = EMAIL_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "email",
            r"(?<![\w.%+-])[\w.%+-]+(?:\[at\]|@)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}(?![\w-])",
            1.0,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["email", "e-mail", "mail", "courriel", "adresse"]

    def validate_result(self, pattern_text: str) -> bool | None:
        local = pattern_text.split("@", 1)[0]
        return False if local.startswith(".") or ".." in pattern_text else None
