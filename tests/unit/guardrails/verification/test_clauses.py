"""Clause-level polarity (clauses.py, claim_support.claim_polarity) and sentences that describe methods."""

from __future__ import annotations

import pytest

from guardrails.verification import AnswerVerifier, VerifierConfig
from guardrails.verification.clauses import split_clauses
from guardrails.verification.polarity import states_a_finding

pytestmark = pytest.mark.unit

LENIENT = VerifierConfig(0.0, 1.0, 0.0, 0.0, threshold=0.2, veto_factor=0.1)


def findings(claim: str, evidence: str) -> tuple[str, ...]:
    (verdict,) = AnswerVerifier(None, LENIENT).verify(f"{claim} [1]", {1: evidence}).sentences
    return verdict.findings


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("FOLFOX improved survival.", ["FOLFOX improved survival."]),
        (
            "Early treatment shortened the time to peak but did not alleviate headache severity.",
            ["Early treatment shortened the time to peak", "did not alleviate headache severity."],
        ),
        (
            "Median overall survival improved; toxicity did not increase with the higher dose.",
            ["Median overall survival improved", "toxicity did not increase with the higher dose."],
        ),
        (
            "Survival improved in older patients, whereas younger patients derived no benefit from it.",
            ["Survival improved in older patients", "younger patients derived no benefit from it."],
        ),
        # A side too short to be a finding of its own stays with the clause before it.
        (
            "Screening is useful in summative tests, but not always.",
            ["Screening is useful in summative tests not always."],
        ),
        # "not yet" is one negation, not a contrast.
        (
            "The optimal dose has not yet been established in randomised trials.",
            ["The optimal dose has not yet been established in randomised trials."],
        ),
        # "and" joins the items of one finding: not a clause break.
        (
            "Survival and toxicity were similar in both arms.",
            ["Survival and toxicity were similar in both arms."],
        ),
    ],
)
def test_split_clauses(text: str, clauses: list[str]) -> None:
    assert [c.text for c in split_clauses(text)] == clauses


HEADACHE = (
    "In multivariate analysis, early treatment and use of triptans were significantly associated with a shorter "
    "time from migraine headache onset to peak. However, early treatment was not associated with reduced "
    "headache severity at peak."
)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # Each clause against its own evidence: the negated clause is confirmed by the second sentence.
        (
            "Early treatment and triptans lead to a shorter time from migraine headache onset to peak but did not "
            "reduce headache severity at peak.",
            (),
        ),
        # The same claim with the negation dropped: the second clause states what its closest evidence negates.
        (
            "Early treatment and triptans lead to a shorter time from migraine headache onset to peak but did "
            "reduce headache severity at peak.",
            ("negation_dropped",),
        ),
        # One clause, positive and supported.
        ("Early treatment and triptans shortened the time from migraine headache onset to peak.", ()),
    ],
)
def test_polarity_is_checked_clause_by_clause(claim: str, expected: tuple[str, ...]) -> None:
    assert tuple(f for f in findings(claim, HEADACHE) if f.startswith("negation")) == expected


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("We measured hsCRP levels and the carotid IMT in 820 volunteers.", False),
        ("Patients were randomised to FOLFOX or capecitabine.", False),
        ("Variables recorded included age, sex and type of procedure.", False),
        ("Thirty two animals underwent fasting for 12 to 24 hours.", False),
        # A methods sentence that also reports a result states a finding.
        ("The two arms were compared and survival was longer with FOLFOX (p = 0.01).", True),
        ("Patients were randomised; survival was similar in both arms.", True),
        ("FOLFOX improved survival.", True),
        ("Hypoglycaemia was not observed.", True),
    ],
)
def test_methods_sentences_state_no_finding(text: str, states: bool) -> None:
    assert states_a_finding(text) is states


def test_a_methods_sentence_does_not_contradict_a_negated_claim() -> None:
    evidence = "We measured hsCRP levels, the carotid IMT and conventional cardiovascular risk factors in 820 volunteers."
    claim = "There was no association between hsCRP levels and carotid IMT."
    assert "negation_contradicted" not in findings(claim, evidence)
    # Against a results sentence stating the association, the same claim is contradicted.
    result = "Carotid IMT was strongly associated with hsCRP levels in these volunteers."
    assert "negation_contradicted" in findings(claim, result)
