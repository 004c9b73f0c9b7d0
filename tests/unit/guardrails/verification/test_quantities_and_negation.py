from __future__ import annotations

import pytest

from guardrails.verification.entities import find_entities
from guardrails.verification.lexical import fold, stem
from guardrails.verification.negation import find_negations
from guardrails.verification.quantities import extract_quantities, missing_quantities

pytestmark = pytest.mark.unit


def values(text: str) -> list[tuple[str, str | None]]:
    return [(q.value, q.unit) for q in extract_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.5 mg", [("2.5", "mg")]),
        ("2,5 mg", [("2.5", "mg")]),
        ("2.50 mg", [("2.5", "mg")]),
        ("85 mg/m²", [("85", "mg/m2")]),
        ("85 mg/m2", [("85", "mg/m2")]),
        ("85 mg/m^2", [("85", "mg/m2")]),
        ("1,000 patients", [("1000", None)]),
        ("1 000 patients", [("1000", None)]),
        ("15 %", [("15", "%")]),
        ("15 percent", [("15", "%")]),
        ("15 pour cent", [("15", "%")]),
        ("two years", [("2", "year")]),
        ("6 mois", [("6", "month")]),
        ("a 3-week cycle", [("3", "week")]),
        ("p=.03", [("0.03", None)]),
        ("5–10 mg", [("5", None), ("10", "mg")]),
        ("stage IIIB", [("stage:3b", "stage")]),
        ("stage 3", [("stage:3", "stage")]),
        ("5-FU", []),
        ("HER2-positive", []),
        ("IL-6 levels", []),
        ("FOLFOX4", []),
        ("one patient", []),
    ],
)
def test_extract_quantities(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("claim", "evidence", "missing"),
    [
        ("85 mg/m²", "oxaliplatin 85 mg/m2 every 2 weeks", []),
        ("2,5 mg", "2.5 mg daily", []),
        ("10 mg", "doses of 5, 10 and 20 mg", []),  # a bare number in a list carries the list's unit
        ("10 mg", "10 g", ["10 mg"]),
        ("12 months", "treatment lasts 6 months", ["12 months"]),
        ("stage II", "stage III disease", ["stage ii"]),
        ("stage III", "stage III disease", []),
        ("6 months", "six months", []),
    ],
)
def test_missing_quantities(claim: str, evidence: str, missing: list[str]) -> None:
    found = missing_quantities(extract_quantities(claim), extract_quantities(evidence))
    assert [q.text for q in found] == missing


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("FOLFOX did not improve survival.", ["not"]),
        ("FOLFOX didn't improve survival.", ["not"]),
        ("No benefit was seen in older patients.", ["no"]),
        ("Never combine these drugs.", ["never"]),
        ("Patients without metastases.", ["without"]),
        ("Le traitement n'est pas recommandé.", ["not", "pas"]),
        ("Aucun bénéfice sans chirurgie.", ["aucun", "sans"]),
        ("Non-small cell lung cancer is common.", []),
        ("Not only survival but quality improved.", []),
        ("Survival was similar in both arms.", ["similar"]),
        ("Survival did not differ (p = 0.41).", ["not", "pvaluens"]),
        ("Survival improved (p = 0.01).", []),
    ],
)
def test_find_negations(text: str, cues: list[str]) -> None:
    assert [n.cue for n in find_negations(text)] == cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Adjuvant FOLFOX improves survival.", [("FOLFOX", "drug")]),
        ("Give oxaliplatin and bevacizumab.", [("oxaliplatin", "drug"), ("bevacizumab", "drug")]),
        ("HER2 and BRCA1 testing.", [("HER2", "code"), ("BRCA1", "code")]),
        ("Guidelines from ESMO apply.", [("ESMO", "acronym")]),
        ("Patients in Paris were treated.", [("Paris", "name")]),
        ("Treatment starts early.", []),
    ],
)
def test_find_entities(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.text, e.kind) for e in find_entities(text)] == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("treatments", "treated"),
        ("recommended", "recommendation"),
        ("chimiothérapie", "chimiotherapies"),
        ("cancers", "cancer"),
    ],
)
def test_stem_maps_inflections_together(a: str, b: str) -> None:
    assert stem(fold(a)) == stem(fold(b))
