from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigurationError
from assistant.settings import load_settings

pytestmark = pytest.mark.unit


@pytest.fixture
def settings_dir(tmp_path: Path) -> Path:
    (tmp_path / "settings.yaml").write_text(
        "data_dir: idx\nllm:\n  max_answer_tokens: 200\n", encoding="utf-8"
    )
    (tmp_path / "settings-fast.yaml").write_text("llm:\n  max_answer_tokens: 20\n", encoding="utf-8")
    return tmp_path


def test_yaml_is_read_and_relative_data_dir_resolved(settings_dir: Path) -> None:
    s = load_settings(settings_dir=settings_dir)
    assert s.llm.max_answer_tokens == 200
    assert s.data_dir.is_absolute() and s.data_dir.name == "idx"


def test_profile_overlays_only_what_it_names(settings_dir: Path) -> None:
    s = load_settings(profile="fast", settings_dir=settings_dir)
    assert s.llm.max_answer_tokens == 20
    assert s.llm.context_tokens == 2048
    assert s.profile == "fast"


def test_environment_beats_yaml_and_overrides_beat_environment(
    settings_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONCO_LLM__MAX_ANSWER_TOKENS", "99")
    assert load_settings(settings_dir=settings_dir).llm.max_answer_tokens == 99
    assert load_settings(settings_dir=settings_dir, llm={"max_answer_tokens": 33}).llm.max_answer_tokens == 33


def test_unknown_profile_names_the_missing_file(settings_dir: Path) -> None:
    with pytest.raises(ConfigurationError, match="settings-nope.yaml"):
        load_settings(profile="nope", settings_dir=settings_dir)


@pytest.mark.parametrize(
    ("overrides", "names"),
    [
        ({"retrieval": {"top_k": 0}}, "retrieval.top_k"),
        ({"llm": {"temperature": 5}}, "llm.temperature"),
        ({"llm": {"model_path": "/no/such/model.gguf"}}, "llm.model_path"),
        ({"embedding": {"backend": "word2vec"}}, "embedding.backend"),
        ({"ui": {"port": 0}}, "ui.port"),
    ],
)
def test_a_wrong_value_stops_with_one_sentence_naming_the_setting(
    settings_dir: Path, overrides: dict, names: str
) -> None:
    with pytest.raises(ConfigurationError) as err:
        load_settings(settings_dir=settings_dir, **overrides)
    message = str(err.value)
    assert message.startswith(f"Setting {names}:")
    assert "\n" not in message


def test_unknown_top_level_setting_is_refused(settings_dir: Path) -> None:
    with pytest.raises(ConfigurationError, match="colour"):
        load_settings(settings_dir=settings_dir, colour="blue")


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "settings.yaml").write_text("llm: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="settings.yaml"):
        load_settings(settings_dir=tmp_path)


def test_project_settings_and_test_profile_load() -> None:
    assert load_settings().llm.model_path is None
    assert load_settings(profile="test").llm.temperature == 0.0
