"""What an ingest run did, for the CLI summary and for callers that check it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass
class IngestReport:
    files_seen: int = 0
    files_ingested: int = 0  # read and chunked, and their chunks are in the store (new or already there)
    files_unchanged: int = 0  # of files_ingested: every chunk was already in the store
    chunks_added: int = 0
    chunks_total: int = 0  # in the store after the run
    skipped: list[SkippedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def chunks_per_s(self) -> float | None:
        """Chunks added per second; None when nothing was added (a rate over nothing is undefined)."""
        if self.chunks_added == 0 or self.seconds <= 0:
            return None
        return self.chunks_added / self.seconds

    @property
    def ok(self) -> bool:
        """Something was ingested, or everything was already present."""
        return self.files_ingested > 0

    def summary(self) -> str:
        rate = f"{self.chunks_per_s:.1f} chunks/s" if self.chunks_per_s is not None else "n/a chunks/s"
        lines = [
            f"Files: {self.files_seen} seen, {self.files_ingested} ingested "
            f"({self.files_unchanged} already present), {len(self.skipped)} skipped",
            f"Chunks: {self.chunks_added} added, {self.chunks_total} in the index",
            f"Time: {self.seconds:.1f} s ({rate})",
        ]
        if self.skipped:
            lines.append("Skipped:")
            lines += [f"  - {s.path}: {s.reason}" for s in self.skipped]
        if self.warnings:
            lines.append("Warnings:")
            lines += [f"  - {w}" for w in self.warnings]
        return "\n".join(lines)
