"""Warm-up at start: the scrubber's pipelines, the embedder and the model's cached system prompt, nothing audited."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.answering.prompts import SYSTEM_PROMPT
from assistant.store import DocumentStore
from tests.fakes import ScriptedGenerator
from tests.unit.assistant.test_answer_service import RecordingScrubber, make_service

pytestmark = pytest.mark.unit


class WarmingGenerator(ScriptedGenerator):
    def __init__(self) -> None:
        super().__init__()
        self.warmed: list[str] = []

    def warm_up(self, prompt_prefix: str) -> None:
        self.warmed.append(prompt_prefix)


class WarmingScrubber(RecordingScrubber):
    def __init__(self) -> None:
        super().__init__()
        self.warm_calls = 0

    def warm_up(self) -> None:
        self.warm_calls += 1


@pytest.fixture
def service(store: DocumentStore) -> Iterator:
    service = make_service(store, scrubber=WarmingScrubber())
    service.generator = WarmingGenerator()
    yield service


def test_warm_up_caches_the_prompt_every_question_starts_with(service) -> None:  # noqa: ANN001
    service.warm_up()
    (prefix,) = service.generator.warmed
    assert SYSTEM_PROMPT in prefix and prefix.endswith("Sources:")
    service.ask("Adjuvant chemotherapy for stage III colon cancer: FOLFOX or CAPOX?")
    assert service.generator.prompts[0].startswith(prefix), "a real prompt extends the warmed prefix"


def test_warm_up_loads_the_scrubber_and_generates_nothing(service) -> None:  # noqa: ANN001
    service.warm_up()
    assert service.scrubber.warm_calls == 1
    assert service.scrubber.seen == [] and service.generator.prompts == []
