"""What the tabs share: the actions, the session state, the label registry, and the components that another
tab refreshes (a patient indexed in one tab appears in the pickers of the others)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ui.chat_actions import ChatActions
from ui.labels import Labeller
from ui.letter_actions import LetterActions
from ui.library_actions import LibraryActions
from ui.lookup_actions import LookupActions
from ui.patient_actions import PatientActions


@dataclass
class TabContext:
    chat: ChatActions
    lookup: LookupActions
    patients: PatientActions
    letters: LetterActions
    library: LibraryActions
    labels: Labeller
    session: Any  # gr.State holding a WorkspaceSession
    shared: dict[str, Any] = field(default_factory=dict)  # components other tabs update, by name
