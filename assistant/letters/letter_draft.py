"""A drafted letter: editable Markdown-like text plus what the clinician must check before sending it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from assistant.types import Citation

# Put in front of every sentence the verifier did not find in the cited guideline text; the clinician edits the
# sentence or removes the mark. Exports warn while a mark is left.
FLAG = "⚠"

# removed: the model wrote it, the verifier found no support, the answering service dropped it from the text.
CheckStatus = Literal["unsupported", "no_citation", "removed", "unverified", "abstained", "extractive"]


@dataclass(frozen=True)
class LetterCheck:
    sentence: str
    status: CheckStatus
    score: float | None = None


@dataclass
class LetterDraft:
    kind: str
    language: str
    patient_id: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    checks: list[LetterCheck] = field(default_factory=list)
    verified: bool = False  # False when no verifier ran: nothing in the recommendations was checked
    abstained: bool = False
    faithfulness: float | None = None
    model: str = ""
    demo: bool = False
    question: str = ""  # the guideline question that was asked (de-identified)

    @property
    def flagged(self) -> list[LetterCheck]:
        """Sentences in the letter text marked with FLAG."""
        return [c for c in self.checks if c.status in ("unsupported", "no_citation")]

    @property
    def removed(self) -> list[LetterCheck]:
        return [c for c in self.checks if c.status == "removed"]


def count_flags(text: str) -> int:
    return text.count(FLAG)
