"""Base of our recognizers: data (PATTERNS, CONTEXT) plus one `validate_result` hook, Presidio-style."""

from __future__ import annotations

from typing import Any, ClassVar

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

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
    # A cheap search that every match of every pattern needs, run first on the whole text (None: no such
    # search). It saves the patterns' own scan, word by word, of the texts that cannot match; it must never
    # change what they find.
    REQUIRES: ClassVar[str | None] = None

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
        self._requires = re.compile(self.REQUIRES, self.FLAGS) if self.REQUIRES else None
        # Compiled now, with the engine, rather than by Presidio on a pattern's first scan: a recognizer behind
        # REQUIRES would otherwise compile (up to a few hundred ms for the word-list patterns) in the middle of
        # whichever clinician's text first passes its prefilter. The regex module caches compiled patterns, so
        # the second language's engine pays nothing more.
        for pattern in self.patterns:
            pattern.compiled_regex = re.compile(pattern.regex, flags=self.global_regex_flags)
            pattern.compiled_with_flags = self.global_regex_flags

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if self._requires is not None and self._requires.search(text) is None:
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)


def digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
