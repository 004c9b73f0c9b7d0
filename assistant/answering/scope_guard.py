"""Abstain before retrieval scores can mislead: a question naming a drug, trial or year that the index never
mentions, or about animals or tariffs, is outside what the sources can answer however close its wording is.

Dense similarity alone cannot tell "flurexamab with FOLFOX in stage III colon cancer" from a real question
(measured on evals/data/unanswerable.jsonl: such questions score like answerable ones)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from assistant.store.text_normalise import tokenize

# International non-proprietary name stems of anticancer drugs (WHO INN stems), folded to lower case.
DRUG_STEMS = (
    "mab",
    "nib",
    "lisib",
    "ciclib",
    "parib",
    "platin",
    "taxel",
    "rubicin",
    "imide",
    "domide",
    "tecan",
    "rafenib",
    "degib",
    "stat",
    "sertib",
    "metinib",
    "tinib",
    "zomib",
    "citabine",
    "trexed",
    "mustine",
    "lutamide",
)
# Veterinary oncology is out of scope of human guidelines, in English and French.
NON_HUMAN = frozenset(
    "dog dogs canine puppy cat cats feline kitten horse horses equine veterinary vet "
    "chien chiens chienne canin chat chats chatte felin cheval chevaux equin veterinaire".split()
)
# Prices, tariffs and reimbursement are set by payers, not by clinical guidelines (measured: "reimbursement tariff
# for a PET-CT" retrieved PET-CT passages above the relevance threshold, una-021). Cost-effectiveness is left alone:
# guidelines do discuss it.
ADMINISTRATIVE = frozenset(
    "tariff tariffs reimbursement reimbursed reimburse billing invoice invoicing copay copayment "
    "tarif tarifs remboursement rembourse remboursee facturation facture cotation".split()
)
_CODE = re.compile(r"^(?=.*[a-z])(?=.*\d)[a-z0-9-]{3,}$")  # trial or product codes: zenith-42, kalimera-9
_YEAR = re.compile(r"^(19|20)\d\d$")
_TNM = re.compile(
    r"^[pcyr]?t[0-4isx][a-d]?(?:n[0-3x][a-c]?)?(?:m[01x][a-c]?)?$"
)  # pT2N1M0 is staging, not a name


@dataclass(frozen=True)
class ScopeVerdict:
    in_scope: bool
    unknown_terms: tuple[str, ...] = ()
    reason: str = ""


class ScopeGuard:
    def __init__(self, known_terms: Callable[[Iterable[str]], set[str]]) -> None:
        self._known = known_terms  # the subset of the given terms that the index contains

    def check(self, question: str) -> ScopeVerdict:
        tokens = list(dict.fromkeys(tokenize(question)))
        if any(t in NON_HUMAN for t in tokens):
            return ScopeVerdict(False, reason="non-human")
        if any(t in ADMINISTRATIVE for t in tokens):
            return ScopeVerdict(False, reason="administrative")
        specific = [term for t in tokens for term in _specific_terms(t)]
        unknown = [t for t in specific if t not in self._known(specific)]
        if unknown:
            return ScopeVerdict(False, tuple(unknown), "unknown-terms")
        return ScopeVerdict(True)


def _specific_terms(token: str) -> list[str]:
    """ "her2-negative" is about her2; "kalimera-9" is a name only as a whole."""
    parts = [p for p in token.split("-") if _is_specific(p)]
    if parts:
        return parts
    return [token] if _is_specific(token) else []


def _is_specific(token: str) -> bool:
    if _YEAR.match(token):
        return True
    if len(token) >= 6 and token.isalpha() and token.endswith(DRUG_STEMS):
        return True
    return bool(_CODE.match(token)) and not token.isdigit() and not _TNM.match(token)
