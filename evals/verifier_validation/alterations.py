"""The gold-labelled items: HaluEval QA answers, and PubMedQA expert conclusions with deliberate alterations.

PubMedQA: the expert long answer is faithful to its abstract contexts; each alteration changes one thing in it,
generated deterministically (seeded by row id): number_swap, negation_insert, negation_remove, drug_swap (a drug
of the answer replaced by another drug absent from the contexts) and entity_swap (a MeSH term of the row found in
the answer replaced by another row's MeSH term absent from the contexts). For each alteration, the negatives are
the original answers of the rows it applied to.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guardrails.verification.entities import is_drug
from guardrails.verification.lexical import fold

SEED = 20240611
ALTERATIONS = ("number_swap", "negation_insert", "negation_remove", "drug_swap", "entity_swap")
DRUG_POOL = (
    "cisplatin", "doxorubicin", "paclitaxel", "imatinib", "rituximab", "tamoxifen", "gemcitabine", "bevacizumab",
    "metformin", "warfarin", "vancomycin", "dexamethasone", "morphine", "heparin", "methotrexate", "cetuximab",
)  # fmt: skip
# MeSH terms too generic to stand for an intervention or an entity of the study.
GENERIC_MESH_MAX_ROWS = 20


@dataclass(frozen=True)
class Item:
    dataset: str  # "halueval" | "pubmedqa"
    row: str
    group: str  # "right" | "hallucinated" | "original" | an alteration name
    label: int  # 1 = unfaithful
    answer: str
    sources: dict[int, str]


def load_halueval(path: Path) -> list[Item]:
    items: list[Item] = []
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(line for line in f if line.strip()):
            row = json.loads(line)
            sources = {1: row["knowledge"]}
            items.append(Item("halueval", str(i), "right", 0, row["right_answer"], sources))
            items.append(Item("halueval", str(i), "hallucinated", 1, row["hallucinated_answer"], sources))
    return items


_NUMBER_RE = re.compile(r"(?<![\w.,-])(\d+(?:\.\d+)?)(?![\d.,]?\d)(?!-?[A-Za-z])")
_AUX_RE = re.compile(
    r"\b(is|are|was|were|can|may|should|could|might|will|did|does|do|has|have|had)\b(?! not\b)"
)
_NEGATION_EDITS = (
    (re.compile(r"\bcannot\b"), "can"),
    # "can't" and "won't" are not "ca" and "wo" plus "n't" (no PubMedQA long answer has either: figures unchanged).
    (re.compile(r"\bcan't\b"), "can"),
    (re.compile(r"\bwon't\b"), "will"),
    (re.compile(r"\b(?!(?:ca|wo)n't\b)(\w+)n't\b"), r"\1"),
    (re.compile(r"\bnot\s+"), ""),
    (re.compile(r"\bno longer\b"), "still"),
    (re.compile(r"\bno\b"), "a"),
    (re.compile(r"\bnever\b"), "always"),
    (re.compile(r"\bwithout\b"), "with"),
)


def swap_number(text: str, rng: random.Random) -> str | None:
    matches = list(_NUMBER_RE.finditer(text))
    if not matches:
        return None
    m = rng.choice(matches)
    raw = m.group(1)
    if "." in raw:
        decimals = len(raw.split(".")[1])
        new = f"{float(raw) * rng.choice((1.5, 2.0, 0.5)):.{decimals}f}"
        if new == raw:
            new = f"{float(raw) + 1:.{decimals}f}"
    else:
        value = int(raw)
        new = str(value + max(1, round(value * rng.choice((0.3, 0.5, 1.0)))))
    return text[: m.start(1)] + new + text[m.end(1) :]


def insert_negation(text: str, rng: random.Random) -> str | None:
    matches = list(_AUX_RE.finditer(text))
    if not matches:
        return None
    m = rng.choice(matches)
    negated = "cannot" if m.group(1) == "can" else f"{m.group(1)} not"
    return text[: m.start()] + negated + text[m.end() :]


def remove_negation(text: str, rng: random.Random) -> str | None:
    candidates = [(p, r, m) for p, r in _NEGATION_EDITS for m in p.finditer(text)]
    if not candidates:
        return None
    pattern, repl, m = rng.choice(candidates)
    return text[: m.start()] + m.expand(repl) + text[m.end() :]


def _same_case(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word.lower()


def swap_drug(text: str, contexts: str, rng: random.Random) -> str | None:
    found = [
        m for m in re.finditer(r"[A-Za-z][\w-]+", text) if is_drug(fold(m.group(0))) and len(m.group(0)) > 3
    ]
    if not found:
        return None
    m = rng.choice(found)
    pool = [d for d in DRUG_POOL if d not in fold(contexts) and d not in fold(text)]
    return text[: m.start()] + _same_case(rng.choice(pool), m.group(0)) + text[m.end() :]


def swap_entity(
    text: str, contexts: str, meshes: Sequence[str], other_meshes: Sequence[str], rng: random.Random
) -> str | None:
    found = [
        m for term in meshes for m in re.finditer(r"\b" + re.escape(term) + r"\b", text, flags=re.IGNORECASE)
    ]
    if not found:
        return None
    m = rng.choice(found)
    folded = fold(contexts + " " + text)
    pool = [t for t in other_meshes if fold(t) not in folded]
    return text[: m.start()] + _same_case(rng.choice(pool), m.group(0)) + text[m.end() :]


def load_pubmedqa(path: Path) -> list[Item]:
    data: dict[str, dict] = json.loads(path.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for row in data.values():
        for term in row["MESHES"]:
            counts[term] = counts.get(term, 0) + 1
    specific = sorted(t for t, c in counts.items() if c <= GENERIC_MESH_MAX_ROWS and "," not in t)
    items: list[Item] = []
    for row_id, row in data.items():
        answer, contexts = row["LONG_ANSWER"], row["CONTEXTS"]
        sources = {i + 1: c for i, c in enumerate(contexts)}
        joined = " ".join(contexts)
        items.append(Item("pubmedqa", row_id, "original", 0, answer, sources))
        rng = random.Random(f"{SEED}:{row_id}")
        meshes = [t for t in row["MESHES"] if t in set(specific)]
        altered = {
            "number_swap": swap_number(answer, rng),
            "negation_insert": insert_negation(answer, rng),
            "negation_remove": remove_negation(answer, rng),
            "drug_swap": swap_drug(answer, joined, rng),
            "entity_swap": swap_entity(answer, joined, meshes, [t for t in specific if t not in meshes], rng),
        }
        for name in ALTERATIONS:
            text = altered[name]
            if text is not None and text != answer:
                items.append(Item("pubmedqa", row_id, name, 1, text, sources))
    return items


def split_rows(items: Sequence[Item], seed: int = SEED) -> tuple[set[str], set[str]]:
    """Calibration and held-out row ids, half and half, per data set (all items of a row stay together)."""
    calibration: set[str] = set()
    held_out: set[str] = set()
    for dataset in sorted({it.dataset for it in items}):
        rows = sorted({it.row for it in items if it.dataset == dataset})
        random.Random(seed).shuffle(rows)
        half = len(rows) // 2
        calibration |= {f"{dataset}:{r}" for r in rows[:half]}
        held_out |= {f"{dataset}:{r}" for r in rows[half:]}
    return calibration, held_out


def limit_rows(items: Sequence[Item], limit: int | None) -> list[Item]:
    """The items of about the first `limit` rows of each data set (quick runs); all of them without a limit."""
    if not limit:
        return list(items)
    first: dict[str, list[str]] = {}
    for it in items:
        rows = first.setdefault(it.dataset, [])
        if it.row not in rows and len(rows) < limit:
            rows.append(it.row)
    return [it for it in items if it.row in first[it.dataset]]
