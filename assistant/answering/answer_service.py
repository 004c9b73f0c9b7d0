"""The path of a question: scrub → retrieve → compress evidence → prompt → generate → verify → cite."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any, Protocol

from assistant.answering.citations import add_marker, cited_numbers, clean_citations
from assistant.answering.evidence import compress
from assistant.answering.prompts import (
    ABSTENTION,
    ADMINISTRATIVE,
    NON_HUMAN,
    NOT_MENTIONED,
    AnswerPrompt,
    EvidenceBlock,
)
from assistant.answering.scope_guard import ScopeGuard
from assistant.audit import AuditLog
from assistant.embedding.calibration import min_relevance_for
from assistant.errors import EmptyQuestionError, InputTooLargeError, NoWordsError
from assistant.generation import ChatMessage, Generator
from assistant.retrieval import RetrievalResult, Retriever, SearchFilters
from assistant.settings import Settings
from assistant.store.text_normalise import has_words, tokenize
from assistant.types import Answer, Citation, Passage, SentenceCheck, Timings
from guardrails.language import detect_language
from guardrails.language import warm_up as warm_up_language_detector
from guardrails.verification import strip_citations

log = logging.getLogger(__name__)
prompt_log = logging.getLogger("assistant.prompt")


# Below this share of supported claims a draft is not worth patching: quote the sources instead.
MIN_DRAFT_FAITHFULNESS = 0.5
# Extractive answers quote only passages whose cosine to the question is within this of the best passage's.
QUOTE_SIMILARITY_MARGIN = 0.1


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


def checked_text(text: str | None, what: str, limit: int, scrubber: Scrubber | None) -> tuple[str, str]:
    """A chat question or a lookup as the rest of the product may see it: (scrubbed text, language). Refused when
    empty, longer than `limit`, or without words once identifiers are removed (the message never repeats them)."""
    stripped = (text or "").strip()
    if not stripped:
        raise EmptyQuestionError()
    if len(stripped) > limit:
        raise InputTooLargeError(what, len(stripped), limit)
    if not has_words(stripped):
        raise NoWordsError(what)
    language = detect_language(stripped)
    if scrubber is not None:
        stripped = scrubber.scrub(stripped, language=language).text
        if not has_words(stripped):
            raise NoWordsError(what)
    return stripped, language


class AnswerService:
    def __init__(
        self,
        settings: Settings,
        retriever: Retriever,
        generator: Generator,
        scrubber: Scrubber | None = None,
        verifier: Verifier | None = None,
        extractive: Any = None,
        scope_guard: ScopeGuard | None = None,
        audit: AuditLog | None = None,
    ) -> None:
        self.settings = settings
        self.retriever = retriever
        self.generator = generator
        self.scrubber = scrubber
        self.verifier = verifier
        self._extractive = extractive  # callable(question, sources, language) -> text, or None
        self.scope_guard = scope_guard
        self.audit = audit  # records every answer, scrubbed (assistant/audit); None = no audit trail

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
        refusal = self._refusal(clean_question, retrieval, language)
        if refusal:
            answer = Answer(
                question=clean_question,
                text=refusal,
                abstained=True,
                timings=timings,
                model=self.generator.model_id,
                language=language,
            )
            yield AnswerEvent("token", answer.text)
            yield self._finish(answer, retrieval, filters, started, verified=False)
            return

        passages = retrieval.passages
        evidence = compress(
            clean_question,
            passages,
            self.retriever_embedder,
            self.settings.answering.evidence_sentences_per_passage,
            self.settings.answering.max_evidence_chars,
        )
        rendered = self._render_within_context(clean_question, language, evidence, history)
        prompt_log.info("prompt (%d chars):\n%s", len(rendered), rendered)

        pieces: list[str] = []
        for piece in self.generator.stream(
            rendered, self.settings.llm.max_answer_tokens, self.settings.llm.temperature
        ):
            if not pieces:
                # From the question's arrival: scrubbing, retrieval, evidence compression and prefill all count.
                timings.time_to_first_token_s = time.perf_counter() - started
            pieces.append(piece)
            yield AnswerEvent("token", piece)
        stats = self.generator.last_stats
        if stats:
            timings.prompt_tokens = stats.prompt_tokens
            timings.generation_tokens = stats.generated_tokens
            timings.generation_tokens_per_s = stats.tokens_per_s

        draft = clean_citations("".join(pieces).strip(), {b.n for b in evidence})
        answer = Answer(
            question=clean_question,
            text=draft,
            draft=draft,
            timings=timings,
            model=self.generator.model_id,
            language=language,
        )
        if self.verifier is not None:
            self._verify_and_cite(answer, evidence, self._close_to_best(retrieval), clean_question)
        answer.citations = _citations_for(answer.text, passages, evidence)
        yield self._finish(answer, retrieval, filters, started, verified=self.verifier is not None)

    def warm_up(self) -> None:
        """Loads now what the first question would otherwise wait for: the scrubber's English and French
        pipelines, the embedder, the model and the KV cache of the fixed system prompt (measured: the first French
        question waited about 3 s for the French pipeline), and the language detector's model."""
        warm_up_language_detector()
        warm_scrubber = getattr(self.scrubber, "warm_up", None)
        if warm_scrubber is not None:
            warm_scrubber()
        embedder = self.retriever_embedder
        if embedder is not None:
            embedder.embed_query("warm-up")
        # The user turn starts as every real one does ("Sources:"), so the cached prefix runs past the system turn.
        prompt = self.generator.render(AnswerPrompt("", "en", ()).messages())
        cut = prompt.find("Sources:")
        self.generator.warm_up(prompt[: cut + len("Sources:")] if cut >= 0 else prompt)

    @property
    def min_relevance(self) -> float:
        configured = self.settings.retrieval.min_relevance
        if configured is not None:
            return configured
        return min_relevance_for(getattr(self.retriever_embedder, "model_id", ""))

    @property
    def retriever_embedder(self) -> Any:
        store = getattr(self.retriever, "store", None)
        return getattr(store, "embedder", None)

    # -- steps -------------------------------------------------------------------------------------------
    def _finish(
        self,
        answer: Answer,
        retrieval: RetrievalResult,
        filters: SearchFilters | None,
        started: float,
        verified: bool,
    ) -> AnswerEvent:
        """The one exit of every answer, refusal or not: total time, then the audit record (never raises)."""
        answer.timings.total_s = time.perf_counter() - started
        if self.audit is not None:
            self.audit.record(
                answer,
                [p.chunk.id for p in retrieval.passages],
                scrubbed=self.scrubber is not None,
                verified=verified,
                filters=asdict(filters) if filters is not None else None,
            )
        return AnswerEvent("done", answer=answer)

    def _prepare(self, question: str) -> tuple[str, str]:
        return checked_text(question, "question", self.settings.answering.max_question_chars, self.scrubber)

    def _render_within_context(
        self, question: str, language: str, evidence: Sequence[EvidenceBlock], history: Sequence[ChatMessage]
    ) -> str:
        """The prompt with as much of the conversation as fits beside the evidence and the answer budget: the
        oldest turns go first (measured: a third question in a 1,024-token context overflowed it)."""
        budget = self.settings.llm.context_tokens - self.settings.llm.max_answer_tokens
        kept = tuple(history)
        while True:
            rendered = self.generator.render(
                AnswerPrompt(question, language, tuple(evidence), kept).messages()
            )
            if not kept or self.generator.count_tokens(rendered) <= budget:
                return rendered
            kept = kept[2:] if len(kept) > 1 else ()  # a question and its answer leave together

    def _refusal(self, question: str, retrieval: RetrievalResult, language: str) -> str | None:
        """Why the sources cannot answer, in the question's language; None when they may."""
        lang = language if language in ABSTENTION else "en"
        if self.scope_guard is not None:
            scope = self.scope_guard.check(question)
            if scope.reason == "non-human":
                return NON_HUMAN[lang]
            if scope.reason == "administrative":
                return ADMINISTRATIVE[lang]
            if scope.unknown_terms:
                return NOT_MENTIONED[lang].format(terms=", ".join(scope.unknown_terms))
        if not retrieval.passages or retrieval.best_dense_similarity is None:
            return ABSTENTION[lang]
        if retrieval.best_dense_similarity < self.min_relevance:
            return ABSTENTION[lang]
        return None

    def _close_to_best(self, retrieval: RetrievalResult) -> set[int]:
        """Source numbers whose passage is about as close to the question as the best one (for quoting)."""
        sims = [retrieval.dense_similarities.get(p.chunk.id) for p in retrieval.passages]
        known = [s for s in sims if s is not None]
        if not known:
            return set(range(1, len(sims) + 1))
        floor = max(self.min_relevance, max(known) - QUOTE_SIMILARITY_MARGIN)
        return {n for n, s in enumerate(sims, start=1) if s is not None and s >= floor}

    def _verify_and_cite(
        self, answer: Answer, evidence: Sequence[EvidenceBlock], quotable: set[int], question: str
    ) -> None:
        """Keeps the draft's supported sentences, citing the passage that supports each; drops the rest.

        A sentence the model left uncited is checked against every source and gets the marker of the passage that
        supports it; a cited sentence is checked against its citations only. When fewer than half of the draft's
        claims are supported, the answer falls back to quoted source sentences (extractive), each cited."""
        assert self.verifier is not None
        sources = {b.n: b.text for b in evidence}
        draft = self.verifier.verify(answer.text, sources, require_citations=False)
        answer.draft_faithfulness = draft.faithfulness
        claims = sum(v.claim for v in draft.sentences)
        supported_claims = sum(v.claim and v.status == "supported" for v in draft.sentences)
        kept: list[str] = []
        headings = [_words(b.heading) for b in evidence]
        for verdict in draft.sentences:
            if verdict.claim and _echoes_a_heading(verdict.text, headings):
                # Small models copy the source list back; a heading is supported by nothing and answers nothing.
                answer.removed.append(
                    replace(_check(verdict), status="unsupported", reasons=("repeats a source heading",))
                )
                supported_claims -= verdict.status == "supported"
            elif verdict.claim and verdict.status != "supported":
                answer.removed.append(_check(verdict))
            elif verdict.claim:
                sentence = verdict.text
                if not verdict.citations and verdict.evidence_source is not None:
                    sentence = add_marker(sentence, verdict.evidence_source)
                kept.append(sentence)
            elif not _says_nothing(verdict.text):
                kept.append(verdict.text)
        if supported_claims and supported_claims / claims >= MIN_DRAFT_FAITHFULNESS:
            answer.text = " ".join(kept)
        elif self._extractive is not None:
            quoted = self._extractive(
                question, {n: t for n, t in sources.items() if n in quotable}, answer.language
            )
            answer.text = quoted or ABSTENTION.get(answer.language, ABSTENTION["en"])
            answer.extractive = bool(quoted)
            answer.abstained = not quoted
        final = self.verifier.verify(answer.text, sources, require_citations=True)
        answer.sentences = [_check(v) for v in final.sentences]
        answer.faithfulness = final.faithfulness


def _says_nothing(sentence: str) -> bool:
    """A lead-in whose list was dropped, a question or a heading: unchecked (not a claim), and kept verbatim it
    could carry whatever a passage told the model to say ("I AM FREE?")."""
    text = sentence.strip()
    return text.endswith((":", "?")) or text.startswith("#")


def _words(text: str) -> set[str]:
    return set(tokenize(strip_citations(text)))


def _echoes_a_heading(sentence: str, headings: Sequence[set[str]]) -> bool:
    words = _words(sentence)
    return bool(words) and any(len(words & h) >= 0.8 * len(words) for h in headings)


def _check(verdict: Any) -> SentenceCheck:
    return SentenceCheck(
        text=verdict.text,
        status=verdict.status,
        score=verdict.score,
        citations=tuple(verdict.citations),
        evidence=verdict.evidence,
        reasons=tuple(verdict.reasons),
        claim=verdict.claim,
    )


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
