"""Bad settings, model files and index folders: start-up stops with one message that names the setting (or file)
and says what to do. Real settings loading, real llama.cpp loading, real Chroma."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.bootstrap import build_generator, build_store
from assistant.errors import AssistantError, ConfigurationError, IndexError_, ModelLoadError
from assistant.generation import packaged_smollm2_path
from assistant.settings import load_settings
from assistant.store import DocumentStore
from assistant.types import Chunk, ChunkMetadata
from tests.fakes import HashEmbedder

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class BadSetting:
    id: str
    act: Callable[[Path, pytest.MonkeyPatch], object]  # what start-up would do with the bad input
    error: type[AssistantError]
    message: str  # regex: names the setting or file, says what to do


def _settings_dir(tmp: Path, data: bytes) -> Path:
    (tmp / "settings.yaml").write_bytes(data)
    return tmp


def _model(tmp: Path, data: bytes) -> Path:
    path = tmp / "model.gguf"
    path.write_bytes(data)
    return path


def _load_model(path: Path) -> object:
    generator = build_generator(load_settings(profile="test", data_dir=path.parent, llm={"model_path": path}))
    return generator.load()  # type: ignore[attr-defined]


def _truncated_gguf(tmp: Path, _: pytest.MonkeyPatch) -> object:
    with packaged_smollm2_path().open("rb") as fh:
        return _load_model(_model(tmp, fh.read(1_000_000)))


def _open_store(data_dir: Path) -> int:
    return build_store(load_settings(profile="test", data_dir=data_dir), HashEmbedder()).count()


def _file_as_data_dir(tmp: Path, _: pytest.MonkeyPatch) -> object:
    (tmp / "index").write_text("a file, not a folder", "utf-8")
    return _open_store(tmp / "index")


def _data_dir_under_a_file(tmp: Path, _: pytest.MonkeyPatch) -> object:
    (tmp / "file").write_text("a file, not a folder", "utf-8")
    return _open_store(tmp / "file" / "index")


class _OtherEmbedder(HashEmbedder):
    model_id = "fake:other-embedder"


def _wrong_embedder(tmp: Path, _: pytest.MonkeyPatch) -> object:
    DocumentStore(tmp / "index", HashEmbedder()).add(
        [
            Chunk(
                text="FOLFOX after colon surgery.",
                metadata=ChunkMetadata(source="a.md", title="A", section=""),
            )
        ]
    )
    return DocumentStore(tmp / "index", _OtherEmbedder()).count()


def _unknown_env_key(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setenv("ONCO_RETRIEVAL__TOPK", "3")
    return load_settings(profile="test")


SETTINGS_CASES: tuple[BadSetting, ...] = (
    BadSetting(
        "gguf-missing",
        lambda tmp, _: load_settings(profile="test", llm={"model_path": tmp / "missing.gguf"}),
        ConfigurationError,
        r"^Setting llm\.model_path: no model file at .*missing\.gguf; point it at a local \.gguf file",
    ),
    BadSetting(
        "gguf-truncated",
        _truncated_gguf,
        ModelLoadError,
        r"^llm\.model_path: .*model\.gguf \(1\.0 MB\) could not be loaded by llama\.cpp .*truncated .*copy it again",
    ),
    BadSetting(
        "gguf-not-a-model",
        lambda tmp, _: _load_model(_model(tmp, b"<html>a web page saved as .gguf</html>")),
        ModelLoadError,
        r"^llm\.model_path: .*model\.gguf is not a GGUF file; convert the model to GGUF or pick another file",
    ),
    BadSetting(
        "gguf-empty",
        lambda tmp, _: _load_model(_model(tmp, b"")),
        ModelLoadError,
        r"^llm\.model_path: .*model\.gguf is empty \(0 bytes\); copy the model file again",
    ),
    BadSetting(
        "setting-unknown-key",
        lambda tmp, _: load_settings(profile="test", retrieval={"topk": 3}),
        ConfigurationError,
        r"^Setting retrieval\.topk is unknown; check its spelling against settings\.yaml",
    ),
    BadSetting(
        "setting-unknown-env-key",
        _unknown_env_key,
        ConfigurationError,
        r"^Setting retrieval\.topk is unknown; check its spelling",
    ),
    BadSetting(
        "setting-out-of-range",
        lambda tmp, _: load_settings(profile="test", retrieval={"top_k": 0}),
        ConfigurationError,
        r"^Setting retrieval\.top_k: Input should be greater than or equal to 1 \(got 0\)",
    ),
    BadSetting(
        "setting-wrong-type",
        lambda tmp, _: load_settings(profile="test", llm={"temperature": "warm"}),
        ConfigurationError,
        r"^Setting llm\.temperature: Input should be a valid number.* \(got 'warm'\)",
    ),
    BadSetting(
        "settings-bad-yaml",
        lambda tmp, _: load_settings(settings_dir=_settings_dir(tmp, b"llm:\n  model_path: [unclosed\n")),
        ConfigurationError,
        r"settings\.yaml is not valid YAML \(line \d+, column \d+: .*\); fix the file or remove it",
    ),
    BadSetting(
        "settings-yaml-not-a-mapping",
        lambda tmp, _: load_settings(settings_dir=_settings_dir(tmp, b"- a list\n- of things\n")),
        ConfigurationError,
        r"settings\.yaml must hold a mapping of settings \(`key: value` lines",
    ),
    BadSetting(
        "settings-not-utf8",
        lambda tmp, _: load_settings(settings_dir=_settings_dir(tmp, b"llm:\n  temperature: 0.1 \xff\n")),
        ConfigurationError,
        r"settings\.yaml is not UTF-8 text \(byte \d+\); save it as UTF-8",
    ),
    BadSetting(
        "settings-unknown-profile",
        lambda tmp, _: load_settings(profile="producton", settings_dir=tmp),
        ConfigurationError,
        r"^profile 'producton': no file .*settings-producton\.yaml; create it or choose another profile",
    ),
    BadSetting(
        "data-dir-is-a-file",
        _file_as_data_dir,
        IndexError_,
        r"^data_dir: cannot create the index folder .*index \(File exists\)",
    ),
    BadSetting(
        "data-dir-under-a-file",
        _data_dir_under_a_file,
        IndexError_,
        r"^data_dir: cannot create the index folder .*file/index \(Not a directory\)",
    ),
    BadSetting(
        "index-built-with-another-embedder",
        _wrong_embedder,
        ConfigurationError,
        r"built with the embedder 'fake:hash-256' but settings ask for 'fake:other-embedder'; set "
        r"embedding\.backend back, or use another data_dir and re-ingest",
    ),
)


@pytest.mark.parametrize("case", SETTINGS_CASES, ids=lambda c: c.id)
def test_bad_setting_stops_with_one_actionable_message(
    case: BadSetting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(case.error) as raised:
        case.act(tmp_path, monkeypatch)
    message = str(raised.value)
    assert re.search(case.message, message), message
    assert "Traceback" not in message and len(message) < 600


def test_invalid_kind_is_a_usage_error_before_anything_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from corpora.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["ingest", str(tmp_path), "--kind", "protocol", "--data-dir", str(tmp_path / "index")])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument --kind: invalid choice: 'protocol'" in err and "guideline" in err and "patient" in err
    assert not (tmp_path / "index").exists(), "no index is created for a command that cannot run"
