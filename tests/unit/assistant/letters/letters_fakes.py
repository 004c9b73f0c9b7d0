"""Builders and fakes shared by the letters and UI unit tests: a real DocumentStore (HashEmbedder) holding
guidelines and one de-identified patient, services built like bootstrap does, a name scrubber and a verifier."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.answering import AnswerService
from assistant.bootstrap import Services
from assistant.retrieval import HybridRetriever
from assistant.search_service import SearchService
from assistant.settings import load_settings
from assistant.store import DocumentStore
from assistant.types import Chunk, ChunkMetadata
from tests.fakes import HashEmbedder, ScriptedGenerator

PATIENT_ID = "P-0123456789"
GUIDELINES = [
    (
        "colon.md",
        "Colon cancer",
        "Stage III > Adjuvant chemotherapy",
        "After resection of stage III colon cancer, adjuvant chemotherapy with FOLFOX or CAPOX is standard. "
        "Three months of CAPOX is enough for low-risk disease. Six months is preferred for high-risk disease.",
        ("colorectal",),
        "2025-06-01",
    ),
    (
        "colon.md",
        "Colon cancer",
        "Follow-up",
        "Follow-up includes CEA every 3 to 6 months and CT scans for five years.",
        ("colorectal",),
        "2025-06-01",
    ),
    (
        "hodgkin.md",
        "Hodgkin lymphoma",
        "First line",
        "ABVD for four to six cycles is a standard regimen in Hodgkin lymphoma.",
        ("lymphoma",),
        None,
    ),
    (
        "melanoma.md",
        "Melanoma",
        "Adjuvant therapy",
        "Adjuvant nivolumab or pembrolizumab is given after resection of stage III melanoma.",
        ("melanoma",),
        "2024-11-15",
    ),
]
PATIENT_SECTIONS = [
    (
        "Overview",
        "- Sex: female.\n- Age at first cancer diagnosis: 64.\n- Cancer diagnoses: colon adenocarcinoma (stage III).",
    ),
    (
        "Diagnoses > Cancer",
        "- Colon adenocarcinoma: onset day 0 (age 64); stage IIIB; pT3 N1a, 1 of 14 nodes.",
    ),
    ("Treatments", "- Right hemicolectomy: at +21 days; status completed."),
    (
        "Timeline",
        "- day 0: Diagnosis: colon adenocarcinoma (stage III).\n- +21 days: Procedure: right hemicolectomy.",
    ),
]


def guideline_chunks() -> list[Chunk]:
    return [
        Chunk(
            text=text,
            metadata=ChunkMetadata(
                source=f"/docs/{source}",
                title=title,
                section=section,
                cancer_types=types,
                last_reviewed=reviewed,
            ),
        )
        for source, title, section, text, types, reviewed in GUIDELINES
    ]


def patient_chunks(patient_id: str = PATIENT_ID) -> list[Chunk]:
    return [
        Chunk(
            text=text,
            metadata=ChunkMetadata(
                source=f"patient:{patient_id}",
                title=f"Patient {patient_id}",
                section=section,
                kind="patient",
                patient_id=patient_id,
                cancer_types=("Colon adenocarcinoma",),
            ),
        )
        for section, text in PATIENT_SECTIONS
    ]


def make_store(path: Path, with_patient: bool = True) -> DocumentStore:
    store = DocumentStore(path, HashEmbedder())
    store.add(guideline_chunks() + (patient_chunks() if with_patient else []))
    store.refresh_lexical_index()
    return store


def make_services(
    tmp_path: Path,
    replies: tuple[str, ...] = ("FOLFOX or CAPOX is standard after resection [1].",),
    demo: bool = False,
    verifier: object = None,
    scrubber: object = None,
    with_patient: bool = True,
    generator: ScriptedGenerator | None = None,
) -> Services:
    settings = load_settings(profile="test", data_dir=tmp_path / "index", retrieval={"min_relevance": 0.2})
    store = make_store(settings.data_dir, with_patient)
    retriever = HybridRetriever(store, settings.retrieval.candidates, settings.retrieval.rrf_k)
    generator = generator or ScriptedGenerator(replies, demo=demo)
    answers = AnswerService(settings, retriever, generator, scrubber=scrubber, verifier=verifier)
    search = SearchService(retriever, settings.retrieval.top_k, settings.answering.max_question_chars)
    return Services(settings=settings, store=store, search=search, answers=answers, generator=generator)


class EvidenceCitingGenerator(ScriptedGenerator):
    """Writes its scripted reply with {n} replaced by the number of the first source in the prompt that holds
    `anchor`: the reply cites the right passage whatever order retrieval put it in."""

    def __init__(self, reply: str, anchor: str, demo: bool = False) -> None:
        super().__init__((reply,), demo=demo)
        self.anchor = anchor

    def stream(self, prompt: str, max_tokens: int, temperature: float):  # noqa: ANN201
        blocks = re.findall(r"^\[(\d+)\] [^\n]*\n(.*?)(?=^\[\d+\] |^Question:)", prompt, re.M | re.S)
        n = next((num for num, body in blocks if self.anchor in body), "9")
        self.replies = [self.replies[0].replace("{n}", n)]
        yield from super().stream(prompt, max_tokens, temperature)


# -- scrubbing -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FakeEntity:
    type: str
    start: int
    end: int
    score: float
    placeholder: str


@dataclass(frozen=True)
class FakeScrubbed:
    text: str
    entities: list[FakeEntity]
    language: str
    mapping: dict[str, str] = field(default_factory=dict, repr=False)


_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")


class NameScrubber:
    """Replaces the given names and dd/mm/yyyy dates by <PERSON_n>/<DATE_n>, numbered afresh on every call
    (like a scrubber used without a session), with entity offsets in the original text."""

    def __init__(self, names: tuple[str, ...] = ("Jeanne Martin", "Paul Durand")) -> None:
        self.names = names
        self.calls: list[str] = []

    def _spans(self, text: str) -> list[tuple[int, int, str]]:
        spans = [(m.start(), m.end(), "PERSON") for n in self.names for m in re.finditer(re.escape(n), text)]
        spans += [(m.start(), m.end(), "DATE") for m in _DATE.finditer(text)]
        return sorted(spans)

    def scrub(self, text: str, language: str | None = None, counters: dict | None = None) -> FakeScrubbed:
        self.calls.append(text)
        counters = {} if counters is None else counters
        entities, out, last = [], [], 0
        mapping: dict[str, str] = {}
        for start, end, kind in self._spans(text):
            value = text[start:end]
            key = (kind, value)
            if key not in counters:
                counters[key] = f"<{kind}_{sum(1 for k in counters if k[0] == kind) + 1}>"
            placeholder = counters[key]
            mapping[placeholder] = value
            entities.append(FakeEntity(kind, start, end, 0.9, placeholder))
            out += [text[last:start], placeholder]
            last = end
        out.append(text[last:])
        return FakeScrubbed("".join(out), entities, language or "en", mapping)

    def reidentify(self, text: str, mapping: dict[str, str]) -> str:
        for placeholder in sorted(mapping, key=len, reverse=True):
            text = text.replace(placeholder, mapping[placeholder])
        return text


class SessionNameScrubber(NameScrubber):
    """The same, numbering placeholders through a shared session (a dict) like guardrails' ScrubSession."""

    def scrub(self, text: str, language: str | None = None, session: dict | None = None) -> FakeScrubbed:  # type: ignore[override]
        return super().scrub(text, language, counters=session)


# -- verification ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FakeVerdict:
    text: str
    status: str
    score: float | None
    citations: tuple[int, ...] = ()
    evidence: str | None = None
    reasons: tuple[str, ...] = ()
    claim: bool = True
    evidence_source: int | None = None


@dataclass(frozen=True)
class FakeVerification:
    sentences: tuple[FakeVerdict, ...]
    faithfulness: float | None


class WordVerifier:
    """A sentence is supported when a source holds its longest word: its cited sources, or any source when it
    cites none and citations are not required (then `evidence_source` says which). Otherwise unsupported, or
    no_citation when citations are required and it has none."""

    def verify(
        self, answer: str, sources: dict[int, str], require_citations: bool = True
    ) -> FakeVerification:
        verdicts = []
        for sentence in re.findall(r"[^.!?]+[.!?]+", answer):
            sentence = sentence.strip()
            cited = tuple(int(n) for n in re.findall(r"\[(\d+)\]", sentence))
            if not cited and require_citations:
                verdicts.append(FakeVerdict(sentence, "no_citation", None))
                continue
            word = max(re.findall(r"[A-Za-z]+", re.sub(r"\[\d+\]", "", sentence)), key=len).lower()
            found = [
                (n, s.strip())
                for n in (cited or tuple(sources))
                for s in re.findall(r"[^.!?]+[.!?]*", sources.get(n, ""))
                if word in s.lower()
            ]
            if found:
                n, evidence = found[0]
                verdicts.append(FakeVerdict(sentence, "supported", 0.9, cited, evidence, evidence_source=n))
            else:
                verdicts.append(FakeVerdict(sentence, "unsupported", 0.1, cited, None, ("weak support",)))
        claims = len(verdicts)
        supported = sum(v.status == "supported" for v in verdicts)
        return FakeVerification(tuple(verdicts), supported / claims if claims else None)
