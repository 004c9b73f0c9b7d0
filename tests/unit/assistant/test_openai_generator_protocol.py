"""The HTTP generator against a scripted in-process server: the stream protocol, and every way a server can fail.

The real server (llama.cpp's) is in tests/integration/assistant/test_openai_compatible_generator.py."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.bootstrap import build_generator
from assistant.errors import ConfigurationError, GeneratorUnavailableError
from assistant.generation import ChatMessage, OpenAICompatibleGenerator
from assistant.settings import load_settings

pytestmark = pytest.mark.unit

Reply = Callable[[BaseHTTPRequestHandler, dict], None]


def chunk(content: str | None = None, finish: str | None = None, usage: dict | None = None) -> str:
    body: dict = {"choices": [] if usage else [{"delta": {"content": content}, "finish_reason": finish}]}
    if usage:
        body["usage"] = usage
    return "data: " + json.dumps(body) + "\n\n"


def sse(events: list[str]) -> Reply:
    def reply(handler: BaseHTTPRequestHandler, _body: dict) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.end_headers()
        for event in events:
            handler.wfile.write(event.encode())
            handler.wfile.flush()

    return reply


def status(code: int, text: str) -> Reply:
    def reply(handler: BaseHTTPRequestHandler, _body: dict) -> None:
        data = text.encode()
        handler.send_response(code)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return reply


class FakeServer:
    """Serves GET /v1/models and answers POST /v1/chat/completions with `reply`; records requests."""

    def __init__(self) -> None:
        self.reply: Reply = sse([chunk("Hello"), chunk(" there", "stop"), "data: [DONE]\n\n"])
        self.requests: list[tuple[str, dict, dict]] = []  # path, headers, body
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers), {}))
                status(200, json.dumps({"data": [{"id": "/models/tiny-model.gguf"}]}))(self, {})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append((self.path, dict(self.headers), body))
                server.reply(self, body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.block_on_close = False  # a stalled handler must not hold up the teardown
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[FakeServer]:
    fake = FakeServer()
    yield fake
    fake.close()


MESSAGES = [
    ChatMessage("system", "Cite sources as [n]."),
    ChatMessage("user", "Adjuvant CAPOX, combien de mois ?"),
]


def test_streams_the_rendered_messages_and_reads_usage(server: FakeServer) -> None:
    server.reply = sse(
        [
            ": ping\n\n",  # an SSE comment, as sse-starlette sends to keep the connection open
            chunk("Three"),
            chunk(" months [1]."),
            chunk(None, "stop"),
            chunk(usage={"prompt_tokens": 123, "completion_tokens": 3}),
            "data: [DONE]\n\n",
        ]
    )
    gen = OpenAICompatibleGenerator(server.url, api_key="s3cret")
    prompt = gen.render(MESSAGES)
    assert json.loads(prompt)[1] == {"role": "user", "content": "Adjuvant CAPOX, combien de mois ?"}
    assert list(gen.stream(prompt, 32, 0.1)) == ["Three", " months [1]."]
    path, headers, body = server.requests[-1]
    assert path == "/v1/chat/completions"
    assert headers["Authorization"] == "Bearer s3cret"
    assert body["messages"] == [{"role": m.role, "content": m.content} for m in MESSAGES]
    assert body["model"] == "/models/tiny-model.gguf" and body["stream"] is True and body["max_tokens"] == 32
    stats = gen.last_stats
    assert stats is not None and (stats.prompt_tokens, stats.generated_tokens) == (123, 3)
    assert stats.time_to_first_token_s is not None
    assert gen.model_id == f"openai:tiny-model.gguf@{server.url.split('/')[2]}"


def test_without_usage_the_counts_are_estimates(server: FakeServer) -> None:
    gen = OpenAICompatibleGenerator(server.url, api_model="m")
    assert "".join(gen.stream(gen.render(MESSAGES), 16, 0.0)) == "Hello there"
    stats = gen.last_stats
    assert stats is not None and stats.generated_tokens == 2
    assert stats.prompt_tokens == sum(gen.count_tokens(m.content) + 4 for m in MESSAGES)
    assert all(path != "/v1/models" for path, _, _ in server.requests)  # api_model given: no lookup


def test_text_that_is_not_rendered_messages_is_sent_as_one_user_turn(server: FakeServer) -> None:
    gen = OpenAICompatibleGenerator(server.url, api_model="m")
    list(gen.stream("plain prompt", 8, 0.0))
    assert server.requests[-1][2]["messages"] == [{"role": "user", "content": "plain prompt"}]


def test_nothing_is_sent_until_the_first_answer(server: FakeServer) -> None:
    gen = OpenAICompatibleGenerator(server.url)
    gen.render(MESSAGES)
    gen.count_tokens("some text")
    assert server.requests == []


def test_stats_are_per_thread(server: FakeServer) -> None:
    gen = OpenAICompatibleGenerator(server.url, api_model="m")
    list(gen.stream(gen.render(MESSAGES), 8, 0.0))
    mine = gen.last_stats
    server.reply = sse([chunk("a"), chunk("b"), chunk("c", "stop"), "data: [DONE]\n\n"])
    other = threading.Thread(target=lambda: list(gen.stream("x", 8, 0.0)))
    other.start()
    other.join()
    assert gen.last_stats is mine and mine is not None and mine.generated_tokens == 2


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (status(401, '{"error": "bad key"}'), "llm.api_key"),
        (status(404, "Not Found"), "ending in /v1"),
        (status(400, "Requested tokens exceed context window"), "answering.max_evidence_chars"),
        (status(500, "boom"), "HTTP 500: boom"),
        (sse(["data: {not json\n\n"]), "malformed stream event"),
        (sse(['data: {"error": {"message": "out of memory"}}\n\n']), "out of memory"),
        (sse([chunk("cut")]), "without \\[DONE\\]"),
    ],
)
def test_server_failures_name_the_setting(server: FakeServer, reply: Reply, expected: str) -> None:
    server.reply = reply
    gen = OpenAICompatibleGenerator(server.url, api_model="m")
    with pytest.raises(GeneratorUnavailableError, match=expected) as caught:
        list(gen.stream(gen.render(MESSAGES), 8, 0.0))
    assert f"llm.base_url={server.url}" in str(caught.value)


def test_a_silent_server_times_out_with_the_setting_named(server: FakeServer) -> None:
    def stall(handler: BaseHTTPRequestHandler, _body: dict) -> None:
        time.sleep(2)

    server.reply = stall
    gen = OpenAICompatibleGenerator(server.url, api_model="m", timeout_s=0.3)
    with pytest.raises(GeneratorUnavailableError, match="llm.request_timeout_s=0.3"):
        list(gen.stream("x", 8, 0.0))


def test_a_closed_port_says_to_start_the_server() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    gen = OpenAICompatibleGenerator(f"http://127.0.0.1:{port}/v1")
    assert gen.model_id == f"openai:(server default)@127.0.0.1:{port}"  # shown in the UI: must not raise
    with pytest.raises(GeneratorUnavailableError, match="cannot be reached.*start the server"):
        list(gen.stream("x", 8, 0.0))


def test_a_base_url_that_is_not_http_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="llm.base_url"):
        OpenAICompatibleGenerator("gpu-server:8000")


def test_settings_select_the_backend_without_touching_the_network() -> None:
    settings = load_settings(
        llm={"backend": "openai_compatible", "base_url": "http://10.255.255.1:9/v1", "api_model": "qwen"}
    )
    gen = build_generator(settings)
    assert isinstance(gen, OpenAICompatibleGenerator)
    assert gen.model_id == "openai:qwen@10.255.255.1:9" and gen.demo is False
