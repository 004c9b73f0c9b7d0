from __future__ import annotations

import pytest

from assistant.answering.citations import cited_numbers, clean_citations

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FOLFOX is standard [1].", [1]),
        ("A [2] and B [1, 3].", [2, 1, 3]),
        ("Range [1-3] cited.", [1, 2, 3]),
        ("Adjacent [2][4].", [2, 4]),
        ("Semicolons [1; 2].", [1, 2]),
        ("Repeated [1] and [1].", [1]),
        ("No markers here.", []),
        ("Not a citation [a] or [ ].", []),
    ],
)
def test_cited_numbers(text: str, expected: list[int]) -> None:
    assert cited_numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "valid", "expected"),
    [
        ("FOLFOX is standard [1].", {1, 2}, "FOLFOX is standard [1]."),
        ("FOLFOX is standard [7].", {1, 2}, "FOLFOX is standard."),
        ("Both [1, 9] apply.", {1}, "Both [1] apply."),
        ("Range [1-4].", {2, 3}, "Range [2][3]."),
    ],
)
def test_citations_to_sources_not_given_are_removed(text: str, valid: set[int], expected: str) -> None:
    assert clean_citations(text, valid) == expected
