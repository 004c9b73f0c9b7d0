"""The seam other packages depend on: anything with `scrub(text, language=None) -> ScrubResult`."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from guardrails.phi.types import ScrubResult


@runtime_checkable
class Scrubber(Protocol):
    def scrub(self, text: str, language: str | None = None) -> ScrubResult:
        """Return the text with identifiers replaced by typed placeholders."""
        ...
