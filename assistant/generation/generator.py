"""The generator seam: a chat model that renders its own prompt (so we can log it) and streams tokens."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class ChatMessage:
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class GenerationStats:
    prompt_tokens: int
    generated_tokens: int
    time_to_first_token_s: float | None
    tokens_per_s: float | None


class Generator(ABC):
    """A text generator. One generation at a time per loaded model; implementations serialise calls."""

    model_id: str
    #: True for the packaged demo-grade model: the CLI and UI say so plainly.
    demo: bool = False

    @abstractmethod
    def render(self, messages: Sequence[ChatMessage]) -> str:
        """The exact prompt text the model will see (logged by the answering service)."""

    @abstractmethod
    def count_tokens(self, text: str) -> int: ...

    @abstractmethod
    def stream(self, prompt: str, max_tokens: int, temperature: float) -> Iterator[str]:
        """Yields text pieces; after exhaustion, `last_stats` describes the run."""

    last_stats: GenerationStats | None = None
