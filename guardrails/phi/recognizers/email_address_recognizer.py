"""E-mail addresses. Our own pattern: Presidio's validates domains with tldextract, which may go online."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.types import EMAIL_ADDRESS

# "@", typed with spaces in dictated or OCR'd text ("jean.dupont @ aphp.fr"), or spelled out to fool spam robots
# ("jean.dupont[at]aphp.fr", "(arobase)").
_AT = r"(?:[ \t]?@[ \t]?|[ \t]?[\[(](?:at|arobase)[\])][ \t]?)"


class EmailAddressRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = EMAIL_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("email", rf"(?<![\w.%+-])[\w.%+-]+{_AT}[\w-]+(?:\.[\w-]+)*\.[a-z]{{2,24}}(?![\w-])", 1.0),
        # A hospital's internal address has no top-level domain ("j.dupont@aphp"): only with a mail word in
        # front (Presidio's context raises the score above the threshold).
        Pattern("email_without_domain_suffix", r"(?<![\w.%+-])[\w.%+-]+@[\w-]{2,}(?![\w.@-])", 0.3),
    ]
    CONTEXT: ClassVar[list[str]] = ["email", "e-mail", "mail", "courriel", "adresse"]

    def validate_result(self, pattern_text: str) -> bool | None:
        local = pattern_text.split("@", 1)[0]
        return False if local.startswith(".") or ".." in pattern_text else None
