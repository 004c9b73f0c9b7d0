"""Evidence units of a passage: labelled with the number the answer cites it under, analysed once per passage,
and the analysed passages kept in a bounded cache (an entry holds about 110 kB)."""

from __future__ import annotations

import pytest

from guardrails.verification import evidence
from guardrails.verification.evidence import CACHED_PASSAGES, clear_caches, evidence_units, passage_sentences

pytestmark = pytest.mark.unit

PASSAGE = (
    "Adjuvant FOLFOX for six months is standard in stage III colon cancer. "
    "Oxaliplatin causes cumulative sensory neuropathy. "
    "Three months of CAPOX is non-inferior in low-risk disease."
)


def test_units_carry_the_cited_number_and_the_passage_is_analysed_once() -> None:
    clear_caches()
    first = evidence_units(1, PASSAGE, 2)
    second = evidence_units(4, PASSAGE, 2)
    assert {u.source for u in first} == {1} and {u.source for u in second} == {4}
    assert [u.members for u in first] == [(0,), (1,), (2,), (0, 1), (1, 2)]
    assert [u.analysed for u in first] == [u.analysed for u in second]
    info = evidence._evidence_units.cache_info()
    assert (info.misses, info.hits, info.currsize) == (1, 1, 1)


def test_the_analysed_passages_stay_bounded() -> None:
    clear_caches()
    for n in range(CACHED_PASSAGES + 40):
        evidence_units(1, f"{PASSAGE} Patients seen in cohort {n} were followed for five years.", 2)
    assert passage_sentences.cache_info().currsize == CACHED_PASSAGES
    assert evidence._evidence_units.cache_info().currsize == CACHED_PASSAGES
