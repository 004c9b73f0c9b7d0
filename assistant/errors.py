"""A small exception hierarchy whose messages a clinician or an administrator can act on."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: the message is shown as is in the CLI and the UI, so it must say what to do."""


class ConfigurationError(AssistantError):
    """A setting is wrong or names something that is not there (model file, data folder)."""


class ModelLoadError(AssistantError):
    """A model file exists but could not be loaded (truncated GGUF, wrong format)."""


class GeneratorUnavailableError(AssistantError):
    """The generation server (llm.base_url) cannot be reached, refused the request or answered nonsense."""


class EmptyQuestionError(AssistantError):
    def __init__(
        self, message: str = "The question is empty: type a question about a guideline or a patient."
    ) -> None:
        super().__init__(message)


class NoWordsError(EmptyQuestionError):
    """Only punctuation, symbols or personal identifiers (removed before anything else sees them)."""

    def __init__(self, what: str = "question") -> None:
        super().__init__(
            f"The {what} has no words to look up (only punctuation, symbols or personal identifiers, which are "
            "removed for privacy): ask about a condition, a treatment or a guideline."
        )


class InputTooLargeError(AssistantError):
    def __init__(self, what: str, size: int, limit: int) -> None:
        super().__init__(
            f"The {what} is too long ({size:,} characters; the limit is {limit:,}). "
            "Shorten it or split it into several questions."
        )


class IndexError_(AssistantError):
    """The index is missing, unreadable or not writable."""


class StoreWriteError(IndexError_):
    """Writing to the index failed; nothing of the file being ingested was kept."""


class StoreUnavailableError(IndexError_):
    """The shared Chroma server (store.chroma_host) cannot be reached; ingestion stops instead of skipping files."""
