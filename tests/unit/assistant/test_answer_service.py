from __future__ import annotations

from dataclasses import dataclass

import pytest

from assistant.answering import ABSTENTION, AnswerService
from assistant.errors import EmptyQuestionError, InputTooLargeError
from assistant.retrieval import HybridRetriever
from assistant.settings import load_settings
from assistant.store import DocumentStore
from tests.fakes import ScriptedGenerator

pytestmark = pytest.mark.unit

QUESTION = "Adjuvant chemotherapy for stage III colon cancer: FOLFOX or CAPOX?"


@dataclass
class _Scrubbed:
    text: str


class RecordingScrubber:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def scrub(self, text: str, language: str | None = None) -> _Scrubbed:
        self.seen.append(text)
        return _Scrubbed(text.replace("Jean Dupont", "<PERSON_1>"))


def make_service(store: DocumentStore, replies=("FOLFOX or CAPOX is standard [1].",), **kw) -> AnswerService:
    settings = load_settings(profile="test", retrieval={"min_relevance": 0.2})
    return AnswerService(settings, HybridRetriever(store), ScriptedGenerator(replies), **kw)


def test_answer_cites_the_passage_it_was_given(store: DocumentStore) -> None:
    answer = make_service(store).ask(QUESTION)
    assert not answer.abstained
    assert answer.text == "FOLFOX or CAPOX is standard [1]."
    assert [c.n for c in answer.citations] == [1]
    assert answer.citations[0].source == "colon.md"
    assert "Adjuvant chemotherapy" in answer.citations[0].section
    assert "FOLFOX" in answer.citations[0].text


def test_citation_to_a_source_not_given_is_removed(store: DocumentStore) -> None:
    answer = make_service(store, replies=("FOLFOX is standard [1][9].",)).ask(QUESTION)
    assert "[9]" not in answer.text
    assert [c.n for c in answer.citations] == [1]


def test_prompt_has_numbered_sources_the_question_and_the_language(store: DocumentStore) -> None:
    service = make_service(store)
    service.ask("Quelle chimiothérapie adjuvante après résection d'un cancer du côlon de stade III ?")
    prompt = service.generator.prompts[0]
    assert "[1] " in prompt and "Question: Quelle" in prompt
    assert "Réponds en français" in prompt


def test_evidence_is_compressed_to_the_relevant_sentences(store: DocumentStore) -> None:
    service = make_service(store)
    service.settings.answering.evidence_sentences_per_passage = 1
    service.ask("How long is CAPOX given for low-risk disease?")
    prompt = service.generator.prompts[0]
    assert "Three months of CAPOX" in prompt
    assert "Six months is preferred" not in prompt


def test_system_prompt_is_a_fixed_prefix_so_the_kv_cache_is_reused(store: DocumentStore) -> None:
    service = make_service(store, replies=("A [1].", "B [1]."))
    service.ask(QUESTION)
    service.ask("ABVD cycles for Hodgkin lymphoma?")
    first, second = service.generator.prompts
    prefix = first.split("<user>")[0]
    assert len(prefix) > 100 and second.startswith(prefix)


def test_abstains_without_calling_the_model_when_nothing_is_relevant(store: DocumentStore) -> None:
    service = make_service(store)
    answer = service.ask("Capital of Australia, please?")
    assert answer.abstained and answer.text == ABSTENTION["en"]
    assert answer.citations == [] and service.generator.prompts == []


def test_abstention_is_in_the_question_language(store: DocumentStore) -> None:
    answer = make_service(store).ask("Comment réparer une fuite de robinet dans la cuisine ?")
    assert answer.abstained and answer.text == ABSTENTION["fr"]


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question_is_refused_clearly(store: DocumentStore, question: str) -> None:
    with pytest.raises(EmptyQuestionError, match="empty"):
        make_service(store).ask(question)


def test_huge_question_is_refused_with_the_limit(store: DocumentStore) -> None:
    with pytest.raises(InputTooLargeError, match="limit is 4,000"):
        make_service(store).ask("colon " * 200_000)


def test_question_is_scrubbed_before_retrieval_and_prompt(store: DocumentStore) -> None:
    scrubber = RecordingScrubber()
    service = make_service(store, scrubber=scrubber)
    answer = service.ask("Jean Dupont has stage III colon cancer: which adjuvant chemotherapy?")
    assert scrubber.seen and "Jean Dupont" not in service.generator.prompts[0]
    assert "<PERSON_1>" in service.generator.prompts[0]
    assert "Jean Dupont" not in answer.question


def test_streaming_yields_tokens_then_the_final_answer(store: DocumentStore) -> None:
    events = list(make_service(store).ask_stream(QUESTION))
    assert [e.kind for e in events[:-1]] == ["token"] * (len(events) - 1)
    assert events[-1].kind == "done" and events[-1].answer is not None
    assert "".join(e.text for e in events[:-1]) == events[-1].answer.text


def test_timings_and_model_are_reported(store: DocumentStore) -> None:
    answer = make_service(store).ask(QUESTION)
    assert answer.model == "fake:scripted"
    assert answer.timings.retrieval_ms > 0 and answer.timings.prompt_tokens > 0
    assert answer.timings.time_to_first_token_s is not None


def test_a_drug_the_index_never_mentions_is_named_in_the_abstention(store: DocumentStore) -> None:
    from assistant.answering.scope_guard import ScopeGuard

    service = make_service(store, scope_guard=ScopeGuard(store.known_terms))
    answer = service.ask("Adjuvant flurexamab with FOLFOX for stage III colon cancer?")
    assert answer.abstained and "flurexamab" in answer.text
    assert service.generator.prompts == []
    assert not service.ask(QUESTION).abstained


def test_min_relevance_defaults_to_the_embedder_calibration(store: DocumentStore) -> None:
    from assistant.embedding.calibration import DEFAULT_MIN_RELEVANCE

    settings = load_settings(profile="test")
    assert settings.retrieval.min_relevance is None
    service = AnswerService(settings, HybridRetriever(store), ScriptedGenerator())
    assert service.min_relevance == DEFAULT_MIN_RELEVANCE  # the hash embedder was never calibrated


def test_evidence_keeps_sentences_whole_within_the_budget(store: DocumentStore) -> None:
    from assistant.answering.evidence import compress
    from guardrails.verification import split_sentences

    passages = HybridRetriever(store).retrieve("CAPOX months low-risk high-risk", 1).passages
    blocks = compress(
        "CAPOX months low-risk high-risk", passages, None, sentences_per_passage=3, max_chars=120
    )
    text = blocks[0].text
    assert len(text) <= 120
    source_sentences = split_sentences(passages[0].text)
    assert split_sentences(text) and all(s in source_sentences for s in split_sentences(text))  # none cut


def test_oldest_conversation_turns_are_dropped_to_fit_the_context(store: DocumentStore) -> None:
    from assistant.generation import ChatMessage

    service = make_service(store)
    service.settings.llm.context_tokens = 512
    service.settings.llm.max_answer_tokens = 48
    history = []
    for turn in range(6):
        history += [
            ChatMessage("user", f"OLDQ{turn} " + "word " * 60),
            ChatMessage("assistant", f"OLDA{turn} " + "word " * 60),
        ]
    service.ask(QUESTION, history=history)
    prompt = service.generator.prompts[0]
    assert service.generator.count_tokens(prompt) <= 512 - 48
    assert "OLDQ0" not in prompt and "OLDA0" not in prompt  # the oldest pair went first
    assert "OLDQ5" in prompt and "OLDA5" in prompt  # the latest pair is kept
    assert "Question: " in prompt and QUESTION in prompt
