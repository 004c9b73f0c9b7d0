"""The HTTP generator against a real `python -m llama_cpp.server` serving the packaged SmolLM2, and a whole
question answered through it with settings alone (llm.backend=openai_compatible)."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import assistant.bootstrap as bootstrap
from assistant.errors import GeneratorUnavailableError
from assistant.generation import ChatMessage, OpenAICompatibleGenerator, packaged_smollm2_path
from assistant.settings import load_settings
from tests.fakes import HashEmbedder
from tests.integration.assistant.conftest import build_test_index
from tests.net import free_port

pytestmark = pytest.mark.integration

READY_TIMEOUT_S = 120
API_KEY = "test-key"  # the server is started with --api_key, as a shared GPU server should be


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log_path = tmp_path_factory.mktemp("llama-server") / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(packaged_smollm2_path())]
            + ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "1024", "--api_key", API_KEY],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"llama_cpp.server exited with {process.returncode}:\n{log_path.read_text()[-2000:]}"
                )
            try:
                auth = {"Authorization": f"Bearer {API_KEY}"}
                if httpx.get(f"{url}/models", headers=auth, timeout=2).is_success:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"llama_cpp.server not ready after {READY_TIMEOUT_S} s:\n{log_path.read_text()[-2000:]}"
                )
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_streams_an_answer_from_the_server(server_url: str) -> None:
    gen = OpenAICompatibleGenerator(server_url, api_key=API_KEY)
    prompt = gen.render(
        [
            ChatMessage("system", "You are a concise medical assistant."),
            ChatMessage("user", "Name one drug used for febrile neutropenia."),
        ]
    )
    pieces = list(gen.stream(prompt, 24, 0.0))
    assert len(pieces) > 1 and "".join(pieces).strip()
    stats = gen.last_stats
    assert stats is not None
    # llama.cpp's server sends no usage: one piece per token, and the prompt estimated from its characters
    assert stats.generated_tokens == len(pieces) <= 24
    assert stats.prompt_tokens > 10
    assert stats.time_to_first_token_s is not None and stats.time_to_first_token_s > 0
    assert stats.tokens_per_s is not None and stats.tokens_per_s > 0
    port = server_url.split(":")[2].split("/")[0]
    assert gen.model_id == f"openai:SmolLM2-135M-Instruct.Q4_1.gguf@127.0.0.1:{port}"
    assert gen.demo is True  # the packaged demo model, served remotely, still carries its warning


def test_a_question_is_answered_through_the_server_by_settings_alone(
    server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(bootstrap, "build_embedder", lambda settings: HashEmbedder())
    settings = load_settings(
        profile="test",
        data_dir=tmp_path,
        llm={"backend": "openai_compatible", "base_url": server_url, "api_key": API_KEY},
        audit={"enabled": False},
    )
    services = build_test_index(tmp_path, settings)
    assert isinstance(services.generator, OpenAICompatibleGenerator)

    with caplog.at_level(logging.INFO, logger="assistant.prompt"):
        answer = services.answers.ask(
            "What adjuvant chemotherapy is given after resection of stage III colon cancer?"
        )
    assert not answer.abstained and answer.draft.strip()
    assert answer.model.startswith("openai:SmolLM2-135M-Instruct")
    assert answer.timings.generation_tokens > 0 and answer.timings.prompt_tokens > 50
    assert answer.timings.time_to_first_token_s is not None
    # our code built the prompt and logged exactly what was sent: the chat messages, evidence included
    logged = next(r.getMessage() for r in caplog.records if r.name == "assistant.prompt")
    messages = json.loads(logged.split("\n", 1)[1])
    assert [m["role"] for m in messages][-1] == "user" and "FOLFOX" in logged


def test_a_closed_port_gives_an_error_naming_the_setting() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    gen = bootstrap.build_generator(load_settings(llm={"backend": "openai_compatible", "base_url": url}))
    with pytest.raises(GeneratorUnavailableError) as caught:
        list(gen.stream(gen.render([ChatMessage("user", "hello")]), 8, 0.0))
    message = str(caught.value)
    assert f"llm.base_url={url}" in message and "cannot be reached" in message
    assert "python -m llama_cpp.server" in message and "ONCO_LLM__BASE_URL" in message


def test_a_missing_api_key_is_named(server_url: str) -> None:
    gen = OpenAICompatibleGenerator(server_url, api_model="any")
    with pytest.raises(GeneratorUnavailableError, match=r"HTTP 401.*set llm.api_key"):
        list(gen.stream(gen.render([ChatMessage("user", "hello")]), 8, 0.0))
