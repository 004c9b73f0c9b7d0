"""Unsupported content in a claim (findings.py): numbers, names, rare terms and polarity, and the answer's risk."""

from __future__ import annotations

import pytest

from guardrails.verification import AnswerVerifier, VerifierConfig
from guardrails.verification.evidence import AnalysedText
from guardrails.verification.lexical import stem
from guardrails.verification.negation import find_negations
from guardrails.verification.polarity import polarity_finding, states_a_finding
from guardrails.verification.results import SentenceVerdict, VerificationResult, answer_risk
from guardrails.verification.verifier_config import FindingWeights

pytestmark = pytest.mark.unit

# Lenient support, so that only the findings decide: the tests are about what the checks see.
LENIENT = VerifierConfig(0.0, 1.0, 0.0, 0.0, threshold=0.2, veto_factor=0.1)


def findings(claim: str, evidence: str, rarity=None) -> tuple[str, ...]:  # noqa: ANN001
    (verdict,) = AnswerVerifier(None, LENIENT, rarity=rarity).verify(f"{claim} [1]", {1: evidence}).sentences
    return verdict.findings


@pytest.mark.parametrize(
    ("claim", "evidence", "absent"),
    [
        ("Give 5 mg daily.", "The dose is 5mg daily.", False),
        ("Response was 50% in this group.", "Half of them, 50 percent, responded in this group.", False),
        ("Response was 50 pour cent.", "Response was 50%.", False),
        ("Give 2,5 mg daily.", "The dose is 2.5 mg daily.", False),
        ("Give 10 mg daily.", "Doses of 5 to 10 mg daily were used.", False),
        ("Give 10 mg daily.", "Doses of 5–10 mg daily were used.", False),
        ("The difference was significant (p = 0.03).", "A significant difference (p=.03).", False),
        ("We enrolled 1,000 patients.", "In all, 1 000 patients were enrolled.", False),
        ("Oxaliplatin 85 mg/m² is given.", "Oxaliplatin 85 mg/m2 is given.", False),
        ("Treatment lasts six months.", "Treatment lasts 6 months.", False),
        ("Treatment lasts 12 months.", "Treatment lasts 6 months.", True),
        ("Give 0.5 mg daily.", "The dose is 5 mg daily.", True),
        ("Give 5 g daily.", "The dose is 5 mg daily.", True),
        ("It is indicated in stage IIIB.", "It is indicated in stage IIIA.", True),
        ("Survival was 45% at 5 years.", "Survival was 54% at 5 years.", True),
    ],
)
def test_numbers_absent_from_the_cited_passages(claim: str, evidence: str, absent: bool) -> None:
    assert ("number_absent" in findings(claim, evidence)) is absent


def test_a_number_elsewhere_in_the_cited_passage_is_not_absent() -> None:
    evidence = "FOLFOX is the standard regimen. Treatment lasts 6 months."
    claim_findings = findings("FOLFOX lasts 6 months.", evidence)
    assert "number_absent" not in claim_findings


@pytest.mark.parametrize(
    ("claim", "evidence", "absent"),
    [
        ("Irinotecan is an alternative.", "Capecitabine is an alternative.", True),
        ("Add trastuzumab for HER2-positive tumours.", "Add trastuzumab for HER2 positive tumours.", False),
        ("Treat RAI-sensitive tumours first.", "RAI was given to tumours first.", False),
        ("Patients were seen by GPs.", "Patients were seen by their GP.", False),
        ("R-CHOP is the standard.", "R-CVP is the standard.", True),
        ("BRCA1 carriers are screened.", "BRCA2 carriers are screened.", True),
        ("The IDEA trial set the duration.", "The IDEA collaboration set the duration.", False),
    ],
)
def test_names_absent_from_the_cited_passages(claim: str, evidence: str, absent: bool) -> None:
    assert ("name_absent" in findings(claim, evidence)) is absent


RARITY = {"tonsillectomy": 45.0, "colectomy": 40.0, "surgery": 12.0, "patients": 11.0, "helped": 13.0}


def fake_rarity(word: str) -> float:
    return RARITY.get(word, 10.0)


@pytest.mark.parametrize(
    ("claim", "evidence", "terms"),
    [
        ("Tonsillectomy helped patients.", "Colectomy helped patients.", ("term_absent",)),
        ("Surgery helped patients.", "Colectomy helped patients.", ()),  # a common word: a paraphrase
        ("Colectomy helped patients.", "Colectomy helped patients.", ()),
    ],
)
def test_rare_terms_absent_from_the_cited_passages(claim: str, evidence: str, terms: tuple[str, ...]) -> None:
    found = findings(claim, evidence, fake_rarity)
    assert tuple(f for f in found if f == "term_absent") == terms
    assert "term_absent" not in findings(claim, evidence)  # off without a rarity


def test_a_missing_name_is_not_also_counted_as_a_rare_term() -> None:
    found = findings("Irinotecan helped patients.", "Capecitabine helped patients.", lambda w: 40.0)
    assert found.count("name_absent") == 1 and "term_absent" not in found


@pytest.mark.parametrize(
    ("claim", "evidence", "kind"),
    [
        ("FOLFOX did not improve survival.", "FOLFOX did not improve overall survival.", None),
        # Same polarity in other words: "did not differ" ≈ "no significant difference".
        (
            "Survival did not differ between the arms.",
            "There was no significant difference in survival between the arms (p = 0.41).",
            None,
        ),
        # A negative finding stated by a p-value only.
        ("Rates were similar in both arms.", "Rates were 12% and 13% in the two arms (p = 0.62).", None),
        ("FOLFOX improved survival.", "FOLFOX did not improve survival.", "negation_dropped"),
        ("Oxaliplatin causes neuropathy.", "Oxaliplatin does not cause neuropathy.", "negation_dropped"),
        ("Oxaliplatin does not cause neuropathy.", "Oxaliplatin does not cause neuropathy.", None),
        ("Oxaliplatin causes neuropathy.", "Oxaliplatin frequently causes neuropathy.", None),
        ("Survival was no better with FOLFOX.", "Survival was similar with FOLFOX (p = 0.40).", None),
        (
            "Survival was better with FOLFOX.",
            "Survival was similar with FOLFOX and with 5-FU.",
            "negation_dropped",
        ),
        (
            "Overall survival improved with FOLFOX.",
            "There was no significant difference in overall survival with FOLFOX (p = 0.41).",
            "negation_dropped",
        ),
        (
            "Oxaliplatin does not cause neuropathy.",
            "Oxaliplatin frequently causes neuropathy.",
            "negation_contradicted",
        ),
        (
            "Capecitabine cannot replace infusional 5-FU.",
            "Capecitabine can replace infusional 5-FU.",
            "negation_contradicted",
        ),
        (
            "L'oxaliplatine ne provoque pas de neuropathie.",
            "L'oxaliplatine provoque une neuropathie.",
            "negation_contradicted",
        ),
        (
            "Radiotherapy is not needed after surgery.",
            "Radiotherapy after surgery reduced local recurrence.",
            "negation_unverified",
        ),
        # A group descriptor denies nothing.
        (
            "FOLFOX improved response in patients.",
            "Patients without prior therapy had a better response to FOLFOX.",
            None,
        ),
        # Neither does a question or a gap in knowledge.
        ("FOLFOX improves survival.", "We asked whether FOLFOX improves survival.", None),
        ("FOLFOX improves survival.", "It is not known if FOLFOX improves survival.", None),
        # Mixed closest evidence: the passage does not decide.
        (
            "FOLFOX improved survival in older patients.",
            "FOLFOX improved survival in older patients. FOLFOX did not improve survival in older frail patients.",
            None,
        ),
    ],
)
def test_polarity(claim: str, evidence: str, kind: str | None) -> None:
    polarity = [f for f in findings(claim, evidence) if f.startswith("negation")]
    assert polarity == ([kind] if kind else [])


def test_polarity_needs_related_evidence() -> None:
    claim = AnalysedText.of("Surgery is not recommended.")
    unrelated = AnalysedText.of("Chemotherapy was well tolerated.")
    evidence = [(unrelated.lexical.content_set, unrelated.negations)]
    assert polarity_finding(claim.negations, claim.lexical.content_set, evidence) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patients without metastases were included.", [("without", False)]),
        ("Patients with no LOC were included.", [("no", False)]),
        ("It is not known whether surgery helps.", [("not", False)]),
        ("Surgery did not help.", [("not", True)]),
        ("No benefit was seen.", [("no", True)]),
    ],
)
def test_propositional_negations(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(n.cue, n.propositional) for n in find_negations(text)] == expected


def test_result_markers_bear_on_the_words_before_them() -> None:
    (p_value,) = find_negations("ROP developed in 66 AGA (33.2%) and 36 SGA (24.7%) (p = 0.111).")
    assert {"rop", "aga", "sga"} <= p_value.scope
    (ns,) = find_negations("Reflux scores were 21.5 and 17.6 (not significant).")
    assert stem("reflux") in ns.scope


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("FOLFOX improved survival.", True),
        ("To determine whether FOLFOX improves survival.", False),
        ("To assess the role of FOLFOX in older patients.", False),
        ("To reduce neuropathy, oxaliplatin is stopped after 3 months.", True),
        ("The aim of this study was to assess FOLFOX.", False),
        ("Does FOLFOX improve survival?", False),
    ],
)
def test_states_a_finding(text: str, states: bool) -> None:
    assert states_a_finding(text) is states


def verdict(support: float | None, findings: tuple[str, ...] = (), claim: bool = True) -> SentenceVerdict:
    status = "supported" if support is not None and not findings else "unsupported"
    return SentenceVerdict("s", status, support, support=support, findings=findings, claim=claim)


WEIGHTS = FindingWeights(number_absent=0.9, negation_unverified=0.5)


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([verdict(0.8)], 0.2),
        ([verdict(0.8), verdict(0.6)], 0.4),  # the weakest support
        ([verdict(0.8, ("number_absent",))], 1 - 0.8 * 0.1),  # the worst finding, not only the weakest claim
        ([verdict(0.8, ("number_absent",)), verdict(0.9, ("negation_unverified",))], 1 - 0.8 * 0.1 * 0.5),
        ([verdict(None)], 1.0),  # a claim that could not be scored
        ([], None),
    ],
)
def test_answer_risk(claims: list[SentenceVerdict], expected: float | None) -> None:
    risk = answer_risk(claims, WEIGHTS)
    assert risk == (None if expected is None else pytest.approx(expected))


def test_risk_is_reported_and_grows_with_findings() -> None:
    sources = {1: "Treatment lasts 6 months. Oxaliplatin frequently causes neuropathy."}
    config = VerifierConfig(0.0, 1.0, 0.0, 0.0, threshold=0.5, finding_weights=WEIGHTS)
    verifier = AnswerVerifier(None, config)
    clean = verifier.verify("Treatment lasts 6 months [1].", sources)
    one = verifier.verify("Treatment lasts 12 months [1].", sources)
    assert clean.risk == pytest.approx(0.0) and clean.findings == ()
    assert one.findings == ("number_absent",) and one.risk is not None and one.risk > 0.9
    assert VerificationResult.of(()).risk is None


def test_finding_weights_are_validated() -> None:
    with pytest.raises(ValueError, match="number_absent"):
        FindingWeights(number_absent=1.0)
