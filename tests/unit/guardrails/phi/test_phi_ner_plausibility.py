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
    ("L'infirmière Nadia Kowalczyk", "Nadia Kowalczyk"),  # an elided article and its noun are not a name
]


@pytest.mark.parametrize(("text", "expected"), UNKNOWN_RUN_CASES)
def test_name_shaped_run(text: str, expected: str | None) -> None:
    run = NerPlausibility(DICTIONARY).name_shaped_run(text, 0, len(text))
    assert (None if run is None else text[run[0] : run[1]]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anne souffre", "Anne"),  # a verb form the model ran the name into
        ("Louis sarcome", "Louis"),  # a medical word
        ("Maria reported", "Maria"),  # an inflected verb
        ("Yvonne gille", "Yvonne gille"),  # other dictionary words may be family names
        ("de la Anne souffre", "Anne"),  # stopwords at the edges go too
        ("Jean de la Fontaine", "Jean de la Fontaine"),  # inside, particles stay
        ("Marie blanc", "Marie blanc"),  # a listed family name that is also a word
        ("Anne kowalczyk", "Anne kowalczyk"),  # a word no dictionary knows
        ("jean souffre", "jean souffre"),  # nothing capitalised would be left: whole
        ("Anne Souffre", "Anne Souffre"),  # only lower-case words are given back
    ],
)
def test_without_common_edges(text: str, expected: str) -> None:
    plausibility = NerPlausibility(
        DICTIONARY | {"souffre", "sarcome", "gille", "report"}, inflections=frozenset({"souffre"})
    )
    start, end = plausibility.without_common_edges(text, 0, len(text))
    assert text[start:end] == expected


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
    ("word", "expected"),
    [
        ("Koppány", False),
        ("tampubolon", False),
        ("tracy", False),  # a listed name, no word
        ("will", True),  # a listed name that is a word too
        ("awarded", True),  # an inflection of one
        ("chairwomen", True),  # a plural the exception tables lack
        ("CBNPC", True),  # an acronym
    ],
)
def test_is_word(word: str, expected: bool) -> None:
    assert NerPlausibility(DICTIONARY | {"will", "chairwoman"}).is_word(word) is expected


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
        # A letter medical words do not use outweighs a medical ending ("-itis", "-ite").
        ("Rozītis", True),
        ("Rudzīte", True),
        ("Arthritis", False),
    ],
)
def test_clinical_word_shapes_are_not_names(text: str, expected: bool) -> None:
    dictionary = DICTIONARY | {"de", "stade", "totale", "curage", "fémoral"}
    assert NerPlausibility(dictionary).plausible(text, 0, len(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An organ or tissue prefix before a dictionary word makes a medical compound, not a name.
        ("Hémopéritoine", False),
        ("Pneumomédiastin", False),
        ("Hydronephrosis", False),
        # The prefix before an unknown word, or a listed name made that way, stays a possible name.
        ("Hydrovska", True),
        # Three capitals are an acronym ("Dossier APL"); a longer word with vowels may be a family name.
        ("Dossier APL", False),
        ("Dossier ESTEVE", True),
        # "Le" is a listed family name (Lê) but a stopword: it does not make "Revu le" a name.
        ("Revu le", False),
    ],
)
def test_medical_compounds_acronyms_and_stopwords(text: str, expected: bool) -> None:
    dictionary = DICTIONARY | {"péritoine", "médiastin", "nephrosis", "dossier", "revu"}
    assert NerPlausibility(dictionary).plausible(text, 0, len(text)) is expected


@pytest.mark.parametrize(("word", "expected"), [("Attendu", False), ("Gaspard", True), ("Kowalczyk", True)])
def test_inflected_forms_from_the_lookup_table_are_words(word: str, expected: bool) -> None:
    # Forms the lemma tables do not list come from the model's lookup table; a listed given name stays a name.
    plausibility = NerPlausibility(DICTIONARY, inflections=frozenset({"attendu", "gaspard"}))
    assert plausibility.plausible(word, 0, len(word)) is expected


@pytest.mark.parametrize(
    ("text", "shaped", "expected"),
    [
        ("Dora Creek", False, True),  # a given name before a place noun names a street
        ("Monika Union", False, True),
        ("Grace Park", False, False),  # "Park" is a family name too
        ("John Hill", False, False),
        ("Creek", False, False),  # one word
        ("Silvia Novak\n\nAirport", False, False),  # a name, then a heading on its own line
        ("Kishiev Squares", True, True),  # shaped: a word shaped like a name before the noun
        ("Rapid Cycle Solutions", True, False),  # a firm made of dictionary words
    ],
)
def test_named_place(text: str, shaped: bool, expected: bool) -> None:
    assert NerPlausibility(DICTIONARY).named_place(text, 0, len(text), shaped=shaped) is expected


def test_a_place_noun_ends_a_run_of_name_shaped_words() -> None:
    # "14 Crown Street Kishiev Squares": the street ends with its noun, "Kishiev" alone is no run.
    text = "Crown Street Kishiev"
    assert NerPlausibility(DICTIONARY).name_shaped_run(text, 0, len(text)) is None
