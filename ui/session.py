"""What one browser session remembers. It lives in server memory only (gr.State) and is never logged:
the re-identification mappings hold real identifiers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.letters.conversation import Conversation
from assistant.letters.letter_draft import LetterDraft
from assistant.types import Answer


@dataclass
class WorkspaceSession:
    language: str = "en"  # interface labels
    conversation: Conversation = field(default_factory=Conversation)
    last_answer: Answer | None = None
    patient_id: str | None = None  # the chat's patient context
    # patient ID -> placeholder -> original value, for the notes de-identified in this session only.
    mappings: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    ambiguous: set[str] = field(
        default_factory=set
    )  # patients whose mapping cannot be trusted to re-identify
    pending: Any = field(
        default=None, repr=False
    )  # an IntakePreview waiting for the clinician's confirmation
    draft: LetterDraft | None = field(default=None, repr=False)

    def __repr__(self) -> str:  # never show identifiers, even in a debugger or a log line
        return (
            f"WorkspaceSession(language={self.language!r}, turns={len(self.conversation.turns)}, "
            f"patient_id={self.patient_id!r}, mappings={len(self.mappings)})"
        )

    def remember_mapping(self, patient_id: str, mapping: dict[str, str], ambiguous: bool) -> None:
        known = self.mappings.setdefault(patient_id, {})
        for placeholder, original in mapping.items():
            if known.get(placeholder, original) != original:
                ambiguous = True
            known.setdefault(placeholder, original)
        if ambiguous:
            self.ambiguous.add(patient_id)
