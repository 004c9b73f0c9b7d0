from __future__ import annotations

import pytest

from guardrails.phi.clinical_vocabulary import ProtectedSpan
from guardrails.phi.entity_resolver import Candidate, apply_vocabulary, resolve_overlaps, tidy

pytestmark = pytest.mark.unit


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_tidy_strips_title_possessive_and_punctuation() -> None:
    text = "seen by Mme Claire Dubois's team"
    start, end = span_of(text, "Mme Claire Dubois's")
    out = tidy(text, Candidate("PERSON", start, end, 0.85))
    assert out is not None and text[out.start : out.end] == "Claire Dubois"


def test_vocabulary_drops_ner_guess_but_not_a_titled_name() -> None:
    text = "Dr Hodgkin saw a Hodgkin lymphoma"
    first, second = text.index("Hodgkin"), text.rindex("Hodgkin")
    protected = [ProtectedSpan(first, first + 7), ProtectedSpan(second, second + 7)]
    cands = [
        Candidate("PERSON", first, first + 7, 0.9, "TitledNameRecognizer", trusted=True),
        Candidate("PERSON", second, second + 7, 0.85, "SpacyRecognizer"),
    ]
    kept = apply_vocabulary(text, cands, protected)
    assert [(c.start, c.recognizer) for c in kept] == [(first, "TitledNameRecognizer")]


def test_vocabulary_trims_listed_terms_out_of_a_longer_name() -> None:
    text = "Jean Martin Keytruda"
    start, end = span_of(text, "Keytruda")
    kept = apply_vocabulary(
        text, [Candidate("PERSON", 0, len(text), 0.85, "SpacyRecognizer")], [ProtectedSpan(start, end)]
    )
    assert [text[c.start : c.end] for c in kept] == ["Jean Martin"]


def test_generic_protection_only_vetoes_spans_it_contains() -> None:
    text = "John Smith disease"
    start, end = span_of(text, "Smith disease")
    cands = [Candidate("PERSON", 0, 10, 0.85, "SpacyRecognizer")]
    assert apply_vocabulary(text, cands, [ProtectedSpan(start, end, listed=False)]) == cands


def test_overlaps_higher_priority_wins_and_same_type_merges() -> None:
    text = "Claire Dubois 06 12 34 56 78, Dupont"
    cands = [
        Candidate("PERSON", 0, 6, 0.6),
        Candidate("PERSON", 7, 13, 0.85),
        Candidate("MEDICAL_RECORD_NUMBER", 14, 28, 0.9),
        Candidate("PHONE_NUMBER", 17, 28, 0.75),
        Candidate("PERSON", 20, 36, 0.5),
    ]
    out = resolve_overlaps(text, cands)
    assert [(c.type, text[c.start : c.end]) for c in out] == [
        ("PERSON", "Claire Dubois"),  # "Claire" + "Dubois" merged: one person, one placeholder
        ("MEDICAL_RECORD_NUMBER", "06 12 34 56 78"),
        ("PERSON", "Dupont"),  # what is left of the lower-priority person span
    ]


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        # what is left of a lower-priority place is dropped when it is only a title or a stopword...
        ("Courrier au Docteur Anne Kerboul", "Docteur Anne Kerboul", ["Anne Kerboul"]),
        ("Adressée à Madame Anne Kerboul", "Madame Anne Kerboul", ["Anne Kerboul"]),
        # ...and kept when it holds another word
        ("Vue à Lyon Anne Kerboul", "Lyon Anne Kerboul", ["Lyon", "Anne Kerboul"]),
    ],
)
def test_a_title_left_over_from_an_overlap_is_not_an_identifier(
    text: str, place: str, expected: list[str]
) -> None:
    start, name_start = text.index(place), text.index("Anne")
    cands = [
        Candidate("LOCATION", start, start + len(place), 0.85, "SpacyRecognizer"),
        Candidate("PERSON", name_start, len(text), 0.9, "TitledNameRecognizer"),
    ]
    assert [text[c.start : c.end] for c in resolve_overlaps(text, cands)] == expected


@pytest.mark.parametrize(
    ("text", "address", "term", "kept"),
    [
        ("après 6 cours de FOLFOX puis", "6 cours de FOLFOX", "FOLFOX", False),
        ("au 14 rue des Lilas, 69003 Lyon", "14 rue des Lilas, 69003 Lyon", None, True),
        ("37, Boulevard Diane Fournier, 46627 Charpentier", "37, Boulevard Diane Fournier", "Fournier", True),
        ("12 AVENUE FOURNIER", "12 AVENUE FOURNIER", "FOURNIER", True),
    ],
)
def test_vocabulary_drops_a_street_named_after_a_clinical_term(
    text: str, address: str, term: str | None, kept: bool
) -> None:
    start, end = span_of(text, address)
    protected = [ProtectedSpan(*span_of(text, term))] if term else []
    out = apply_vocabulary(
        text, [Candidate("STREET_ADDRESS", start, end, 0.75, "AddressRecognizer")], protected
    )
    assert bool(out) is kept
