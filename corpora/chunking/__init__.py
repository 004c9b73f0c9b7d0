from corpora.chunking.structure_chunker import (
    ChunkingConfig,
    StructureChunker,
    merge_tiny_sections,
    word_count,
)

__all__ = ["ChunkingConfig", "StructureChunker", "merge_tiny_sections", "word_count"]
