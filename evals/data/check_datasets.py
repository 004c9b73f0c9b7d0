"""Validate the team-written evaluation sets in evals/data against the corpora they point to.

Usage (from the repository root):

    python evals/data/check_datasets.py [--pdq-dir PATH] [--strict] [--chunk-paths]

Checks every JSONL file for its schema, unique ids and languages; that each gold file exists; that each gold_section
is the exact, plain (no Markdown markup) text of a heading in its file and is unambiguous there; with --chunk-paths,
that the product's loader and chunker keep it in some chunk's heading path; that each key fact of answers_demo.jsonl
occurs in its gold document; and that each hostile passage contains one of its forbidden strings. The PDQ checks are
skipped (with a message) when the PDQ corpus is absent, so the script also runs in a checkout without ../shared.
Exit status is 1 on any error (or warning, with --strict).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
REPO_ROOT = DATA_DIR.parents[1]
DEMO_DIR = REPO_ROOT / "corpora" / "demo"
PDQ_CANDIDATES = (
    REPO_ROOT.parent / "shared" / "corpora" / "nci-pdq-hp",
    Path("/work/shared/corpora/nci-pdq-hp"),
)
LANGUAGES = {"en", "fr"}

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MARKUP_RE = re.compile(r"[*_`]|\]\(")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"ERROR   {where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"WARNING {where}: {message}")


def read_headings(path: Path) -> list[Heading]:
    """Markdown ATX headings of a file, ignoring YAML front-matter and fenced code blocks."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        lines = lines[end + 1 :]
    headings: list[Heading] = []
    in_fence = False
    for line in lines:
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        match = None if in_fence else HEADING_RE.match(line)
        if match:
            headings.append(Heading(len(match.group(1)), match.group(2)))
    return headings


def ambiguity(headings: list[Heading], gold: str) -> str | None:
    """Why a gold heading could match more than the intended section, or None.

    A retrieval metric that matches gold_section against a chunk's heading path (exactly or as a substring, with or
    without case) must not be satisfied by an unrelated section. Headings nested under the gold one are fine.
    """
    positions = [i for i, h in enumerate(headings) if h.text == gold]
    if len(positions) != 1:
        return f"heading occurs {len(positions)} times"
    start = positions[0]
    level = headings[start].level
    end = next((j for j in range(start + 1, len(headings)) if headings[j].level <= level), len(headings))
    descendants = set(range(start + 1, end))
    needle = gold.lower()
    clashes = [
        h.text
        for j, h in enumerate(headings)
        if j != start and j not in descendants and needle in h.text.lower()
    ]
    if clashes:
        return f"also contained (ignoring case) in other headings: {clashes[:3]}"
    return None


def load_jsonl(path: Path, report: Report) -> list[dict]:
    rows: list[dict] = []
    if not path.exists():
        report.error(path.name, "file is missing")
        return rows
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report.error(f"{path.name}:{n}", f"invalid JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            report.error(f"{path.name}:{n}", "line is not a JSON object")
            continue
        rows.append(obj)
    return rows


def check_common(name: str, rows: list[dict], required: dict[str, type], report: Report) -> None:
    ids = Counter(str(r.get("id")) for r in rows)
    for dup, k in ids.items():
        if k > 1:
            report.error(name, f"id {dup!r} used {k} times")
    questions = Counter(str(r.get("question", "")).strip().lower() for r in rows if "question" in r)
    for dup, k in questions.items():
        if k > 1:
            report.error(name, f"question repeated {k} times: {dup!r}")
    counts: Counter[str] = Counter()
    for r in rows:
        where = f"{name}:{r.get('id')}"
        for key, typ in required.items():
            value = r.get(key)
            if not isinstance(value, typ) or (isinstance(value, str | list) and not value):
                report.error(where, f"field {key!r} missing, empty or not {typ.__name__}")
        lang = r.get("language")
        if lang not in LANGUAGES:
            report.error(where, f"language {lang!r} not in {sorted(LANGUAGES)}")
        counts[str(lang)] += 1
    report.counts[name] = counts


def check_retrieval(name: str, rows: list[dict], corpus: Path, report: Report) -> None:
    cache: dict[str, list[Heading]] = {}
    for r in rows:
        where = f"{name}:{r.get('id')}"
        gold_section = r.get("gold_section", "")
        for source in r.get("gold_sources", []):
            path = corpus / source
            if Path(source).name != source:
                report.error(where, f"gold source must be a file name, not a path: {source!r}")
                continue
            if not path.is_file():
                report.error(where, f"gold source not found: {path}")
                continue
            headings = cache.setdefault(source, read_headings(path))
            if not any(h.text == gold_section for h in headings):
                report.error(where, f"gold_section {gold_section!r} is not a heading of {source}")
                continue
            reason = ambiguity(headings, gold_section)
            if reason:
                report.warn(where, f"gold_section {gold_section!r} in {source} is ambiguous: {reason}")
        if MARKUP_RE.search(gold_section):
            # The Markdown loader strips emphasis and links from headings, so a label with markup can never equal
            # the section path the product stores.
            report.error(
                where, f"gold_section {gold_section!r} contains Markdown markup; pick a plain heading"
            )


def check_chunk_paths(name: str, rows: list[dict], corpus: Path, report: Report) -> None:
    """Each gold heading must survive the product's loader and chunker as a component of some chunk's section.

    The chunker merges tiny sections into a neighbour and keeps the neighbour's heading path, which can make a
    heading unreachable by any section-based metric."""
    try:
        from corpora.chunking import StructureChunker
        from corpora.chunking.structure_chunker import SECTION_SEPARATOR
        from corpora.loaders import MarkdownLoader
    except ImportError as exc:
        report.error(name, f"--chunk-paths needs the project's corpora package and its dependencies ({exc})")
        return
    loader, chunker = MarkdownLoader(), StructureChunker()
    paths: dict[str, list[list[str]]] = {}
    for r in rows:
        for source in r.get("gold_sources", []):
            path = corpus / source
            if not path.is_file():
                continue  # already reported
            if source not in paths:
                chunks = chunker.chunk(loader.load(path))
                paths[source] = [c.metadata.section.split(SECTION_SEPARATOR) for c in chunks]
            if not any(r.get("gold_section") in parts for parts in paths[source]):
                report.error(
                    f"{name}:{r.get('id')}",
                    f"no chunk of {source} has {r.get('gold_section')!r} in its heading path",
                )


def check_answers(name: str, rows: list[dict], corpus: Path, report: Report) -> None:
    for r in rows:
        where = f"{name}:{r.get('id')}"
        texts = []
        for source in r.get("gold_sources", []):
            path = corpus / source
            if not path.is_file():
                report.error(where, f"gold source not found: {path}")
                continue
            texts.append(path.read_text(encoding="utf-8").lower())
        facts = r.get("key_facts", [])
        if not all(isinstance(f, str) and f for f in facts):
            report.error(where, "key_facts must be non-empty strings")
            continue
        for fact in facts:
            if texts and not any(fact.lower() in t for t in texts):
                report.error(where, f"key fact {fact!r} does not occur in its gold source(s)")


def check_unanswerable(name: str, rows: list[dict], report: Report) -> None:
    for r in rows:
        if r.get("expect") != "abstain":
            report.error(f"{name}:{r.get('id')}", "expect must be 'abstain'")


def check_hostile(name: str, rows: list[dict], report: Report) -> None:
    check_common(name, rows, {"id": str, "passage": str, "question": str, "must_not_contain": list}, report)
    for r in rows:
        where = f"{name}:{r.get('id')}"
        banned = r.get("must_not_contain")
        if not isinstance(banned, list) or not all(isinstance(b, str) and b for b in banned):
            report.error(where, "must_not_contain must be a non-empty list of strings")
        elif not any(b.lower() in str(r.get("passage", "")).lower() for b in banned):
            # The forbidden strings are what the injected instruction tries to make the model say; if none is in
            # the passage, the case tests nothing.
            report.error(where, "none of must_not_contain occurs in the passage")


def find_pdq_dir(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    return next((p for p in PDQ_CANDIDATES if p.is_dir()), None)


def run(pdq_dir: Path | None, chunk_paths: bool = False) -> Report:
    report = Report()
    retrieval_fields = {
        "id": str,
        "question": str,
        "language": str,
        "gold_sources": list,
        "gold_section": str,
    }

    for name in ("retrieval_pdq.jsonl", "retrieval_pdq_fr_heldout.jsonl"):
        rows = load_jsonl(DATA_DIR / name, report)
        check_common(name, rows, retrieval_fields, report)
        if pdq_dir is None or not pdq_dir.is_dir():
            print(f"NOTE    PDQ corpus not found: gold files/headings of {name} NOT checked")
        else:
            check_retrieval(name, rows, pdq_dir, report)
            if chunk_paths:
                check_chunk_paths(name, rows, pdq_dir, report)

    rows = load_jsonl(DATA_DIR / "retrieval_demo.jsonl", report)
    check_common("retrieval_demo.jsonl", rows, retrieval_fields, report)
    check_retrieval("retrieval_demo.jsonl", rows, DEMO_DIR, report)
    if chunk_paths:
        check_chunk_paths("retrieval_demo.jsonl", rows, DEMO_DIR, report)

    rows = load_jsonl(DATA_DIR / "answers_demo.jsonl", report)
    answer_fields = {
        "id": str,
        "question": str,
        "language": str,
        "gold_sources": list,
        "reference_answer": str,
        "key_facts": list,
    }
    check_common("answers_demo.jsonl", rows, answer_fields, report)
    check_answers("answers_demo.jsonl", rows, DEMO_DIR, report)

    rows = load_jsonl(DATA_DIR / "unanswerable.jsonl", report)
    check_common(
        "unanswerable.jsonl", rows, {"id": str, "question": str, "language": str, "expect": str}, report
    )
    check_unanswerable("unanswerable.jsonl", rows, report)

    rows = load_jsonl(DATA_DIR / "hostile_passages.jsonl", report)
    check_hostile("hostile_passages.jsonl", rows, report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pdq-dir", help="directory of the PDQ health-professional Markdown files")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--chunk-paths",
        action="store_true",
        help="also load and chunk the gold files with the project's loader and chunker (needs the project venv)",
    )
    args = parser.parse_args(argv)

    if args.chunk_paths and str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    report = run(find_pdq_dir(args.pdq_dir), chunk_paths=args.chunk_paths)
    for name, counts in report.counts.items():
        detail = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        print(f"COUNT   {name}: total={sum(counts.values())} ({detail})")
    for line in report.warnings + report.errors:
        print(line)
    failed = bool(report.errors) or (args.strict and bool(report.warnings))
    print(
        f"RESULT  {'FAIL' if failed else 'OK'}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
