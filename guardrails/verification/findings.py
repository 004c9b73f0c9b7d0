"""Unsupported content found in a claim: what a clinician must not be told without a source.

Support scores say how much of a claim the evidence restates; findings say what in the claim the evidence does not
contain at all, or states the other way round. They are measured once per claim, against everything the claim
cites, and do not depend on the weights of the support score; a configuration only says how much each kind weighs
(VerifierConfig.finding_weights) in the answer's risk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FindingKind = Literal[
    "number_absent",  # a number, dose or stage that no cited passage contains
    "name_absent",  # a drug, gene, acronym or proper name that no cited passage names
    "term_absent",  # a rare term (by the caller's word rarity) that no cited passage contains
    "negation_contradicted",  # the claim negates what the closest evidence states positively
    "negation_unverified",  # the claim negates something no related evidence negates
    "negation_dropped",  # the closest evidence negates what the claim states positively
]
FINDING_KINDS: tuple[FindingKind, ...] = (
    "number_absent",
    "name_absent",
    "term_absent",
    "negation_contradicted",
    "negation_unverified",
    "negation_dropped",
)
NEGATION_KINDS: frozenset[FindingKind] = frozenset(
    {"negation_contradicted", "negation_unverified", "negation_dropped"}
)


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    detail: str  # the reason as shown to the user: "'12 months' is not in the cited evidence"
