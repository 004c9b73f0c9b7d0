"""In-process llama.cpp backend (llama-cpp-python): any GGUF, chat template from the file, streaming.

The fixed system prompt comes first, so llama.cpp's longest-common-prefix reuse keeps its KV cache between
questions; that is why generation calls are serialised under one lock per loaded model."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.errors import ModelLoadError
from assistant.generation.generator import ChatMessage, GenerationStats, Generator

GGUF_MAGIC = b"GGUF"

# Used when a GGUF carries no chat template (base models such as Gemma-3-270M).
_PLAIN_TEMPLATE = "{system}\n\n{user}\n\nAnswer:"


def _release_sampler(llm: Any) -> None:
    """Frees the sampler of the completion that just ended, now rather than at the next full garbage collection.

    llama-cpp-python makes a sampler chain per completion, and the chain keeps a buffer of the vocabulary's size
    (12 bytes a token: 590 kB for SmolLM2, 1.5 MB for a 128k-token vocabulary). Its Python wrapper frees it in a
    callback that refers to the wrapper itself, a reference cycle, so the chain outlives the completion until
    Python's cyclic collector runs a full pass, which a busy app with millions of long-lived objects does rarely.
    Under load that was the app's memory growth (evals/bench_load; found with heaptrack). Completions always
    make a new sampler, so none is left in place."""
    sampler = getattr(llm, "_sampler", None)
    if sampler is not None:
        sampler.close()
        llm._sampler = None


class LlamaCppGenerator(Generator):
    def __init__(
        self,
        model_path: Path,
        context_tokens: int = 2048,
        threads: int | None = None,
        demo: bool = False,
        seed: int = 0,
        flash_attention: bool = True,
    ) -> None:
        self.model_path = Path(model_path)
        self.model_id = self.model_path.name
        self.demo = demo
        self._context_tokens = context_tokens
        self._threads = threads or os.cpu_count() or 1
        self._seed = seed
        self._flash_attention = flash_attention
        self._llm: Any = None
        self._formatter: Any = None
        self._load_lock = threading.Lock()
        self._generate_lock = threading.Lock()
        self.last_prompt: str | None = None

    # -- loading -----------------------------------------------------------------------------------------
    def _check_file(self) -> None:
        if not self.model_path.is_file():
            raise ModelLoadError(
                f"llm.model_path: no model file at {self.model_path}; point it at a local .gguf file "
                "(ONCO_LLM__MODEL_PATH) or leave it empty for the packaged demo model."
            )
        try:
            with self.model_path.open("rb") as fh:
                magic = fh.read(4)
        except OSError as exc:
            raise ModelLoadError(
                f"llm.model_path: {self.model_path} cannot be read ({exc.strerror or exc}); check its permissions."
            ) from exc
        if not magic:
            raise ModelLoadError(
                f"llm.model_path: {self.model_path} is empty (0 bytes); copy the model file again."
            )
        if magic != GGUF_MAGIC:
            raise ModelLoadError(
                f"llm.model_path: {self.model_path} is not a GGUF file; convert the model to GGUF or pick another file."
            )

    def load(self) -> Any:
        with self._load_lock:
            if self._llm is None:
                self._check_file()
                from llama_cpp import Llama

                try:
                    self._llm = Llama(
                        model_path=str(self.model_path),
                        n_ctx=self._context_tokens,
                        n_threads=self._threads,
                        n_threads_batch=self._threads,
                        seed=self._seed,
                        flash_attn=self._flash_attention,
                        verbose=False,
                    )
                except Exception as exc:  # noqa: BLE001 - llama.cpp raises ValueError/RuntimeError alike
                    size_mb = self.model_path.stat().st_size / 1e6
                    raise ModelLoadError(
                        f"llm.model_path: {self.model_path} ({size_mb:,.1f} MB) could not be loaded by llama.cpp "
                        f"({exc}); the file may be truncated (an interrupted download or copy: compare its size "
                        "with the original and copy it again) or of an architecture this llama.cpp does not support "
                        "(pick another .gguf file)."
                    ) from exc
                self._formatter = self._make_formatter(self._llm)
            return self._llm

    @staticmethod
    def _make_formatter(llm: Any) -> Any:
        template = llm.metadata.get("tokenizer.chat_template")
        if not template:
            return None
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        def token_text(key: str) -> str:
            token_id = llm.metadata.get(key)
            if token_id is None:
                return ""
            return llm._model.token_get_text(int(token_id))

        return Jinja2ChatFormatter(
            template=template,
            eos_token=token_text("tokenizer.ggml.eos_token_id"),
            bos_token=token_text("tokenizer.ggml.bos_token_id"),
        )

    # -- Generator ---------------------------------------------------------------------------------------
    def render(self, messages: Sequence[ChatMessage]) -> str:
        self.load()
        if self._formatter is None:
            system = "\n".join(m.content for m in messages if m.role == "system")
            user = "\n".join(m.content for m in messages if m.role != "system")
            return _PLAIN_TEMPLATE.format(system=system, user=user)
        result = self._formatter(messages=[{"role": m.role, "content": m.content} for m in messages])
        return result.prompt

    def count_tokens(self, text: str) -> int:
        llm = self.load()
        return len(llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def warm_up(self, prompt_prefix: str) -> None:
        # One generated token is enough: llama.cpp keeps the prompt's KV cache, and every later prompt that
        # starts the same way (the system message) reuses it.
        llm = self.load()
        with self._generate_lock:
            try:
                llm.create_completion(prompt_prefix, max_tokens=1, temperature=0.0, seed=self._seed)
            finally:
                _release_sampler(llm)

    def stream(self, prompt: str, max_tokens: int, temperature: float) -> Iterator[str]:
        llm = self.load()
        with self._generate_lock:
            self.last_prompt = prompt
            prompt_tokens = len(llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=True))
            budget = min(max_tokens, self._context_tokens - prompt_tokens - 1)
            if budget <= 0:
                raise ModelLoadError(
                    f"The prompt ({prompt_tokens} tokens) does not fit llm.context_tokens ({self._context_tokens}); "
                    "raise llm.context_tokens or lower answering.max_evidence_chars."
                )
            start = time.perf_counter()
            first: float | None = None
            count = 0
            parts = llm.create_completion(
                prompt, max_tokens=budget, temperature=temperature, stream=True, seed=self._seed
            )
            try:
                for part in parts:
                    text = part["choices"][0]["text"]
                    count += 1
                    if first is None:
                        first = time.perf_counter()
                    if text:
                        yield text
            finally:
                # Also when the reader stops early (a closed browser tab): llama.cpp must not sample again
                # with the sampler released below.
                parts.close()
                _release_sampler(llm)
            end = time.perf_counter()
            decode_s = end - first if first is not None else 0.0
            self.last_stats = GenerationStats(
                prompt_tokens=prompt_tokens,
                generated_tokens=count,
                time_to_first_token_s=(first - start) if first is not None else None,
                tokens_per_s=((count - 1) / decode_s) if count > 1 and decode_s > 0 else None,
            )
