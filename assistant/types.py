"""Typed values passed between the steps of the assistant (ingest → store → retrieve → answer)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

DocumentKind = Literal["guideline", "patient"]


@dataclass(frozen=True)
class ChunkMetadata:
    """Where a chunk comes from; stored beside its vector and shown in citations."""

    source: str  # path of the ingested file (or a pseudonymous ID for patient summaries)
    title: str
    section: str = ""  # heading path, "Treatment of Stage III Colon Cancer > Adjuvant chemotherapy"
    page: int | None = None  # 1-based PDF page
    last_reviewed: str | None = None  # ISO date from front-matter when known
    language: str = "en"
    kind: DocumentKind = "guideline"
    patient_id: str | None = None
    cancer_types: tuple[str, ...] = ()
    demo: bool = False  # demo content, not for clinical use


@dataclass(frozen=True)
class Chunk:
    """A piece of a document ready for indexing. Its ID is a content hash, so re-ingesting adds nothing."""

    text: str
    metadata: ChunkMetadata
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", chunk_id(self.text, self.metadata))


def chunk_id(text: str, metadata: ChunkMetadata) -> str:
    # The heading path and source are part of the hash: the same sentence under two headings is two chunks.
    h = hashlib.sha256()
    for part in (metadata.source, metadata.section, str(metadata.page or ""), text):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its fused score."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    sparse_rank: int | None = None

    @property
    def text(self) -> str:
        return self.chunk.text

    @property
    def metadata(self) -> ChunkMetadata:
        return self.chunk.metadata


@dataclass(frozen=True)
class Citation:
    n: int
    source: str
    title: str
    section: str
    page: int | None
    text: str  # the evidence given to the model for this source
    chunk_id: str


@dataclass(frozen=True)
class SentenceCheck:
    """The verifier's verdict on one sentence of an answer."""

    text: str
    status: Literal["supported", "unsupported", "no_citation"]
    score: float | None
    citations: tuple[int, ...] = ()
    evidence: str | None = None  # best supporting source sentence
    reasons: tuple[str, ...] = ()  # why it is not supported ("number '10 mg' absent from the cited evidence")
    claim: bool = True  # False for lead-ins and headings: not counted in faithfulness


@dataclass
class Timings:
    retrieval_ms: float = 0.0
    prompt_tokens: int = 0
    time_to_first_token_s: float | None = None
    generation_tokens: int = 0
    generation_tokens_per_s: float | None = None
    total_s: float = 0.0


@dataclass
class Answer:
    question: str  # as scrubbed, never raw
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    timings: Timings = field(default_factory=Timings)
    model: str = ""
    language: str = "en"
    sentences: list[SentenceCheck] = field(default_factory=list)  # verdicts on the delivered text
    removed: list[SentenceCheck] = field(default_factory=list)  # draft sentences dropped as unsupported
    extractive: bool = False  # the text is quoted source sentences, not generated
    faithfulness: float | None = None  # of the delivered text; None = undefined (no claim, or not verified)
    draft: str = ""  # what the model wrote, before verification
    draft_faithfulness: float | None = None
