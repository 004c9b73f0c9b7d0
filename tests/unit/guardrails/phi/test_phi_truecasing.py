from __future__ import annotations

import pytest

from guardrails.phi.truecasing import truecased, without_capitals

pytestmark = pytest.mark.unit

WORDS = {
    "follow", "up", "with", "in", "months", "said", "the", "patient", "women", "oncology", "chest", "lovers", "lane",
    "clarke", "avenue", "hour", "drive", "scalpel", "blade", "close", "to", "a", "positive", "axillary",
}  # fmt: skip


def is_word(word: str) -> bool:
    return word.lower() in WORDS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("follow up with raden tampubolon in months", "follow up with Raden Tampubolon in months"),
        # dictionary words stay, listed names that are words too ("said"), acronyms without a vowel, short words
        ("the patient said oncology", "the patient said oncology"),
        ("nsclc ct chest", "nsclc ct chest"),
        ("al", "al"),
        # "ß" in upper case is two letters: left as it is, so that offsets do not move
        ("ßauer", "ßauer"),
        # words between a house number and a street word name the street; not before "drive" or "close"
        ("3378 217 lovers lane", "3378 217 Lovers lane"),
        ("24 clarke avenue", "24 Clarke avenue"),
        ("a 2 hour drive", "a 2 hour drive"),
        ("a 15 scalpel blade close to", "a 15 scalpel blade close to"),
        ("2 positive axillary ln.", "2 positive axillary ln."),
    ],
)
def test_truecased(text: str, expected: str) -> None:
    cased = truecased(text, is_word)
    assert cased == expected
    assert len(cased) == len(text)


def test_protected_words_keep_their_case() -> None:
    text = "pembrolizumab for raden"
    assert truecased(text, is_word, [(0, 13)]) == "pembrolizumab for Raden"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("follow up with raden tampubolon", True),
        ("Follow up with Raden", False),
        ("plan", False),  # too short to hold a name
        ("12/03/2024 - 45 ans", False),
    ],
)
def test_without_capitals(text: str, expected: bool) -> None:
    assert without_capitals(text) is expected
