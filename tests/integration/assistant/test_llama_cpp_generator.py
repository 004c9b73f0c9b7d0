"""The in-process llama.cpp backend on the packaged model: native memory of a completion ends with it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from assistant.generation import LlamaCppGenerator, packaged_smollm2_path

pytestmark = pytest.mark.integration

PROMPT = "Adjuvant chemotherapy after resection of stage III colon cancer is"


@pytest.fixture(scope="module")
def generator() -> LlamaCppGenerator:
    return LlamaCppGenerator(packaged_smollm2_path(), context_tokens=512, seed=1)


@pytest.fixture
def no_cyclic_gc() -> Iterator[None]:
    # Without the collector, a sampler kept only by a reference cycle stays alive: the test then sees exactly
    # what a busy app sees between its rare full collections.
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _native_samplers() -> int:
    from llama_cpp._internals import LlamaSampler

    # type() rather than isinstance(): the latter reads __class__, which some proxies (torch) warn about.
    return sum(type(o) is LlamaSampler and o.sampler is not None for o in gc.get_objects())


def test_completions_leave_no_sampler_holding_native_memory(
    generator: LlamaCppGenerator, no_cyclic_gc: None
) -> None:
    generator.warm_up(PROMPT)
    for _ in range(3):
        assert "".join(generator.stream(PROMPT, max_tokens=6, temperature=0.0))
    assert _native_samplers() == 0


def test_a_stream_closed_early_frees_its_sampler_and_the_next_one_runs(
    generator: LlamaCppGenerator, no_cyclic_gc: None
) -> None:
    stream = generator.stream(PROMPT, max_tokens=20, temperature=0.0)
    next(stream)
    stream.close()  # the reader went away (a closed browser tab)
    assert _native_samplers() == 0
    assert "".join(generator.stream(PROMPT, max_tokens=6, temperature=0.0))
    assert _native_samplers() == 0
