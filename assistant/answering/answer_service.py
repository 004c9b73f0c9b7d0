"""The path of a question: scrub → retrieve → compress evidence → prompt → generate → verify → cite."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from assistant.answering.citations import cited_numbers, clean_citations
from assistant.answering.evidence import compress
from assistant.answering.prompts import ABSTENTION, AnswerPrompt, EvidenceBlock
from assistant.errors import EmptyQuestionError, InputTooLargeError
from assistant.generation import ChatMessage, Generator
from assistant.language import detect_language
from assistant.retrieval import RetrievalResult, Retriever, SearchFilters
from assistant.settings import Settings
from assistant.types import Answer, Citation, Passage, SentenceCheck, Timings

log = logging.getLogger(__name__)
prompt_log = logging.getLogger("assistant.prompt")


class Scrubber(Protocol):
    """What the answering service needs of the PHI scrubber (guardrails.phi.PhiScrubber)."""

    def scrub(self, text: str, language: str | None = None) -> Any: ...


class Verifier(Protocol):
    """What the answering service needs of the answer verifier (guardrails.verification.AnswerVerifier)."""

    def verify(self, answer: str, sources: dict[int, str], require_citations: bool = True) -> Any: ...


@dataclass(frozen=True)
class AnswerEvent:
    """A streamed piece of an answer (`token`), or the final answer (`done`)."""

    kind: str  # "token" | "done"
    text: str = ""
    answer: Answer | None = None


class AnswerService:
    def __init__(
        self,
        settings: Settings,
        retriever: Retriever,
        generator: Generator,
        scrubber: Scrubber | None = None,
        verifier: Verifier | None = None,
        extractive: Any = None,
    ) -> None:
        self.settings = settings
        self.retriever = retriever
        self.generator = generator
        self.scrubber = scrubber
        self.verifier = verifier
        self._extractive = extractive  # callable(question, sources, language) -> text, or None

    # -- public ------------------------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        filters: SearchFilters | None = None,
        history: Sequence[ChatMessage] = (),
    ) -> Answer:
        answer: Answer | None = None
        for event in self.ask_stream(question, filters, history):
            if event.kind == "done":
                answer = event.answer
        assert answer is not None
        return answer

    def ask_stream(
        self,
        question: str,
        filters: SearchFilters | None = None,
        history: Sequence[ChatMessage] = (),
    ) -> Iterator[AnswerEvent]:
        started = time.perf_counter()
        clean_question, language = self._prepare(question)
        retrieval = self.retriever.retrieve(clean_question, self.settings.retrieval.top_k, filters)
        timings = Timings(retrieval_ms=retrieval.elapsed_ms)
        if self._should_abstain(retrieval):
            timings.total_s = time.perf_counter() - started
            answer = Answer(
                question=clean_question,
                text=ABSTENTION.get(language, ABSTENTION["en"]),
                abstained=True,
                timings=timings,
                model=self.generator.model_id,
                language=language,
            )
            yield AnswerEvent("token", answer.text)
            yield AnswerEvent("done", answer=answer)
            return

        passages = retrieval.passages
        evidence = compress(
            clean_question,
            passages,
            self.retriever_embedder,
            self.settings.answering.evidence_sentences_per_passage,
            self.settings.answering.max_evidence_chars,
        )
        prompt = AnswerPrompt(clean_question, language, tuple(evidence), tuple(history))
        rendered = self.generator.render(prompt.messages())
        prompt_log.info("prompt (%d chars):\n%s", len(rendered), rendered)

        pieces: list[str] = []
        for piece in self.generator.stream(
            rendered, self.settings.llm.max_answer_tokens, self.settings.llm.temperature
        ):
            pieces.append(piece)
            yield AnswerEvent("token", piece)
        stats = self.generator.last_stats
        if stats:
            timings.prompt_tokens = stats.prompt_tokens
            timings.time_to_first_token_s = (
                (retrieval.elapsed_ms / 1000 + stats.time_to_first_token_s)
                if stats.time_to_first_token_s is not None
                else None
            )
            timings.generation_tokens = stats.generated_tokens
            timings.generation_tokens_per_s = stats.tokens_per_s

        answer = self._finish("".join(pieces), clean_question, language, passages, evidence, timings)
        timings.total_s = time.perf_counter() - started
        yield AnswerEvent("done", answer=answer)

    @property
    def retriever_embedder(self) -> Any:
        store = getattr(self.retriever, "store", None)
        return getattr(store, "embedder", None)

    # -- steps -------------------------------------------------------------------------------------------
    def _prepare(self, question: str) -> tuple[str, str]:
        stripped = (question or "").strip()
        if not stripped:
            raise EmptyQuestionError()
        limit = self.settings.answering.max_question_chars
        if len(stripped) > limit:
            raise InputTooLargeError("question", len(stripped), limit)
        language = detect_language(stripped)
        if self.scrubber is not None:
            stripped = self.scrubber.scrub(stripped, language=language).text
        return stripped, language

    def _should_abstain(self, retrieval: RetrievalResult) -> bool:
        if not retrieval.passages or retrieval.best_dense_similarity is None:
            return True
        return retrieval.best_dense_similarity < self.settings.retrieval.min_relevance

    def _finish(
        self,
        raw: str,
        question: str,
        language: str,
        passages: Sequence[Passage],
        evidence: Sequence[EvidenceBlock],
        timings: Timings,
    ) -> Answer:
        valid = {b.n for b in evidence}
        text = clean_citations(raw.strip(), valid)
        answer = Answer(
            question=question, text=text, timings=timings, model=self.generator.model_id, language=language
        )
        if self.verifier is not None:
            self._verify(answer, evidence, question)
        answer.citations = _citations_for(answer.text, passages, evidence)
        return answer

    def _verify(self, answer: Answer, evidence: Sequence[EvidenceBlock], question: str) -> None:
        sources = {b.n: b.text for b in evidence}
        result = self.verifier.verify(answer.text, sources, require_citations=True)  # type: ignore[union-attr]
        answer.sentences = [
            SentenceCheck(
                text=v.text,
                status=v.status,
                score=v.score,
                citations=tuple(v.citations),
                evidence=v.evidence,
            )
            for v in result.sentences
        ]
        answer.faithfulness = result.faithfulness
        if self._extractive is not None and (result.faithfulness is None or result.faithfulness < 0.5):
            answer.text = self._extractive(question, sources, answer.language)
            answer.extractive = True
            recheck = self.verifier.verify(answer.text, sources, require_citations=True)  # type: ignore[union-attr]
            answer.sentences = [
                SentenceCheck(
                    text=v.text,
                    status=v.status,
                    score=v.score,
                    citations=tuple(v.citations),
                    evidence=v.evidence,
                )
                for v in recheck.sentences
            ]
            answer.faithfulness = recheck.faithfulness


def _citations_for(
    text: str, passages: Sequence[Passage], evidence: Sequence[EvidenceBlock]
) -> list[Citation]:
    by_n = {b.n: (p, b) for p, b in zip(passages, evidence, strict=True)}
    out: list[Citation] = []
    for n in cited_numbers(text):
        if n not in by_n:
            continue
        passage, block = by_n[n]
        meta = passage.metadata
        out.append(
            Citation(
                n=n,
                source=meta.source,
                title=meta.title,
                section=meta.section,
                page=meta.page,
                text=block.text,
                chunk_id=passage.chunk.id,
            )
        )
    return out
