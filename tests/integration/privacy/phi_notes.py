"""The team's de-identification test notes (tests/data/phi) as questions, and the leak check on their gold PHI.

What counts as a leak, and why it is not a bare substring search:
- the notes' clinical terms are removed from the text searched first ("Whipple procedure" stays in a scrubbed
  question while "Dr Whipple" is a name, and another note's "lymphome de Hodgkin" is no leak of "Dr Hodgkin");
- matches are whole words ("58" is not found in "1558 chars");
- an identifier of 4+ characters that the guideline corpus never contains must appear nowhere;
- a short one (an age such as "58") or one the corpus itself contains ("Lyon" could be in a guideline passage
  that the prompt log quotes) is checked where only its question can have put it: the question recorded
  for its own note.
  A log line printing a raw question would still be caught by the note's longer identifiers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO_ROOT

NOTES_DIR = REPO_ROOT / "tests" / "data" / "phi"
DEMO_DIR = REPO_ROOT / "corpora" / "demo"
QUESTION = {
    "en": "What do the guidelines recommend for this patient?",
    "fr": "Que recommandent les référentiels pour ce patient ?",
}


@dataclass(frozen=True)
class Note:
    language: str
    text: str
    phi: tuple[tuple[str, str], ...]  # (type, identifier as written)
    clinical_terms: tuple[str, ...]

    @property
    def question(self) -> str:
        """The note and a question about it, on one line (`ask --queries` reads one question per line)."""
        return f"{self.text} {QUESTION[self.language]}".replace("\n", " ")


def load_notes() -> list[Note]:
    notes = []
    for language in ("en", "fr"):
        path = NOTES_DIR / f"oncology_notes_{language}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            spans = tuple((s["type"], item["text"][s["start"] : s["end"]]) for s in item["spans"])
            notes.append(Note(language, item["text"], spans, tuple(item.get("clinical_terms", ()))))
    return notes


def covering(notes: Sequence[Note], per_language: int | None = None) -> list[Note]:
    """The fewest notes per language (greedy) that together hold every identifier type of that language, or
    the `per_language` most varied ones, so that a slow end-to-end run still meets many kinds of identifier."""
    chosen: list[Note] = []
    for language in ("en", "fr"):
        pool = [n for n in notes if n.language == language]
        missing = {t for n in pool for t, _ in n.phi}
        picked = 0
        while missing and (per_language is None or picked < per_language):
            best = max(pool, key=lambda n: (len({t for t, _ in n.phi} & missing), len(n.phi)))
            chosen.append(best)
            missing -= {t for t, _ in best.phi}
            pool.remove(best)
            picked += 1
    return chosen


def corpus_text(folder: Path = DEMO_DIR) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md")))


def _found(identifier: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(identifier)}(?!\w)", text) is not None


def _without(text: str, terms: Iterable[str]) -> str:
    for term in sorted(set(terms), key=len, reverse=True):
        text = text.replace(term, " ")
    return text


def leaks(asked: Sequence[tuple[Note, str]], text: str, background: str) -> list[str]:
    """Identifiers found in `text` (logs, audit file, output), or in the question recorded for their own note.

    `asked` pairs each note with the question recorded for it (audit `question` field)."""
    found = []
    searched = _without(text, (t for note, _ in asked for t in note.clinical_terms))
    for note, recorded in asked:
        question = _without(recorded, note.clinical_terms)
        for kind, identifier in note.phi:
            everywhere = len(identifier) >= 4 and not _found(identifier, background)
            if (everywhere and _found(identifier, searched)) or _found(identifier, question):
                found.append(f"{kind} {identifier!r}")
    return sorted(set(found))
