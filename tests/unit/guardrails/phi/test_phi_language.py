from __future__ import annotations

import pytest

from guardrails.phi.language import detect_language

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patiente de 62 ans vue en consultation pour un cancer du sein.", "fr"),
        ("The patient was seen for a follow-up of his colon cancer.", "en"),
        ("Chimiothérapie par FOLFOX, tolérance correcte.", "fr"),
        ("Started FOLFOX; tolerated well.", "en"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
