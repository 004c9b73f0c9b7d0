"""PHI scrubbing measurement: recall/precision per identifier kind, over-scrubbing of clinical terms, speed.

    python -m evals.phi_eval --shared ../shared [--limit 300] [--split all|tune|heldout] [--no-lower-case]
        [--json out.json]

`--split` keeps rule tuning honest: `tune` is what recognizers may be adjusted on, `heldout` is what figures are
reported on. eds-pseudo: train + dev files = tune, test file = heldout. presidio-research: records with an even
index (in file order) = tune, odd index = heldout; `--limit` then samples within the chosen half.

Entity types of each dataset are mapped onto our reporting categories (NAME, ID, DATE, PHONE, EMAIL, ADDRESS,
LOCATION, AGE, URL, IP). Dataset types that are not PHI targets of ours (presidio-research ORGANIZATION, NRP,
TITLE, DOMAIN_NAME; eds-pseudo HOPITAL) are EXCLUDED: they count neither as misses nor, when we happen to
remove them, as false positives; the `excluded_redacted` figure says how many we removed anyway.
Presidio-research AGE spans are scored only when the age is 90 or more (we target ages over 89, as HIPAA does);
its DATE_TIME spans are split into DATE (a day or month is present) and DATE_OTHER (year alone, weekday, time).

Matching: a gold span is found when a predicted span of a compatible category overlaps it (ADDRESS and
LOCATION are compatible); `strict` needs the same boundaries; `any_type` counts any overlapping prediction
(what matters for leakage). Precision: predicted spans of a category that overlap a compatible gold span.
An undefined figure (no gold, no prediction) is None, never 0.

Each shared gold set is measured a second time in lower case ("... lower case" rows): the same notes with every
letter in lower case, as a question typed in a hurry or a form exported without capitals.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

CATEGORIES = ("NAME", "ID", "DATE", "PHONE", "EMAIL", "ADDRESS", "LOCATION", "AGE", "URL", "IP")
TARGET_CATEGORIES = ("NAME", "ID", "DATE", "PHONE", "EMAIL", "ADDRESS")
EXCLUDED = "EXCLUDED"
COMPATIBLE = {"ADDRESS": {"ADDRESS", "LOCATION"}, "LOCATION": {"LOCATION", "ADDRESS"}}

# Our entity types and Presidio's, to reporting categories.
PREDICTED_CATEGORY = {
    "PERSON": "NAME", "MEDICAL_RECORD_NUMBER": "ID", "US_SSN": "ID", "FR_NIR": "ID", "FR_INS": "ID",
    "CREDIT_CARD": "ID", "IBAN_CODE": "ID", "US_DRIVER_LICENSE": "ID", "US_BANK_NUMBER": "ID", "US_PASSPORT": "ID",
    "US_ITIN": "ID", "MEDICAL_LICENSE": "ID", "UK_NHS": "ID", "DATE": "DATE", "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "STREET_ADDRESS": "ADDRESS", "LOCATION": "LOCATION",
    "AGE": "AGE", "URL": "URL", "IP_ADDRESS": "IP",
}  # fmt: skip
PRESIDIO_RESEARCH_CATEGORY = {
    "PERSON": "NAME", "STREET_ADDRESS": "ADDRESS", "ZIP_CODE": "ADDRESS", "GPE": "LOCATION", "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "US_SSN": "ID", "US_DRIVER_LICENSE": "ID",
    "CREDIT_CARD": "ID", "IBAN_CODE": "ID", "AGE": "AGE", "IP_ADDRESS": "IP",
    "ORGANIZATION": EXCLUDED, "NRP": EXCLUDED, "TITLE": EXCLUDED, "DOMAIN_NAME": EXCLUDED,
}  # fmt: skip
EDS_PSEUDO_CATEGORY = {
    "NOM": "NAME", "PRENOM": "NAME", "DATE": "DATE", "DATE_NAISSANCE": "DATE", "ADRESSE": "ADDRESS",
    "ZIP": "ADDRESS", "VILLE": "LOCATION", "TEL": "PHONE", "MAIL": "EMAIL", "SECU": "ID", "IPP": "ID",
    "NDA": "ID", "HOPITAL": EXCLUDED,
}  # fmt: skip
_MONTH_OR_NUMERIC_DAY = re.compile(
    r"(?i)\b(?:jan|feb|fév|fev|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|ao[uû]|sep|oct|nov|dec|déc|"
    r"janvier|février|avril|juillet|août|septembre|octobre|novembre|décembre)|\d{1,2}[/.-]\d{1,2}"
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str


@dataclass
class GoldNote:
    text: str
    spans: list[Span]
    language: str
    clinical_terms: list[str] = field(default_factory=list)


Predictor = Callable[[str, str], list[Span]]


# -- loaders ----------------------------------------------------------------------------------------------------
def load_team_notes(path: Path, language: str) -> list[GoldNote]:
    notes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            spans = [
                Span(s["start"], s["end"], PREDICTED_CATEGORY.get(s["type"], s["type"])) for s in row["spans"]
            ]
            notes.append(GoldNote(row["text"], spans, language, row.get("clinical_terms", [])))
    return notes


def load_presidio_research(path: Path) -> list[GoldNote]:
    notes = []
    for row in json.loads(path.read_text(encoding="utf-8")):
        spans = []
        for s in row["spans"]:
            category = PRESIDIO_RESEARCH_CATEGORY.get(s["entity_type"], EXCLUDED)
            value = s["entity_value"]
            if category == "AGE":
                digits = re.findall(r"\d+", value)
                category = "AGE" if digits and int(digits[0]) >= 90 else EXCLUDED
            elif category == "DATE" and not _MONTH_OR_NUMERIC_DAY.search(value):
                category = "DATE_OTHER"
            spans.append(Span(s["start_position"], s["end_position"], category))
        notes.append(GoldNote(row["full_text"], spans, "en"))
    return notes


def load_eds_pseudo(paths: Iterable[Path]) -> list[GoldNote]:
    notes = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                spans = [
                    Span(e["start"], e["end"], EDS_PSEUDO_CATEGORY.get(e["label"], EXCLUDED))
                    for e in row["entities"]
                ]
                notes.append(GoldNote(row["note_text"], spans, "fr"))
    return notes


def load_mtsamples(path: Path, limit: int | None = None, seed: int = 0) -> list[str]:
    texts = [
        json.loads(line)["transcription"] or ""
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    texts = [t for t in texts if len(t) > 200]
    return _sample(texts, limit, seed)


def load_pdq_paragraphs(folder: Path, limit: int | None = None, seed: int = 0) -> list[str]:
    paragraphs = []
    for md in sorted(folder.glob("*.md")):
        body = md.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        paragraphs += [
            p.strip() for p in body.split("\n\n") if len(p.strip()) > 200 and not p.startswith("#")
        ]
    return _sample(paragraphs, limit, seed)


def lower_cased(notes: Iterable[GoldNote]) -> list[GoldNote]:
    """The notes with every letter in lower case, gold spans unchanged. A note whose length changes in lower case
    ("İ" becomes two characters) is left out: its gold offsets would no longer point at the identifiers."""
    return [replace(n, text=n.text.lower()) for n in notes if len(n.text.lower()) == len(n.text)]


SPLITS = ("all", "tune", "heldout")
EDS_PSEUDO_SPLIT_FILES = {"tune": ("train", "dev"), "heldout": ("test",)}


def split_presidio_research(notes: list[GoldNote], split: str) -> list[GoldNote]:
    """Deterministic halves by record index: even = tune, odd = heldout."""
    if split == "all":
        return notes
    return notes[0::2] if split == "tune" else notes[1::2]


def eds_pseudo_files(folder: Path, split: str) -> list[Path]:
    files = sorted(folder.glob("*.jsonl"))
    if split == "all":
        return files
    parts = EDS_PSEUDO_SPLIT_FILES[split]
    return [f for f in files if any(f.stem.endswith(f"_{part}") for part in parts)]


def _sample(items: list[str], limit: int | None, seed: int) -> list[str]:
    if limit is None or limit >= len(items):
        return items
    return random.Random(seed).sample(items, limit)


# -- predictors -------------------------------------------------------------------------------------------------
def our_predictor(scrubber: Any) -> Predictor:
    """Runs the full scrub (detection + replacement), so timing includes the anonymizer."""

    def predict(text: str, language: str) -> list[Span]:
        result = scrubber.scrub(text, language)
        return [Span(e.start, e.end, PREDICTED_CATEGORY.get(e.type, e.type)) for e in result.entities]

    return predict


def presidio_baseline_predictor(spacy_models: dict[str, str]) -> Predictor:
    """Presidio out of the box: AnalyzerEngine with default recognizers on the same spaCy model, default
    anonymizer (replace with <TYPE>). Built per language on first use."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    engines: dict[str, Any] = {}
    anonymizer = AnonymizerEngine()

    def predict(text: str, language: str) -> list[Span]:
        if language not in engines:
            provider = NlpEngineProvider(
                nlp_configuration={
                    "nlp_engine_name": "spacy",
                    "models": [{"lang_code": language, "model_name": spacy_models[language]}],
                }
            )
            engines[language] = AnalyzerEngine(
                nlp_engine=provider.create_engine(), supported_languages=[language]
            )
        results = engines[language].analyze(text=text, language=language)
        anonymizer.anonymize(text=text, analyzer_results=results)
        return [Span(r.start, r.end, PREDICTED_CATEGORY.get(r.entity_type, r.entity_type)) for r in results]

    return predict


# -- metrics ----------------------------------------------------------------------------------------------------
@dataclass
class CategoryScore:
    gold: int = 0
    found: int = 0
    found_strict: int = 0
    found_any_type: int = 0
    predicted: int = 0
    predicted_correct: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def recall_strict(self) -> float | None:
        return self.found_strict / self.gold if self.gold else None

    @property
    def recall_any_type(self) -> float | None:
        return self.found_any_type / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.predicted_correct / self.predicted if self.predicted else None


@dataclass
class DatasetReport:
    name: str
    notes: int
    scores: dict[str, CategoryScore]
    excluded_gold: int = 0
    excluded_redacted: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "notes": self.notes,
            "excluded_gold": self.excluded_gold,
            "excluded_redacted": self.excluded_redacted,
            "seconds": round(self.seconds, 2),
        }
        for cat, s in self.scores.items():
            out[cat] = {
                **asdict(s),
                "recall": s.recall,
                "recall_strict": s.recall_strict,
                "recall_any_type": s.recall_any_type,
                "precision": s.precision,
            }
        return out


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _compatible(gold: str, predicted: str) -> bool:
    return predicted in COMPATIBLE.get(gold, {gold})


def evaluate_dataset(name: str, notes: Sequence[GoldNote], predict: Predictor) -> DatasetReport:
    scores: dict[str, CategoryScore] = {}
    report = DatasetReport(name, len(notes), scores)
    started = time.perf_counter()
    for note in notes:
        predicted = predict(note.text, note.language)
        for g in note.spans:
            if g.category == EXCLUDED:
                report.excluded_gold += 1
                report.excluded_redacted += any(_overlaps(g, p) for p in predicted)
                continue
            s = scores.setdefault(g.category, CategoryScore())
            s.gold += 1
            hits = [p for p in predicted if _overlaps(g, p)]
            s.found_any_type += bool(hits)
            s.found += any(_compatible(g.category, p.category) for p in hits)
            s.found_strict += any(
                _compatible(g.category, p.category) and (p.start, p.end) == (g.start, g.end) for p in hits
            )
        for p in predicted:
            if any(g.category == EXCLUDED and _overlaps(g, p) for g in note.spans):
                continue
            s = scores.setdefault(p.category, CategoryScore())
            s.predicted += 1
            s.predicted_correct += any(
                _compatible(g.category, p.category) and _overlaps(g, p) for g in note.spans
            )
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class OverScrubReport:
    name: str
    texts: int
    terms_present: int
    terms_removed: int
    examples: list[str] = field(default_factory=list)

    @property
    def share_removed(self) -> float | None:
        return self.terms_removed / self.terms_present if self.terms_present else None


def over_scrubbing_team_terms(name: str, notes: Sequence[GoldNote], predict: Predictor) -> OverScrubReport:
    """Share of the notes' listed clinical terms with an occurrence touched by a predicted span."""
    report = OverScrubReport(name, len(notes), 0, 0)
    for note in notes:
        predicted = predict(note.text, note.language)
        for term in note.clinical_terms:
            report.terms_present += 1
            occurrences = [Span(m.start(), m.end(), "") for m in re.finditer(re.escape(term), note.text)]
            if any(_overlaps(o, p) for o in occurrences for p in predicted):
                report.terms_removed += 1
                report.examples.append(term)
    return report


def over_scrubbing_vocabulary(
    name: str, texts: Sequence[str], language: str, predict: Predictor
) -> OverScrubReport:
    """Occurrences of our clinical vocabulary terms present before scrubbing vs touched by a predicted span."""
    from guardrails.phi.clinical_vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    report = OverScrubReport(name, len(texts), 0, 0)
    for text in texts:
        predicted = predict(text, language)
        for start, end in vocabulary.find_terms(text):
            report.terms_present += 1
            if any(p.start < end and start < p.end for p in predicted):
                report.terms_removed += 1
                if len(report.examples) < 15:
                    report.examples.append(text[start:end])
    return report


def throughput_side_by_side(
    texts: Sequence[str], language: str, systems: dict[str, Predictor], warmup: int = 3
) -> dict[str, float]:
    """Notes per second of each system on the same texts, timed text by text in alternating order, so that
    a busy machine slows every system alike (the CPU here is shared)."""
    for predict in systems.values():
        for text in texts[:warmup]:
            predict(text, language)
    spent = dict.fromkeys(systems, 0.0)
    names = list(systems)
    for i, text in enumerate(texts):
        for name in names if i % 2 == 0 else reversed(names):
            started = time.perf_counter()
            systems[name](text, language)
            spent[name] += time.perf_counter() - started
    return {name: (len(texts) / seconds if seconds > 0 else float("inf")) for name, seconds in spent.items()}


def throughput(texts: Sequence[str], language: str, predict: Predictor, warmup: int = 3) -> float:
    """Notes per second, after a warm-up that loads the engines."""
    for text in texts[:warmup]:
        predict(text, language)
    started = time.perf_counter()
    for text in texts:
        predict(text, language)
    elapsed = time.perf_counter() - started
    return len(texts) / elapsed if elapsed > 0 else float("inf")


# -- whole run --------------------------------------------------------------------------------------------------
REPO_ROOT = Path(__file__).resolve().parent.parent
TEAM_NOTES = {
    lang: REPO_ROOT / "tests" / "data" / "phi" / f"oncology_notes_{lang}.jsonl" for lang in ("en", "fr")
}


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def run_phi_eval(
    shared_dir: Path | None,
    limit: int | None = 300,
    baseline: bool = True,
    spacy_models: dict[str, str] | None = None,
    split: str = "all",
    vocabulary_learning_texts: int | None = None,
    lower_case: bool = True,
) -> dict[str, Any]:
    """Every measurement on the data that is present. Returns a JSON-able dict with `tables` and `notes`.
    `split` selects the tune or held-out part of the shared gold sets (see the module docstring); `lower_case`
    measures each shared gold set again with its text in lower case."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, got {split!r}")
    suffix = "" if split == "all" else f"[{split}]"
    from guardrails.phi import PhiScrubber
    from guardrails.phi.engine_factory import DEFAULT_SPACY_MODELS

    models = {**DEFAULT_SPACY_MODELS, **(spacy_models or {})}
    options = (
        {} if vocabulary_learning_texts is None else {"vocabulary_learning_texts": vocabulary_learning_texts}
    )
    systems: dict[str, Predictor] = {"ours": our_predictor(PhiScrubber(spacy_models=models, **options))}
    if baseline:
        systems["presidio-ootb"] = presidio_baseline_predictor(models)

    gold_sets: list[tuple[str, list[GoldNote]]] = [
        (f"team-{lang}", load_team_notes(path, lang)) for lang, path in TEAM_NOTES.items() if path.is_file()
    ]
    notes: list[str] = []
    over_sets: list[tuple[str, list[str], str]] = []
    if shared_dir is not None and shared_dir.is_dir():
        shared_sets: list[tuple[str, list[GoldNote]]] = []
        pr = shared_dir / "eval" / "presidio-research" / "synth_dataset_v2.json"
        if pr.is_file():
            pr_notes = split_presidio_research(load_presidio_research(pr), split)
            shared_sets.append((f"presidio-research{suffix}", _sample_notes(pr_notes, limit)))
        eds = eds_pseudo_files(shared_dir / "eval" / "eds-pseudo-demo", split)
        if eds:
            shared_sets.append((f"eds-pseudo-demo{suffix}", load_eds_pseudo(eds)))
        gold_sets += shared_sets
        if lower_case:
            gold_sets += [(f"{name} lower case", lower_cased(gold)) for name, gold in shared_sets]
        mts = shared_dir / "eval" / "mtsamples-oncology" / "mtsamples_oncology_subset.jsonl"
        if mts.is_file():
            over_sets.append(("mtsamples-oncology", load_mtsamples(mts, limit), "en"))
        pdq = shared_dir / "corpora" / "nci-pdq-hp"
        if pdq.is_dir():
            over_sets.append(("nci-pdq-hp paragraphs", load_pdq_paragraphs(pdq, limit), "en"))
    else:
        notes.append("shared data absent: only the team notes were measured.")

    detection_rows, detection = [], {}
    for set_name, gold in gold_sets:
        for system, predict in systems.items():
            report = evaluate_dataset(set_name, gold, predict)
            detection[f"{set_name}/{system}"] = report.to_dict()
            for cat in (*CATEGORIES, "DATE_OTHER"):
                s = report.scores.get(cat)
                if s is None or (s.gold == 0 and cat not in TARGET_CATEGORIES):
                    continue
                detection_rows.append(
                    [
                        set_name,
                        system,
                        cat,
                        str(s.gold),
                        _fmt(s.recall),
                        _fmt(s.recall_strict),
                        _fmt(s.recall_any_type),
                        _fmt(s.precision),
                    ]
                )
            detection_rows.append(
                [
                    set_name,
                    system,
                    "excluded (not targeted)",
                    str(report.excluded_gold),
                    f"redacted anyway: {report.excluded_redacted}",
                    "",
                    "",
                    "",
                ]
            )

    over_rows, over = [], {}
    for system, predict in systems.items():
        for set_name, gold in gold_sets:
            if set_name.startswith("team-"):
                r = over_scrubbing_team_terms(set_name, gold, predict)
                over[f"{set_name}/{system}"] = {**asdict(r), "share_removed": r.share_removed}
                over_rows.append(
                    [
                        f"{set_name} clinical_terms",
                        system,
                        str(r.terms_present),
                        str(r.terms_removed),
                        _fmt(r.share_removed),
                        "; ".join(r.examples[:6]),
                    ]
                )
        for set_name, texts, lang in over_sets:
            r = over_scrubbing_vocabulary(set_name, texts, lang, predict)
            over[f"{set_name}/{system}"] = {**asdict(r), "share_removed": r.share_removed}
            over_rows.append(
                [
                    f"{set_name} vocabulary terms",
                    system,
                    str(r.terms_present),
                    str(r.terms_removed),
                    _fmt(r.share_removed),
                    "; ".join(r.examples[:6]),
                ]
            )

    speed_rows, speed = [], {}
    speed_sets = [(name, [n.text for n in gold], gold[0].language) for name, gold in gold_sets if gold]
    speed_sets += [(name, texts, lang) for name, texts, lang in over_sets if name.startswith("mtsamples")]
    for set_name, texts, lang in speed_sets:
        texts = texts[:200]
        for system, rate in throughput_side_by_side(texts, lang, systems).items():
            speed[f"{set_name}/{system}"] = rate
            speed_rows.append([set_name, system, str(len(texts)), f"{rate:.1f}"])

    notes.append(
        "recall: gold spans overlapped by a prediction of a compatible category (ADDRESS~LOCATION); strict: same "
        "boundaries; any-type: overlapped by any prediction. Presidio-research AGE scored only for ages >= 90; "
        "DATE_OTHER = year alone, weekday or time (not identifying dates). Excluded types: ORGANIZATION, NRP, "
        "TITLE, DOMAIN_NAME (presidio-research), HOPITAL (eds-pseudo)."
    )
    return {
        "detection": detection,
        "over_scrubbing": over,
        "throughput_notes_per_s": speed,
        "tables": {
            "detection": {
                "header": ["set", "system", "category", "gold", "recall", "strict", "any-type", "precision"],
                "rows": detection_rows,
            },
            "over_scrubbing": {
                "header": ["set", "system", "terms present", "removed", "share removed", "examples"],
                "rows": over_rows,
            },
            "throughput": {"header": ["set", "system", "notes", "notes/s"], "rows": speed_rows},
        },
        "notes": notes,
    }


def _sample_notes(notes: list[GoldNote], limit: int | None, seed: int = 0) -> list[GoldNote]:
    if limit is None or limit >= len(notes):
        return notes
    return random.Random(seed).sample(notes, limit)


def _print_table(title: str, table: dict[str, Any]) -> None:
    rows = [table["header"], *table["rows"]]
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(table["header"]))]
    print(f"\n## {title}")
    for i, row in enumerate(rows):
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
        if i == 0:
            print("-+-".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=REPO_ROOT.parent / "shared", help="the ../shared folder"
    )
    parser.add_argument("--limit", type=int, default=300, help="sample size for the large sets (0 = all)")
    parser.add_argument("--no-baseline", action="store_true", help="skip Presidio out of the box")
    parser.add_argument(
        "--split", choices=SPLITS, default="all", help="shared gold sets: tune part, held-out part or all"
    )
    parser.add_argument(
        "--no-lower-case",
        action="store_true",
        help="skip the second reading of the shared sets in lower case",
    )
    parser.add_argument("--json", type=Path, help="also write the full results as JSON")
    parser.add_argument(
        "--vocabulary-learning-texts",
        type=int,
        metavar="N",
        help="texts per language whose new words spaCy keeps before memory zones start (0: zones from the first "
        "text, as a long-running server; default: the scrubber's)",
    )
    args = parser.parse_args(argv)
    results = run_phi_eval(
        args.shared if args.shared.is_dir() else None,
        args.limit or None,
        not args.no_baseline,
        split=args.split,
        vocabulary_learning_texts=args.vocabulary_learning_texts,
        lower_case=not args.no_lower_case,
    )
    for name, table in results["tables"].items():
        _print_table(name, table)
    for note in results["notes"]:
        print(f"\n- {note}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
