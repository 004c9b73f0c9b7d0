"""How a chunk is kept in Chroma: scalar metadata, and the text that is embedded and BM25-indexed."""

from __future__ import annotations

from typing import Any

from assistant.types import ChunkMetadata


def metadata_to_chroma(meta: ChunkMetadata) -> dict[str, Any]:
    # Chroma metadata values are scalars; None is dropped, lists become a delimited string.
    raw = {
        "source": meta.source,
        "title": meta.title,
        "section": meta.section,
        "page": meta.page,
        "last_reviewed": meta.last_reviewed,
        "language": meta.language,
        "kind": meta.kind,
        "patient_id": meta.patient_id,
        "cancer_types": "|" + "|".join(meta.cancer_types) + "|" if meta.cancer_types else None,
        "demo": meta.demo,
    }
    return {k: v for k, v in raw.items() if v is not None}


def index_text(text: str, meta: ChunkMetadata) -> str:
    """What is embedded and BM25-indexed: the heading path carries meaning the passage often leaves implicit
    ("stage III" is in the heading, not in the sentences under it)."""
    heading = " > ".join(part for part in (meta.title, meta.section) if part)
    return f"{heading}\n{text}" if heading else text


def metadata_from_chroma(raw: dict[str, Any]) -> ChunkMetadata:
    types = raw.get("cancer_types") or ""
    return ChunkMetadata(
        source=raw.get("source", ""),
        title=raw.get("title", ""),
        section=raw.get("section", ""),
        page=raw.get("page"),
        last_reviewed=raw.get("last_reviewed"),
        language=raw.get("language", "en"),
        kind=raw.get("kind", "guideline"),
        patient_id=raw.get("patient_id"),
        cancer_types=tuple(t for t in types.split("|") if t),
        demo=bool(raw.get("demo", False)),
    )
