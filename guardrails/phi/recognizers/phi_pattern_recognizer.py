"""Base of our recognizers: data (PATTERNS, CONTEXT) plus one `validate_result` hook, Presidio-style."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

# Case matters for names: recognizers that need it set FLAGS without IGNORECASE and use (?i:...) locally.
DEFAULT_FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE | re.UNICODE


class PhiPatternRecognizer(PatternRecognizer):
    """A language-agnostic pattern recognizer (patterns cover EN and FR forms at once).

    Subclasses set ENTITY, PATTERNS and CONTEXT (words that raise a weak pattern's score when they appear just
    before the match) and may override `validate_result` (True: certain, False: reject, None: keep the score).
    """

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    FLAGS: ClassVar[int] = DEFAULT_FLAGS

    def __init__(self, supported_language: str = "en") -> None:
        if not self.ENTITY or not self.PATTERNS:
            raise TypeError(f"{type(self).__name__} must define ENTITY and PATTERNS")
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language=supported_language,
            # Copies: Presidio caches the compiled regex on the Pattern object.
            patterns=[Pattern(p.name, p.regex, p.score) for p in self.PATTERNS],
            context=list(self.CONTEXT),
            global_regex_flags=self.FLAGS,
        )


def digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
