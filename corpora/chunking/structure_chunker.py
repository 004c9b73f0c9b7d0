"""Structure-aware chunking: chunks stay under one heading path, ~180-250 words, with a small overlap.

The heading path goes into each chunk's metadata, not its text: the store indexes "Title > Section" with the
text (assistant.store.document_store.index_text), since a passage about "adjuvant chemotherapy" rarely names the
cancer it is about (measured effect: see corpora/README.md), while citations show the passage as written."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.types import Chunk, ChunkMetadata
from corpora.documents import LoadedDocument, Section

SECTION_SEPARATOR = " > "
_SEPARATORS = ["\n\n", "\n", ". ", "; ", ", ", " ", ""]
_UNIT_WORDS = 25
_SENTENCE_END = re.compile(r"(?:[.!?:;][\"')\]]?\s*|\n\s*)$")


@dataclass(frozen=True)
class ChunkingConfig:
    max_words: int = 250
    overlap_words: int = 25
    tiny_words: int = 25  # smaller sections are merged into the next one under the same parent


def word_count(text: str) -> int:
    return len(text.split())


def _is_prefix(prefix: tuple[str, ...], path: tuple[str, ...]) -> bool:
    return path[: len(prefix)] == prefix


def _common_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _can_merge(tiny: Section, following: Section) -> bool:
    # Into a descendant (the intro of a section and its first subsection), or a sibling under a real parent;
    # never across two top-level sections, which would blur two topics under an empty heading path.
    return _is_prefix(tiny.heading_path, following.heading_path) or (
        len(tiny.heading_path) >= 2 and _is_prefix(tiny.heading_path[:-1], following.heading_path)
    )


def _merge(tiny: Section, following: Section) -> Section:
    """The merged section takes the following section's heading path: it names every heading of both parts
    when the tiny one is its ancestor; a tiny sibling keeps its own heading inline, in the text."""
    page = tiny.page if word_count(tiny.text) > word_count(following.text) else following.page
    if _is_prefix(tiny.heading_path, following.heading_path):
        text = f"{tiny.text}\n\n{following.text}"
    else:
        own = tiny.heading_path[len(_common_prefix(tiny.heading_path, following.heading_path)) :]
        text = f"{SECTION_SEPARATOR.join(own)}\n{tiny.text}\n\n{following.text}"
    return Section(following.heading_path, text, page or tiny.page)


def _balanced_starts(sizes: list[int], budget: int) -> list[int]:
    """First unit of each piece, cutting the text into equal shares of at most `budget` words."""
    total = sum(sizes)
    count = max(math.ceil(total / budget), 1)
    share = total / count
    starts, position, current = [0], 0, 0
    for index, size in enumerate(sizes):
        group = min(int((position + size / 2) // share), count - 1)
        if group > current and index > 0:
            starts.append(index)
            current = group
        position += size
    return starts


def _snap_to_sentences(
    starts: list[int], sizes: list[int], sentence_start: list[bool], limit: int
) -> list[int]:
    """Move each cut to the nearest sentence start (within 3 units) when both pieces stay within `limit`."""
    snapped = [0]
    for n, start in enumerate(starts[1:], start=1):
        following = starts[n + 1] if n + 1 < len(starts) else len(sizes)
        for k in sorted(range(start - 3, start + 4), key=lambda k: abs(k - start)):
            if (
                snapped[-1] < k < following
                and sentence_start[k]
                and sum(sizes[snapped[-1] : k]) <= limit
                and sum(sizes[k:following]) <= limit
            ):
                start = k
                break
        snapped.append(start)
    return snapped


def _overlap_start(begin: int, sizes: list[int], sentence_start: list[bool], overlap_words: int) -> int:
    """The earliest sentence start before `begin` within overlap_words words; `begin` when there is none."""
    best, k, total = begin, begin, 0
    while k > 0 and total + sizes[k - 1] <= overlap_words:
        k -= 1
        total += sizes[k]
        if sentence_start[k]:
            best = k
    return best


def merge_tiny_sections(sections: list[Section], tiny_words: int) -> list[Section]:
    merged: list[Section] = []
    pending: Section | None = None
    for section in sections:
        if pending is not None:
            if _can_merge(pending, section):
                section = _merge(pending, section)
            else:
                merged.append(pending)
            pending = None
        if word_count(section.text) < tiny_words:
            pending = section
        else:
            merged.append(section)
    if pending is not None:
        merged.append(pending)
    return merged


class StructureChunker:
    def __init__(self, config: ChunkingConfig | None = None) -> None:
        self.config = config or ChunkingConfig()
        # Units of at most _UNIT_WORDS words, cut at the coarsest separator possible; they concatenate back
        # to the exact text (separators kept, whitespace not stripped).
        self._units = RecursiveCharacterTextSplitter(
            chunk_size=_UNIT_WORDS,
            chunk_overlap=0,
            length_function=word_count,
            separators=_SEPARATORS,
            keep_separator="end",
            strip_whitespace=False,
        )

    def split_text(self, text: str) -> list[str]:
        """Pieces of at most max_words words, of even size (no scrap at the end of a section), cut between
        sentences where possible, each starting with up to overlap_words words (whole sentences) of the
        previous piece. The text is first cut into small units, which are then packed."""
        cfg = self.config
        if word_count(text) <= cfg.max_words:
            return [text.strip()]
        units = self._units.split_text(text)
        sizes = [word_count(u) for u in units]
        sentence_start = [i == 0 or bool(_SENTENCE_END.search(units[i - 1])) for i in range(len(units))]
        # A piece may exceed its share by one unit and gain an overlap: keep both inside max_words.
        starts = _balanced_starts(sizes, max(cfg.max_words - cfg.overlap_words - _UNIT_WORDS, 1))
        starts = _snap_to_sentences(starts, sizes, sentence_start, cfg.max_words - cfg.overlap_words)
        pieces = []
        for begin, end in zip(starts, [*starts[1:], len(units)], strict=True):
            first = _overlap_start(begin, sizes, sentence_start, cfg.overlap_words)
            piece = "".join(units[first:end]).strip()
            if piece:
                pieces.append(piece)
        return pieces

    def chunk(self, document: LoadedDocument) -> list[Chunk]:
        sections = [s for s in document.sections if s.text.strip()]
        chunks: list[Chunk] = []
        seen: set[str] = set()
        for section in merge_tiny_sections(sections, self.config.tiny_words):
            label = SECTION_SEPARATOR.join(section.heading_path)
            metadata = ChunkMetadata(
                source=document.source,
                title=document.title,
                section=label,
                page=section.page,
                last_reviewed=document.last_reviewed,
                language=document.language,
                kind=document.kind,
                patient_id=document.patient_id,
                cancer_types=document.cancer_types,
                demo=document.demo,
            )
            for piece in self.split_text(section.text):
                chunk = Chunk(text=piece, metadata=metadata)
                if chunk.id not in seen:  # a repeated paragraph under one heading is one chunk
                    seen.add(chunk.id)
                    chunks.append(chunk)
        return chunks
