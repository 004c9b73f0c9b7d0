"""Table-driven tests of the name-shape checks of NerPlausibility, on a small hand-made dictionary."""

from __future__ import annotations

import pytest

from guardrails.phi.ner_plausibility import NerPlausibility

pytestmark = pytest.mark.unit

DICTIONARY = frozenset(
    {"rapid", "cycle", "solution", "white", "stripe", "award", "salesperson", "hoffmann", "psych", "destiny"}
)

UNKNOWN_RUN_CASES = [
    # (text, expected run)
    ("Miklós Hajdu", "Miklós Hajdu"),  # a letter English and French words do not use
    ("Cleopatra Mordvinova", "Cleopatra Mordvinova"),  # a family-name ending
    ("Tünde Hoffmann", "Tünde Hoffmann"),  # one name-shaped word carries a dictionary one
    ("Dear Miklós Hajdu", "Miklós Hajdu"),  # a stopword breaks the run
    ("Todd Ivanova", "Todd Ivanova"),  # a listed given name
    ("Rapid Cycle Solutions", None),  # dictionary words
    ("White Stripes", None),
    ("Awarded Salesperson", None),  # an inflected dictionary word is no name
    ("Clin Oncol", None),  # unknown, but not shaped like a name
    ("Myasthenia Gravis", None),
    ("Leokadia Trail", None),  # a place noun ends it
    ("Sandström", None),  # one word only
]


@pytest.mark.parametrize(("text", "expected"), UNKNOWN_RUN_CASES)
def test_name_shaped_run(text: str, expected: str | None) -> None:
    run = NerPlausibility(DICTIONARY).name_shaped_run(text, 0, len(text))
    assert (None if run is None else text[run[0] : run[1]]) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Koppány", True),
        ("tracy", True),
        ("Natasha", True),
        ("Destiny", False),
        ("Psych", False),
        ("Plan", False),
    ],
)
def test_name_like(word: str, expected: bool) -> None:
    assert NerPlausibility(DICTIONARY | {"plan"}).name_like(word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Medical words no dictionary lists, told by their endings, and medical compounds: not names.
        ("Séminome de stade I", False),
        ("néphro-urétérectomie totale", False),
        ("curage inguino-fémoral", False),
        ("vipivotide", False),
        # Listed names keep their benefit of the doubt whatever their ending; unknown words stay names.
        ("Marguerite", True),
        ("Jérôme Durand", True),
        ("Kowalczyk", True),
    ],
)
def test_clinical_word_shapes_are_not_names(text: str, expected: bool) -> None:
    dictionary = DICTIONARY | {"de", "stade", "totale", "curage", "fémoral"}
    assert NerPlausibility(dictionary).plausible(text, 0, len(text)) is expected
