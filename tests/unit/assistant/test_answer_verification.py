"""The verify → cite step of answering, with the real (lexical) verifier and a scripted model."""

from __future__ import annotations

import pytest

from assistant.answering import AnswerService
from assistant.retrieval import HybridRetriever
from assistant.settings import load_settings
from assistant.store import DocumentStore
from guardrails.verification import PRESETS, AnswerVerifier, extractive_answer
from tests.fakes import ScriptedGenerator

pytestmark = pytest.mark.unit

QUESTION = "Adjuvant chemotherapy for stage III colon cancer: FOLFOX or CAPOX?"


def make_service(store: DocumentStore, reply: str) -> AnswerService:
    settings = load_settings(profile="test", retrieval={"min_relevance": 0.2})
    return AnswerService(
        settings,
        HybridRetriever(store),
        ScriptedGenerator([reply]),
        verifier=AnswerVerifier(config=PRESETS["lexical"]),
        extractive=lambda q, sources, lang: extractive_answer(q, sources, None, 2, lang).text,
    )


def test_an_uncited_supported_sentence_gets_the_marker_of_its_passage(store: DocumentStore) -> None:
    answer = make_service(store, "Three months of CAPOX is enough for low-risk disease.").ask(QUESTION)
    assert answer.text == "Three months of CAPOX is enough for low-risk disease [1]."
    assert [c.source for c in answer.citations] == ["colon.md"]
    assert answer.faithfulness == 1.0 and not answer.extractive


def test_an_unsupported_sentence_is_removed_and_reported(store: DocumentStore) -> None:
    reply = (
        "Three months of CAPOX is enough for low-risk disease [1]. Twelve months of CAPOX is preferred [1]."
    )
    answer = make_service(store, reply).ask(QUESTION)
    assert "Twelve months" not in answer.text
    assert [s.text for s in answer.removed] == ["Twelve months of CAPOX is preferred [1]."]
    assert answer.removed[0].status == "unsupported"
    assert answer.draft == reply and answer.draft_faithfulness == 0.5
    assert answer.faithfulness == 1.0


def test_a_mostly_unsupported_draft_falls_back_to_quoted_sources(store: DocumentStore) -> None:
    reply = "The sources cited are: [1] colon cancer. Abacitabulin is standard for stage II cancer."
    answer = make_service(store, reply).ask(QUESTION)
    assert answer.extractive
    assert answer.text.startswith("Extractive answer")
    assert "Abacitabulin" not in answer.text
    assert answer.citations and answer.faithfulness == 1.0


def test_every_delivered_sentence_carries_a_verdict(store: DocumentStore) -> None:
    answer = make_service(
        store, "FOLFOX or CAPOX is standard after resection of stage III colon cancer."
    ).ask(QUESTION)
    assert answer.sentences
    assert all(s.status == "supported" for s in answer.sentences)
    assert all(s.evidence for s in answer.sentences)


def test_a_source_heading_copied_back_is_not_an_answer(store: DocumentStore) -> None:
    reply = "[1] Colon — Adjuvant chemotherapy."
    answer = make_service(store, reply).ask(QUESTION)
    assert answer.extractive
    assert answer.removed and answer.removed[0].reasons == ("repeats a source heading",)
