"""Web addresses (HIPAA lists URLs): http(s)://... and www.... forms only; bare domains are left alone."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from guardrails.phi.recognizers.phi_pattern_recognizer import PhiPatternRecognizer
from guardrails.phi.types import URL


class WebAddressRecognizer(PhiPatternRecognizer):
    ENTITY: ClassVar[str] = URL
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("url", r"(?<![\w@])(?:https?://|www\.)[^\s<>\"'()]*[^\s<>\"'().,;:!?]", 0.8),
    ]
    CONTEXT: ClassVar[list[str]] = ["url", "site", "web", "lien", "link"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if len(pattern_text) > 8 else False
