from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from guardrails.verification import (
    AnswerVerifier,
    JudgeVerdict,
    LlmSupportJudge,
    SupportJudge,
    VerifierConfig,
    calibrated_config,
    extractive_answer,
)
from guardrails.verification.lexical import tokens
from guardrails.verification.verifier_config import LEXICAL, MINILM, USEM3

pytestmark = pytest.mark.unit

SOURCES = {
    1: (
        "Adjuvant chemotherapy with FOLFOX is recommended for patients with stage III colon cancer. "
        "Treatment lasts 6 months. Oxaliplatin frequently causes peripheral neuropathy."
    ),
    2: "The dose of oxaliplatin is 85 mg/m2 every two weeks. Capecitabine is an oral alternative to 5-FU.",
}


def fake_embed(texts: Sequence[str]) -> np.ndarray:
    """Deterministic bag of hashed words, L2-normalised: equal word sets give cosine 1."""
    vectors = np.zeros((len(texts), 64), dtype=np.float32)
    for row, text in enumerate(texts):
        for token in tokens(text):
            vectors[row, int(hashlib.md5(token.encode()).hexdigest(), 16) % 64] += 1.0
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


@pytest.fixture(params=["lexical", "embedding"])
def verifier(request: pytest.FixtureRequest) -> AnswerVerifier:
    return AnswerVerifier() if request.param == "lexical" else AnswerVerifier(fake_embed)


@pytest.mark.parametrize(
    ("sentence", "status", "reason"),
    [
        ("Adjuvant FOLFOX is recommended for stage III colon cancer [1].", "supported", None),
        ("Oxaliplatin is given at 85 mg/m² every 2 weeks [2].", "supported", None),
        ("Treatment lasts 12 months [1].", "unsupported", "'12 months' is not in the cited evidence"),
        (
            "Oxaliplatin is given at 85 mg/m² every 3 weeks [2].",
            "unsupported",
            "'3 weeks' is not in the cited evidence",
        ),
        (
            "Adjuvant FOLFOX is recommended for stage II colon cancer [1].",
            "unsupported",
            "'stage ii' is not in the cited evidence",
        ),
        (
            "Oxaliplatin does not cause peripheral neuropathy [1].",
            "unsupported",
            "negation differs from the cited evidence",
        ),
        (
            "Irinotecan is an oral alternative to 5-FU [2].",
            "unsupported",
            "'Irinotecan' is not named in the cited evidence",
        ),
        ("Radiotherapy improves quality of life in elderly patients [1].", "unsupported", "weak support"),
        (
            "Oxaliplatin is given at 85 mg/m² every 2 weeks [1].",
            "unsupported",
            None,
        ),  # right fact, wrong source
        ("Capecitabine is an oral alternative to 5-FU.", "no_citation", "no citation"),
        (
            "Capecitabine is an oral alternative to 5-FU [7].",
            "unsupported",
            "cites [7], which is not among the sources",
        ),
    ],
)
def test_sentence_verdicts(verifier: AnswerVerifier, sentence: str, status: str, reason: str | None) -> None:
    (verdict,) = verifier.verify(sentence, SOURCES).sentences
    assert verdict.status == status
    if reason is not None:
        assert any(r.startswith(reason) for r in verdict.reasons), verdict.reasons
    if status == "supported":
        assert verdict.score is not None and verdict.score >= verifier.config.threshold
        assert verdict.evidence and verdict.evidence_source in verdict.citations
    if status == "unsupported" and verdict.score is not None:
        assert verdict.score < verifier.config.threshold


def test_verdict_fields_and_faithfulness() -> None:
    answer = (
        "Adjuvant FOLFOX is recommended for stage III colon cancer [1]. Treatment lasts 12 months [1]. "
        "Capecitabine is an oral alternative to 5-FU."
    )
    result = AnswerVerifier().verify(answer, SOURCES)
    assert [s.status for s in result.sentences] == ["supported", "unsupported", "no_citation"]
    assert result.sentences[0].citations == (1,)
    assert result.sentences[0].evidence == (
        "Adjuvant chemotherapy with FOLFOX is recommended for patients with stage III colon cancer."
    )
    assert result.faithfulness == pytest.approx(1 / 3)  # an uncited claim counts as not supported


def test_without_required_citations_uncited_sentences_are_checked_against_all_sources() -> None:
    result = AnswerVerifier().verify(
        "Capecitabine is an oral alternative to 5-FU.", SOURCES, require_citations=False
    )
    (verdict,) = result.sentences
    assert verdict.status == "supported" and verdict.evidence_source == 2
    assert result.faithfulness == 1.0


@pytest.mark.parametrize(
    "answer",
    ["", "   ", "Yes.", "In short:", "What should be done?", "## Treatment"],
)
def test_faithfulness_is_none_without_claims(answer: str) -> None:
    result = AnswerVerifier().verify(answer, SOURCES)
    assert result.faithfulness is None
    assert result.min_score is None
    assert all(not s.claim for s in result.sentences)


def test_faithfulness_is_zero_when_every_claim_fails() -> None:
    result = AnswerVerifier().verify("Treatment lasts 12 months [1].", SOURCES)
    assert result.faithfulness == 0.0


def test_lead_in_is_not_counted() -> None:
    result = AnswerVerifier().verify("In short:\nTreatment lasts 6 months [1].", SOURCES)
    assert [s.claim for s in result.sentences] == [False, True]
    assert result.faithfulness == 1.0


def test_no_sources_means_unsupported_not_an_error() -> None:
    result = AnswerVerifier().verify("Treatment lasts 6 months.", {}, require_citations=False)
    assert result.sentences[0].status == "unsupported"
    assert result.faithfulness == 0.0


def test_embed_is_called_once_per_answer() -> None:
    calls: list[int] = []

    def counting_embed(texts: Sequence[str]) -> np.ndarray:
        calls.append(len(texts))
        return fake_embed(texts)

    AnswerVerifier(counting_embed).verify("Treatment lasts 6 months [1]. FOLFOX is recommended [1].", SOURCES)
    assert calls == [2 + 3]  # two claims, three sentences of source 1


def test_embed_row_count_mismatch_is_a_clear_error() -> None:
    verifier = AnswerVerifier(lambda texts: np.zeros((1, 4), dtype=np.float32))
    with pytest.raises(ValueError, match="returned 1 rows"):
        verifier.verify("Treatment lasts 6 months [1]. FOLFOX is recommended [1].", SOURCES)


def test_an_embedding_config_needs_an_embed_function() -> None:
    with pytest.raises(ValueError, match="no embed function"):
        AnswerVerifier(None, MINILM)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"cosine_weight": 0.5, "recall_weight": 0.6, "bigram_weight": 0.0, "coverage_weight": 0.0},
            "sum to 1",
        ),
        ({"threshold": 0.0}, "threshold"),
        ({"veto_factor": 0.6}, "veto_factor"),
        ({"vetoes": ("numbers", "spelling")}, "unknown vetoes"),
        ({"window": 5}, "window"),
    ],
)
def test_config_validation(kwargs: dict, message: str) -> None:
    base = {
        "cosine_weight": 0.0,
        "recall_weight": 1.0,
        "bigram_weight": 0.0,
        "coverage_weight": 0.0,
        "threshold": 0.5,
    }
    with pytest.raises(ValueError, match=message):
        VerifierConfig(**{**base, **kwargs})


def test_vetoes_can_be_switched_off() -> None:
    config = VerifierConfig(0.0, 1.0, 0.0, 0.0, threshold=0.5, vetoes=("negation", "entities"))
    (verdict,) = AnswerVerifier(None, config).verify("Treatment lasts 12 months [1].", SOURCES).sentences
    assert verdict.status == "supported"


@pytest.mark.parametrize(
    ("model_id", "preset"),
    [(None, LEXICAL), ("all-MiniLM-L6-v2", MINILM), ("usem3", USEM3), ("something-else", MINILM)],
)
def test_calibrated_config(model_id: str | None, preset: VerifierConfig) -> None:
    assert calibrated_config(model_id) is preset


class FakeJudge(SupportJudge):
    def __init__(self, answer: bool | None) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str]] = []

    def judge(self, claim: str, evidence: str) -> JudgeVerdict:
        self.calls.append((claim, evidence))
        return JudgeVerdict(self.answer, "fake")


def test_judge_decides_borderline_sentences_only() -> None:
    config = VerifierConfig(0.0, 1.0, 0.0, 0.0, threshold=0.6, judge_margin=0.2)
    # Recall 0.5: within the margin of the threshold.
    borderline = "Oxaliplatin causes severe nausea [1]."
    judge = FakeJudge(True)
    (verdict,) = AnswerVerifier(None, config, judge).verify(borderline, SOURCES).sentences
    assert verdict.status == "supported" and verdict.reasons == ("judge: supported",)
    assert judge.calls == [
        ("Oxaliplatin causes severe nausea.", "Oxaliplatin frequently causes peripheral neuropathy.")
    ]


def test_judge_cannot_override_a_veto() -> None:
    judge = FakeJudge(True)
    (verdict,) = (
        AnswerVerifier(None, LEXICAL, judge).verify("Treatment lasts 12 months [1].", SOURCES).sentences
    )
    assert verdict.status == "unsupported" and judge.calls == []


def test_undecided_judge_leaves_the_score_in_charge() -> None:
    config = VerifierConfig(0.0, 1.0, 0.0, 0.0, threshold=0.6, judge_margin=0.2)
    (verdict,) = (
        AnswerVerifier(None, config, FakeJudge(None))
        .verify("Oxaliplatin causes severe nausea [1].", SOURCES)
        .sentences
    )
    assert verdict.status == "unsupported"


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("YES", True),
        ("Yes, the evidence states it.", True),
        ("NO.", False),
        ("Unsupported", False),
        ("Maybe", None),
    ],
)
def test_llm_judge_parses_the_completion(response: str, expected: bool | None) -> None:
    prompts: list[str] = []

    def complete(prompt: str) -> str:
        prompts.append(prompt)
        return response

    verdict = LlmSupportJudge(complete).judge("Claim text.", "Evidence text.")
    assert verdict.supported is expected and verdict.raw == response
    assert "Evidence: Evidence text." in prompts[0] and "Claim: Claim text." in prompts[0]


@pytest.mark.parametrize(
    ("language", "lead_in"),
    [
        ("en", "Extractive answer (quoted from the sources):"),
        ("fr", "Réponse extractive (citations des sources) :"),
        ("de", "Extractive answer (quoted from the sources):"),
    ],
)
def test_extractive_answer_format(language: str, lead_in: str) -> None:
    result = extractive_answer("How long does adjuvant treatment last?", SOURCES, fake_embed, 2, language)
    lines = result.text.splitlines()
    assert lines[0] == lead_in
    quoted = [line for line in lines[1:] if line]
    assert len(quoted) == len(result.sentences) == 2
    for line, sentence in zip(quoted, result.sentences, strict=True):
        assert line.startswith("- ") and f"[{sentence.source}]" in line
        assert sentence.text in SOURCES[sentence.source]


def test_extractive_answer_ranks_by_relevance_and_passes_the_verifier() -> None:
    result = extractive_answer("What is the dose of oxaliplatin?", SOURCES, None, max_sentences=1)
    assert [(s.text, s.source) for s in result.sentences] == [
        ("The dose of oxaliplatin is 85 mg/m2 every two weeks.", 2)
    ]
    check = AnswerVerifier().verify(result.text, SOURCES)
    assert check.faithfulness == 1.0  # the lead-in is not a claim; the quote supports itself


def test_extractive_answer_without_sources_is_empty() -> None:
    result = extractive_answer("Anything?", {}, None)
    assert result.text == "" and result.sentences == ()


def test_extractive_answer_rejects_zero_sentences() -> None:
    with pytest.raises(ValueError, match="max_sentences"):
        extractive_answer("Q?", SOURCES, None, max_sentences=0)
