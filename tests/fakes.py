"""Fakes for fast unit tests. Each subclasses the real interface, so a contract change breaks them too."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

import numpy as np

from assistant.embedding import Embedder, l2_normalise
from assistant.generation import ChatMessage, GenerationStats, Generator
from assistant.store.text_normalise import tokenize


class HashEmbedder(Embedder):
    """Bag of hashed tokens: texts sharing words are close. Deterministic, instant."""

    model_id = "fake:hash-256"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in tokenize(text):
                out[row, int(hashlib.md5(token.encode()).hexdigest(), 16) % self.dim] += 1.0
        return l2_normalise(out)


class ScriptedGenerator(Generator):
    """Replies with scripted texts in turn and records every prompt it was given."""

    model_id = "fake:scripted"

    def __init__(self, replies: Sequence[str] = ("An answer [1].",), demo: bool = False) -> None:
        self.replies = list(replies)
        self.prompts: list[str] = []
        self.demo = demo
        self.last_stats = None

    def render(self, messages: Sequence[ChatMessage]) -> str:
        return "\n".join(f"<{m.role}>\n{m.content}" for m in messages)

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def stream(self, prompt: str, max_tokens: int, temperature: float) -> Iterator[str]:
        self.prompts.append(prompt)
        reply = self.replies[min(len(self.prompts) - 1, len(self.replies) - 1)]
        words = reply.split(" ")
        for i, word in enumerate(words):
            yield word if i == 0 else " " + word
        self.last_stats = GenerationStats(self.count_tokens(prompt), len(words), 0.01, 100.0)
