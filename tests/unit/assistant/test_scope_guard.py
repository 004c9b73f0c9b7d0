from __future__ import annotations

import pytest

from assistant.answering.scope_guard import ScopeGuard

pytestmark = pytest.mark.unit

INDEX_VOCABULARY = {
    "folfox",
    "capecitabine",
    "pembrolizumab",
    "her2",
    "2024",
    "keynote-522",
    "g12c",
    "olaparib",
}


def guard() -> ScopeGuard:
    return ScopeGuard(lambda terms: {t for t in terms if t in INDEX_VOCABULARY})


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("What is the dose of zorbitinib in EGFR-mutant lung cancer?", ("zorbitinib",)),
        ("Results of the KALIMERA-9 trial of velotrastuzumab?", ("kalimera-9", "velotrastuzumab")),
        ("What does the 2031 ESMO guideline recommend?", ("2031",)),
        ("Quelle est l'efficacité de la tranquilimide dans le myélome ?", ("tranquilimide",)),
    ],
)
def test_drugs_trials_and_years_the_index_never_mentions_are_out_of_scope(
    question: str, unknown: tuple
) -> None:
    verdict = guard().check(question)
    assert not verdict.in_scope and verdict.unknown_terms == unknown


@pytest.mark.parametrize(
    "question",
    [
        "Pembrolizumab after KEYNOTE-522 in 2024?",
        "Olaparib for HER2-negative breast cancer",
        "KRAS G12C inhibitors after FOLFOX",
        "Adjuvant therapy for pT3N1M0 colon cancer",  # staging is not a name
        "Quel traitement adjuvant après un cancer du côlon de stade III ?",
    ],
)
def test_known_or_generic_terms_are_in_scope(question: str) -> None:
    assert guard().check(question).in_scope


@pytest.mark.parametrize(
    "question",
    ["Which protocol for multicentric lymphoma in dogs?", "Comment traiter un sarcoïde chez le cheval ?"],
)
def test_veterinary_questions_are_out_of_scope(question: str) -> None:
    verdict = guard().check(question)
    assert not verdict.in_scope and verdict.reason == "non-human"


@pytest.mark.parametrize(
    "question",
    [
        "What is the reimbursement tariff for a PET-CT scan in a private clinic?",
        "Is trastuzumab reimbursed for HER2-low disease?",
        "Quel est le tarif de remboursement d'une TEP-TDM ?",
        "Comment coder la facturation d'une RCP ?",
    ],
)
def test_billing_questions_are_out_of_scope(question: str) -> None:
    verdict = guard().check(question)
    assert not verdict.in_scope and verdict.reason == "administrative"


def test_cost_effectiveness_stays_in_scope() -> None:
    assert guard().check("Is 3 months of CAPOX cost-effective compared with 6 months?").in_scope
