"""A chat's memory: the de-identified turns passed back to the model as history, kept short enough for a
small context window, and follow-up questions tied to the question they follow."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.generation import ChatMessage
from assistant.types import Answer

# A short question after a first one ("and for high-risk disease?") names nothing to retrieve with.
_FOLLOW_UP_MAX_WORDS = 12
_MAX_TURN_CHARS = 600


@dataclass
class Conversation:
    max_turns: int = 2  # a 2,048-token context holds the evidence, the question and about two earlier turns
    turns: list[tuple[str, str]] = field(default_factory=list)  # (scrubbed question, answer text)

    def history(self) -> list[ChatMessage]:
        messages: list[ChatMessage] = []
        for question, answer in self.turns[-self.max_turns :]:
            messages.append(ChatMessage("user", question[:_MAX_TURN_CHARS]))
            messages.append(ChatMessage("assistant", answer[:_MAX_TURN_CHARS]))
        return messages

    def contextual_question(self, question: str) -> str:
        """The question as sent to the answering service: a short follow-up carries the previous question,
        so that retrieval finds the same topic and the model knows what "it" refers to."""
        question = question.strip()
        if not self.turns or len(question.split()) > _FOLLOW_UP_MAX_WORDS:
            return question
        previous = self.turns[-1][0].splitlines()[0][:_MAX_TURN_CHARS]
        return f"{question}\n({previous})"

    def add(self, answer: Answer) -> None:
        # answer.question is the scrubbed question: raw text typed in the chat never reaches the history.
        if not answer.abstained:
            self.turns.append((answer.question, answer.text))
            # Only the last turns are ever passed back; a long session must not grow the server's memory.
            del self.turns[: -self.max_turns]

    def clear(self) -> None:
        self.turns.clear()
