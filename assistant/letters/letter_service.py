"""Drafting a consultation letter or a tumour-board summary for one de-identified patient.

Patient facts are quoted from the indexed summary, never generated, so no fact can be invented. Only the
recommendations are generated, by the answering service from guideline passages only, cited [n] and checked
sentence by sentence; sentences that fail the check are marked for the clinician."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from assistant.answering import AnswerService
from assistant.letters.letter_draft import FLAG, LetterCheck, LetterDraft
from assistant.letters.letter_template import LetterTemplate, load_template
from assistant.letters.patient_directory import PatientDirectory, PatientRecord
from assistant.retrieval import SearchFilters
from assistant.store import DocumentStore
from assistant.types import Answer, Citation

_MAX_INSTRUCTION_CHARS = 1500


class LetterService:
    def __init__(
        self,
        patients: PatientDirectory,
        answers: AnswerService,
        store: DocumentStore | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.patients = patients
        self.answers = answers
        self.store = store
        self.today = today

    def draft(
        self,
        patient_id: str,
        kind: str = "consult",
        language: str = "en",
        instructions: str = "",
        recipient: str = "",
        author: str = "",
    ) -> LetterDraft:
        template = load_template(kind, language)
        record = self.patients.record(patient_id)
        instructions = " ".join((instructions or "").split())[:_MAX_INSTRUCTION_CHARS]
        question = self.guideline_question(template, record, instructions)
        answer = self.answers.ask(question, filters=SearchFilters(kind="guideline"))
        recommendations, checks = _marked_recommendations(answer)
        fill = {
            "recipient": recipient.strip() or template.default_recipient,
            "author": author.strip() or template.default_author,
            "patient_id": record.patient_id,
            "date": self.today().isoformat(),
        }
        slots = {
            "instructions": instructions or template.empty_instructions,
            "patient_facts": record.markdown(template.facts_sections),
            "recommendations": recommendations,
            "references": self._references(answer.citations),
        }
        demo = bool(getattr(self.answers.generator, "demo", False))
        return LetterDraft(
            kind=kind,
            language=language,
            patient_id=record.patient_id,
            text=_assemble(template, fill, slots, demo),
            citations=list(answer.citations),
            checks=checks,
            verified=bool(answer.sentences),
            abstained=answer.abstained,
            faithfulness=answer.faithfulness,
            model=answer.model,
            demo=demo,
            question=answer.question,
        )

    @staticmethod
    def guideline_question(template: LetterTemplate, record: PatientRecord, instructions: str) -> str:
        return template.question.format(profile=record.profile(), instructions=instructions).strip()

    def _references(self, citations: list[Citation]) -> str:
        reviewed: dict[str, str | None] = {}
        if self.store is not None and citations:
            reviewed = {
                c.id: c.metadata.last_reviewed for c in self.store.get([c.chunk_id for c in citations])
            }
        lines = []
        for c in citations:
            where = " — ".join(part for part in (c.title, c.section) if part)
            extra = [f"p. {c.page}"] if c.page else []
            if reviewed.get(c.chunk_id):
                extra.append(f"reviewed {reviewed[c.chunk_id]}")
            name = Path(c.source).name if "/" in c.source else c.source
            lines.append(f"[{c.n}] {where}" + (f" ({', '.join(extra)})" if extra else "") + f" — {name}")
        return "\n".join(lines) or "—"


def _marked_recommendations(answer: Answer) -> tuple[str, list[LetterCheck]]:
    """The recommendation text with FLAG before each sentence the verifier did not pass, and the checks to show:
    those, plus the draft sentences the answering service already removed as unsupported."""
    text = answer.text.strip()
    if answer.abstained:
        return f"{FLAG} {text}", [LetterCheck(text, "abstained")]
    removed = [LetterCheck(s.text, "removed", s.score) for s in answer.removed]
    if not answer.sentences:
        return text, [LetterCheck(text, "unverified"), *removed]
    checks: list[LetterCheck] = [LetterCheck("", "extractive")] if answer.extractive else []
    for sentence in answer.sentences:
        # A lead-in ("Quoted from the guidelines:") is not a claim; SentenceCheck does not carry the
        # verifier's `claim` flag, so the colon is the tell.
        if sentence.status == "supported" or sentence.text.rstrip().endswith(":"):
            continue
        checks.append(LetterCheck(sentence.text, sentence.status, sentence.score))
        marked = f"{FLAG} {sentence.text}"
        if sentence.text in text and marked not in text:
            text = text.replace(sentence.text, marked, 1)
    return text, checks + removed


def _assemble(template: LetterTemplate, fill: dict[str, str], slots: dict[str, str], demo: bool) -> str:
    def filled(s: str) -> str:
        return s.format(**fill) if s else ""

    parts = [f"# {template.title}"]
    if demo:
        parts.append(
            # Not the sentence flag: exports count the flags the clinician has left.
            "> DEMO MODEL DRAFT — not for clinical use."
            if template.language == "en"
            else "> BROUILLON DU MODÈLE DE DÉMONSTRATION — usage clinique exclu."
        )
    parts.append("\n".join(filled(line) for line in template.header))
    parts += [p for p in (filled(template.salutation), filled(template.intro)) if p]
    for section in template.sections:
        body = slots[section.content] if section.is_slot else section.content
        parts.append(f"## {section.heading}\n{body}")
    parts += [p for p in (filled(template.closing), filled(template.signature)) if p]
    return "\n\n".join(parts).strip() + "\n"
