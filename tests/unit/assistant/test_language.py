from __future__ import annotations

import pytest

from assistant.language import detect_language

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What adjuvant options exist after resection of a stage III colon cancer?", "en"),
        ("Quelles options adjuvantes après résection d'un cancer du côlon de stade III ?", "fr"),
        ("Quel est le traitement du lymphome de Hodgkin ?", "fr"),
        ("Dose of capecitabine?", "en"),
        ("Dose de la capécitabine ?", "fr"),
        ("FOLFOX", "en"),
        ("", "en"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
