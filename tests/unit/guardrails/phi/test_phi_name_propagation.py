"""Table-driven tests of name propagation: other mentions of a detected name, names listed beside one."""

from __future__ import annotations

import pytest

from guardrails.phi.entity_resolver import Candidate
from guardrails.phi.name_propagation import coordinated_names, dialogue_speakers, repeated_names

pytestmark = pytest.mark.unit

DICTIONARY = {"radiology", "induction", "scrub", "brown", "destiny"}


def not_a_word(text: str):
    return lambda start, end: all(w.lower() not in DICTIONARY for w in text[start:end].split())


def person(text: str, part: str, recognizer: str = "TitledNameRecognizer") -> Candidate:
    start = text.index(part)
    return Candidate("PERSON", start, start + len(part), 0.9, recognizer)


REPEATED_CASES = [
    # (text, detected name, its recognizer, expected new mentions)
    (
        "Nikolaj spent a year as the assistant to Nikolaj Petrussen",
        "Nikolaj",
        "ActingNameRecognizer",
        ["Nikolaj Petrussen"],
    ),
    ("Mrs Kowalczyk came. Kowalczyk reports less pain", "Kowalczyk", "TitledNameRecognizer", ["Kowalczyk"]),
    ("Dr Kowalczyk then Kowalczyk Radiology", "Kowalczyk", "TitledNameRecognizer", ["Kowalczyk"]),
    ("Dr Radiology then radiology", "Radiology", "TitledNameRecognizer", []),  # a dictionary word
    ("Mr Lee saw lee", "Lee", "TitledNameRecognizer", []),  # 3 letters, other case
    ("Vicryl here, Vicryl there", "Vicryl", "SpacyRecognizer", []),  # spaCy guesses are not copied
]


@pytest.mark.parametrize(("text", "name", "recognizer", "expected"), REPEATED_CASES)
def test_repeated_names(text: str, name: str, recognizer: str, expected: list[str]) -> None:
    found = repeated_names(text, [person(text, name, recognizer)], not_a_word(text))
    assert [text[c.start : c.end] for c in found] == expected


COORDINATED_CASES = [
    ("Usamov and Bowers were engineers", "Bowers", "KnownSurnameRecognizer", ["Usamov"]),
    ("founders: Morrison, Rogers and Torres.", "Torres", "KnownSurnameRecognizer", ["Morrison", "Rogers"]),
    ("Dr Martin and Radiology discussed", "Martin", "TitledNameRecognizer", []),  # a dictionary word
    ("Coumadin, Keppra and Decadron", "Coumadin", "SpacyRecognizer", []),  # spaCy guesses are not copied...
    # ...unless made only of listed given or family names ("Bowers" is a Census surname)
    ("Usamov and Bowers were engineers", "Bowers", "SpacyRecognizer", ["Usamov"]),
    ("Usamov and Vicryl were engineers", "Vicryl", "SpacyRecognizer", []),
    # a listed family name that is also a word is a name when listed beside one ("brown" is in DICTIONARY)
    ("Muslija and Brown were engineers", "Muslija", "ActingNameRecognizer", ["Brown"]),
    ("Muslija and Radiology were engineers", "Muslija", "ActingNameRecognizer", []),
    # a family name that is also a word is a name in a list of names (surnames_wordlike.txt: "Morrison")
    ("founders: Morrison and Usamov.", "Usamov", "ActingNameRecognizer", ["Morrison"]),
    # a family name may open with its particle
    (
        "They had 3: Janočko, Szumna and van Kuijc.",
        "Janočko",
        "ActingNameRecognizer",
        ["Szumna", "van Kuijc"],
    ),
]


@pytest.mark.parametrize(("text", "name", "recognizer", "expected"), COORDINATED_CASES)
def test_coordinated_names(text: str, name: str, recognizer: str, expected: list[str]) -> None:
    found = coordinated_names(text, [person(text, name, recognizer)], not_a_word(text))
    assert [text[c.start : c.end] for c in found] == expected


LOWER_LIST_CASES = [
    # (text, names already found, expected new names)
    (
        "they had 6: leonti, terrence, pamela, donna, andrea and brian.",
        ["pamela", "donna", "andrea", "brian"],
        ["leonti", "terrence"],
    ),
    # Half the items at least must be names already: one name does not make a list of people.
    ("nausea, vomiting, fatigue, alopecia and brian", ["brian"], []),
    # A dictionary word in a list of names is kept when it is a listed given name ("chad").
    ("kids: silvana, adam, chad and caleb", ["silvana", "adam", "caleb"], ["chad"]),
    ("kids: silvana, adam, scrub and caleb", ["silvana", "adam", "caleb"], []),
    # None found yet: two listed given names and no dictionary word make a list of people...
    (
        "they had 6: ellen, kaljurand, algirdas, mary, wicht and dochioiu.",
        [],
        ["ellen", "kaljurand", "algirdas", "mary", "wicht", "dochioiu"],
    ),
    # ...not with a symptom among them, nor with one given name only
    ("nausea, mary, kaljurand and ellen", [], []),
    ("cisplatin, etoposide, ellen and ifosfamide", [], []),
]


@pytest.mark.parametrize(("text", "names", "expected"), LOWER_LIST_CASES)
def test_lower_case_lists_of_names(text: str, names: list[str], expected: list[str]) -> None:
    candidates = [person(text, name, "SpacyRecognizer") for name in names]
    dictionary = {"chad", "scrub", "nausea", "vomiting", "fatigue", "alopecia"}
    found = coordinated_names(
        text, candidates, lambda s, e: all(w.lower() not in dictionary for w in text[s:e].split())
    )
    assert [text[c.start : c.end] for c in found] == expected


DIALOGUE_CASES = [
    # (text, labels already found as names, expected new speakers)
    (
        "Éva: What a wife.\nMegan: Remember me, Randy?\nNatasha: You saved my life!",
        ["Megan", "Natasha"],
        ["Éva"],
    ),
    # "Destiny" is a dictionary word, but a listed given name (first_names_wordlike.txt)
    (
        "Ella: What a wife.\nDestiny: Remember me?\nChristopher: You saved me!",
        ["Ella", "Christopher"],
        ["Destiny"],
    ),
    # One speaker found is not a dialogue; nor are headings when most labels are not names.
    ("Éva: What a wife.\nMegan: Remember me, Randy?", ["Megan"], []),
    ("Resp: clear\nHem: stable\nGyn: none\nTom: hi\nAnn: hi", ["Tom", "Ann"], []),
    # A dictionary word that is no given name stays ("radiology" is in DICTIONARY).
    ("Tom: hi\nRadiology: booked\nAnn: hi", ["Tom", "Ann"], []),
    # Lines of one block only: a blank line ends it.
    ("Tom: hi\nAnn: hi\n\nZorbek: later", ["Tom", "Ann"], []),
]


@pytest.mark.parametrize(("text", "names", "expected"), DIALOGUE_CASES)
def test_dialogue_speakers(text: str, names: list[str], expected: list[str]) -> None:
    candidates = [person(text, name) for name in names]
    found = dialogue_speakers(text, candidates, lambda word: word.lower() not in DICTIONARY)
    assert [text[c.start : c.end] for c in found] == expected
