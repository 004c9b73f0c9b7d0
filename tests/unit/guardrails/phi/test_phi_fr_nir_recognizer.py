from __future__ import annotations

import pytest

from guardrails.phi.recognizers.fr_nir_recognizer import FrNirRecognizer, nir_key_is_valid

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("nir", "valid"),
    [
        ("258027512345637", True),
        ("2 58 02 75 123 456 37", True),
        ("1 63 01 69 388 012 48", True),
        ("2 45 02 2A 123 456 52", True),  # Corsica 2A reads 19 for the key
        ("1 78 11 2B 054 321 85", True),  # Corsica 2B reads 18
        ("2 58 02 75 123 456 38", False),  # key off by one
        ("2 45 02 2A 123 456 53", False),
        ("2 45 02 2B 123 456 52", False),  # 2A key does not fit 2B
        ("25802751234563", False),  # 14 characters
        ("2 58 02 7X 123 456 37", False),
    ],
)
def test_nir_key(nir: str, valid: bool) -> None:
    assert nir_key_is_valid(nir) is valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NIR 2 58 02 75 123 456 37 au dossier", ["2 58 02 75 123 456 37"]),
        ("n° sécu 258027512345637.", ["258027512345637"]),
        ("corse 2 45 02 2A 123 456 52 ok", ["2 45 02 2A 123 456 52"]),
        ("mauvaise clé 2 58 02 75 123 456 38", []),
        ("trop court 2 58 02 75 123 456", []),
    ],
)
def test_nir_recognizer_finds_only_valid_keys(text: str, expected: list[str]) -> None:
    results = FrNirRecognizer("fr").analyze(text, entities=["FR_NIR"])
    assert [text[r.start : r.end] for r in results] == expected
    assert all(r.score == 1.0 for r in results)
