"""A generation server reached over HTTP: llama.cpp's server, vLLM or TGI, through the OpenAI chat API.

Our code still builds the prompt. `render` returns the chat messages as canonical JSON; that string is what the
answering service logs, and `stream` sends exactly those messages. The server applies its model's chat template,
so the template-expanded text is the server's, not ours. The only network peer is `llm.base_url`.

Nothing is sent in the constructor: a UI starts even while the GPU server is still loading its model, and the
first question says clearly what is wrong if it is not up. Servers queue requests themselves, so unlike the
in-process backend there is no generation lock; `httpx.Client` is thread-safe and `last_stats` is kept per thread
so two clinicians' answers never report each other's figures."""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import httpx

from assistant.errors import ConfigurationError, GeneratorUnavailableError
from assistant.generation.generator import ChatMessage, GenerationStats, Generator
from assistant.generation.packaged_models import SMOLLM2_FILE

# count_tokens is an estimate: the tokenizer lives on the server, and asking it per call would put a network round
# trip in every budget check. With SmolLM2's tokenizer the demo corpus measures 3.6-4.0 characters per token in
# English and 2.6 in French; larger vocabularies (Llama 3, Qwen 2.5) pack more per token. Three errs high, which is
# the safe side for a context budget.
_CHARS_PER_TOKEN = 3.0
_TOKENS_PER_MESSAGE = 4  # role markers and separators a chat template adds around each message
_CONNECT_TIMEOUT_S = 10.0
_RETRY_MODEL_LOOKUP_S = 30.0  # after a failed GET /models, model_id does not ask again for this long


class OpenAICompatibleGenerator(Generator):
    def __init__(
        self,
        base_url: str,
        api_model: str | None = None,
        api_key: str | None = None,
        timeout_s: float = 120.0,
        seed: int = 0,
    ) -> None:
        url = httpx.URL(base_url.rstrip("/"))
        if url.scheme not in ("http", "https") or not url.host:
            raise ConfigurationError(
                f"Setting llm.base_url: {base_url!r} is not an http(s) URL; give the server's API root such as "
                "http://gpu-server:8000/v1."
            )
        self.base_url = str(url)
        self._host = f"{url.host}:{url.port}" if url.port else url.host
        self._api_model = api_model
        self._api_key = api_key
        self._timeout_s = timeout_s
        self._seed = seed
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()
        self._resolved_model: str | None = api_model
        self._lookup_failed_at = -math.inf

    # -- identity ----------------------------------------------------------------------------------------
    @property
    def model_id(self) -> str:  # type: ignore[override] - the ABC declares a plain attribute
        name = self._resolved_model
        if name is None and time.monotonic() - self._lookup_failed_at > _RETRY_MODEL_LOOKUP_S:
            try:
                name = self._model_name()
            except GeneratorUnavailableError:
                # Shown in the Library tab and recorded on abstentions: no reason to fail those.
                self._lookup_failed_at = time.monotonic()
        if name and name.startswith("/"):
            # llama.cpp's server names a model by its file path; the file name is what a reader recognises.
            name = name.rsplit("/", 1)[-1]
        return f"openai:{name or '(server default)'}@{self._host}"

    @property
    def demo(self) -> bool:  # type: ignore[override]
        # The packaged demo model can be served remotely too; the warning must follow it.
        return bool(self._resolved_model and SMOLLM2_FILE.removesuffix(".gguf") in self._resolved_model)

    # -- HTTP --------------------------------------------------------------------------------------------
    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
                self._client = httpx.Client(
                    base_url=self.base_url,
                    headers=headers,
                    # The read timeout bounds the wait for each streamed piece; stream() bounds the whole answer.
                    timeout=httpx.Timeout(self._timeout_s, connect=min(_CONNECT_TIMEOUT_S, self._timeout_s)),
                    trust_env=False,  # no proxy from the environment: the only peer is llm.base_url
                )
            return self._client

    def _unavailable(self, problem: str, fix: str | None = None) -> GeneratorUnavailableError:
        fix = fix or (
            "start the server (e.g. `python -m llama_cpp.server --model X.gguf --host 0.0.0.0 --port 8000`) "
            "or fix llm.base_url (ONCO_LLM__BASE_URL)"
        )
        return GeneratorUnavailableError(
            f"The generation server at llm.base_url={self.base_url} {problem}; {fix}."
        )

    def _transport_error(self, exc: httpx.TransportError) -> GeneratorUnavailableError:
        if isinstance(exc, httpx.TimeoutException):
            return self._unavailable(
                f"did not answer in time ({type(exc).__name__}, llm.request_timeout_s={self._timeout_s:g})",
                "check that the server is up and not overloaded, or raise llm.request_timeout_s",
            )
        if isinstance(exc, httpx.ConnectError):
            return self._unavailable(f"cannot be reached ({exc})")
        return self._unavailable(f"dropped the connection ({type(exc).__name__}: {exc})")

    def _status_error(self, response: httpx.Response) -> GeneratorUnavailableError:
        detail = response.text.strip().replace("\n", " ")[:300]
        code = response.status_code
        if code in (401, 403):
            fix = "set llm.api_key (ONCO_LLM__API_KEY) to the server's key"
        elif code == 404:
            fix = (
                "llm.base_url must be the API root ending in /v1, and llm.api_model a model the server serves"
            )
        elif "context" in detail.lower():
            fix = "lower answering.max_evidence_chars or give the server a larger context"
        else:
            fix = "see the server's log"
        return self._unavailable(f"refused the request (HTTP {code}: {detail})", fix)

    def _model_name(self) -> str:
        """llm.api_model, else the first model the server lists (GET /models)."""
        if self._resolved_model is not None:
            return self._resolved_model
        try:
            response = self._http().get("/models")
        except httpx.TransportError as exc:
            raise self._transport_error(exc) from exc
        if response.status_code >= 400:
            raise self._status_error(response)
        try:
            name = str(response.json()["data"][0]["id"])
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise self._unavailable(
                "lists no model at GET /models", "set llm.api_model to the name the server expects"
            ) from exc
        self._resolved_model = name
        return name

    # -- Generator ---------------------------------------------------------------------------------------
    def render(self, messages: Sequence[ChatMessage]) -> str:
        return json.dumps(
            [{"role": m.role, "content": m.content} for m in messages], ensure_ascii=False, indent=1
        )

    def count_tokens(self, text: str) -> int:
        return math.ceil(len(text) / _CHARS_PER_TOKEN)

    def stream(self, prompt: str, max_tokens: int, temperature: float) -> Iterator[str]:
        messages = _messages_from_prompt(prompt)
        body = {
            "model": self._model_name(),
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "seed": self._seed,
            "stream": True,
            # vLLM and OpenAI then report exact token counts in a last chunk; llama.cpp's server ignores it.
            "stream_options": {"include_usage": True},
        }
        start = time.perf_counter()
        deadline = start + self._timeout_s
        first: float | None = None
        pieces = 0
        usage: dict[str, Any] = {}
        finished = False
        try:
            with self._http().stream("POST", "/chat/completions", json=body) as response:
                if response.status_code >= 400:
                    response.read()
                    raise self._status_error(response)
                for data in _sse_data(response.iter_lines()):
                    if data == "[DONE]":
                        finished = True
                        break
                    chunk = _parse_chunk(data, self._unavailable)
                    usage = chunk.get("usage") or usage
                    for choice in chunk.get("choices") or ():
                        finished = finished or bool(choice.get("finish_reason"))
                        text = (choice.get("delta") or {}).get("content")
                        if text:
                            # Servers stream one token per chunk: the count when usage is absent.
                            pieces += 1
                            first = first or time.perf_counter()
                            yield text
                    if time.perf_counter() > deadline:
                        raise self._transport_error(httpx.ReadTimeout("answer exceeded the time limit"))
        except httpx.TransportError as exc:
            raise self._transport_error(exc) from exc
        if not finished:
            # llama.cpp's server ends the stream this way when the prompt exceeds its context window.
            raise self._unavailable(
                "ended the answer without [DONE] or a finish reason",
                "see the server's log; if the prompt exceeds the server's context, lower "
                "answering.max_evidence_chars or give the server a larger context (--n_ctx)",
            )
        end = time.perf_counter()
        generated = int(usage.get("completion_tokens") or pieces)
        prompt_tokens = usage.get("prompt_tokens") or sum(
            self.count_tokens(m["content"]) + _TOKENS_PER_MESSAGE for m in messages
        )
        decode_s = end - first if first is not None else 0.0
        self.last_stats = GenerationStats(
            prompt_tokens=int(prompt_tokens),
            generated_tokens=generated,
            time_to_first_token_s=(first - start) if first is not None else None,
            tokens_per_s=((generated - 1) / decode_s) if generated > 1 and decode_s > 0 else None,
        )


def _messages_from_prompt(prompt: str) -> list[dict[str, str]]:
    """The messages `render` serialised; any other text (a caller that built its own prompt) is one user turn."""
    try:
        parsed = json.loads(prompt)
    except ValueError:
        return [{"role": "user", "content": prompt}]
    if isinstance(parsed, list) and all(
        isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str)
        for m in parsed
    ):
        return [{"role": m["role"], "content": m["content"]} for m in parsed]
    return [{"role": "user", "content": prompt}]


def _sse_data(lines: Iterable[str]) -> Iterator[str]:
    """The data of each server-sent event (multi-line data joined); comments, ids and event names skipped."""
    buffer: list[str] = []
    for line in lines:
        if not line.strip():
            if buffer:
                yield "\n".join(buffer)
                buffer = []
        elif line.startswith("data:"):
            buffer.append(line[5:].removeprefix(" "))
    if buffer:
        yield "\n".join(buffer)


def _parse_chunk(data: str, unavailable: Any) -> dict[str, Any]:
    try:
        chunk = json.loads(data)
    except ValueError:
        chunk = None
    if not isinstance(chunk, dict):
        raise unavailable(
            f"sent a malformed stream event ({data[:120]!r})", "check that it speaks the OpenAI API"
        )
    if "error" in chunk:
        raise unavailable(
            f"reported an error mid-answer ({str(chunk['error'])[:200]})", "see the server's log"
        )
    return chunk
