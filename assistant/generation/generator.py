"""The generator seam: a chat model that renders its own prompt (so we can log it) and streams tokens."""

from __future__ import annotations

import threading
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
        """Yields text pieces; after exhaustion, `last_stats` describes the run (set it when the run ends)."""

    def warm_up(self, prompt_prefix: str) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Loads the model and caches `prompt_prefix` so that the first question does not wait for either.
        Remote backends keep the default (nothing): they must not call their server before the first answer."""

    # Stats are kept per thread: with several clinicians, another answer may finish between the end of this
    # thread's stream and its read of `last_stats`, and a shared attribute would then report that other run.
    @property
    def last_stats(self) -> GenerationStats | None:
        """The last run finished by the calling thread, else the last run finished by any thread."""
        mine = getattr(self._stats_slot(), "stats", None)
        return mine if mine is not None else self.__dict__.get("_latest_stats")

    @last_stats.setter
    def last_stats(self, stats: GenerationStats | None) -> None:
        self._stats_slot().stats = stats
        self.__dict__["_latest_stats"] = stats

    def _stats_slot(self) -> threading.local:
        # Created on first use so that subclasses need not call a base constructor.
        slot = self.__dict__.get("_per_thread_stats")
        if slot is None:
            slot = self.__dict__.setdefault("_per_thread_stats", threading.local())
        return slot
