"""Question sets for the evals: the team's JSONL files and MedQuAD mapped to the PDQ summaries."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class RetrievalQuestion:
    id: str
    question: str
    language: str
    gold_sources: frozenset[str]  # file names
    gold_section: str | None = None
    set_name: str = ""


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def team_questions(path: Path) -> list[RetrievalQuestion]:
    return [
        RetrievalQuestion(
            id=str(row["id"]),
            question=row["question"],
            language=row.get("language", "en"),
            gold_sources=frozenset(row["gold_sources"]),
            gold_section=row.get("gold_section"),
            set_name=path.stem,
        )
        for row in read_jsonl(path)
    ]


def medquad_pdq_url_to_file(url: str) -> str:
    """https://www.cancer.gov/types/colorectal/patient/colon-treatment-pdq → types-colorectal-hp-colon-treatment-pdq.md"""
    path = url.split("cancer.gov/", 1)[-1].strip("/")
    return path.replace("/patient/", "/hp/").replace("/", "-") + ".md"


def medquad_questions(medquad_file: Path, pdq_dir: Path, limit: int | None = None) -> list[RetrievalQuestion]:
    """MedQuAD cancer.gov questions whose patient page has its health-professional summary in the PDQ folder."""
    present = {p.name for p in pdq_dir.glob("*.md")}
    out: list[RetrievalQuestion] = []
    for row in read_jsonl(medquad_file):
        gold = medquad_pdq_url_to_file(row["url"])
        if gold in present:
            out.append(
                RetrievalQuestion(
                    id=row["qid"],
                    question=row["question"],
                    language="en",
                    gold_sources=frozenset({gold}),
                    set_name="medquad",
                )
            )
    return out[:limit] if limit else out
