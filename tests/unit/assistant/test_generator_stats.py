"""`Generator.last_stats` is per thread: an answer never reports the figures of another clinician's run."""

from __future__ import annotations

import threading

import pytest

from tests.fakes import ScriptedGenerator

pytestmark = pytest.mark.unit


def test_a_run_finished_by_another_thread_does_not_replace_mine() -> None:
    gen = ScriptedGenerator(replies=["two words", "three more words"])
    list(gen.stream("mine", 8, 0.0))
    mine = gen.last_stats
    other = threading.Thread(target=lambda: list(gen.stream("other prompt here", 8, 0.0)))
    other.start()
    other.join()
    assert mine is not None and mine.generated_tokens == 2
    assert gen.last_stats is mine


def test_a_thread_that_never_generated_sees_the_latest_run() -> None:
    gen = ScriptedGenerator(replies=["one two three"])
    assert gen.last_stats is None
    seen = []
    list(gen.stream("p", 8, 0.0))
    reader = threading.Thread(target=lambda: seen.append(gen.last_stats))
    reader.start()
    reader.join()
    assert seen[0] is not None and seen[0].generated_tokens == 3


def test_two_generators_keep_separate_stats() -> None:
    first, second = ScriptedGenerator(replies=["a b"]), ScriptedGenerator(replies=["a b c d"])
    list(first.stream("p", 8, 0.0))
    list(second.stream("p", 8, 0.0))
    assert first.last_stats is not None and first.last_stats.generated_tokens == 2
    assert second.last_stats is not None and second.last_stats.generated_tokens == 4
