"""Answer verification: each sentence of an answer checked against the passages it cites.

A leaf package: it imports nothing of the assistant; the caller hands it an embedding function.
"""

from guardrails.verification.answer_verifier import AnswerVerifier, EmbedFn
from guardrails.verification.citations import extract_citations, strip_citations
from guardrails.verification.extractive_answer import ExtractiveAnswer, QuotedSentence, extractive_answer
from guardrails.verification.findings import FINDING_KINDS, Finding, FindingKind
from guardrails.verification.results import SentenceStatus, SentenceVerdict, VerificationResult
from guardrails.verification.sentence_splitter import split_sentences
from guardrails.verification.support_judge import (
    SUPPORT_PROMPT_EN,
    JudgePrompt,
    JudgeVerdict,
    LlmSupportJudge,
    SupportJudge,
)
from guardrails.verification.terms import WordRarity
from guardrails.verification.verifier_config import PRESETS, FindingWeights, VerifierConfig, calibrated_config

__all__ = [
    "FINDING_KINDS",
    "PRESETS",
    "SUPPORT_PROMPT_EN",
    "AnswerVerifier",
    "EmbedFn",
    "ExtractiveAnswer",
    "Finding",
    "FindingKind",
    "FindingWeights",
    "JudgePrompt",
    "JudgeVerdict",
    "LlmSupportJudge",
    "QuotedSentence",
    "SentenceStatus",
    "SentenceVerdict",
    "SupportJudge",
    "VerificationResult",
    "VerifierConfig",
    "WordRarity",
    "calibrated_config",
    "extract_citations",
    "extractive_answer",
    "split_sentences",
    "strip_citations",
]
