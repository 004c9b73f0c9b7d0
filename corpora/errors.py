"""Errors raised while reading documents; each message names the file and what to do about it."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import AssistantError


class LoaderError(AssistantError):
    """A file could not be turned into text. The ingest skips it and reports this message."""

    def __init__(self, path: str | Path, problem: str, fix: str) -> None:
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        super().__init__(f"{self.path}: {problem}. {fix}")
