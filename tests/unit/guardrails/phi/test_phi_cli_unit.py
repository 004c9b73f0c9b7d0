from __future__ import annotations

import io

import pytest

from guardrails.__main__ import main

pytestmark = pytest.mark.unit


def test_empty_input_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("  \n"))
    assert main(["scrub"]) == 2
    assert "empty input" in capsys.readouterr().err


def test_bad_language_is_rejected(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["scrub", "--lang", "de"])
    assert "invalid choice" in capsys.readouterr().err
